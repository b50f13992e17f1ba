#include "ui/settlements/recon_column_widths.h"

#include "ui/app/words.h"
#include "ui/settlements/recon_table_model.h"
#include "ui/settlements/settlement_words.h"

#include <wx/dataview.h>

#include <algorithm>

namespace kpd::ui {
namespace {

// Room around a cell's text (GTK's cell padding on both sides) and, in a header, for the sort arrow too.
int CellPadding(const wxWindow* window) { return window->FromDIP(18); }
int HeaderPadding(const wxWindow* window) { return window->FromDIP(30); }

int TextWidth(const wxWindow* window, const wxString& text) { return window->GetTextExtent(text).x; }

// The title as the header shows it when sorted by the column (ShowSortState adds the arrow).
wxString TitleWithArrow(wxString title) {
    if (title.EndsWith(wxString::FromUTF8(" ▲")) || title.EndsWith(wxString::FromUTF8(" ▼"))) title.RemoveLast(2);
    return title + wxString::FromUTF8(" ▼");
}

} // namespace

int ClassColumnWidth(wxWindow* window) {
    int widest = 0;
    for (std::size_t c = 0; c < domain::kReconClassCount; ++c) {
        widest = std::max(widest, TextWidth(window, ReconClassName(static_cast<domain::ReconClass>(c))));
    }
    return widest + CellPadding(window);
}

void FitReconColumns(wxDataViewCtrl* table, const ReconTableModel& model) {
    const unsigned shown = static_cast<unsigned>(model.Shown());
    const unsigned stride = shown > kSampleRows ? shown / kSampleRows : 1;
    for (unsigned i = 0; i < table->GetColumnCount(); ++i) {
        wxDataViewColumn* column = table->GetColumn(i);
        const unsigned modelColumn = column->GetModelColumn();
        if (modelColumn == ReconTableModel::ColNote) continue;
        int width = TextWidth(table, TitleWithArrow(column->GetTitle())) + HeaderPadding(table);
        if (modelColumn == ReconTableModel::ColClass) {
            width = std::max(width, ClassColumnWidth(table));
        } else if (modelColumn == ReconTableModel::ColTime) {
            // Every time is "dd.mm.yyyy hh:mm:ss" in digits of one width: one stands for all.
            const wxString sample = FromUtf8(ReconTableModel::FormatMoscowTime(1'798'675'199));
            width = std::max(width, TextWidth(table, sample) + CellPadding(table));
        } else {
            for (unsigned row = 0; row < shown; row += stride) {
                wxVariant value;
                model.GetValueByRow(value, row, modelColumn);
                width = std::max(width, TextWidth(table, value.GetString()) + CellPadding(table));
            }
        }
        column->SetWidth(width);
    }
}

} // namespace kpd::ui
