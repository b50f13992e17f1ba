#include "ui/main/about_box.h"

#include "ui/widgets/app_icon.h"

#include <wx/aboutdlg.h>
#include <wx/intl.h>

namespace kpd::ui {

void ShowAboutBox(wxWindow* parent) {
    wxAboutDialogInfo info;
    info.SetName(_("Koshelek Partner"));
    info.SetVersion(KPD_VERSION);
    info.SetDescription(_("The back office of Koshelek partners: card screen, promotions, card issuance, "
                          "analytics, Dolyami settlements, users and roles — against the Koshelek platform."));
    info.SetCopyright(_("© 2026 Koshelek Partner Desk developers"));
    info.SetIcon(AppIcon(128));
    wxAboutBox(info, parent);
}

} // namespace kpd::ui
