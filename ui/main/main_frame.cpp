#include "ui/main/main_frame.h"

#include "ui/app/desk_session.h"
#include "ui/app/settings.h"
#include "ui/app/words.h"
#include "ui/audit/audit_panel.h"
#include "ui/card_screen/card_screen_editor.h"
#include "ui/cashback/cashback_panel.h"
#include "ui/card_screen/card_screen_panel.h"
#include "ui/card_screen/issuance_questions_page.h"
#include "ui/main/about_box.h"
#include "ui/main/activity_strip.h"
#include "ui/main/placeholder_panel.h"
#include "ui/partner/partner_profile_panel.h"
#include "ui/settlements/settlements_panel.h"
#include "ui/users/users_panel.h"
#include "ui/widgets/app_icon.h"

#include <wx/cmdproc.h>
#include <wx/intl.h>
#include <wx/menu.h>
#include <wx/sizer.h>
#include <wx/statusbr.h>
#include <wx/treebook.h>
#include <wx/treectrl.h>

namespace kpd::ui {
namespace {

enum MenuId {
    IdSignOut = wxID_HIGHEST + 1,
    IdRefresh,
    IdNextArea,
    IdPreviousArea,
    IdFirstArea, // one id per area from here on
};

} // namespace

MainFrame::MainFrame(std::shared_ptr<DeskSession> session, const wxString& vaultNote)
    : wxFrame(nullptr, wxID_ANY, wxString()), m_session(std::move(session)) {
    const SessionInfo& info = m_session->Info();
    // TRANSLATORS: the window title; %s is the partner's name, e.g. "Кофемания".
    SetTitle(wxString::Format(_("%s — Koshelek Partner"), FromUtf8(info.partner_name)));
    SetIcons(AppIcons());

    auto* root = new wxPanel(this);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    m_book = new wxTreebook(root, wxID_ANY);
    sizer->Add(m_book, wxSizerFlags(1).Expand());
    sizer->Add(new ActivityStrip(root), wxSizerFlags().Expand());
    root->SetSizer(sizer);

    CreateStatusBar(FieldCount);
    const int widths[FieldCount] = {-1, FromDIP(260), FromDIP(300), FromDIP(110)};
    GetStatusBar()->SetStatusWidths(FieldCount, widths);

    BuildPages();
    BuildMenus();
    UpdateStatusBar();
    m_standingNote = vaultNote;
    ShowStatus(wxString());

    Settings::RestoreGeometry(*this, "MainFrame", FromDIP(wxSize(1100, 720)));
    m_book->Bind(wxEVT_TREEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent&) { OnPageChanged(); });
    Bind(wxEVT_CLOSE_WINDOW, &MainFrame::OnClose, this);

    const int remembered = Settings::SelectedArea();
    const int page = remembered >= 0 && remembered < static_cast<int>(m_pageAreas.size()) ? remembered : 0;
    m_book->SetSelection(static_cast<size_t>(page));
    CallAfter([this] { OnPageChanged(); }); // load the first page once the frame is up
}

void MainFrame::BuildPages() {
    for (const AreaInfo& area : Areas()) {
        wxWindow* page = nullptr;
        switch (area.area) {
        case Area::PartnerProfile: page = new PartnerProfilePanel(m_book, m_session, *this); break;
        case Area::Users: page = new UsersPanel(m_book, m_session, *this); break;
        case Area::AuditLog: page = new AuditPanel(m_book, m_session, *this); break;
        case Area::CardScreen: page = new CardScreenPanel(m_book, m_session, *this); break;
        case Area::IssuanceQuestions:
            page = new IssuanceQuestionsPage(m_book, area, [this] {
                SelectArea(Area::CardScreen);
                auto* designer = dynamic_cast<CardScreenPanel*>(PageOf(Area::CardScreen));
                if (designer) designer->CallAfter([designer] { designer->Editor()->SelectField("/questions"); });
            });
            break;
        case Area::Settlements: page = new SettlementsPanel(m_book, m_session, *this); break;
        case Area::CashbackFlights: page = new CashbackPanel(m_book, m_session, *this); break;
        default: page = new PlaceholderPanel(m_book, area); break;
        }
        page->SetName(area.key);
        m_book->AddPage(page, area.title);
        m_pageAreas.push_back(area.area);
    }
    // The tree shows every title in full.
    m_book->GetTreeCtrl()->SetMinSize(FromDIP(wxSize(240, -1)));
}

