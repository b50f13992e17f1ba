#include "ui/card_screen/versions_dialog.h"

#include "contract/card_screen_json.h"
#include "ui/app/desk_session.h"
#include "ui/app/task_runner.h"
#include "ui/app/words.h"
#include "ui/card_screen/card_preview_widget.h"
#include "ui/card_screen/diff_table.h"
#include "ui/widgets/dialog_buttons.h"

#include <wx/button.h>
#include <wx/display.h>
#include <wx/dataview.h>
#include <wx/intl.h>
#include <wx/generic/msgdlgg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace kpd::ui {

VersionsDialog::VersionsDialog(wxWindow* parent, std::shared_ptr<DeskSession> session,
                               const domain::CardScreenState& state, bool canRollback,
                               const CardPreviewWidget* previewSource)
    : wxDialog(parent, wxID_ANY, _("Card screen versions"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_session(std::move(session)), m_state(state), m_canRollback(canRollback) {
    SetName("card-screen-versions");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* body = new wxBoxSizer(wxHORIZONTAL);

    m_list = new wxDataViewListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(330, -1)),
                                    wxDV_ROW_LINES | wxDV_SINGLE);
    m_list->AppendTextColumn(_("Version"), wxDATAVIEW_CELL_INERT, FromDIP(60));
    m_list->AppendTextColumn(_("Published"), wxDATAVIEW_CELL_INERT, FromDIP(120));
    m_list->AppendTextColumn(_("By"), wxDATAVIEW_CELL_INERT, FromDIP(140));
    body->Add(m_list, wxSizerFlags().Expand().Border(wxRIGHT, FromDIP(10)));

    auto* right = new wxBoxSizer(wxVERTICAL);
    auto* phones = new wxFlexGridSizer(2, 2, FromDIP(4), FromDIP(10));
    m_oldTitle = new wxStaticText(this, wxID_ANY, _("Choose a version on the left"));
    phones->Add(m_oldTitle);
    // TRANSLATORS: %lld is the version the app shows now.
    phones->Add(new wxStaticText(this, wxID_ANY,
                                 state.published_version > 0
                                     ? wxString::Format(_("Published now: version %lld"),
                                                        static_cast<long long>(state.published_version))
                                     : _("Nothing is published now")));
    m_old = new CardPreviewWidget(this);
    m_now = new CardPreviewWidget(this);
    for (CardPreviewWidget* phone : {m_old, m_now}) {
        if (previewSource) phone->SetData(previewSource->Data());
        if (previewSource) phone->SetPhoneTheme(previewSource->PhoneTheme());
        phone->SetZoom(0.5);
        phone->SetMinSize(FromDIP(wxSize(240, 330)));
        phones->Add(phone, wxSizerFlags(1).Expand());
    }
    phones->AddGrowableCol(0);
    phones->AddGrowableCol(1);
    phones->AddGrowableRow(1);
    if (state.published) m_now->SetScreen(*state.published);
    right->Add(phones, wxSizerFlags(3).Expand());
    m_table = new DiffTable(this, _("This version"),
                            _("Published now"));
    m_table->SetMinSize(FromDIP(wxSize(560, 150)));
    right->Add(m_table, wxSizerFlags(2).Expand().Border(wxTOP, FromDIP(8)));
    body->Add(right, wxSizerFlags(1).Expand());
    sizer->Add(body, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(12)));

    m_note = new wxStaticText(this, wxID_ANY, _("Loading…"));
    sizer->Add(m_note, wxSizerFlags().Border(wxLEFT | wxRIGHT, FromDIP(12)));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    m_rollback = new wxButton(this, wxID_ANY, _("&Roll back to this version…"));
    m_rollback->Enable(false);
    m_rollback->Show(canRollback);
    buttons->Add(m_rollback);
    buttons->AddStretchSpacer();
    buttons->Add(MakeEscapeButton(this, _("&Close")));
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    SetSizer(sizer);
    // Never larger than the screen the desk is on (a small laptop, Xvfb's 1280×800).
    const wxRect screen = wxDisplay(parent).GetClientArea();
    wxSize size = FromDIP(wxSize(1020, 700));
    size.DecTo(screen.GetSize() - wxSize(20, 20));
    SetSize(size);
    CentreOnScreen();

    m_list->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) { OnSelected(); });
    m_rollback->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (!m_shown) return;
        // TRANSLATORS: %lld is the version to publish again.
        const wxString question = wxString::Format(
            _("Publish version %lld again? Customers will see it in the app at once, as a new version. Your draft "
              "stays as it is."),
            static_cast<long long>(*m_shown));
        // The generic dialog is a wx window (the GUI test answers it); the look is the same.
        wxGenericMessageDialog confirm(this, question, _("Roll back"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
        confirm.SetName("confirm-rollback");
        SetMessageButtonLabels(confirm, wxYES_NO, _("&Publish again"), _("Cancel"));
        if (confirm.ShowModal() != wxID_YES) return;
        m_rollbackTo = m_shown;
        EndModal(wxID_OK);
    });
    m_list->SetFocus();
    LoadList();
}

