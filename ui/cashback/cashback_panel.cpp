#include "ui/cashback/cashback_panel.h"

#include "ui/app/desk_session.h"
#include "ui/app/task_runner.h"
#include "ui/app/words.h"
#include "ui/cashback/cashback_words.h"
#include "ui/cashback/flight_action_dialog.h"
#include "ui/cashback/flight_editor.h"
#include "ui/cashback/flight_report_view.h"
#include "ui/settlements/settlement_words.h"
#include "ui/widgets/budget_bar_renderer.h"
#include "ui/widgets/list_area.h"
#include "ui/widgets/page_header.h"

#include <wx/button.h>
#include <wx/dataview.h>
#include <wx/infobar.h>
#include <wx/intl.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>

namespace kpd::ui {
namespace {

enum Page { ListPage, EditorPage, ReportPage };

bool HasReport(domain::FlightStatus status) {
    return status != domain::FlightStatus::Draft && status != domain::FlightStatus::Scheduled;
}

} // namespace

CashbackPanel::CashbackPanel(wxWindow* parent, std::shared_ptr<DeskSession> session, DeskShell& shell)
    : wxPanel(parent), m_session(std::move(session)), m_shell(shell) {
    auto area = BuildListArea(
        this, _("Cashback flights"),
        _("Cashback for your goods in the Koshelek app: customers scan the QR code of the receipt and get roubles "
          "back. A flight starts 5 business days after it is submitted at the earliest."),
        m_session->MaySeeCashback(),
        _("Cashback flights are for the Marketing, Partner administrator and Viewer roles. Ask your partner "
          "administrator if you should see them."));
    m_header = area.header;
    m_banner = area.banner;
    if (!area.book) {
        return;
    }

    m_book = area.book;
    auto* listPage = area.list_page;
    auto* listSizer = area.list_sizer;
    m_new = new wxButton(listPage, wxID_ANY, _("&New flight"));
    m_open = new wxButton(listPage, wxID_ANY, _("&Open"));
    m_reportButton = new wxButton(listPage, wxID_ANY, _("&Report"));
    m_pause = new wxButton(listPage, wxID_ANY, _("&Pause…"));
    m_resume = new wxButton(listPage, wxID_ANY, _("Res&ume…"));
    m_stop = new wxButton(listPage, wxID_ANY, _("S&top…"));
    m_summary = AddButtonRowAndSummary(area, {m_new, m_open, m_reportButton}, {m_pause, m_resume, m_stop});

    m_list = NewRowList(listPage);
    m_list->AppendTextColumn(_("Flight"), wxDATAVIEW_CELL_INERT, FromDIP(180), wxALIGN_LEFT,
                             wxDATAVIEW_COL_RESIZABLE);
    m_list->AppendTextColumn(_("Status"), wxDATAVIEW_CELL_INERT, FromDIP(168));
    m_list->AppendTextColumn(_("Dates"), wxDATAVIEW_CELL_INERT, FromDIP(165));
    m_list->AppendTextColumn(_("Cashback"), wxDATAVIEW_CELL_INERT, FromDIP(70), wxALIGN_RIGHT);
    // TRANSLATORS: a column header: cashback accrued so far of the flight's budget, shown as a bar.
    m_list->AppendColumn(new wxDataViewColumn(_("Accrued of budget"), new BudgetBarRenderer, 4, FromDIP(240)));
    listSizer->Add(m_list, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(16)));
    listPage->SetSizer(listSizer);
    m_book->AddPage(listPage, wxString());

    m_editor = new FlightEditor(m_book, m_session, m_shell);
    m_editor->SetOnBack([this] { ShowList(); });
    m_editor->SetOnChanged([this](const domain::CashbackFlight& flight) { Replace(flight); });
    m_editor->SetOnReport([this](std::int64_t id) { OpenReport(id); });
    m_book->AddPage(m_editor, wxString());
    m_report = new FlightReportView(m_book, m_session, m_shell);
    m_report->SetOnBack([this] { ShowList(); });
    m_report->SetOnAction([this](std::int64_t id, domain::FlightAction action) { AskAndChange(id, action); });
    m_book->AddPage(m_report, wxString());
    area.sizer->Add(m_book, wxSizerFlags(1).Expand());
    SetSizer(area.sizer);

