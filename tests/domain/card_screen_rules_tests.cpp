#include "domain/card_screen_rules.h"
#include "domain/card_screen_sample.h"

#include "support/problem_checks.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <map>

using namespace kpd::domain;
using kpd::test::HasProblemAt;
using kpd::test::Dump;

namespace {
AssetInfo Asset(std::string id, ImageSlot slot, int w, int h, std::int64_t bytes = 50'000) {
    return {std::move(id), slot, "image/png", w, h, bytes, std::string(64, 'a')};
}

// The partner's uploaded images, as the sandbox would look them up.
AssetLookup Lookup(std::vector<AssetInfo> assets) {
    return [assets = std::move(assets)](std::string_view id) -> std::optional<AssetInfo> {
        for (const auto& a : assets) {
            if (a.id == id) {
                return a;
            }
        }
        return std::nullopt;
    };
}

PromoBlock Banner(std::string asset, std::string url = "https://polyanka.example/sale") {
    return {std::move(asset), "", {CtaKind::Url, std::move(url)}};
}
} // namespace

BOOST_AUTO_TEST_SUITE(card_screen_rules)

BOOST_AUTO_TEST_CASE(the_sample_screen_is_valid) {
    const auto problems = ValidateCardScreen(SampleCardScreen());
    BOOST_TEST(problems.empty(), Dump(problems));
}

// The bad draft: every problem is reported, each at its own pointer.
BOOST_AUTO_TEST_CASE(every_problem_of_a_bad_draft_is_reported_at_its_pointer) {
    CardScreen s = SampleCardScreen();
    s.theme.logo = "logo-3mib";
    s.theme.background_color = "#FFFFFF";
    s.theme.text_color = "#B5B5B5"; // about 2:1 on white
    for (int i = 0; i < 6; ++i) {
        s.banners.push_back(Banner("banner-ok"));
    }
    s.banners[1].cta = {CtaKind::Url, "javascript:alert(1)"};
    s.questions = {{"Q1", QuestionKind::Text, false, {}},
                   {"Q2", QuestionKind::SingleChoice, true, {"Только один"}},
                   {"Q3", QuestionKind::Number, false, {}},
                   {"Q4", QuestionKind::Date, false, {}}};
    const auto lookup = Lookup({Asset("logo-3mib", ImageSlot::Logo, 512, 512, 3 * 1024 * 1024),
                                Asset("banner-ok", ImageSlot::Banner, 1029, 258)});

    const auto problems = ValidateCardScreen(s, lookup);
    BOOST_TEST(HasProblemAt(problems, "/banners/5", "too_many"), Dump(problems));
    BOOST_TEST(HasProblemAt(problems, "/theme/logo", "image_too_large"), Dump(problems));
    BOOST_TEST(HasProblemAt(problems, "/theme/text_color", "low_contrast"), Dump(problems));
    BOOST_TEST(HasProblemAt(problems, "/banners/1/cta/target", "unsafe_url"), Dump(problems));
    BOOST_TEST(HasProblemAt(problems, "/questions/3", "too_many"), Dump(problems));
    BOOST_TEST(HasProblemAt(problems, "/questions/1/options", "options_count"), Dump(problems));
    BOOST_TEST(problems.size() == 6u, Dump(problems));
}

BOOST_AUTO_TEST_CASE(contrast_is_checked_at_the_wcag_aa_line) {
    CardScreen s = SampleCardScreen();
    s.theme.background_color = "#FFFFFF";
    s.theme.text_color = "#767676"; // 4.54:1 passes
    BOOST_TEST(!HasProblemAt(ValidateCardScreen(s), "/theme/text_color", "low_contrast"));
    s.theme.text_color = "#777777"; // 4.48:1 fails
    BOOST_TEST(HasProblemAt(ValidateCardScreen(s), "/theme/text_color", "low_contrast"));
    s.theme.text_color = "white";
    BOOST_TEST(HasProblemAt(ValidateCardScreen(s), "/theme/text_color", "invalid_color"));
}

BOOST_AUTO_TEST_CASE(images_must_exist_fill_their_own_slot_and_fit_it) {
    CardScreen s = SampleCardScreen();
    s.theme.logo = "banner-ok";
    s.banners = {Banner("missing"), Banner("square")};
    const auto lookup = Lookup({Asset("banner-ok", ImageSlot::Banner, 1029, 258),
                                Asset("square", ImageSlot::Banner, 600, 600)});
    const auto problems = ValidateCardScreen(s, lookup);
    BOOST_TEST(HasProblemAt(problems, "/theme/logo", "wrong_slot"), Dump(problems));
    BOOST_TEST(HasProblemAt(problems, "/banners/0/asset", "unknown_asset"), Dump(problems));
    BOOST_TEST(HasProblemAt(problems, "/banners/1/asset", "image_dimensions"), Dump(problems));

    s.banners = {PromoBlock{std::nullopt, "", {CtaKind::PromoList, ""}}};
    BOOST_TEST(HasProblemAt(ValidateCardScreen(s), "/banners/0/asset", "required"));
}

