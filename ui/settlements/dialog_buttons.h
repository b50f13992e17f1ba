#pragma once
// The OK/Cancel row of the settlements dialogs, labelled through our own
// catalogue (wx's stock labels are not translated in the desk). UI thread only.
#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/intl.h>
#include <wx/sizer.h>

namespace kpd::ui {

inline wxStdDialogButtonSizer* OkCancelButtons(wxDialog* dialog, const wxString& okLabel) {
    auto* buttons = new wxStdDialogButtonSizer;
    auto* ok = new wxButton(dialog, wxID_OK, okLabel);
    ok->SetDefault();
    buttons->AddButton(ok);
    buttons->AddButton(new wxButton(dialog, wxID_CANCEL, _("Cancel")));
    buttons->Realize();
    return buttons;
}

} // namespace kpd::ui
