// partner-desk: the entry point; everything else lives in the kpd_ui library.
#include "ui/app/desk_app.h"

wxIMPLEMENT_APP(kpd::ui::DeskApp);
