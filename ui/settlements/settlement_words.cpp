#include "ui/settlements/settlement_words.h"

#include "ui/app/i18n.h"
#include "ui/app/words.h"

#include <wx/intl.h>

namespace kpd::ui {

wxString RegisterStatusName(domain::RegisterStatus status) {
    switch (status) {
    case domain::RegisterStatus::PendingReview: return _("Pending review");
    case domain::RegisterStatus::Approved: return _("Approved");
    case domain::RegisterStatus::Disputed: return _("Disputed");
    }
    return wxString();
}

wxString ReconClassName(domain::ReconClass cls) {
    using C = domain::ReconClass;
    switch (cls) {
    case C::Matched: return _("Matched");
    case C::MissingAtPartner: return _("Missing in your records");
    case C::MissingOnPlatform: return _("Missing on the platform");
    case C::AmountMismatch: return _("Amount mismatch");
    case C::Duplicate: return _("Duplicate");
    case C::RefundMismatch: return _("Refund mismatch");
    case C::DateOutsideTolerance: return _("Time outside tolerance");
    }
    return wxString();
}

wxString InvoiceFieldName(const std::string& field) {
    if (field == "turnover_kop") return _("Turnover");
    if (field == "refunds_kop") return _("Refunds");
    if (field == "base_kop") return _("Commission base");
    if (field == "rate_bp") return _("Rate");
    if (field == "commission_kop") return _("Commission");
    if (field == "vat_kop") return _("VAT");
    if (field == "total_kop") return _("Total to pay");
    return FromUtf8(field);
}

wxString ApprovalOutcomeWords(domain::ApprovalOutcome outcome) {
    using O = domain::ApprovalOutcome;
    switch (outcome) {
    case O::Approved: return _("Your approval approves the register.");
    case O::FirstOfTwo:
        return _("The payout is above the four-eyes threshold: your approval is the first of two, and a finance "
                 "manager must approve the register too.");
    case O::NotPending: return _("The register is no longer pending review: it was approved or disputed.");
    case O::AlreadyApprovedBy:
        return _("You approved this register already; the second approval must come from another person.");
    case O::NeedsManager: return _("The second approval of this register must come from a finance manager.");
    case O::NotFinance: return _("Approving registers needs a finance role.");
    }
    return wxString();
}

wxString DescribeSettlementError(const api::ApiError& error) {
    if (error.code == "register_not_pending") {
        return _("The register is no longer pending review: someone approved or disputed it meanwhile. The list "
                 "shows its state now.");
    }
    if (error.code == "already_approved_by_you") {
        return _("You have approved this register already. Four eyes means two people: a colleague must give the "
                 "second approval.");
    }
    if (error.code == "second_approval_needs_manager") {
        return _("The second approval of this register must come from a finance manager.");
    }
    if (error.code == "register_changed") {
        return _("The register changed on the platform after you opened it. Sync and check it again.");
    }
    return DescribeApiError(error);
}

wxString OrderStatusName(const std::string& status) {
    if (status == "new") return _("New");
    if (status == "approved") return _("Buyer approved");
    if (status == "rejected") return _("Rejected");
    if (status == "canceled") return _("Cancelled");
    if (status == "wait_for_commit") return _("Awaiting confirmation");
    if (status == "committed") return _("Confirmed");
    if (status == "completed") return _("Paid in full");
    return FromUtf8(status);
}

wxString PosColumnName(const std::string& role) {
    if (role == "order_id") return _("Order number");
    if (role == "store") return _("Store");
    if (role == "sold_at") return _("Time of sale");
    if (role == "amount") return _("Amount");
    if (role == "refunded") return _("Refunded");
    return FromUtf8(role);
}

wxString PosProblemWords(const std::string& code, const std::string& englishMessage) {
    // The line and column stand beside these words in the list, so they say what, not where.
    if (code == "column_count") return _("Too few columns in the line");
    if (code == "not_utf8") return _("Not UTF-8 text: is the file in Windows-1251?");
    if (code == "too_long") return _("The order number is too long");
    if (code == "not_a_time") return _("Not a date and time (23.11.2026 15:30 or 2026-11-23 15:30)");
    if (code == "quote_not_closed") return _("A quote opened here is never closed");
    if (code == "text_after_quote") return _("Text after a closing quote");
    if (code == "quote_in_value") return _("A quote inside an unquoted value: quote the whole value and double the quote");
    if (code == "empty") return _("The amount is empty");
    if (code == "not_a_number") return _("Not a number");
    if (code == "digit_groups") return _("Digit groups of the wrong size");
    if (code == "too_many_decimals") return _("More than 2 digits after the decimal separator");
    if (code == "over_cap")
        return _("The amount is over the limit of 100 billion roubles a line");
    if (code == "decimals_in_kopecks") return _("An amount in kopecks cannot have decimals");
    if (code == "cell_error") return _("The cell holds a formula error (#N/A, #VALUE!…) instead of a value");
    return FromUtf8(englishMessage);
}

wxString Money(domain::Kopecks amount) {
    return FromUtf8(CurrentLanguage() == UiLanguage::Russian ? domain::FormatRoublesRu(amount)
                                                             : domain::FormatRoublesEn(amount));
}

wxString DateWords(const std::string& isoDate) {
    if (CurrentLanguage() != UiLanguage::Russian || isoDate.size() != 10) return FromUtf8(isoDate);
    return FromUtf8(isoDate.substr(8, 2) + "." + isoDate.substr(5, 2) + "." + isoDate.substr(0, 4));
}

} // namespace kpd::ui
