#include "ui/users/role_checklist.h"

#include "ui/app/words.h"

namespace kpd::ui {

RoleChecklist::RoleChecklist(wxWindow* parent) : wxCheckListBox(parent, wxID_ANY) {
    for (domain::Role role : domain::kAllRoles) Append(RoleName(role));
    SetMinSize(FromDIP(wxSize(320, -1)));
}

void RoleChecklist::SetRoles(domain::RoleSet roles) {
    unsigned index = 0;
    for (domain::Role role : domain::kAllRoles) Check(index++, roles.Has(role));
}

domain::RoleSet RoleChecklist::Roles() const {
    domain::RoleSet roles;
    unsigned index = 0;
    for (domain::Role role : domain::kAllRoles) {
        if (IsChecked(index++)) roles.Add(role);
    }
    return roles;
}

} // namespace kpd::ui
