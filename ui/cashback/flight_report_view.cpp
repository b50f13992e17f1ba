#include "ui/cashback/flight_report_view.h"

#include "ui/app/desk_session.h"
#include "ui/app/task_runner.h"
#include "ui/app/words.h"
#include "ui/cashback/cashback_words.h"
#include "ui/main/area_page.h"
#include "ui/settlements/settlement_words.h"
#include "ui/widgets/bar_chart.h"

#include <wx/button.h>
#include <wx/datetime.h>
#include <wx/gauge.h>
#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>

namespace kpd::ui {
namespace {

// What one refresh brings: the report and the flight's state now (a budget
// spent finishes the flight).
struct Refreshed {
    api::Result<services::FlightReportView> report{api::ApiError{}};
    std::optional<domain::CashbackFlight> flight;
};

} // namespace

FlightReportView::FlightReportView(wxWindow* parent, std::shared_ptr<DeskSession> session, DeskShell& shell)
    : wxPanel(parent), m_session(std::move(session)), m_shell(shell), m_timer(this) {
    const int gap = FromDIP(8);
    const int edge = FromDIP(16);
    auto* sizer = new wxBoxSizer(wxVERTICAL);

    auto* top = new wxBoxSizer(wxHORIZONTAL);
    auto* back = new wxButton(this, wxID_ANY, _("&Back to flights"));
    top->Add(back);
    top->AddStretchSpacer();
    m_pause = new wxButton(this, wxID_ANY, _("&Pause…"));
    m_resume = new wxButton(this, wxID_ANY, _("Res&ume…"));
    m_stop = new wxButton(this, wxID_ANY, _("S&top…"));
    top->Add(m_pause, wxSizerFlags().Border(wxLEFT, gap));
    top->Add(m_resume, wxSizerFlags().Border(wxLEFT, gap));
    top->Add(m_stop, wxSizerFlags().Border(wxLEFT, gap));
    sizer->Add(top, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, edge));
    // The flight's name on a line of its own: brand and title are often long.
    m_title = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
    m_title->SetFont(m_title->GetFont().Scaled(1.3f).Bold());
    sizer->Add(m_title, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, edge));
    m_state = new wxStaticText(this, wxID_ANY, wxString());
    sizer->Add(m_state, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, edge));

    // The figures, two pairs to a row.
    auto* figures = new wxFlexGridSizer(4, FromDIP(6), FromDIP(16));
    auto figure = [this, figures](const wxString& label) {
        figures->Add(new wxStaticText(this, wxID_ANY, label), wxSizerFlags().CentreVertical());
        auto* value = new wxStaticText(this, wxID_ANY, wxString());
        value->SetFont(value->GetFont().Bold());
        figures->Add(value, wxSizerFlags().CentreVertical());
        return value;
    };
    m_scanned = figure(_("Receipts scanned:"));
    m_accrued = figure(_("Cashback accrued:"));
    m_matched = figure(_("Receipts with cashback:"));
    m_reversed = figure(_("Reversed by returns:"));
    sizer->Add(figures, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, edge));

    auto* budget = new wxBoxSizer(wxHORIZONTAL);
    budget->Add(new wxStaticText(this, wxID_ANY, _("Budget left:")), wxSizerFlags().CentreVertical());
    m_left = new wxStaticText(this, wxID_ANY, wxString());
    m_left->SetFont(m_left->GetFont().Bold());
    budget->Add(m_left, wxSizerFlags().CentreVertical().Border(wxLEFT | wxRIGHT, gap));
    m_gauge = new wxGauge(this, wxID_ANY, 1000, wxDefaultPosition, FromDIP(wxSize(240, 14)));
    budget->Add(m_gauge, wxSizerFlags().CentreVertical());
    sizer->Add(budget, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, edge));
    m_forecast = new wxStaticText(this, wxID_ANY, wxString());
    sizer->Add(m_forecast, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, edge));

    auto* chartLabel = new wxStaticText(this, wxID_ANY, _("Cashback accrued by day"));
    chartLabel->SetFont(chartLabel->GetFont().Bold());
    sizer->Add(chartLabel, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, edge));
    m_chart = new BarChart(this);
    m_chart->SetName("daily-accruals");
    m_chart->SetValueFormat([](std::int64_t kop) { return Money(kop); });
    m_chart->SetEmptyText(_("No receipts with cashback yet."));
    sizer->Add(m_chart, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxTOP, edge));
    m_error = new wxStaticText(this, wxID_ANY, wxString());
    m_error->SetForegroundColour(wxColour(176, 0, 32));
    sizer->Add(m_error, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, edge));
    m_updated = new wxStaticText(this, wxID_ANY, wxString());
    m_updated->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    sizer->Add(m_updated, wxSizerFlags().Expand().Border(wxALL, edge));
    SetSizer(sizer);

    back->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (m_onBack) m_onBack();
    });
    auto act = [this](domain::FlightAction action) {
        return [this, action](wxCommandEvent&) {
            if (m_onAction) m_onAction(m_flight.id, action);
        };
    };
    m_pause->Bind(wxEVT_BUTTON, act(domain::FlightAction::Pause));
    m_resume->Bind(wxEVT_BUTTON, act(domain::FlightAction::Resume));
    m_stop->Bind(wxEVT_BUTTON, act(domain::FlightAction::Stop));
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { RefreshReport(); });
}

