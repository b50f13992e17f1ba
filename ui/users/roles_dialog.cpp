#include "ui/users/roles_dialog.h"

#include "ui/app/words.h"
#include "ui/users/role_checklist.h"
#include "ui/widgets/dialog_buttons.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace kpd::ui {

RolesDialog::RolesDialog(wxWindow* parent, const domain::User& user)
    : wxDialog(parent, wxID_ANY, _("Change roles")) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    // TRANSLATORS: %s is the user's name, %s their login.
    auto* intro = new wxStaticText(this, wxID_ANY, wxString::Format(_("Roles of %s (%s):"), FromUtf8(user.name),
                                                                     FromUtf8(user.login)));
    sizer->Add(intro, wxSizerFlags().Border(wxALL, FromDIP(16)));
    m_roles = new RoleChecklist(this);
    m_roles->SetRoles(user.roles);
    sizer->Add(m_roles, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, FromDIP(16)));
    m_problem = new wxStaticText(this, wxID_ANY, wxString());
    m_problem->SetForegroundColour(wxColour(0xB0, 0x1E, 0x1E));
    sizer->Add(m_problem, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(16)));

    const DialogButtons buttons = OkCancelButtons(this, _("Save"));
    m_ok = buttons.affirmative;
    sizer->Add(buttons.sizer, wxSizerFlags().Expand().Border(wxALL, FromDIP(16)));
    SetSizerAndFit(sizer);
    CentreOnParent();

    m_roles->Bind(wxEVT_CHECKLISTBOX, [this](wxCommandEvent&) { CheckFields(); });
    CheckFields();
}

domain::RoleSet RolesDialog::Roles() const { return m_roles->Roles(); }

void RolesDialog::CheckFields() {
    const domain::Problems problems = domain::ValidateRoles(Roles());
    m_problem->SetLabel(problems.empty() ? wxString() : _("Choose at least one role."));
    m_ok->Enable(problems.empty());
}

} // namespace kpd::ui
