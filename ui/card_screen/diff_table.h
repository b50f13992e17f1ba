#pragma once
// A side-by-side table of what differs between two card screens: one row per
// changed field (contract::DiffCardScreens), its name in words and the value
// on each side. Shared by the publish confirmation, the versions dialog and
// the conflict dialog. UI thread only.
#include "contract/card_screen_json.h"

#include <wx/dataview.h>

#include <vector>

namespace kpd::ui {

class DiffTable : public wxDataViewListCtrl {
  public:
    DiffTable(wxWindow* parent, const wxString& beforeTitle, const wxString& afterTitle);
    void Show(const std::vector<contract::FieldChange>& changes);
    using wxDataViewListCtrl::Show;
    int RowCount() const { return GetItemCount(); }
};

} // namespace kpd::ui
