#pragma once
// Widths of the reconciliation table's columns in the current language and
// the table's font: each column as wide as its title (with room for the sort
// arrow) or its widest value, whichever is wider. A column with a closed set
// of words (the class) is measured on all of them; the time on one time (all
// are written alike); the others on a sample of at most kSampleRows rows
// spread over the rows shown, so a million-row report costs what a small one
// does. The note (free text, the last column) keeps its width. UI thread only.
#include <wx/window.h>

class wxDataViewCtrl;

namespace kpd::ui {

class ReconTableModel;

inline constexpr unsigned kSampleRows = 200;

void FitReconColumns(wxDataViewCtrl* table, const ReconTableModel& model);

// The width a column needs for the widest class name in `window`'s font (the totals list's Class column).
int ClassColumnWidth(wxWindow* window);

} // namespace kpd::ui
