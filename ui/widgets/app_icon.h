#pragma once
// The desk's icon (resources/icons/partner-desk.svg, compiled in and drawn by
// wx's SVG renderer at any size). UI thread only.
#include <wx/bmpbndl.h>
#include <wx/icon.h>
#include <wx/iconbndl.h>

namespace kpd::ui {

wxBitmapBundle AppIconBundle();
wxIcon AppIcon(int size);
wxIconBundle AppIcons(); // 16…256 px, for frames and dialogs

} // namespace kpd::ui
