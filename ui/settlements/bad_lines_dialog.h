#pragma once
// The partner's POS file has bad lines: each listed with its line number, the
// column and what is wrong; the user skips them and reconciles the rest, or
// stops (nothing is reconciled). ShowModal returns wxID_YES to skip.
// UI thread only.
#include "domain/problem.h"

#include <wx/dialog.h>

namespace kpd::ui {

class BadLinesDialog : public wxDialog {
  public:
    BadLinesDialog(wxWindow* parent, const domain::Problems& problems);
};

} // namespace kpd::ui