BOOST_AUTO_TEST_CASE(slot_shapes_follow_the_brief) {
    BOOST_TEST(ValidateAssetForSlot(Asset("a", ImageSlot::Logo, 512, 512), ImageSlot::Logo, "/x").empty());
    BOOST_TEST(!ValidateAssetForSlot(Asset("a", ImageSlot::Logo, 512, 500), ImageSlot::Logo, "/x").empty());
    BOOST_TEST(!ValidateAssetForSlot(Asset("a", ImageSlot::Logo, 64, 64), ImageSlot::Logo, "/x").empty());
    BOOST_TEST(ValidateAssetForSlot(Asset("a", ImageSlot::Banner, 1029, 258), ImageSlot::Banner, "/x").empty());
    BOOST_TEST(ValidateAssetForSlot(Asset("a", ImageSlot::Promo, 600, 400), ImageSlot::Promo, "/x").empty());
    BOOST_TEST(ValidateAssetForSlot(Asset("a", ImageSlot::Background, 1080, 1920), ImageSlot::Background, "/x")
                   .empty());
    BOOST_TEST(!ValidateAssetForSlot(Asset("a", ImageSlot::Background, 1920, 1080), ImageSlot::Background, "/x")
                    .empty());
    auto gif = Asset("a", ImageSlot::Logo, 512, 512);
    gif.media_type = "image/gif";
    BOOST_TEST(ValidateAssetForSlot(gif, ImageSlot::Logo, "/x").front().code == "unsupported_media_type");
}

BOOST_AUTO_TEST_CASE(cta_targets_are_checked_by_kind) {
    BOOST_TEST(IsHttpsUrl("https://polyanka.example/a?b=1"));
    BOOST_TEST(!IsHttpsUrl("http://polyanka.example"));
    BOOST_TEST(!IsHttpsUrl("https://"));
    BOOST_TEST(!IsHttpsUrl("https://user@evil.example"));
    BOOST_TEST(!IsHttpsUrl("https://a b.example"));
    BOOST_TEST(IsAppDeepLink("polyanka://offers/42"));
    BOOST_TEST(!IsAppDeepLink("https://polyanka.example"));
    BOOST_TEST(!IsAppDeepLink("JavaScript://%0Aalert(1)"));
    BOOST_TEST(!IsAppDeepLink("polyanka:offers"));

    CardScreen s = SampleCardScreen();
    s.promo_blocks = {{std::nullopt, "Приложение", {CtaKind::AppLink, "https://polyanka.example"}},
                      {std::nullopt, "Магазин", {CtaKind::OnlineShop, "data:text/html,hi"}},
                      {std::nullopt, "Акция", {CtaKind::PromoOffer, ""}},
                      {std::nullopt, "", {CtaKind::PromoList, ""}}};
    const auto problems = ValidateCardScreen(s);
    BOOST_TEST(HasProblemAt(problems, "/promo_blocks/0/cta/target", "invalid_deep_link"), Dump(problems));
    BOOST_TEST(HasProblemAt(problems, "/promo_blocks/1/cta/target", "unsafe_url"), Dump(problems));
    BOOST_TEST(HasProblemAt(problems, "/promo_blocks/2/cta/target", "required"), Dump(problems));
    BOOST_TEST(HasProblemAt(problems, "/promo_blocks/3/title", "required"), Dump(problems));
}

BOOST_AUTO_TEST_CASE(progress_levels_rise_strictly_and_keep_discounts_in_range) {
    CardScreen s = SampleCardScreen();
    s.progress.levels = {{"A", 0, 100}, {"B", 1000, 200}, {"C", 1000, 10001}, {"", 500, 0}};
    const auto problems = ValidateCardScreen(s);
    BOOST_TEST(HasProblemAt(problems, "/progress/levels/2/threshold", "not_increasing"), Dump(problems));
    BOOST_TEST(HasProblemAt(problems, "/progress/levels/2/discount_bp", "out_of_range"), Dump(problems));
    BOOST_TEST(HasProblemAt(problems, "/progress/levels/3/threshold", "not_increasing"), Dump(problems));
    BOOST_TEST(HasProblemAt(problems, "/progress/levels/3/name", "required"), Dump(problems));
    s.progress.levels.clear();
    BOOST_TEST(HasProblemAt(ValidateCardScreen(s), "/progress/levels", "required"));
}

