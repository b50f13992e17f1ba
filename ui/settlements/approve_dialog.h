#pragma once
// Approving a register: a comment (what was checked), and a confirmation that
// shows the register's totals, the reconciliation's totals when there is one,
// and what this approval will do — approve the register, or be the first of
// two (DecideApproval). When the rules already refuse it, the dialog says why
// and offers no approval. UI thread only.
#include "domain/settlement.h"
#include "services/settlement_checks.h"

#include <wx/dialog.h>

class wxTextCtrl;

namespace kpd::ui {

class ApproveDialog : public wxDialog {
  public:
    // `report` may be null (not reconciled).
    ApproveDialog(wxWindow* parent, const domain::SettlementRegister& reg, domain::ApprovalOutcome outcome,
                  const services::ReconcileReport* report);

    wxString Comment() const;
    void SetComment(const wxString& comment); // as typed (for the GUI test)

  private:
    wxTextCtrl* m_comment = nullptr;
};

} // namespace kpd::ui