void FlightReportView::Open(const domain::CashbackFlight& flight) {
    const bool other = flight.id != m_flight.id;
    m_flight = flight;
    m_title->SetLabel(FlightName(flight));
    // TRANSLATORS: under a report's title: the flight's state, its dates and the cashback, e.g. "Running · 16.11.2026 – 15.12.2026 · 5 % of the price".
    m_state->SetLabel(wxString::Format(_("%s · %s · %s"), FlightStatusWords(flight), FlightDatesWords(flight),
                                       CashbackWords(flight)));
    if (other) {
        m_report.reset();
        m_chart->SetBars({});
        for (wxStaticText* t : {m_scanned, m_matched, m_accrued, m_reversed, m_left, m_forecast, m_updated, m_error}) {
            t->SetLabel(wxString());
        }
        m_gauge->SetValue(0);
    }
    UpdateButtons();
    Layout();
    RefreshReport();
}

void FlightReportView::SetActive(bool active) {
    m_active = active;
    if (active && !m_timer.IsRunning()) m_timer.Start(m_interval);
    if (!active) m_timer.Stop();
}

void FlightReportView::SetRefreshInterval(int milliseconds) {
    m_interval = std::max(200, milliseconds);
    if (m_timer.IsRunning()) m_timer.Start(m_interval);
}

void FlightReportView::UpdateButtons() {
    using S = domain::FlightStatus;
    const bool edit = m_session->CanEditCashback();
    m_pause->Show(edit);
    m_resume->Show(edit);
    m_stop->Show(edit);
    m_pause->Enable(m_flight.status == S::Live);
    m_resume->Enable(m_flight.status == S::Paused);
    m_stop->Enable(m_flight.status == S::Live || m_flight.status == S::Paused || m_flight.status == S::Scheduled);
}

void FlightReportView::RefreshReport() {
    if (m_fetching || m_flight.id == 0) return;
    m_fetching = true;
    auto session = m_session;
    const std::int64_t id = m_flight.id;
    RunAsync<Refreshed>(_("Loading the flight's report"),
                        [session, id](TaskContext& context) {
                            Refreshed r;
                            r.report = session->LoadCashbackReport(id, context.cancel);
                            auto flight = session->LoadCashbackFlight(id, context.cancel);
                            if (flight.Ok()) r.flight = std::move(flight.Value());
                            return r;
                        })
        .ThenOnWindow(this, [this, id](Refreshed& refreshed) {
            m_fetching = false;
            ++m_refreshes;
            if (id != m_flight.id) return; // another flight was opened meanwhile
            if (refreshed.flight && refreshed.flight->status != m_flight.status) Open(*refreshed.flight);
            if (refreshed.report.Ok()) {
                m_shell.SetOnline(true);
                m_error->SetLabel(wxString());
                Show(refreshed.report.Value());
            } else {
                m_shell.SetOnline(!refreshed.report.Error().IsOffline());
                ShowError(DescribeFlightError(refreshed.report.Error()));
            }
        })
        .CatchAll([this](const wxString& why) {
            m_fetching = false;
            ShowError(why);
        });
}