BOOST_AUTO_TEST_CASE(questions_options_labels_and_links) {
    CardScreen s = SampleCardScreen();
    s.balance = {BalanceKind::Points, ""};
    s.links.rules_url = "ftp://polyanka.example/rules";
    s.history = {false, true};
    s.questions = {{"Любимый отдел", QuestionKind::MultiChoice, false, {"Овощи", "", "Овощи"}},
                   {"Сколько вам лет", QuestionKind::Number, false, {"18"}},
                   {"", QuestionKind::Text, false, {}}};
    const auto problems = ValidateCardScreen(s);
    BOOST_TEST(HasProblemAt(problems, "/balance/label", "required"), Dump(problems));
    BOOST_TEST(HasProblemAt(problems, "/links/rules_url", "invalid_url"), Dump(problems));
    BOOST_TEST(HasProblemAt(problems, "/history/line_items", "requires_history"), Dump(problems));
    BOOST_TEST(HasProblemAt(problems, "/questions/0/options/1", "required"), Dump(problems));
    BOOST_TEST(HasProblemAt(problems, "/questions/0/options/2", "duplicate_option"), Dump(problems));
    BOOST_TEST(HasProblemAt(problems, "/questions/1/options", "options_not_allowed"), Dump(problems));
    BOOST_TEST(HasProblemAt(problems, "/questions/2/text", "required"), Dump(problems));
    s.balance = {BalanceKind::None, ""};
    BOOST_TEST(!HasProblemAt(ValidateCardScreen(s), "/balance/label", "required"));
}

BOOST_AUTO_TEST_CASE(dynamic_codes_need_a_variable_length_symbology) {
    CardScreen s = SampleCardScreen();
    s.identifier.barcode = BarcodeType::Ean13;
    s.identifier.prefix = "2a";
    s.identifier.totp_interval_seconds = 5;
    s.identifier.totp_length = 12;
    const auto problems = ValidateCardScreen(s);
    BOOST_TEST(HasProblemAt(problems, "/identifier/barcode", "unsupported_barcode"), Dump(problems));
    BOOST_TEST(HasProblemAt(problems, "/identifier/prefix", "invalid_prefix"), Dump(problems));
    BOOST_TEST(HasProblemAt(problems, "/identifier/totp_interval_seconds", "out_of_range"), Dump(problems));
    BOOST_TEST(HasProblemAt(problems, "/identifier/totp_length", "out_of_range"), Dump(problems));
}

BOOST_AUTO_TEST_CASE(card_numbers_fit_barcodes_by_digits_length_and_check_digit) {
    BOOST_TEST(FitsBarcode(BarcodeType::Ean13, "4006381333931")); // a valid GS1 check digit
    BOOST_TEST(!FitsBarcode(BarcodeType::Ean13, "4006381333932"));
    BOOST_TEST(FitsBarcode(BarcodeType::Ean13, "400638133393")); // the barcode adds the check digit
    BOOST_TEST(FitsBarcode(BarcodeType::Ean8, "96385074"));
    BOOST_TEST(!FitsBarcode(BarcodeType::Ean8, "9638507A"));
    BOOST_TEST(FitsBarcode(BarcodeType::UpcA, "036000291452"));
    BOOST_TEST(!FitsBarcode(BarcodeType::UpcA, "03600029145"  "9"));
    BOOST_TEST(FitsBarcode(BarcodeType::Code128, "PLK-0001"));
    BOOST_TEST(!FitsBarcode(BarcodeType::Code128, "карта"));
    BOOST_TEST(FitsBarcode(BarcodeType::QrCode, "карта 1"));
    BOOST_TEST(!FitsBarcode(BarcodeType::QrCode, ""));
}

BOOST_AUTO_TEST_CASE(enum_names_round_trip) {
    for (auto t : {BarcodeType::Ean8, BarcodeType::Ean13, BarcodeType::Code128, BarcodeType::UpcA,
                   BarcodeType::QrCode}) {
        BOOST_TEST((BarcodeTypeFromString(ToString(t)) == t));
    }
    BOOST_TEST(ToString(BarcodeType::Ean13) == "EAN_13");
    BOOST_TEST(ToString(CtaKind::AppLink) == "app");
    BOOST_TEST((QuestionKindFromString("multi_choice") == QuestionKind::MultiChoice));
    BOOST_TEST((ImageSlotFromString("banner") == ImageSlot::Banner));
    BOOST_TEST(!BalanceKindFromString("Points"));
    BOOST_TEST(!IdentifierKindFromString(""));
}

BOOST_AUTO_TEST_SUITE_END()
