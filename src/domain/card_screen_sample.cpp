#include "domain/card_screen_sample.h"

namespace kpd::domain {

CardScreen SampleCardScreen() {
    CardScreen s;
    s.theme.background_color = "#1B5E20";
    s.theme.text_color = "#FFFFFF";
    s.theme.accent_color = "#FFC107";
    s.identifier.kind = IdentifierKind::Dynamic;
    s.identifier.barcode = BarcodeType::Code128;
    s.identifier.prefix = "29";
    s.identifier.totp_interval_seconds = 30;
    s.identifier.totp_length = 6;
    s.balance = {BalanceKind::Points, "Баллы"};
    s.progress.enabled = true;
    s.progress.levels = {{"Базовый", 0, 300},
                         {"Серебряный", 1'500'000, 500},   // from 15 000 ₽ of purchases
                         {"Золотой", 5'000'000, 700}};     // from 50 000 ₽
    s.promo_blocks = {{std::nullopt, "Скидка 20 % на фрукты по выходным", {CtaKind::PromoList, ""}},
                      {std::nullopt, "Заказ с доставкой за 2 часа", {CtaKind::OnlineShop, "https://polyanka.example/shop"}}};
    s.history = {true, true};
    s.qr_scanner = true;
    s.links = {"https://polyanka.example/loyalty/rules", "https://polyanka.example/privacy"};
    s.questions = {{"Как вам удобнее получать предложения?", QuestionKind::SingleChoice, true, {"Push", "E-mail", "SMS"}},
                   {"Дата рождения — пришлём подарок", QuestionKind::Date, false, {}}};
    return s;
}

} // namespace kpd::domain
