#pragma once
// Add a user: login, name, password and roles. The domain's ValidateNewUser
// runs on every keystroke and each field shows its own problem beneath it
// (once touched, or after a first Add); the platform's answer (422 problems,
// 409 login taken) is shown the same way. Add calls DeskSession::CreateUser
// (services) in the background while the dialog stays responsive.
// UI thread only.
#include "domain/cancel_token.h"
#include "domain/user.h"

#include <wx/dialog.h>

#include <map>
#include <memory>
#include <string>

class wxButton;
class wxStaticText;
class wxTextCtrl;

namespace kpd::ui {

class DeskSession;
class RoleChecklist;

class AddUserDialog : public wxDialog {
  public:
    AddUserDialog(wxWindow* parent, std::shared_ptr<DeskSession> session);
    ~AddUserDialog() override;

    const domain::User& Created() const { return m_created; }
    bool Queued() const { return m_queued; } // no answer yet: the user waits in the outbox

    // For the GUI smoke test.
    wxTextCtrl* LoginField() const { return m_login; }
    wxTextCtrl* NameField() const { return m_name; }
    wxTextCtrl* PasswordField() const { return m_password; }
    RoleChecklist* RolesField() const { return m_roles; }
    wxButton* AddButton() const { return m_ok; }
    wxString ProblemText(const std::string& pointer) const; // "/login", "/name", …

  private:
    domain::NewUser Entered() const;
    void CheckFields();
    void ShowProblems(const domain::Problems& problems);
    void Submit();

    std::shared_ptr<DeskSession> m_session;
    wxTextCtrl* m_login = nullptr;
    wxTextCtrl* m_name = nullptr;
    wxTextCtrl* m_password = nullptr;
    RoleChecklist* m_roles = nullptr;
    std::map<std::string, wxStaticText*> m_problemLabels; // by JSON pointer: /login, /name, …
    std::map<std::string, bool> m_touched;
    wxStaticText* m_general = nullptr;
    wxButton* m_ok = nullptr;
    bool m_submitted = false;
    bool m_busy = false;
    domain::CancelTokenPtr m_cancel;
    domain::User m_created;
    bool m_queued = false;
};

} // namespace kpd::ui
