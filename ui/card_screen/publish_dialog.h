#pragma once
// Publish confirmation: what the app's users will see change, field by field,
// against the screen published now (or "first publication"). OK publishes.
// UI thread only.
#include "contract/card_screen_json.h"

#include <wx/dialog.h>

#include <cstdint>
#include <vector>

namespace kpd::ui {

class DiffTable;

class PublishDialog : public wxDialog {
  public:
    PublishDialog(wxWindow* parent, const std::vector<contract::FieldChange>& changes, bool hasPublished,
                  std::int64_t nextVersion);
    DiffTable* Table() const { return m_table; }

  private:
    DiffTable* m_table = nullptr;
};

} // namespace kpd::ui
