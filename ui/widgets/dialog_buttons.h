#pragma once
// The button row of the desk's dialogs and the words of its message boxes.
//
// GTK draws a button whose id is a stock one (wxID_OK, wxID_CANCEL, …) and
// whose label equals wx's stock label as GTK's stock item, in the words of
// the system's language, not the desk's: with `--lang ru` under an English
// LANG, "Отмена" came out as "Cancel". So the row's buttons get ids of their
// own and our translated labels; the dialog's affirmative and escape ids point
// at them, so Enter (the default button), Escape and the window's close box
// work as before, and ShowModal still returns wxID_OK / wxID_CANCEL (or the
// result asked for). Message boxes get translated labels for their buttons.
// UI thread only.
#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/string.h>

namespace kpd::ui {

struct DialogButtonsSpec {
    wxString affirmative;              // empty: no affirmative button (a row with only Close)
    wxString escape;                   // empty: "Cancel" in the UI language
    int affirmative_result = wxID_OK;  // what ShowModal returns when the affirmative button is pressed
    // false: the dialog binds the affirmative button itself (it ends after a background answer);
    // true: pressing it validates and transfers the dialog's data, then ends it with affirmative_result.
    bool affirmative_ends = true;
    bool escape_ends = true;           // false: the dialog binds the escape button itself
    bool escape_is_default = false;    // Enter presses the escape button (a cautious question)
};

struct DialogButtons {
    wxSizer* sizer = nullptr;          // add it at the bottom of the dialog's sizer
    wxButton* affirmative = nullptr;   // nullptr without one
    wxButton* escape = nullptr;
};

// Window names of the row's buttons, for tests that look for them.
inline constexpr const char* kAffirmativeButtonName = "dialog-affirmative";
inline constexpr const char* kEscapeButtonName = "dialog-escape";

DialogButtons MakeDialogButtons(wxDialog* dialog, const DialogButtonsSpec& spec);

// The two buttons alone, for a dialog that lays out a row of its own (more buttons, another order). Each is
// wired as MakeDialogButtons wires it; `ends` false leaves the click to the dialog. Neither becomes the default.
wxButton* MakeAffirmativeButton(wxDialog* dialog, const wxString& label, int result = wxID_OK, bool ends = true);
wxButton* MakeEscapeButton(wxDialog* dialog, const wxString& label = wxString(), bool ends = true);

// The usual row: an affirmative button labelled `affirmative` and Cancel.
inline DialogButtons OkCancelButtons(wxDialog* dialog, const wxString& affirmative) {
    DialogButtonsSpec spec;
    spec.affirmative = affirmative;
    return MakeDialogButtons(dialog, spec);
}

// The row's buttons of a dialog made with MakeDialogButtons (nullptr when absent).
wxButton* AffirmativeButtonOf(wxWindow* dialog);
wxButton* EscapeButtonOf(wxWindow* dialog);

// Gives a wxMessageDialog (or wxGenericMessageDialog) translated words for the buttons its style asks for
// (Yes/No, OK/Cancel, OK, Help); `yes` and `no` replace the plain "Yes" and "No" when given, as a question's
// own verbs read better ("Disable" / "Keep").
void SetMessageButtonLabels(wxMessageDialogBase& dialog, long style, const wxString& yes = wxString(),
                            const wxString& no = wxString());

// wxMessageBox with translated button words; returns wxYES, wxNO, wxOK or wxCANCEL as wxMessageBox does.
int AskMessage(wxWindow* parent, const wxString& message, const wxString& caption, long style,
               const wxString& yes = wxString(), const wxString& no = wxString());

} // namespace kpd::ui
