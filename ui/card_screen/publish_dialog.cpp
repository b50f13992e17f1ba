#include "ui/card_screen/publish_dialog.h"

#include "ui/card_screen/diff_table.h"
#include "ui/widgets/dialog_buttons.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace kpd::ui {

PublishDialog::PublishDialog(wxWindow* parent, const std::vector<contract::FieldChange>& changes, bool hasPublished,
                             std::int64_t nextVersion)
    : wxDialog(parent, wxID_ANY, _("Publish the card screen"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    SetName("publish-card-screen");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    wxString intro;
    if (hasPublished) {
        // TRANSLATORS: %zu is the number of changed fields, %lld the number of the new version.
        intro = wxString::Format(wxPLURAL("Customers will see %zu change in the app as version %lld:",
                                          "Customers will see %zu changes in the app as version %lld:", changes.size()),
                                 changes.size(), static_cast<long long>(nextVersion));
    } else {
        intro = _("This is the first publication: customers will see the whole screen in the app.");
    }
    auto* text = new wxStaticText(this, wxID_ANY, intro);
    text->Wrap(FromDIP(620));
    sizer->Add(text, wxSizerFlags().Border(wxALL, FromDIP(12)));
    m_table = new DiffTable(this, _("Published now"), _("After publishing"));
    m_table->Show(changes);
    sizer->Add(m_table, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, FromDIP(12)));
    const DialogButtons buttons = OkCancelButtons(this, _("&Publish"));
    auto* publish = buttons.affirmative;
    sizer->Add(buttons.sizer, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    SetSizerAndFit(sizer);
    CentreOnParent();
    publish->SetFocus();
}

} // namespace kpd::ui
