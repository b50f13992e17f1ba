#include "ui/widgets/dialog_buttons.h"

#include <wx/intl.h>

namespace kpd::ui {
namespace {

// Ends the dialog with `result` whether it was shown modally or not.
void EndWith(wxDialog* dialog, int result) {
    if (dialog->IsModal()) {
        dialog->EndModal(result);
    } else {
        dialog->SetReturnCode(result);
        dialog->Hide();
    }
}

} // namespace

wxButton* MakeAffirmativeButton(wxDialog* dialog, const wxString& label, int result, bool ends) {
    // wxID_ANY: an id of its own, never a stock one (see the header).
    auto* button = new wxButton(dialog, wxID_ANY, label, wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                                kAffirmativeButtonName);
    dialog->SetAffirmativeId(button->GetId());
    if (ends) {
        button->Bind(wxEVT_BUTTON, [dialog, result](wxCommandEvent&) {
            // As wx's own OK does: the dialog's validators first.
            if (dialog->Validate() && dialog->TransferDataFromWindow()) EndWith(dialog, result);
        });
    }
    return button;
}

wxButton* MakeEscapeButton(wxDialog* dialog, const wxString& label, bool ends) {
    auto* button = new wxButton(dialog, wxID_ANY, label.empty() ? _("Cancel") : label, wxDefaultPosition,
                                wxDefaultSize, 0, wxDefaultValidator, kEscapeButtonName);
    // Escape and the close box "press" the button with the escape id.
    dialog->SetEscapeId(button->GetId());
    if (ends) button->Bind(wxEVT_BUTTON, [dialog](wxCommandEvent&) { EndWith(dialog, wxID_CANCEL); });
    return button;
}

DialogButtons MakeDialogButtons(wxDialog* dialog, const DialogButtonsSpec& spec) {
    DialogButtons made;
    auto* row = new wxStdDialogButtonSizer;
    made.escape = MakeEscapeButton(dialog, spec.escape, spec.escape_ends);
    row->SetCancelButton(made.escape);
    if (!spec.affirmative.empty()) {
        made.affirmative =
            MakeAffirmativeButton(dialog, spec.affirmative, spec.affirmative_result, spec.affirmative_ends);
        row->SetAffirmativeButton(made.affirmative);
    }
    (spec.escape_is_default || !made.affirmative ? made.escape : made.affirmative)->SetDefault();
    row->Realize();
    made.sizer = row;
    return made;
}

wxButton* AffirmativeButtonOf(wxWindow* dialog) {
    return dynamic_cast<wxButton*>(dialog->FindWindow(kAffirmativeButtonName));
}

wxButton* EscapeButtonOf(wxWindow* dialog) { return dynamic_cast<wxButton*>(dialog->FindWindow(kEscapeButtonName)); }

void SetMessageButtonLabels(wxMessageDialogBase& dialog, long style, const wxString& yes, const wxString& no) {
    // Without custom labels wx asks GTK for its stock buttons, worded in the system's language.
    if (style & wxYES_NO) dialog.SetYesNoLabels(yes.empty() ? _("&Yes") : yes, no.empty() ? _("&No") : no);
    if (style & wxCANCEL) {
        dialog.SetOKCancelLabels(_("OK"), _("Cancel"));
        if (style & wxYES_NO) dialog.SetYesNoCancelLabels(yes.empty() ? _("&Yes") : yes, no.empty() ? _("&No") : no,
                                                          _("Cancel"));
    } else if (style & wxOK) {
        dialog.SetOKLabel(_("OK"));
    }
    if (style & wxHELP) dialog.SetHelpLabel(_("&Help"));
}

int AskMessage(wxWindow* parent, const wxString& message, const wxString& caption, long style, const wxString& yes,
               const wxString& no) {
    wxMessageDialog dialog(parent, message, caption, style);
    SetMessageButtonLabels(dialog, style, yes, no);
    switch (dialog.ShowModal()) {
    case wxID_YES: return wxYES;
    case wxID_NO: return wxNO;
    case wxID_OK: return wxOK;
    default: return wxCANCEL;
    }
}

} // namespace kpd::ui
