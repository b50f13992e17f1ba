#pragma once
// The users page: for a partner administrator, the partner's users with their
// roles and state, and Add, Change roles, Disable, Enable and Refresh; for
// other roles a note that only a partner administrator manages users (the
// platform enforces it anyway). Calls DeskSession's user use cases (services)
// in the background. UI thread only.
#include "api/result.h"
#include "domain/user.h"
#include "ui/main/area_page.h"

#include <wx/panel.h>

#include <memory>
#include <optional>
#include <vector>

class wxButton;
class wxDataViewListCtrl;
class wxInfoBar;

namespace kpd::ui {

class DeskSession;

class UsersPanel : public wxPanel, public AreaPage {
  public:
    UsersPanel(wxWindow* parent, std::shared_ptr<DeskSession> session, DeskShell& shell);

    void Reload() override;

    // For the GUI smoke test: the logins as listed.
    std::vector<wxString> ListedLogins() const;
    wxButton* AddButton() const { return m_add; }

  private:
    void Fill(const std::vector<domain::User>& users);
    std::optional<domain::User> Selected() const;
    void UpdateButtons();
    void OnAdd();
    void OnChangeRoles();
    void OnSetDisabled(bool disabled);
    void ShowQueued();
    void AfterChange(api::Result<domain::User>& result, const wxString& done);

    std::shared_ptr<DeskSession> m_session;
    DeskShell& m_shell;
    wxInfoBar* m_banner = nullptr;
    wxDataViewListCtrl* m_list = nullptr;
    wxButton* m_add = nullptr;
    wxButton* m_roles = nullptr;
    wxButton* m_disable = nullptr;
    wxButton* m_enable = nullptr;
    wxButton* m_refresh = nullptr;
    std::vector<domain::User> m_users;
    bool m_busy = false;
    bool m_keepBanner = false; // the next reload keeps the banner (it explains a failed change)
};

} // namespace kpd::ui
