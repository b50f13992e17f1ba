#include "ui/users/users_panel.h"

#include "ui/app/desk_session.h"
#include "ui/app/task_runner.h"
#include "ui/app/words.h"
#include "ui/users/add_user_dialog.h"
#include "ui/users/roles_dialog.h"
#include "ui/widgets/dialog_buttons.h"
#include "ui/widgets/page_header.h"

#include <wx/button.h>
#include <wx/dataview.h>
#include <wx/infobar.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <utility>

namespace kpd::ui {

UsersPanel::UsersPanel(wxWindow* parent, std::shared_ptr<DeskSession> session, DeskShell& shell)
    : wxPanel(parent), m_session(std::move(session)), m_shell(shell) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(new PageHeader(this, _("Users and roles"),
                              _("Who from your company works in the desk and what each of them may do.")),
               wxSizerFlags().Expand());
    m_banner = new wxInfoBar(this);
    sizer->Add(m_banner, wxSizerFlags().Expand());

    if (!m_session->IsPartnerAdmin()) {
        auto* note = new wxStaticText(
            this, wxID_ANY,
            _("Only a partner administrator can see and manage users. Ask your administrator to add a colleague "
              "or change roles."));
        note->Wrap(FromDIP(560));
        sizer->Add(note, wxSizerFlags().Border(wxALL, FromDIP(16)));
        SetSizer(sizer);
        return;
    }

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    m_add = new wxButton(this, wxID_ANY, _("&Add user…"));
    m_roles = new wxButton(this, wxID_ANY, _("Change &roles…"));
    m_disable = new wxButton(this, wxID_ANY, _("&Disable"));
    m_enable = new wxButton(this, wxID_ANY, _("&Enable"));
    m_refresh = new wxButton(this, wxID_ANY, _("Re&fresh"));
    for (wxButton* button : {m_add, m_roles, m_disable, m_enable}) {
        buttons->Add(button, wxSizerFlags().Border(wxRIGHT, FromDIP(8)));
    }
    buttons->AddStretchSpacer();
    buttons->Add(m_refresh);
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(16)));

    m_list = new wxDataViewListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                    wxDV_ROW_LINES | wxDV_SINGLE);
    m_list->AppendTextColumn(_("Login"), wxDATAVIEW_CELL_INERT, FromDIP(140));
    m_list->AppendTextColumn(_("Full name"), wxDATAVIEW_CELL_INERT, FromDIP(250));
    m_list->AppendTextColumn(_("Roles"), wxDATAVIEW_CELL_INERT, FromDIP(320));
    m_list->AppendTextColumn(_("State"), wxDATAVIEW_CELL_INERT, FromDIP(120));
    sizer->Add(m_list, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(16)));
    SetSizer(sizer);

    m_add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnAdd(); });
    m_roles->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnChangeRoles(); });
    m_disable->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnSetDisabled(true); });
    m_enable->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnSetDisabled(false); });
    m_refresh->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Reload(); });
    m_list->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) { UpdateButtons(); });
    m_list->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) { OnChangeRoles(); });
    UpdateButtons();
}

void UsersPanel::Reload() {
    if (!m_list || m_busy) return;
    m_busy = true;
    UpdateButtons();
    auto session = m_session;
    RunAsync<Loaded<std::vector<domain::User>>>(
        _("Loading users"), [session](TaskContext& context) {
            session->ResendPending(context.cancel); // what waits in the outbox goes first
            return session->ListUsers(context.cancel, &context.progress);
        })
        .ThenOnWindow(this, [this](Loaded<std::vector<domain::User>>& loaded) {
            m_busy = false;
            const bool keptBanner = std::exchange(m_keepBanner, false);
            if (loaded.value) Fill(*loaded.value);
            m_shell.SetOnline(!loaded.from_cache && !(loaded.error && loaded.error->IsOffline()));
            if (loaded.from_cache) {
                // TRANSLATORS: %s is when the desk last got the list, e.g. "23.11.2026 19:40".
                m_banner->ShowMessage(wxString::Format(_("Offline — showing data from %s. Changes need the "
                                                         "platform."),
                                                       FormatInstant(loaded.fetched_at)),
                                      wxICON_WARNING);
            } else if (loaded.error) {
                m_banner->ShowMessage(DescribeApiError(*loaded.error), wxICON_ERROR);
            } else {
                if (!keptBanner && m_banner->IsShown()) m_banner->Dismiss();
                // TRANSLATORS: %zu is the number of users listed.
                m_shell.ShowStatus(wxString::Format(wxPLURAL("%zu user", "%zu users", m_users.size()),
                                                    m_users.size()));
            }
            UpdateButtons();
            Layout();
        })
        .CatchAll([this](const wxString& why) {
            m_busy = false;
            m_banner->ShowMessage(why, wxICON_ERROR);
            UpdateButtons();
        });
}

void UsersPanel::Fill(const std::vector<domain::User>& users) {
    const auto previous = Selected();
    m_users = users;
    m_list->DeleteAllItems();
    for (const domain::User& user : m_users) {
        wxVector<wxVariant> row;
        row.push_back(FromUtf8(user.login));
        row.push_back(FromUtf8(user.name));
        row.push_back(RoleNames(user.roles));
        row.push_back(user.disabled ? _("Disabled") : _("Active"));
        m_list->AppendItem(row);
    }
    if (previous) {
        for (size_t i = 0; i < m_users.size(); ++i) {
            if (m_users[i].id == previous->id) m_list->SelectRow(static_cast<unsigned>(i));
        }
    }
}

