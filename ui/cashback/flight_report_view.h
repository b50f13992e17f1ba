#pragma once
// The live report of one flight: receipts scanned and matched, cashback
// accrued and reversed, the budget left, a chart of daily accruals and the
// day the budget runs out at the current pace. While shown it fetches the
// report again every few seconds in the background (one fetch at a time; the
// window never waits for the platform). Editors can pause, resume or stop
// the flight from here.
// UI thread only.
#include "domain/cashback_flight.h"
#include "services/cashback_flights.h"

#include <wx/panel.h>
#include <wx/timer.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

class wxButton;
class wxGauge;
class wxStaticText;

namespace kpd::ui {

class BarChart;
class DeskSession;
class DeskShell;

class FlightReportView : public wxPanel {
  public:
    FlightReportView(wxWindow* parent, std::shared_ptr<DeskSession> session, DeskShell& shell);

    void Open(const domain::CashbackFlight& flight);
    // Shown or hidden by the area: refreshing runs only while active.
    void SetActive(bool active);
    void SetRefreshInterval(int milliseconds);
    // Fetches the report now (no-op while a fetch runs).
    void RefreshReport();
    void ShowError(const wxString& why);

    void SetOnBack(std::function<void()> handler) { m_onBack = std::move(handler); }
    void SetOnAction(std::function<void(std::int64_t, domain::FlightAction)> handler) { m_onAction = std::move(handler); }

    // For the GUI test.
    std::int64_t FlightId() const { return m_flight.id; }
    const std::optional<domain::FlightReport>& Current() const { return m_report; }
    const domain::BudgetForecast& Forecasted() const { return m_forecastValue; }
    int RefreshCount() const { return m_refreshes; }
    bool IsFetching() const { return m_fetching; }
    BarChart* Chart() const { return m_chart; }
    wxButton* PauseButton() const { return m_pause; }
    wxString Forecast() const;

  private:
    void Show(const services::FlightReportView& answer);
    void UpdateButtons();

    std::shared_ptr<DeskSession> m_session;
    DeskShell& m_shell;
    domain::CashbackFlight m_flight;
    std::optional<domain::FlightReport> m_report;
    domain::BudgetForecast m_forecastValue; // the platform's day, else the desk's own forecast
    wxStaticText* m_title = nullptr;
    wxStaticText* m_state = nullptr;
    wxStaticText* m_scanned = nullptr;
    wxStaticText* m_matched = nullptr;
    wxStaticText* m_accrued = nullptr;
    wxStaticText* m_reversed = nullptr;
    wxStaticText* m_left = nullptr;
    wxGauge* m_gauge = nullptr;
    wxStaticText* m_forecast = nullptr;
    wxStaticText* m_updated = nullptr;
    wxStaticText* m_error = nullptr;
    BarChart* m_chart = nullptr;
    wxButton* m_pause = nullptr;
    wxButton* m_resume = nullptr;
    wxButton* m_stop = nullptr;
    wxTimer m_timer;
    int m_interval = 5000;
    int m_refreshes = 0;
    bool m_fetching = false;
    bool m_active = false;
    std::function<void()> m_onBack;
    std::function<void(std::int64_t, domain::FlightAction)> m_onAction;
};

} // namespace kpd::ui