    m_new->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { NewFlight(); });
    m_open->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (auto f = Selected()) OpenFlight(f->id);
    });
    m_reportButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (auto f = Selected()) OpenReport(f->id);
    });
    m_pause->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (auto f = Selected()) AskAndChange(f->id, domain::FlightAction::Pause);
    });
    m_resume->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (auto f = Selected()) AskAndChange(f->id, domain::FlightAction::Resume);
    });
    m_stop->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (auto f = Selected()) AskAndChange(f->id, domain::FlightAction::Stop);
    });
    m_list->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) { UpdateButtons(); });
    // Enter or a double click: a running flight's report, any other flight's editor.
    m_list->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) {
        if (auto f = Selected()) HasReport(f->status) ? OpenReport(f->id) : OpenFlight(f->id);
    });
    UpdateButtons();
}

void CashbackPanel::Reload() {
    if (!m_list || m_loading) return;
    m_loading = true;
    UpdateButtons();
    auto session = m_session;
    RunAsync<Loaded<std::vector<domain::CashbackFlight>>>(
        _("Loading cashback flights"),
        [session](TaskContext& context) { return session->ListCashbackFlights(context.cancel); })
        .ThenOnWindow(this, [this](Loaded<std::vector<domain::CashbackFlight>>& answer) {
            m_loading = false;
            m_shell.SetOnline(!answer.error || !answer.error->IsOffline());
            if (answer.value) Fill(std::move(*answer.value));
            if (answer.value && answer.from_cache) {
                // TRANSLATORS: %s is when the desk last saw the flights, e.g. "23.11.2026 19:40".
                m_banner->ShowMessage(wxString::Format(_("Offline — the flights as the desk saw them at %s. "
                                                         "Changes need the platform."),
                                                       FormatInstant(answer.fetched_at)),
                                      wxICON_WARNING);
            } else if (answer.error) {
                m_banner->ShowMessage(DescribeFlightError(*answer.error), wxICON_ERROR);
            } else if (m_banner->IsShown()) {
                m_banner->Dismiss();
            }
            UpdateButtons();
        })
        .CatchAll([this](const wxString& why) {
            m_loading = false;
            m_banner->ShowMessage(why, wxICON_ERROR);
            UpdateButtons();
        });
    m_editor->LoadCalendar(); // once: the business calendar and the platform's date
}

void CashbackPanel::Fill(std::vector<domain::CashbackFlight> flights) {
    const auto previous = Selected();
    // Newest first, whatever order the pages came in.
    std::stable_sort(flights.begin(), flights.end(),
                     [](const auto& a, const auto& b) { return a.id > b.id; });
    m_flights = std::move(flights);
    m_list->DeleteAllItems();
    int live = 0;
    for (const auto& flight : m_flights) {
        if (flight.status == domain::FlightStatus::Live) ++live;
        wxVector<wxVariant> row;
        row.push_back(FlightName(flight));
        row.push_back(FlightStatusWords(flight));
        row.push_back(FlightDatesWords(flight));
        row.push_back(CashbackBadge(flight));
        // TRANSLATORS: over a budget bar: cashback accrued so far "of" the flight's budget.
        row.push_back(BudgetBarValue(flight.accrued_kop, flight.budget_kop,
                                     wxString::Format(_("%s of %s"), Money(flight.accrued_kop), Money(flight.budget_kop))));
        m_list->AppendItem(row);
    }
    for (size_t i = 0; previous && i < m_flights.size(); ++i) {
        if (m_flights[i].id == previous->id) m_list->SelectRow(static_cast<unsigned>(i));
    }
    if (m_list->GetSelectedRow() == wxNOT_FOUND && !m_flights.empty()) m_list->SelectRow(0);
    if (m_flights.empty()) {
        m_summary->SetLabel(m_session->CanEditCashback() ? _("No flights yet. Create the first with New flight.")
                                                         : _("No flights yet."));
    } else {
        // TRANSLATORS: %zu is the number of flights, %d how many of them run now.
        m_summary->SetLabel(wxString::Format(_("Flights: %zu; running now: %d."), m_flights.size(), live));
    }
    UpdateButtons();
    Layout();
}

void CashbackPanel::Replace(const domain::CashbackFlight& flight) {
    bool found = false;
    for (auto& f : m_flights) {
        if (f.id == flight.id) {
            f = flight;
            found = true;
        }
    }
    auto flights = m_flights;
    if (!found) flights.push_back(flight);
    Fill(std::move(flights));
    SelectFlight(flight.id);
}

const domain::CashbackFlight* CashbackPanel::Find(std::int64_t id) const {
    for (const auto& f : m_flights) {
        if (f.id == id) return &f;
    }
    return nullptr;
}

