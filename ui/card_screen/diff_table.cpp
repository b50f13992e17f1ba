#include "ui/card_screen/diff_table.h"

#include "ui/card_screen/card_screen_words.h"

#include <wx/intl.h>

namespace kpd::ui {

DiffTable::DiffTable(wxWindow* parent, const wxString& beforeTitle, const wxString& afterTitle)
    : wxDataViewListCtrl(parent, wxID_ANY, wxDefaultPosition, parent->FromDIP(wxSize(760, 280)),
                         wxDV_ROW_LINES | wxDV_SINGLE) {
    AppendTextColumn(_("Field"), wxDATAVIEW_CELL_INERT, FromDIP(240), wxALIGN_LEFT, wxDATAVIEW_COL_RESIZABLE);
    AppendTextColumn(beforeTitle, wxDATAVIEW_CELL_INERT, FromDIP(200), wxALIGN_LEFT, wxDATAVIEW_COL_RESIZABLE);
    AppendTextColumn(afterTitle, wxDATAVIEW_CELL_INERT, FromDIP(200), wxALIGN_LEFT, wxDATAVIEW_COL_RESIZABLE);
    // The columns share the width 40:30:30, so every title stays readable however wide the dialog is.
    Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        const int width = GetClientSize().x - FromDIP(4);
        if (width > FromDIP(200)) {
            GetColumn(0)->SetWidth(width * 4 / 10);
            GetColumn(1)->SetWidth(width * 3 / 10);
            GetColumn(2)->SetWidth(width - width * 4 / 10 - width * 3 / 10);
        }
        event.Skip();
    });
}

void DiffTable::Show(const std::vector<contract::FieldChange>& changes) {
    DeleteAllItems();
    for (const contract::FieldChange& change : changes) {
        wxVector<wxVariant> row;
        row.push_back(FieldName(change.pointer));
        row.push_back(change.before ? DiffValueText(change.pointer, *change.before) : _("(absent)"));
        row.push_back(change.after ? DiffValueText(change.pointer, *change.after) : _("(absent)"));
        AppendItem(row);
    }
    if (changes.empty()) {
        wxVector<wxVariant> row;
        row.push_back(_("No differences."));
        row.push_back(wxString());
        row.push_back(wxString());
        AppendItem(row);
    }
}

} // namespace kpd::ui
