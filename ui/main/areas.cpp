#include "ui/main/areas.h"

#include <wx/intl.h>

namespace kpd::ui {

const std::vector<AreaInfo>& Areas() {
    // Built once, after the catalogue is loaded (first call comes from the main frame).
    static const std::vector<AreaInfo> areas = {
        {Area::PartnerProfile, "partner", _("Partner profile"),
         _("Your brand as the platform knows it: name, INN, colours, loyalty program and card number format."),
         true},
        {Area::Users, "users", _("Users and roles"),
         _("The people of your company who work in the desk, their roles, and who is disabled."), true},
        {Area::AuditLog, "audit", _("Audit log"),
         _("Who changed what and when, from the desk, the command line or the platform."), true},
        {Area::CardScreen, "card-screen", _("Card screen"),
         _("Design the loyalty card screen in the Koshelek app: theme and logo, the card identifier at the "
           "checkout (barcode, dynamic code or check-in code), balance, progress bar, banners, purchase history "
           "and links. Preview, save drafts, publish and roll back versions."),
         true},
        {Area::IssuanceQuestions, "issuance-questions", _("Issuance questions"),
         _("Up to three extra questions asked when a customer gets your card: choice, text, date or number."),
         true},
        {Area::Surveys, "surveys", _("Surveys and quizzes"),
         _("Polls and quizzes with prize draws for a chosen segment, their schedule and results."), false},
        {Area::PromoOffers, "promo-offers", _("Promo offers"),
         _("Offers in the Koshelek app for chosen segments: media inventory, the two-click mechanic, promo "
           "codes and their statistics."),
         false},
        {Area::ReceiptPromos, "receipt-promos", _("Receipt promos"),
         _("Special projects where customers scan the QR code of a fiscal receipt: rules, prize draws and "
           "winners."),
         false},
        {Area::CashbackFlights, "cashback-flights", _("Cashback flights"),
         _("Cashback campaigns for a segment and a period. A flight is launched in 5 business days at the "
           "earliest."),
         true},
        {Area::PushCampaigns, "push", _("Push campaigns"),
         _("Push notifications and Smart Push to a segment, the message centre and delivery statistics."),
         false},
        {Area::CardIssuance, "card-issuance", _("Card issuance and registries"),
         _("Online or offline issuance integration: card registries, the card number pool and daily CSV "
           "exchange."),
         false},
        {Area::Analytics, "analytics", _("Analytics"),
         _("Card holders, issuance, turnover and campaign results, by day and by segment."), false},
        {Area::Settlements, "settlements", _("Dolyami settlements"),
         _("Settlement registers of Dolyami instalment payments: reconciliation with your own sales export, "
           "discrepancies, four-eyes approval, the monthly commission and exports for accounting."),
         true},
    };
    return areas;
}

} // namespace kpd::ui