std::optional<domain::CashbackFlight> CashbackPanel::Selected() const {
    if (!m_list) return std::nullopt;
    const int row = m_list->GetSelectedRow();
    if (row == wxNOT_FOUND || static_cast<size_t>(row) >= m_flights.size()) return std::nullopt;
    return m_flights[static_cast<size_t>(row)];
}

void CashbackPanel::SelectFlight(std::int64_t id) {
    for (size_t i = 0; m_list && i < m_flights.size(); ++i) {
        if (m_flights[i].id != id) continue;
        m_list->SelectRow(static_cast<unsigned>(i));
        m_list->EnsureVisible(m_list->RowToItem(static_cast<int>(i)));
    }
    UpdateButtons();
}

void CashbackPanel::UpdateButtons() {
    if (!m_list) return;
    const auto f = Selected();
    const bool edit = m_session->CanEditCashback();
    using S = domain::FlightStatus;
    m_new->Enable(edit);
    m_new->Show(edit);
    m_open->Enable(f.has_value());
    m_reportButton->Enable(f && HasReport(f->status));
    m_pause->Show(edit);
    m_resume->Show(edit);
    m_stop->Show(edit);
    m_pause->Enable(edit && f && f->status == S::Live);
    m_resume->Enable(edit && f && f->status == S::Paused);
    m_stop->Enable(edit && f && (f->status == S::Live || f->status == S::Paused || f->status == S::Scheduled));
}

bool CashbackPanel::IsListShown() const { return m_book && m_book->GetSelection() == ListPage; }

void CashbackPanel::ShowPage(int page) {
    m_report->SetActive(page == ReportPage);
    m_header->Show(page == ListPage);
    m_shell.ShowStatus(wxString()); // the last view's message does not belong to this one
    m_book->ChangeSelection(static_cast<size_t>(page));
    Layout();
}

void CashbackPanel::ShowList() {
    ShowPage(ListPage);
    m_list->SetFocus();
    Reload(); // the accruals moved on while the flight was open
}

void CashbackPanel::NewFlight() {
    if (!m_editor || !m_session->CanEditCashback()) return;
    m_editor->OpenNew();
    ShowPage(EditorPage);
    m_editor->FocusFirstField();
}

void CashbackPanel::OpenFlight(std::int64_t id) {
    const auto* flight = Find(id);
    if (!flight) return;
    m_editor->Open(*flight);
    ShowPage(EditorPage);
    m_editor->FocusFirstField();
}

void CashbackPanel::OpenReport(std::int64_t id) {
    const auto* flight = Find(id);
    if (!flight) return;
    m_report->Open(*flight);
    ShowPage(ReportPage);
}

void CashbackPanel::AskAndChange(std::int64_t id, domain::FlightAction action) {
    const auto* found = Find(id);
    if (!found || !m_session->CanEditCashback()) return;
    const domain::CashbackFlight flight = *found;
    FlightActionDialog dialog(this, flight, action);
    if (dialog.ShowModal() != wxID_OK) return;
    auto session = m_session;
    m_shell.ShowStatus(FlightActionProgress(action));
    // The outbox keeps the change with its own key: a lost answer is sent again, never applied twice.
    RunAsync<FlightChange>(FlightActionProgress(action),
                           [session, id, action](TaskContext& context) {
                               return session->ChangeCashbackFlight(id, action, context.cancel);
                           })
        .ThenOnWindow(this, [this, action](FlightChange& answer) {
            if (answer.flight) {
                m_shell.SetOnline(true);
                m_shell.ShowStatus(FlightActionDone(action, *answer.flight));
                Replace(*answer.flight);
                if (m_report->FlightId() == answer.flight->id) m_report->Open(*answer.flight);
                return;
            }
            m_shell.ShowStatus(wxString());
            wxString why;
            if (answer.queued) {
                why = _("The platform did not answer. The change waits in the workspace and is sent again on the "
                        "next refresh.");
            } else if (answer.error) {
                m_shell.SetOnline(!answer.error->IsOffline());
                why = DescribeFlightError(*answer.error);
            }
            m_banner->ShowMessage(why, answer.queued ? wxICON_WARNING : wxICON_ERROR);
            if (m_report->IsShown()) m_report->ShowError(why);
            if (answer.error && answer.error->code == "invalid_transition") Reload();
        })
        .CatchAll([this](const wxString& why) { m_banner->ShowMessage(why, wxICON_ERROR); });
}

} // namespace kpd::ui
