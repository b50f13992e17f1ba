#pragma once
// The Dolyami settlements area: the registers the workspace holds (so it
// works offline), Sync with the platform in the background (progress and
// Cancel in the activity strip and here), and from a register its view
// (register_view.h) or a month's commission invoice (commission_view.h), each
// shown in place of the list. Finance roles only; others read why.
// UI thread only.
#include "domain/cancel_token.h"
#include "domain/settlement.h"
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
class RegisterView;
class CommissionView;

class SettlementsPanel : public wxPanel, public AreaPage {
  public:
    SettlementsPanel(wxWindow* parent, std::shared_ptr<DeskSession> session, DeskShell& shell);

    // Shows the workspace's registers, then syncs when the session is online.
    void Activate() override;
    // Shows the workspace's registers again.
    void Reload() override;
    // Starts a sync (no-op while one runs).
    void Sync();
    void CancelSync();

    void SelectRegister(std::int64_t id);
    void OpenRegister(std::int64_t id);
    void OpenCommission();
    void ShowList();

    // For the GUI test.
    bool IsBusy() const { return m_loading || m_syncing; }
    const std::vector<domain::SettlementRegister>& Registers() const { return m_registers; }
    RegisterView* Register() const { return m_register; }
    CommissionView* Commission() const { return m_commission; }
    wxDataViewListCtrl* List() const { return m_list; }

  private:
    void Fill(const std::vector<domain::SettlementRegister>& registers);
    std::optional<domain::SettlementRegister> Selected() const;
    void UpdateButtons();
    void ShowDetails();

    std::shared_ptr<DeskSession> m_session;
    DeskShell& m_shell;
    wxWindow* m_header = nullptr; // hidden while a register or the invoice is shown
    wxInfoBar* m_banner = nullptr;
    wxSimplebook* m_book = nullptr;
    wxDataViewListCtrl* m_list = nullptr;
    wxStaticText* m_summary = nullptr;
    wxStaticText* m_details = nullptr;
    wxButton* m_sync = nullptr;
    wxButton* m_cancel = nullptr;
    wxButton* m_open = nullptr;
    wxButton* m_invoice = nullptr;
    RegisterView* m_register = nullptr;
    CommissionView* m_commission = nullptr;
    std::vector<domain::SettlementRegister> m_registers;
    domain::CancelTokenPtr m_syncCancel;
    bool m_loading = false;
    bool m_syncing = false;
    bool m_activated = false;
};

} // namespace kpd::ui
