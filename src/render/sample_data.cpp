// The customer the preview shows when the desk has no real one to hand: a
// regular of a coffee-and-bakery chain (domain::SampleCardScreen) with a few
// purchases and their receipt lines. Fixed values, so pictures of the sample
// compare equal from run to run.
#include "render/card_preview.h"

#include <algorithm>

namespace kpd::render {
namespace {

// The GS1 check digit of `digits` (EAN-8, EAN-13, UPC-A alike): weights 3 and
// 1 alternating from the rightmost digit.
char Gs1CheckDigit(const std::string& digits) {
    int sum = 0;
    int weight = 3;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        sum += (*it - '0') * weight;
        weight = 4 - weight;
    }
    return static_cast<char>('0' + (10 - sum % 10) % 10);
}

} // namespace

std::string SampleCardNumber(domain::BarcodeType type) {
    switch (type) {
    case domain::BarcodeType::Ean8:
        return "2900001" + std::string(1, Gs1CheckDigit("2900001"));
    case domain::BarcodeType::UpcA:
        return "29000012345" + std::string(1, Gs1CheckDigit("29000012345"));
    case domain::BarcodeType::Ean13:
    case domain::BarcodeType::Code128:
    case domain::BarcodeType::QrCode:
        break;
    }
    return "290000123456" + std::string(1, Gs1CheckDigit("290000123456"));
}

std::vector<std::string> ReferencedAssets(const domain::CardScreen& screen) {
    std::vector<std::string> ids;
    const auto add = [&ids](const std::optional<std::string>& id) {
        if (id && !id->empty() && std::find(ids.begin(), ids.end(), *id) == ids.end()) {
            ids.push_back(*id);
        }
    };
    add(screen.theme.logo);
    add(screen.theme.background_image);
    for (const domain::PromoBlock& block : screen.banners) {
        add(block.asset);
    }
    for (const domain::PromoBlock& block : screen.promo_blocks) {
        add(block.asset);
    }
    return ids;
}

PreviewData SamplePreviewData(std::string partner_name) {
    PreviewData data;
    data.partner_name = std::move(partner_name);
    data.card_number =
        SampleCardNumber(domain::BarcodeType::Ean13); // 2900001234566, also fine as Code 128 and QR
    data.points = 1250;
    data.accumulated_kop = 1'262'500; // 12 625 ₽ bought so far
    data.history = {
        {"21.11 18:40",
         "Кофейня на Тверской",
         64'000,
         {{"Капучино 0,3 л", 22'000}, {"Круассан с миндалём", 19'000}, {"Чизкейк", 23'000}}},
        {"19.11 08:15",
         "Пекарня у метро",
         38'500,
         {{"Латте 0,4 л", 25'000}, {"Булочка с корицей", 13'500}}},
        {"14.11 13:02",
         "Кофейня на Тверской",
         112'000,
         {{"Бизнес-ланч", 54'000},
          {"Американо", 16'000},
          {"Торт «Наполеон», кусок", 24'000},
          {"Морс", 18'000}}},
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
