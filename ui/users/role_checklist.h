#pragma once
// A checklist of every role, in the words of the UI language. UI thread only.
#include "domain/roles.h"

#include <wx/checklst.h>

namespace kpd::ui {

class RoleChecklist : public wxCheckListBox {
  public:
    explicit RoleChecklist(wxWindow* parent);
    void SetRoles(domain::RoleSet roles);
    domain::RoleSet Roles() const;
};

} // namespace kpd::ui
