// The customer the preview shows when the desk has no real one to hand: a
// regular of a coffee-and-bakery chain (domain::SampleCardScreen) with a few
// purchases and their receipt lines. Fixed values, so pictures of the sample
// compare equal from run to run.
#include "render/card_preview.h"

namespace kpd::render {

PreviewData SamplePreviewData(std::string partner_name) {
    PreviewData data;
    data.partner_name = std::move(partner_name);
    data.card_number = "2900001234566"; // a valid EAN-13 (check digit 6), also fine as Code 128 and QR
    data.points = 1250;
    data.accumulated_kop = 1'262'500; // 12 625 ₽ bought so far
    data.history = {
        {"21.11 18:40", "Кофейня на Тверской", 64'000,
         {{"Капучино 0,3 л", 22'000}, {"Круассан с миндалём", 19'000}, {"Чизкейк", 23'000}}},
        {"19.11 08:15", "Пекарня у метро", 38'500, {{"Латте 0,4 л", 25'000}, {"Булочка с корицей", 13'500}}},
        {"14.11 13:02", "Кофейня на Тверской", 112'000,
         {{"Бизнес-ланч", 54'000}, {"Американо", 16'000}, {"Торт «Наполеон», кусок", 24'000}, {"Морс", 18'000}}},
        {"02.11 19:47", "Кофейня в ТЦ «Атриум»", 27'000, {{"Раф ванильный", 27'000}}},
    };
    // RFC 6238's own test secret: a till or test can check the codes by hand.
    const std::string secret = "12345678901234567890";
    data.totp_secret.assign(secret.begin(), secret.end());
    data.unix_seconds = 1'795'275'600; // 2026-11-21 15:40:00 UTC, 18:40 in Moscow
    data.labels = PreviewLabels{};
    return data;
}

} // namespace kpd::render