std::optional<domain::User> UsersPanel::Selected() const {
    if (!m_list) return std::nullopt;
    const int row = m_list->GetSelectedRow();
    if (row == wxNOT_FOUND || static_cast<size_t>(row) >= m_users.size()) return std::nullopt;
    return m_users[static_cast<size_t>(row)];
}

void UsersPanel::UpdateButtons() {
    const auto user = Selected();
    const bool online = !m_busy;
    m_add->Enable(online);
    m_roles->Enable(online && user.has_value());
    m_disable->Enable(online && user && !user->disabled && user->login != m_session->Info().login);
    m_enable->Enable(online && user && user->disabled);
    m_refresh->Enable(!m_busy);
}

void UsersPanel::OnAdd() {
    AddUserDialog dialog(this, m_session);
    if (dialog.ShowModal() != wxID_OK) return;
    if (dialog.Queued()) {
        ShowQueued();
        return;
    }
    // TRANSLATORS: %s is the login of the user just added.
    m_shell.ShowStatus(wxString::Format(_("User %s added."), FromUtf8(dialog.Created().login)));
    Reload();
}

void UsersPanel::OnChangeRoles() {
    const auto user = Selected();
    if (!user || m_busy) return;
    RolesDialog dialog(this, *user);
    if (dialog.ShowModal() != wxID_OK || dialog.Roles() == user->roles) return;
    m_busy = true;
    UpdateButtons();
    auto session = m_session;
    const domain::RoleSet roles = dialog.Roles();
    RunAsync<RolesChange>(_("Changing roles"),
                          [session, target = *user, roles](TaskContext& context) {
                              return session->SetUserRoles(target, roles, context.cancel);
                          })
        .ThenOnWindow(this, [this](RolesChange& change) {
            if (change.current) {
                // Someone changed the user meanwhile: nothing was overwritten; say what is there now.
                m_busy = false;
                // TRANSLATORS: %s is a login, %s the roles the user has now on the platform.
                m_banner->ShowMessage(wxString::Format(_("Someone else changed %s a moment ago; nothing was "
                                                         "overwritten. Their roles now: %s. Check and try again."),
                                                       FromUtf8(change.current->login),
                                                       RoleNames(change.current->roles)),
                                      wxICON_WARNING);
                m_keepBanner = true;
                Reload();
                return;
            }
            // TRANSLATORS: %s is the login whose roles were changed.
            AfterChange(change.result, _("Roles of %s changed."));
        })
        .CatchAll([this](const wxString& why) {
            m_busy = false;
            m_banner->ShowMessage(why, wxICON_ERROR);
        });
}

void UsersPanel::OnSetDisabled(bool disabled) {
    const auto user = Selected();
    if (!user || m_busy) return;
    if (disabled) {
        // TRANSLATORS: %s is the login to be disabled.
        const wxString question = wxString::Format(
            _("Disable %s? They will be signed out everywhere and cannot sign in until enabled again."),
            FromUtf8(user->login));
        if (AskMessage(this, question, _("Disable user"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION, _("&Disable"),
                       _("Cancel")) != wxYES) {
            return;
        }
    }
    m_busy = true;
    UpdateButtons();
    auto session = m_session;
    RunAsync<UserChange>(disabled ? _("Disabling the user") : _("Enabling the user"),
                         [session, target = *user, disabled](TaskContext& context) {
                             return session->SetUserDisabled(target, disabled, context.cancel);
                         })
        .ThenOnWindow(this, [this, disabled](UserChange& change) {
            if (change.queued) {
                ShowQueued();
                return;
            }
            // TRANSLATORS: %s is a login.
            AfterChange(change.result, disabled ? _("%s disabled.") : _("%s enabled."));
        })
        .CatchAll([this](const wxString& why) {
            m_busy = false;
            m_banner->ShowMessage(why, wxICON_ERROR);
        });
}

void UsersPanel::AfterChange(api::Result<domain::User>& result, const wxString& done) {
    m_busy = false;
    if (result) {
        if (m_banner->IsShown()) m_banner->Dismiss();
        m_shell.SetOnline(true);
        m_shell.ShowStatus(wxString::Format(done, FromUtf8(result.Value().login)));
    } else {
        m_shell.SetOnline(!result.Error().IsOffline());
        m_banner->ShowMessage(DescribeApiError(result.Error()), wxICON_ERROR);
        m_keepBanner = true;
    }
    Reload(); // shows the platform's state either way (a stale version is reloaded too)
}

void UsersPanel::ShowQueued() {
    m_busy = false;
    m_shell.SetOnline(false);
    m_banner->ShowMessage(_("The platform did not answer. The change is kept in the outbox and will be sent again "
                            "on the next refresh (F5)."),
                          wxICON_WARNING);
    UpdateButtons();
}

std::vector<wxString> UsersPanel::ListedLogins() const {
    std::vector<wxString> logins;
    if (!m_list) return logins;
    for (unsigned row = 0; row < static_cast<unsigned>(m_list->GetItemCount()); ++row) {
        logins.push_back(m_list->GetTextValue(row, 0));
    }
    return logins;
}

} // namespace kpd::ui
