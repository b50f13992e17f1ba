#pragma once
// The card screen designer: the fields (CardScreenEditor) beside the live
// phone preview (CardPreviewWidget), the problems of the screen as a list
// under the fields, and Save draft, Publish…, Versions…, Export PNG…, the
// phone theme and the zoom. Every edit is an undoable command (Edit > Undo,
// Ctrl+Z / Ctrl+Y) and is kept in the workspace at once; Save draft sends it
// to the platform with the version it started from, so a stale draft opens
// the conflict dialog instead of overwriting anyone. Publish shows what
// changes against the published screen first. Viewers see everything read-only.
// Platform calls run in the background (TaskRunner). UI thread only.
#include "domain/asset.h"
#include "domain/card_screen.h"
#include "domain/problem.h"
#include "ui/main/area_page.h"

#include <wx/panel.h>
#include <wx/timer.h>

#include <map>
#include <memory>
#include <optional>

class wxButton;
class wxChoice;
class wxCommandProcessor;
class wxInfoBar;
class wxListBox;
class wxStaticText;
class wxToggleButton;

namespace kpd::ui {

class CardPreviewWidget;
class CardScreenEditor;
class DeskSession;
struct CardScreenChange;
struct CardScreenLoad;

class CardScreenPanel : public wxPanel, public AreaPage, public UndoablePage {
  public:
    CardScreenPanel(wxWindow* parent, std::shared_ptr<DeskSession> session, DeskShell& shell);
    ~CardScreenPanel() override;

    void Reload() override;
    wxCommandProcessor* Commands() override { return m_commands.get(); }

    // Called by the edit commands (Do and Undo): shows `screen` everywhere and keeps it.
    void ApplyScreen(const domain::CardScreen& screen);

    // For the GUI test.
    CardScreenEditor* Editor() const { return m_editor; }
    CardPreviewWidget* Preview() const { return m_preview; }
    const domain::CardScreen& Screen() const { return m_screen; }
    bool IsLoaded() const { return m_state.has_value(); }
    bool IsBusy() const { return m_busy; }
    int LoadCount() const { return m_loads; }
    bool HasUnsavedChanges() const;
    void Edit(const domain::CardScreen& after, const wxString& what); // as the editor does
    void SaveDraft();
    // After the file dialog of an image field: checks, uploads and sets the image (also the test's way in).
    void UploadImageFile(const std::string& pointer, domain::ImageSlot slot, const wxString& path);
    wxStaticText* StateLine() const { return m_stateLine; }
    const std::optional<domain::CardScreenState>& State() const { return m_state; }
    wxButton* PublishButton() const { return m_publish; }
    wxButton* VersionsButton() const { return m_versions; }
    wxToggleButton* DarkToggle() const { return m_dark; }

  private:
    void BuildToolbars(wxWindow* left, wxSizer* leftSizer, wxWindow* right, wxSizer* rightSizer);
    void Loaded(CardScreenLoad& load);
    void CheckScreen();
    void UpdateState();
    void UpdateButtons();
    void KeepLocally();
    void AfterChange(CardScreenChange& change, const wxString& done);
    void ResolveConflict(const domain::CardScreenState& current);
    void ChooseImage(const std::string& pointer, domain::ImageSlot slot);
    void FetchMissingImages();
    void OnPublish();
    void OnVersions();
    void OnExport();
    void ShowPart(const std::string& part);
    void ShowError(const wxString& message);
    wxString DescribeImage(const std::string& id) const; // "1029×258 PNG, 84 KB"; empty when unknown

    std::shared_ptr<DeskSession> m_session;
    DeskShell& m_shell;
    std::unique_ptr<wxCommandProcessor> m_commands;
    wxInfoBar* m_banner = nullptr;
    CardScreenEditor* m_editor = nullptr;
    CardPreviewWidget* m_preview = nullptr;
    wxListBox* m_problems = nullptr;
    wxStaticText* m_stateLine = nullptr;
    wxButton* m_save = nullptr;
    wxButton* m_publish = nullptr;
    wxButton* m_versions = nullptr;
    wxButton* m_add = nullptr;
    wxButton* m_remove = nullptr;
    wxButton* m_export = nullptr;
    wxToggleButton* m_dark = nullptr;
    wxChoice* m_zoom = nullptr;
    wxTimer m_keepTimer; // coalesces keeping edits in the workspace

    std::optional<domain::CardScreenState> m_state; // the platform's, as last seen
    domain::CardScreen m_screen;                    // what is being edited
    std::optional<domain::CardScreen> m_sent;       // what the platform has as the draft
    domain::Problems m_problemList;
    std::map<std::string, domain::AssetInfo> m_assets;
    bool m_busy = false;
    int m_loads = 0;
    bool m_readOnly = false;
};

} // namespace kpd::ui
