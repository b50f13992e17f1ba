#include "ui/settlements/dispute_dialog.h"

#include "ui/app/words.h"
#include "ui/widgets/dialog_buttons.h"
#include "ui/settlements/settlement_words.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/listbox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace kpd::ui {

DisputeDialog::DisputeDialog(wxWindow* parent, const domain::SettlementRegister& reg,
                             const std::vector<std::string>& orders)
    : wxDialog(parent, wxID_ANY, _("Dispute the register")) {
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* intro = new wxStaticText(
        this, wxID_ANY,
        // TRANSLATORS: %s is the register's business date, the second %s its payout.
        wxString::Format(_("Dispute the register of %s (payout %s). The platform's staff will see your reason and "
                           "the orders you name; the register will not be paid out as it stands."),
                         DateWords(reg.business_date), Money(reg.payout_kop)));
    intro->Wrap(FromDIP(520));
    sizer->Add(intro, wxSizerFlags().Expand().Border(wxALL, gap * 2));
    sizer->Add(new wxStaticText(this, wxID_ANY, _("&Reason (required):")),
               wxSizerFlags().Border(wxLEFT | wxRIGHT, gap * 2));
    m_reason = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(520, 70)), wxTE_MULTILINE);
    sizer->Add(m_reason, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, gap * 2));

    // TRANSLATORS: %zu is the number of orders taken from the selected rows.
    sizer->Add(new wxStaticText(this, wxID_ANY,
                                orders.empty() ? _("No rows selected: the dispute names no orders.")
                                               : wxString::Format(wxPLURAL("%zu order from the selected rows:",
                                                                           "%zu orders from the selected rows:",
                                                                           orders.size()),
                                                                  orders.size())),
               wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, gap * 2));
    if (!orders.empty()) {
        auto* list = new wxListBox(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(520, 110)));
        for (const auto& order : orders) list->Append(FromUtf8(order));
        sizer->Add(list, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, gap * 2));
    }
    const DialogButtons buttons = OkCancelButtons(this, _("&Dispute"));
    auto* ok = buttons.affirmative;
    sizer->Add(buttons.sizer, wxSizerFlags().Expand().Border(wxALL, gap * 2));
    SetSizerAndFit(sizer);
    auto update = [this, ok] {
        if (ok) ok->Enable(!m_reason->GetValue().Strip(wxString::both).empty());
    };
    m_reason->Bind(wxEVT_TEXT, [update](wxCommandEvent&) { update(); });
    update();
    m_reason->SetFocus();
    CentreOnParent();
}

wxString DisputeDialog::Reason() const { return m_reason->GetValue().Strip(wxString::both); }

} // namespace kpd::ui
