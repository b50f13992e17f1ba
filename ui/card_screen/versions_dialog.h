#pragma once
// Version history of the card screen: every publication newest first (who,
// when, whether it was a rollback); choosing one shows it beside the screen
// published now — two phone previews and the field-by-field difference — and
// "Roll back to this version" publishes it again (a new version; the draft
// stays). Loads in the background. UI thread only.
#include "domain/card_screen.h"
#include "render/card_preview.h"

#include <wx/dialog.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <vector>

class wxButton;
class wxDataViewListCtrl;
class wxStaticText;

namespace kpd::ui {

class CardPreviewWidget;
class DeskSession;
class DiffTable;

class VersionsDialog : public wxDialog {
  public:
    VersionsDialog(wxWindow* parent, std::shared_ptr<DeskSession> session, const domain::CardScreenState& state,
                   bool canRollback, const CardPreviewWidget* previewSource);

    // Set when the user chose "Roll back" (the dialog then ends with wxID_OK).
    std::optional<std::int64_t> RollbackTo() const { return m_rollbackTo; }

    // For the GUI test.
    int VersionCount() const { return static_cast<int>(m_versions.size()); }
    void SelectVersion(int row);
    bool IsShowingVersion() const { return m_shown.has_value(); }
    wxButton* RollbackButton() const { return m_rollback; }
    DiffTable* Table() const { return m_table; }

  private:
    void LoadList();
    void OnSelected();
    void ShowVersion(const domain::CardScreenVersion& version);

    std::shared_ptr<DeskSession> m_session;
    domain::CardScreenState m_state;
    bool m_canRollback = false;
    wxDataViewListCtrl* m_list = nullptr;
    CardPreviewWidget* m_old = nullptr;
    CardPreviewWidget* m_now = nullptr;
    DiffTable* m_table = nullptr;
    wxStaticText* m_oldTitle = nullptr;
    wxStaticText* m_note = nullptr;
    wxButton* m_rollback = nullptr;
    std::vector<domain::CardScreenVersion> m_versions; // list entries (screens not loaded)
    std::map<std::int64_t, domain::CardScreenVersion> m_loaded;
    std::optional<std::int64_t> m_shown;
    std::optional<std::int64_t> m_rollbackTo;
};

} // namespace kpd::ui