void FlightReportView::ShowError(const wxString& why) {
    m_error->SetLabel(why);
    m_error->Wrap(GetClientSize().x - FromDIP(32));
    Layout();
}

void FlightReportView::Show(const services::FlightReportView& answer) {
    m_report = answer.report;
    m_forecastValue = answer.forecast;
    const domain::FlightReport& report = answer.report;
    m_scanned->SetLabel(wxString::Format("%lld", static_cast<long long>(report.receipts_scanned)));
    m_matched->SetLabel(wxString::Format("%lld", static_cast<long long>(report.receipts_matched)));
    m_accrued->SetLabel(Money(report.accrued_kop));
    m_reversed->SetLabel(Money(report.reversed_kop));
    // TRANSLATORS: the budget left "of" the whole budget, e.g. "38 000,00 ₽ of 50 000,00 ₽".
    m_left->SetLabel(wxString::Format(_("%s of %s"), Money(report.budget_left_kop), Money(report.budget_kop)));
    m_gauge->SetValue(report.budget_kop > 0
                          ? static_cast<int>(std::clamp<std::int64_t>(report.budget_left_kop * 1000 / report.budget_kop, 0, 1000))
                          : 0);
    m_forecast->SetLabel(Forecast());

    std::vector<BarChart::Bar> bars;
    bars.reserve(report.daily.size());
    for (const auto& day : report.daily) {
        const wxString full = CivilDateWords(day.date);
        const wxString shortLabel = wxDateTime(ToWxDate(day.date)).Format("%d.%m");
        // TRANSLATORS: a chart bar's tooltip: the day, then receipts with cashback of those scanned.
        bars.push_back({shortLabel,
                        wxString::Format(_("%s: receipts with cashback %lld of %lld"), full,
                                         static_cast<long long>(day.matched), static_cast<long long>(day.scanned)),
                        day.accrued_kop});
    }
    m_chart->SetBars(std::move(bars));
    // TRANSLATORS: %s is the time of the last refresh, e.g. "14:05:10".
    m_updated->SetLabel(wxString::Format(_("Updated at %s; refreshed every few seconds while shown."),
                                         wxDateTime::Now().FormatISOTime()));
    Layout();
}

wxString FlightReportView::Forecast() const {
    if (!m_report) return wxString();
    if (m_report->budget_left_kop <= 0) return _("The budget is spent.");
    switch (m_forecastValue.outcome) {
    case domain::BudgetForecast::Outcome::RunsOut:
        if (m_forecastValue.runs_out_on) {
            // TRANSLATORS: %s is a date; the pace is the average of the last 7 days with accruals.
            return wxString::Format(_("At the current pace the budget runs out on %s."),
                                    CivilDateWords(*m_forecastValue.runs_out_on));
        }
        break;
    case domain::BudgetForecast::Outcome::LastsToEnd:
        // TRANSLATORS: %s is the money left on the flight's last day, e.g. "1 234,56 ₽"; the pace is the average
        // of the last 7 days with accruals.
        return wxString::Format(_("At the current pace the budget lasts to the end of the flight (%s will be left)."),
                                Money(m_forecastValue.left_at_end_kop));
    case domain::BudgetForecast::Outcome::NoPace:
        break;
    }
    return _("No forecast yet: nothing has accrued.");
}

} // namespace kpd::ui
