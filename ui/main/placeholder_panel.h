#pragma once
// The page of an area not built yet: its name, what will be there, and a
// plain statement that it is not built yet. UI thread only.
#include "ui/main/areas.h"

#include <wx/panel.h>

namespace kpd::ui {

class PlaceholderPanel : public wxPanel {
  public:
    PlaceholderPanel(wxWindow* parent, const AreaInfo& area);
};

} // namespace kpd::ui
