#pragma once
// Change roles of one user: a checklist of every role; OK only with at least
// one role (the domain's rule, checked as the boxes change). UI thread only.
#include "domain/user.h"

#include <wx/dialog.h>

class wxButton;
class wxStaticText;

namespace kpd::ui {

class RoleChecklist;

class RolesDialog : public wxDialog {
  public:
    RolesDialog(wxWindow* parent, const domain::User& user);
    domain::RoleSet Roles() const;

  private:
    void CheckFields();

    RoleChecklist* m_roles = nullptr;
    wxStaticText* m_problem = nullptr;
    wxButton* m_ok = nullptr;
};

} // namespace kpd::ui
