#pragma once
// The main window: menus, the navigation between areas, the pages, the
// activity strip and the status bar (platform, user, roles, online state).
// It only wires the areas together; each page does its own work.
// UI thread only.
#include "ui/main/area_page.h"
#include "ui/main/areas.h"

#include <wx/frame.h>

#include <functional>
#include <memory>
#include <vector>

class wxTreebook;

namespace kpd::ui {

class DeskSession;

class MainFrame : public wxFrame, public DeskShell {
  public:
    MainFrame(std::shared_ptr<DeskSession> session, const wxString& vaultNote);

    // File > Sign out: the application closes this frame and shows the sign-in dialog.
    void SetOnSignOut(std::function<void()> handler) { m_onSignOut = std::move(handler); }

    void SetOnline(bool online) override;
    void ShowStatus(const wxString& message) override;

    // Navigation, for the menu, the keyboard and the GUI smoke test.
    void SelectArea(Area area);
    Area SelectedArea() const;
    wxWindow* PageOf(Area area) const;
    wxString StatusField(int field) const;

    enum StatusField { FieldMessage, FieldPlatform, FieldUser, FieldOnline, FieldCount };

  private:
    void BuildMenus();
    void BuildPages();
    void UpdateStatusBar();
    void OnPageChanged();
    void OnClose(wxCloseEvent& event);

    std::shared_ptr<DeskSession> m_session;
    wxTreebook* m_book = nullptr;
    std::vector<Area> m_pageAreas; // page index -> area
    bool m_online = true;
    wxString m_standingNote; // e.g. "the sign-in is kept in memory only"
    std::function<void()> m_onSignOut;
};

} // namespace kpd::ui
