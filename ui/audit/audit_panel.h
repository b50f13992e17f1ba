#pragma once
// The audit log page: who changed what and when, newest first, from the
// platform (partner_admin only; others see the platform's refusal in words).
// Calls DeskSession::ListAudit (services) in the background. UI thread only.
#include "ui/main/area_page.h"

#include <wx/panel.h>

#include <memory>

class wxDataViewListCtrl;
class wxInfoBar;

namespace kpd::ui {

class DeskSession;

class AuditPanel : public wxPanel, public AreaPage {
  public:
    AuditPanel(wxWindow* parent, std::shared_ptr<DeskSession> session, DeskShell& shell);

    void Reload() override;
    int RowCount() const;

  private:
    std::shared_ptr<DeskSession> m_session;
    DeskShell& m_shell;
    wxInfoBar* m_banner = nullptr;
    wxDataViewListCtrl* m_list = nullptr;
};

} // namespace kpd::ui
