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
    m_changes = changes;
    Fill();
}

void DiffTable::SetImageDescriber(std::function<wxString(const std::string&)> describe) {
    m_describe = std::move(describe);
    Fill();
}

void DiffTable::Fill() {
    auto text = [this](const std::string& pointer, const std::optional<nlohmann::json>& value) -> wxString {
        if (!value) return _("(absent)");
        const bool image = pointer == "/theme/logo" || pointer == "/theme/background_image" ||
                           (pointer.size() > 6 && pointer.compare(pointer.size() - 6, 6, "/asset") == 0);
        if (image && m_describe && value->is_string()) {
            const wxString words = m_describe(value->get<std::string>());
            if (!words.empty()) return words;
        }
        return DiffValueText(pointer, *value);
    };
    DeleteAllItems();
    for (const contract::FieldChange& change : m_changes) {
        wxVector<wxVariant> row;
        row.push_back(FieldName(change.pointer));
        row.push_back(text(change.pointer, change.before));
        row.push_back(text(change.pointer, change.after));
        AppendItem(row);
    }
    if (m_changes.empty()) {
        wxVector<wxVariant> row;
        row.push_back(_("No differences."));
        row.push_back(wxString());
        row.push_back(wxString());
        AppendItem(row);
    }
}

} // namespace kpd::ui
