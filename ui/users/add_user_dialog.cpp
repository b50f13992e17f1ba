#include "ui/users/add_user_dialog.h"

#include "ui/app/desk_session.h"
#include "ui/app/task_runner.h"
#include "ui/app/words.h"
#include "ui/users/role_checklist.h"
#include "ui/widgets/dialog_buttons.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace kpd::ui {
namespace {

const wxColour kProblemColour(0xB0, 0x1E, 0x1E);

} // namespace

AddUserDialog::AddUserDialog(wxWindow* parent, std::shared_ptr<DeskSession> session)
    : wxDialog(parent, wxID_ANY, _("Add user")), m_session(std::move(session)) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(12, 2)));
    grid->AddGrowableCol(1);
    const wxSize fieldSize = FromDIP(wxSize(320, -1));

    auto addField = [&](const wxString& label, wxWindow* field, const std::string& pointer) {
        grid->Add(new wxStaticText(this, wxID_ANY, label),
                  wxSizerFlags().Align(field->IsKindOf(wxCLASSINFO(wxTextCtrl)) ? wxALIGN_CENTER_VERTICAL : wxALIGN_TOP));
        grid->Add(field, wxSizerFlags(1).Expand());
        auto* problem = new wxStaticText(this, wxID_ANY, wxString());
        problem->SetForegroundColour(kProblemColour);
        grid->AddSpacer(0);
        grid->Add(problem, wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(6)));
        m_problemLabels[pointer] = problem;
    };
    m_login = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, fieldSize);
    m_login->SetHint(_("e.g. anna.petrova"));
    m_name = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, fieldSize);
    m_name->SetHint(_("e.g. Anna Petrova"));
    m_password = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, fieldSize, wxTE_PASSWORD);
    m_roles = new RoleChecklist(this);
    addField(_("&Login:"), m_login, "/login");
    addField(_("&Full name:"), m_name, "/name");
    addField(_("&Password:"), m_password, "/password");
    addField(_("&Roles:"), m_roles, "/roles");
    sizer->Add(grid, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(16)));

    m_general = new wxStaticText(this, wxID_ANY, wxString());
    m_general->SetForegroundColour(kProblemColour);
    sizer->Add(m_general, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(16)));

    // "Add" ends the dialog once the platform has answered (Submit).
    DialogButtonsSpec spec;
    spec.affirmative = _("Add");
    spec.affirmative_ends = false;
    const DialogButtons buttons = MakeDialogButtons(this, spec);
    m_ok = buttons.affirmative;
    sizer->Add(buttons.sizer, wxSizerFlags().Expand().Border(wxALL, FromDIP(16)));
    SetSizerAndFit(sizer);
    CentreOnParent();

    const std::pair<wxTextCtrl*, std::string> texts[] = {{m_login, "/login"}, {m_name, "/name"},
                                                          {m_password, "/password"}};
    for (const auto& [field, pointer] : texts) {
        field->Bind(wxEVT_TEXT, [this, pointer = pointer](wxCommandEvent&) {
            m_touched[pointer] = true;
            CheckFields();
        });
    }
    m_roles->Bind(wxEVT_CHECKLISTBOX, [this](wxCommandEvent&) {
        m_touched["/roles"] = true;
        CheckFields();
    });
    m_ok->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Submit(); });
    m_login->SetFocus();
}

AddUserDialog::~AddUserDialog() {
    if (m_cancel) m_cancel->Cancel();
}

wxString AddUserDialog::ProblemText(const std::string& pointer) const {
    auto it = m_problemLabels.find(pointer);
    return it == m_problemLabels.end() ? wxString() : it->second->GetLabel();
}

domain::NewUser AddUserDialog::Entered() const {
    domain::NewUser user;
    user.login = ToUtf8(m_login->GetValue().Strip(wxString::both));
    user.name = ToUtf8(m_name->GetValue().Strip(wxString::both));
    user.password = ToUtf8(m_password->GetValue());
    user.roles = m_roles->Roles();
    return user;
}

void AddUserDialog::CheckFields() {
    domain::Problems shown;
    for (const domain::Problem& problem : domain::ValidateNewUser(Entered())) {
        if (m_submitted || m_touched[problem.field]) shown.push_back(problem);
    }
    ShowProblems(shown);
}

void AddUserDialog::ShowProblems(const domain::Problems& problems) {
    for (auto& [pointer, label] : m_problemLabels) label->SetLabel(wxString());
    wxString general;
    for (const domain::Problem& problem : problems) {
        // "/roles/1" belongs to the roles field.
        const std::string field = problem.field.substr(0, problem.field.find('/', 1));
        auto it = m_problemLabels.find(field);
        if (it != m_problemLabels.end() && it->second->GetLabel().empty()) {
            it->second->SetLabel(DescribeProblem(problem));
            it->second->Wrap(FromDIP(320)); // the field's width: the dialog never widens
        } else if (it == m_problemLabels.end()) {
            general += DescribeProblem(problem) + "\n";
        }
    }
    if (!general.empty()) {
        m_general->SetLabel(general.Trim());
        m_general->Wrap(FromDIP(420));
    }
    Layout();
    Fit();
}

void AddUserDialog::Submit() {
    if (m_busy) return;
    m_submitted = true;
    m_general->SetLabel(wxString());
    const domain::NewUser user = Entered();
    const domain::Problems problems = domain::ValidateNewUser(user);
    if (!problems.empty()) {
        ShowProblems(problems);
        return;
    }
    m_busy = true;
    m_ok->Disable();
    m_general->SetLabel(_("Adding…"));
    auto session = m_session;
    auto task = RunAsync<UserChange>(_("Adding a user"), [session, user](TaskContext& context) {
        return session->CreateUser(user, context.cancel);
    });
    m_cancel = task.Token();
    task.ThenOnWindow(this, [this](UserChange& change) {
            api::Result<domain::User>& result = change.result;
            m_busy = false;
            m_cancel.reset();
            m_ok->Enable();
            m_general->SetLabel(wxString());
            if (change.queued) { // kept in the outbox: the panel says so
                m_queued = true;
                EndModal(wxID_OK);
                return;
            }
            if (result) {
                m_created = result.Value();
                EndModal(wxID_OK);
                return;
            }
            const api::ApiError& error = result.Error();
            if (!error.problems.empty()) {
                ShowProblems(error.problems);
            } else if (error.code == "login_taken") {
                ShowProblems({{"/login", "login_taken", error.message}});
            } else {
                m_general->SetLabel(DescribeApiError(error));
                m_general->Wrap(FromDIP(420));
                Layout();
                Fit();
            }
        })
        .CatchAll([this](const wxString& why) {
            m_busy = false;
            m_ok->Enable();
            m_general->SetLabel(why);
        });
}

} // namespace kpd::ui
