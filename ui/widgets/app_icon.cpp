#include "ui/widgets/app_icon.h"

#include "ui/app_icon_svg.h" // generated from resources/icons/partner-desk.svg

namespace kpd::ui {

wxBitmapBundle AppIconBundle() { return wxBitmapBundle::FromSVG(kAppIconSvg, wxSize(256, 256)); }

wxIcon AppIcon(int size) {
    wxIcon icon;
    icon.CopyFromBitmap(AppIconBundle().GetBitmap(wxSize(size, size)));
    return icon;
}

wxIconBundle AppIcons() {
    wxIconBundle icons;
    for (int size : {16, 24, 32, 48, 64, 128, 256}) icons.AddIcon(AppIcon(size));
    return icons;
}

} // namespace kpd::ui
