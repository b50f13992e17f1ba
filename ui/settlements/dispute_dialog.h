#pragma once
// Disputing a register: the reason, and the orders of the rows selected in
// the reconciliation (listed; none is allowed). UI thread only.
#include "domain/settlement.h"

#include <wx/dialog.h>

#include <string>
#include <vector>

class wxTextCtrl;

namespace kpd::ui {

class DisputeDialog : public wxDialog {
  public:
    DisputeDialog(wxWindow* parent, const domain::SettlementRegister& reg, const std::vector<std::string>& orders);
    wxString Reason() const;

  private:
    wxTextCtrl* m_reason = nullptr;
};

} // namespace kpd::ui
