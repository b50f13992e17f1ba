#include "ui/card_screen/conflict_dialog.h"

#include "contract/card_screen_json.h"
#include "ui/card_screen/card_preview_widget.h"
#include "ui/card_screen/diff_table.h"
#include "ui/widgets/dialog_buttons.h"

#include <wx/button.h>
#include <wx/display.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace kpd::ui {

ConflictDialog::ConflictDialog(wxWindow* parent, const domain::CardScreen& mine, const domain::CardScreen& theirs,
                               const domain::CardScreenState& current, const CardPreviewWidget* previewSource)
    : wxDialog(parent, wxID_ANY, _("Someone else changed the card screen"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    SetName("card-screen-conflict");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    const wxString what = current.draft ? _("a newer draft") : _("a newer published screen");
    // TRANSLATORS: %s is "a newer draft" or "a newer published screen".
    auto* intro = new wxStaticText(
        this, wxID_ANY,
        wxString::Format(_("While you were editing, someone saved %s on the platform. Nothing has been "
                           "overwritten. Compare the two and choose which one to keep."),
                         what));
    intro->Wrap(FromDIP(900));
    sizer->Add(intro, wxSizerFlags().Border(wxALL, FromDIP(12)));

    auto* phones = new wxFlexGridSizer(2, 3, FromDIP(4), FromDIP(10));
    phones->Add(new wxStaticText(this, wxID_ANY, _("Yours")));
    phones->Add(new wxStaticText(this, wxID_ANY, _("On the platform now")));
    phones->Add(new wxStaticText(this, wxID_ANY, _("Differences")));
    CardPreviewWidget* sides[2] = {new CardPreviewWidget(this), new CardPreviewWidget(this)};
    const domain::CardScreen* screens[2] = {&mine, &theirs};
    for (int i = 0; i < 2; ++i) {
        if (previewSource) sides[i]->SetData(previewSource->Data());
        if (previewSource) sides[i]->SetPhoneTheme(previewSource->PhoneTheme());
        sides[i]->SetZoom(0.5);
        sides[i]->SetMinSize(FromDIP(wxSize(240, 430)));
        sides[i]->SetScreen(*screens[i]);
        phones->Add(sides[i], wxSizerFlags(1).Expand());
    }
    m_table = new DiffTable(this, _("Yours"), _("On the platform now"));
    m_table->Show(contract::DiffCardScreens(mine, theirs));
    m_table->SetMinSize(FromDIP(wxSize(440, 300)));
    phones->Add(m_table, wxSizerFlags(1).Expand());
    phones->AddGrowableCol(2);
    phones->AddGrowableRow(1);
    sizer->Add(phones, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, FromDIP(12)));

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    m_keepMine = new wxButton(this, IdKeepMine, _("&Keep mine (save over theirs)"));
    m_takeTheirs = new wxButton(this, IdTakeTheirs, _("&Take theirs"));
    m_takeTheirs->SetToolTip(_("Your version stays one Undo (Ctrl+Z) away."));
    buttons->Add(m_keepMine, wxSizerFlags().Border(wxRIGHT, FromDIP(8)));
    buttons->Add(m_takeTheirs);
    buttons->AddStretchSpacer();
    buttons->Add(MakeEscapeButton(this, _("Decide &later")));
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    SetSizer(sizer);
    // Never larger than the screen the desk is on (a small laptop, Xvfb's 1280×800).
    const wxRect screen = wxDisplay(parent).GetClientArea();
    wxSize size = FromDIP(wxSize(1040, 640));
    size.DecTo(screen.GetSize() - wxSize(20, 20));
    SetSize(size);
    CentreOnScreen();

    for (int id : {static_cast<int>(IdKeepMine), static_cast<int>(IdTakeTheirs)}) {
        Bind(wxEVT_BUTTON, [this, id](wxCommandEvent&) { EndModal(id); }, id);
    }
    m_takeTheirs->SetFocus();
}

} // namespace kpd::ui
