#pragma once
// A stale draft (412): someone saved, published or rolled back the card
// screen after this edit began. Shows both versions — two phone previews and
// the field-by-field difference — and lets the user choose: keep mine (save it
// over theirs, knowingly), take theirs (mine stays one Undo away), or decide
// later (nothing changes anywhere). Nothing is overwritten silently.
// UI thread only.
#include "domain/card_screen.h"

#include <wx/dialog.h>

class wxButton;

namespace kpd::ui {

class CardPreviewWidget;
class DiffTable;

class ConflictDialog : public wxDialog {
  public:
    enum { IdKeepMine = wxID_HIGHEST + 400, IdTakeTheirs };

    ConflictDialog(wxWindow* parent, const domain::CardScreen& mine, const domain::CardScreen& theirs,
                   const domain::CardScreenState& current, const CardPreviewWidget* previewSource);

    wxButton* KeepMineButton() const { return m_keepMine; }
    wxButton* TakeTheirsButton() const { return m_takeTheirs; }
    DiffTable* Table() const { return m_table; }

  private:
    DiffTable* m_table = nullptr;
    wxButton* m_keepMine = nullptr;
    wxButton* m_takeTheirs = nullptr;
};

} // namespace kpd::ui
