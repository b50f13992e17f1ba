#pragma once
// A month's Dolyami commission invoice checked against the desk's own
// computation from the synced registers (services::CheckCommission): every
// field invoiced and computed side by side, the differing ones highlighted,
// and the purchases near the month's edges that explain a turnover
// difference. UI thread only.
#include <wx/panel.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

class wxButton;
class wxChoice;
class wxInfoBar;
class wxListCtrl;
class wxStaticText;

namespace kpd::ui {

class DeskSession;
class DeskShell;

class CommissionView : public wxPanel {
  public:
    CommissionView(wxWindow* parent, std::shared_ptr<DeskSession> session, DeskShell& shell,
                   std::function<void()> onBack);

    // `months` ("YYYY-MM", newest first) to choose from; checks the first.
    void Open(const std::vector<std::string>& months);
    void Check();

    static constexpr const char* kMonthChoiceName = "commission-month";

    // For the GUI test.
    bool IsBusy() const { return m_busy; }
    bool IsChecked() const { return m_checked; }
    int DifferingFields() const { return m_differing; }
    const wxListCtrl* EdgePurchases() const { return m_edges; } // for tests: column 4 marks UTC's other side

  private:
    std::shared_ptr<DeskSession> m_session;
    DeskShell& m_shell;
    std::function<void()> m_onBack;
    std::vector<std::string> m_months;
    wxInfoBar* m_banner = nullptr;
    wxChoice* m_month = nullptr;
    wxButton* m_check = nullptr;
    wxStaticText* m_verdict = nullptr;
    wxListCtrl* m_fields = nullptr;
    wxStaticText* m_edgeTitle = nullptr;
    wxListCtrl* m_edges = nullptr;
    bool m_busy = false;
    bool m_checked = false;
    int m_differing = 0;
};

} // namespace kpd::ui
