#include "ui/settlements/approve_dialog.h"

#include "ui/widgets/dialog_buttons.h"
#include "ui/settlements/settlement_words.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace kpd::ui {

ApproveDialog::ApproveDialog(wxWindow* parent, const domain::SettlementRegister& reg, domain::ApprovalOutcome outcome,
                             const services::ReconcileReport* report)
    : wxDialog(parent, wxID_ANY, _("Approve the register")) {
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto text = [this, sizer, gap](const wxString& words, bool bold = false) {
        auto* label = new wxStaticText(this, wxID_ANY, words);
        if (bold) label->SetFont(label->GetFont().Bold());
        label->Wrap(FromDIP(520));
        sizer->Add(label, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, gap * 2));
    };
    // TRANSLATORS: %s is the register's business date.
    text(wxString::Format(_("Register of %s"), DateWords(reg.business_date)), true);
    // TRANSLATORS: a register's totals: purchases, turnover, refunds, payout.
    text(wxString::Format(_("Purchases: %lld\nTurnover: %s\nRefunds: %s\nPayout: %s on %s"),
                          static_cast<long long>(reg.count), Money(reg.turnover_kop), Money(reg.refunds_kop),
                          Money(reg.payout_kop), DateWords(reg.payout_date)));
    if (report && report->reconciled) {
        std::int64_t rows = 0;
        domain::Kopecks platform = 0, partner = 0;
        for (std::size_t c = 1; c < domain::kReconClassCount; ++c) {
            rows += report->result.totals[c].rows;
            platform += report->result.totals[c].platform_kop;
            partner += report->result.totals[c].partner_kop;
        }
        const auto& matched = report->result.totals[0];
        // TRANSLATORS: reconciliation totals: matched rows and their sum, discrepancies and their sums on both sides.
        text(wxString::Format(_("Reconciliation: matched rows: %lld (%s); discrepancies: %lld (platform %s, your records %s)."),
                              static_cast<long long>(matched.rows), Money(matched.platform_kop),
                              static_cast<long long>(rows), Money(platform), Money(partner)));
    } else {
        text(_("This register has not been reconciled with your sales records in this session."));
    }
    const bool allowed = outcome == domain::ApprovalOutcome::Approved || outcome == domain::ApprovalOutcome::FirstOfTwo;
    text(ApprovalOutcomeWords(outcome), true);

    m_comment = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(520, 70)), wxTE_MULTILINE);
    m_comment->SetHint(_("What you checked, e.g. \"Reconciled with the till export, no discrepancies\""));
    auto* label = new wxStaticText(this, wxID_ANY, _("&Comment (required):"));
    sizer->Add(label, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, gap * 2));
    sizer->Add(m_comment, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, gap * 2));

    const DialogButtons buttons = OkCancelButtons(
        this, outcome == domain::ApprovalOutcome::FirstOfTwo ? _("Give the &first approval") : _("&Approve"));
    auto* ok = buttons.affirmative;
    sizer->Add(buttons.sizer, wxSizerFlags().Expand().Border(wxALL, gap * 2));
    SetSizerAndFit(sizer);
    auto update = [this, ok, allowed] {
        if (ok) ok->Enable(allowed && !m_comment->GetValue().Strip(wxString::both).empty());
    };
    m_comment->Bind(wxEVT_TEXT, [update](wxCommandEvent&) { update(); });
    update();
    m_comment->Enable(allowed);
    if (allowed) m_comment->SetFocus();
    CentreOnParent();
}

void ApproveDialog::SetComment(const wxString& comment) { m_comment->SetValue(comment); }

wxString ApproveDialog::Comment() const { return m_comment->GetValue().Strip(wxString::both); }

} // namespace kpd::ui
