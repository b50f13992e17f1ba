#pragma once
// The cashback flights area: the partner's flights, newest first, with their
// state, dates and a budget bar (accrued of budget); from a flight its editor
// (flight_editor.h: a draft to edit and submit, any other flight read-only)
// or its live report (flight_report_view.h), each shown in place of the list.
// Pause, resume and stop ask for confirmation first. A viewer sees everything
// read-only; users without a role that may see flights (finance) read why.
// UI thread only.
#include "domain/cashback_flight.h"
#include "ui/main/area_page.h"

#include <wx/panel.h>

#include <memory>
#include <optional>
#include <vector>

class wxButton;
class wxDataViewListCtrl;
class wxInfoBar;
class wxSimplebook;
class wxStaticText;

namespace kpd::ui {

class DeskSession;
class FlightEditor;
class FlightReportView;

class CashbackPanel : public wxPanel, public AreaPage {
  public:
    CashbackPanel(wxWindow* parent, std::shared_ptr<DeskSession> session, DeskShell& shell);

    // Loads the flights (and the business calendar, once) from the platform.
    void Reload() override;

    void SelectFlight(std::int64_t id);
    void NewFlight();
    // A draft opens in the editor; any other flight in the editor read-only.
    void OpenFlight(std::int64_t id);
    void OpenReport(std::int64_t id);
    // Asks for confirmation (FlightActionDialog), then sends it.
    void AskAndChange(std::int64_t id, domain::FlightAction action);
    void ShowList();

    // For the GUI test.
    bool IsBusy() const { return m_loading; }
    const std::vector<domain::CashbackFlight>& Flights() const { return m_flights; }
    wxDataViewListCtrl* List() const { return m_list; }
    FlightEditor* Editor() const { return m_editor; }
    FlightReportView* Report() const { return m_report; }
    bool IsListShown() const;

  private:
    void Fill(std::vector<domain::CashbackFlight> flights);
    std::optional<domain::CashbackFlight> Selected() const;
    const domain::CashbackFlight* Find(std::int64_t id) const;
    void UpdateButtons();
    void ShowPage(int page);
    // After a save, submit or state change: the flight as the platform has it now.
    void Replace(const domain::CashbackFlight& flight);

    std::shared_ptr<DeskSession> m_session;
    DeskShell& m_shell;
    wxWindow* m_header = nullptr;
    wxInfoBar* m_banner = nullptr;
    wxSimplebook* m_book = nullptr;
    wxDataViewListCtrl* m_list = nullptr;
    wxStaticText* m_summary = nullptr;
    wxButton* m_new = nullptr;
    wxButton* m_open = nullptr;
    wxButton* m_reportButton = nullptr;
    wxButton* m_pause = nullptr;
    wxButton* m_resume = nullptr;
    wxButton* m_stop = nullptr;
    FlightEditor* m_editor = nullptr;
    FlightReportView* m_report = nullptr;
    std::vector<domain::CashbackFlight> m_flights;
    bool m_loading = false;
};

} // namespace kpd::ui