void VersionsDialog::LoadList() {
    auto session = m_session;
    RunAsync<api::Result<std::vector<domain::CardScreenVersion>>>(
        _("Loading card screen versions"),
        [session](TaskContext& context) { return session->ListCardScreenVersions(context.cancel); })
        .ThenOnWindow(this, [this](api::Result<std::vector<domain::CardScreenVersion>>& result) {
            if (!result) {
                m_note->SetLabel(DescribeApiError(result.Error()));
                return;
            }
            m_versions = result.Value();
            for (const auto& version : m_versions) {
                wxVector<wxVariant> row;
                wxString number = wxString::Format("%lld", static_cast<long long>(version.number));
                if (version.number == m_state.published_version) number += wxString::FromUTF8(" ●");
                row.push_back(number);
                row.push_back(FormatInstant(version.published_at));
                wxString by = FromUtf8(version.published_by);
                // TRANSLATORS: after the login in the versions list; %lld is the version rolled back to.
                if (version.rolled_back_from)
                    by += wxString::Format(_(" (rollback to %lld)"), static_cast<long long>(*version.rolled_back_from));
                row.push_back(by);
                m_list->AppendItem(row);
            }
            // TRANSLATORS: %zu is the number of publications listed.
            m_note->SetLabel(m_versions.empty()
                                 ? _("Nothing has been published yet.")
                                 : wxString::Format(wxPLURAL("%zu publication. ● marks the one the app shows now.",
                                                             "%zu publications. ● marks the one the app shows now.",
                                                             m_versions.size()),
                                                    m_versions.size()));
            if (!m_versions.empty()) SelectVersion(m_versions.size() > 1 ? 1 : 0);
        });
}

void VersionsDialog::SelectVersion(int row) {
    if (row < 0 || row >= m_list->GetItemCount()) return;
    m_list->SelectRow(static_cast<unsigned>(row));
    OnSelected();
}

void VersionsDialog::OnSelected() {
    const int row = m_list->GetSelectedRow();
    if (row == wxNOT_FOUND || static_cast<std::size_t>(row) >= m_versions.size()) return;
    const std::int64_t number = m_versions[static_cast<std::size_t>(row)].number;
    if (auto it = m_loaded.find(number); it != m_loaded.end()) {
        ShowVersion(it->second);
        return;
    }
    m_rollback->Enable(false);
    auto session = m_session;
    RunAsync<api::Result<domain::CardScreenVersion>>(
        _("Loading a card screen version"),
        [session, number](TaskContext& context) { return session->LoadCardScreenVersion(number, context.cancel); })
        .ThenOnWindow(this, [this](api::Result<domain::CardScreenVersion>& result) {
            if (!result) {
                m_note->SetLabel(DescribeApiError(result.Error()));
                return;
            }
            const domain::CardScreenVersion& version = result.Value();
            m_loaded[version.number] = version;
            const int selected = m_list->GetSelectedRow();
            if (selected != wxNOT_FOUND && m_versions[static_cast<std::size_t>(selected)].number == version.number) {
                ShowVersion(version);
            }
        });
}

void VersionsDialog::ShowVersion(const domain::CardScreenVersion& version) {
    m_shown = version.number;
    // TRANSLATORS: %lld is the version shown in the left phone.
    m_oldTitle->SetLabel(wxString::Format(_("Version %lld"), static_cast<long long>(version.number)));
    m_old->SetScreen(version.screen);
    m_table->Show(contract::DiffCardScreens(version.screen, m_state.published.value_or(domain::CardScreen{})));
    m_rollback->Enable(m_canRollback && version.number != m_state.published_version);
    Layout();
}

} // namespace kpd::ui