void MainFrame::BuildMenus() {
    auto* file = new wxMenu;
    file->Append(IdSignOut, _("Sign &out") + "\tCtrl+Shift+Q", _("Forget the sign-in and return to the sign-in dialog"));
    file->AppendSeparator();
    file->Append(wxID_EXIT, _("&Quit") + "\tCtrl+Q", _("Close the desk"));

    // Undo and Redo act on the current page's own history (pages without one grey them out).
    auto* edit = new wxMenu;
    edit->Append(wxID_UNDO, _("&Undo") + "\tCtrl+Z");
    edit->Append(wxID_REDO, _("&Redo") + "\tCtrl+Y");

    auto* view = new wxMenu;
    const auto& areas = Areas();
    for (size_t i = 0; i < areas.size(); ++i) {
        wxString label = areas[i].title;
        if (i < 9) label += wxString::Format("\tCtrl+%zu", i + 1);
        view->Append(IdFirstArea + static_cast<int>(i), label);
    }
    view->AppendSeparator();
    view->Append(IdNextArea, _("&Next area") + "\tCtrl+PgDn");
    view->Append(IdPreviousArea, _("&Previous area") + "\tCtrl+PgUp");
    view->AppendSeparator();
    view->Append(IdRefresh, _("&Refresh") + "\tF5", _("Load the current page again from the platform"));

    auto* help = new wxMenu;
    help->Append(wxID_ABOUT, _("&About Koshelek Partner"));

    auto* bar = new wxMenuBar;
    bar->Append(file, _("&File"));
    bar->Append(edit, _("&Edit"));
    bar->Append(view, _("&View"));
    bar->Append(help, _("&Help"));
    SetMenuBar(bar);

    Bind(wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { ShowAboutBox(this); }, wxID_ABOUT);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { if (m_onSignOut) m_onSignOut(); }, IdSignOut);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) {
        if (auto* page = dynamic_cast<AreaPage*>(m_book->GetCurrentPage())) page->Reload();
    }, IdRefresh);
    auto commands = [this]() -> wxCommandProcessor* {
        auto* page = dynamic_cast<UndoablePage*>(m_book->GetCurrentPage());
        return page ? page->Commands() : nullptr;
    };
    Bind(wxEVT_MENU, [commands](wxCommandEvent&) { if (auto* c = commands()) c->Undo(); }, wxID_UNDO);
    Bind(wxEVT_MENU, [commands](wxCommandEvent&) { if (auto* c = commands()) c->Redo(); }, wxID_REDO);
    Bind(wxEVT_UPDATE_UI, [commands](wxUpdateUIEvent& event) {
        wxCommandProcessor* c = commands();
        event.Enable(c && c->CanUndo());
        const wxString name = c && c->CanUndo() ? c->GetCurrentCommand()->GetName() : wxString();
        wxString label = _("&Undo");
        // TRANSLATORS: the Undo menu item with the last edit's name, e.g. "Undo Theme › Text colour".
        if (!name.empty()) label = wxString::Format(_("&Undo %s"), name);
        event.SetText(label + "\tCtrl+Z");
    }, wxID_UNDO);
    Bind(wxEVT_UPDATE_UI, [commands](wxUpdateUIEvent& event) {
        wxCommandProcessor* c = commands();
        event.Enable(c && c->CanRedo());
        wxString name;
        if (c && c->CanRedo()) { // the command after the current one is what Redo does
            const wxList& list = c->GetCommands();
            wxList::compatibility_iterator node = c->GetCurrentCommand() ? list.Find(c->GetCurrentCommand())->GetNext()
                                                                         : list.GetFirst();
            if (node) name = static_cast<wxCommand*>(node->GetData())->GetName();
        }
        wxString label = _("&Redo");
        // TRANSLATORS: the Redo menu item with the name of the edit to do again.
        if (!name.empty()) label = wxString::Format(_("&Redo %s"), name);
        event.SetText(label + "\tCtrl+Y");
    }, wxID_REDO);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { m_book->AdvanceSelection(true); }, IdNextArea);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { m_book->AdvanceSelection(false); }, IdPreviousArea);
    Bind(wxEVT_MENU, [this](wxCommandEvent& event) {
        m_book->SetSelection(static_cast<size_t>(event.GetId() - IdFirstArea));
    }, IdFirstArea, IdFirstArea + static_cast<int>(areas.size()) - 1);
}

void MainFrame::UpdateStatusBar() {
    const SessionInfo& info = m_session->Info();
    SetStatusText(FromUtf8(info.platform_url), FieldPlatform);
    SetStatusText(FromUtf8(info.login) + " — " + RoleNames(info.roles), FieldUser);
    SetStatusText(m_online ? _("Online") : _("Offline"), FieldOnline);
}

void MainFrame::SetOnline(bool online) {
    m_online = online;
    UpdateStatusBar();
}

void MainFrame::ShowStatus(const wxString& message) {
    // With nothing else to say, the status bar keeps saying where the sign-in is kept.
    SetStatusText(message.empty() ? m_standingNote : message, FieldMessage);
}

void MainFrame::SelectArea(Area area) {
    for (size_t i = 0; i < m_pageAreas.size(); ++i) {
        if (m_pageAreas[i] == area) m_book->SetSelection(i);
    }
}

Area MainFrame::SelectedArea() const {
    const int page = m_book->GetSelection();
    return page == wxNOT_FOUND ? Area::PartnerProfile : m_pageAreas[static_cast<size_t>(page)];
}

wxWindow* MainFrame::PageOf(Area area) const {
    for (size_t i = 0; i < m_pageAreas.size(); ++i) {
        if (m_pageAreas[i] == area) return m_book->GetPage(i);
    }
    return nullptr;
}

wxString MainFrame::StatusField(int field) const { return GetStatusBar()->GetStatusText(field); }

void MainFrame::OnPageChanged() {
    ShowStatus(wxString()); // the last page's message does not belong to this one
    if (auto* page = dynamic_cast<AreaPage*>(m_book->GetCurrentPage())) page->Activate();
}

void MainFrame::OnClose(wxCloseEvent& event) {
    Settings::SaveGeometry(*this, "MainFrame");
    Settings::SetSelectedArea(m_book->GetSelection());
    Settings::Flush();
    event.Skip();
}

} // namespace kpd::ui
