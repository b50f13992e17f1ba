#pragma once
// A side-by-side table of what differs between two card screens: one row per
// changed field (contract::DiffCardScreens), its name in words and the value
// on each side. Shared by the publish confirmation, the versions dialog and
// the conflict dialog. UI thread only.
#include "contract/card_screen_json.h"

#include <wx/dataview.h>

#include <functional>
#include <string>
#include <vector>

namespace kpd::ui {

class DiffTable : public wxDataViewListCtrl {
  public:
    DiffTable(wxWindow* parent, const wxString& beforeTitle, const wxString& afterTitle);
    void Show(const std::vector<contract::FieldChange>& changes);
    using wxDataViewListCtrl::Show;
    int RowCount() const { return GetItemCount(); }
    // Image fields then say what the image is ("1029×258 PNG, 84 KB") instead of its id.
    void SetImageDescriber(std::function<wxString(const std::string& assetId)> describe);

  private:
    void Fill();

    std::vector<contract::FieldChange> m_changes;
    std::function<wxString(const std::string&)> m_describe;
};

} // namespace kpd::ui
