// The checkout code read back from the rendered screen by zbarimg, as a
// till's scanner would: every static symbology, dynamic codes (the same TOTP
// the till verifies, changing at its interval), check-in digits, and a number
// a symbology cannot carry drawn as an error instead of a wrong code.
#include "render_test_support.h"

#include "domain/card_screen_rules.h"
#include "domain/totp.h"
#include "render/card_preview.h"

#include <boost/test/unit_test.hpp>

namespace {

using namespace kpd;
using kpd::test::DecodeBarcodes;

domain::CardScreen ScreenWith(domain::IdentifierKind kind, domain::BarcodeType type) {
    domain::CardScreen screen;
    screen.theme = {"#FFFFFF", "#1A1A1A", "#2E7D32", std::nullopt, std::nullopt};
    screen.identifier.kind = kind;
    screen.identifier.barcode = type;
    screen.identifier.prefix = "77";
    screen.identifier.totp_interval_seconds = 30;
    screen.identifier.totp_length = 6;
    screen.balance = {domain::BalanceKind::Points, "Баллы"};
    return screen;
}

render::PreviewData DataWithNumber(const std::string& number) {
    render::PreviewData data = render::SamplePreviewData("Кофе Хауз");
    data.card_number = number;
    return data;
}

void CheckStatic(domain::BarcodeType type, const std::string& number, double scale) {
    BOOST_TEST_CONTEXT(domain::ToString(type) << " " << number << " at scale " << scale) {
        const render::Rendered r =
            render::RenderCardScreen(ScreenWith(domain::IdentifierKind::Static, type),
                                     DataWithNumber(number), {render::PhoneTheme::Light, scale});
        BOOST_TEST(r.parts.code_text == number);
        const std::vector<std::string> symbols = DecodeBarcodes(r.image);
        BOOST_TEST_REQUIRE(symbols.size() == 1u);
        BOOST_TEST(symbols[0] == number);
    }
}

} // namespace

BOOST_AUTO_TEST_SUITE(checkout_code)

BOOST_AUTO_TEST_CASE(every_static_type_scans_back_to_the_card_number) {
    CheckStatic(domain::BarcodeType::Ean8, "96385074", 1.0);
    CheckStatic(domain::BarcodeType::Ean13, "4006381333931", 1.0);
    CheckStatic(domain::BarcodeType::UpcA, "036000291452", 1.0);
    CheckStatic(domain::BarcodeType::Code128, "2900001234566", 1.0);
    CheckStatic(domain::BarcodeType::QrCode, "2900001234566", 1.0);
}

BOOST_AUTO_TEST_CASE(static_codes_scan_at_the_desks_zoom_too) {
    CheckStatic(domain::BarcodeType::Ean13, "4006381333931", 2.0);
    CheckStatic(domain::BarcodeType::Code128, "CARD-0042/A7", 1.5);
}

BOOST_AUTO_TEST_CASE(dynamic_code_is_the_tills_totp_and_scans_back) {
    for (const auto type : {domain::BarcodeType::Code128, domain::BarcodeType::QrCode}) {
        const domain::CardScreen screen = ScreenWith(domain::IdentifierKind::Dynamic, type);
        const render::PreviewData data = DataWithNumber("2900001234566");
        const render::Rendered r = render::RenderCardScreen(screen, data);
        const std::string expected = domain::CheckoutCode(screen.identifier, data.card_number,
                                                          data.totp_secret, data.unix_seconds);
        BOOST_TEST(r.parts.code_text == expected);
        BOOST_TEST(expected.rfind("772900001234566", 0) == 0u);
        BOOST_TEST(expected.size() == 2u + 13u + 6u);
        const std::vector<std::string> symbols = DecodeBarcodes(r.image);
        BOOST_TEST_REQUIRE(symbols.size() == 1u);
        BOOST_TEST(symbols[0] == expected);
    }
}

BOOST_AUTO_TEST_CASE(dynamic_code_changes_at_its_interval_only) {
    const domain::CardScreen screen =
        ScreenWith(domain::IdentifierKind::Dynamic, domain::BarcodeType::Code128);
    render::PreviewData data = DataWithNumber("2900001234566");
    data.unix_seconds = 1'795'275'600; // a multiple of 30: the start of an interval
    const render::Rendered first = render::RenderCardScreen(screen, data);
    data.unix_seconds += 29;
    const render::Rendered same = render::RenderCardScreen(screen, data);
    data.unix_seconds += 1;
    const render::Rendered next = render::RenderCardScreen(screen, data);
    BOOST_TEST(first.parts.code_text == same.parts.code_text);
    BOOST_TEST(first.parts.code_text != next.parts.code_text);
    BOOST_TEST(kpd::test::DifferingPixels(first.image, next.image, first.parts.code) > 0);
    const std::vector<std::string> symbols = DecodeBarcodes(next.image);
    BOOST_TEST_REQUIRE(symbols.size() == 1u);
    BOOST_TEST(symbols[0] == next.parts.code_text);
    // The seconds-left note under the code is drawn and changes as time passes.
    const render::Rect note{0, first.parts.code.y + first.parts.code.height, first.image.width, 30};
    BOOST_TEST(kpd::test::DifferingPixels(first.image, same.image, note) > 0);
}

BOOST_AUTO_TEST_CASE(checkin_code_is_four_digits_from_the_same_code) {
    const domain::CardScreen screen =
        ScreenWith(domain::IdentifierKind::Checkin, domain::BarcodeType::Code128);
    const render::PreviewData data = DataWithNumber("2900001234566");
    const render::Rendered r = render::RenderCardScreen(screen, data);
    BOOST_TEST(r.parts.code_text.size() == 4u);
    BOOST_TEST(r.parts.code_text.find_first_not_of("0123456789") == std::string::npos);
    BOOST_TEST(r.parts.code_text == domain::CheckoutCode(screen.identifier, data.card_number,
                                                         data.totp_secret, data.unix_seconds));
    BOOST_TEST(DecodeBarcodes(r.image).empty()); // digits for the cashier, no barcode
}

BOOST_AUTO_TEST_CASE(a_number_the_type_cannot_carry_is_an_error_box_not_a_wrong_code) {
    for (const auto& [type, number] : std::vector<std::pair<domain::BarcodeType, std::string>>{
             {domain::BarcodeType::Ean13, "2900001234567"}, // wrong check digit
             {domain::BarcodeType::Ean8, "4006381333931"},  // EAN-13 length
             {domain::BarcodeType::UpcA, "12AB"},
             {domain::BarcodeType::Ean13, ""}}) {
        BOOST_TEST_CONTEXT(domain::ToString(type) << " '" << number << "'") {
            const render::Rendered r = render::RenderCardScreen(
                ScreenWith(domain::IdentifierKind::Static, type), DataWithNumber(number));
            BOOST_TEST(r.image.width == render::kPhoneWidth);
            BOOST_TEST(DecodeBarcodes(r.image).empty());
            // The error box's red border is inside the code panel.
            bool red = false;
            const render::Rect& c = r.parts.code;
            for (int y = c.y; y < c.y + c.height && !red; ++y) {
                for (int x = c.x; x < c.x + c.width && !red; ++x) {
                    const std::uint32_t p = kpd::test::Rgb(r.image, x, y);
                    red = (p >> 16) > 0xB0 && ((p >> 8) & 0xFF) < 0x40 && (p & 0xFF) < 0x40;
                }
            }
            BOOST_TEST(red);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(sample_numbers)

BOOST_AUTO_TEST_CASE(the_sample_number_of_every_type_scans_back) {
    for (const auto type :
         {domain::BarcodeType::Ean8, domain::BarcodeType::Ean13, domain::BarcodeType::UpcA,
          domain::BarcodeType::Code128, domain::BarcodeType::QrCode}) {
        const std::string number = render::SampleCardNumber(type);
        BOOST_TEST(domain::FitsBarcode(type, number));
        CheckStatic(type, number, 1.0);
    }
    BOOST_TEST(render::SampleCardNumber(domain::BarcodeType::Ean13) == "2900001234566");
}

BOOST_AUTO_TEST_CASE(referenced_assets_are_listed_once_in_drawing_order) {
    domain::CardScreen screen;
    screen.theme.logo = "logo";
    screen.theme.background_image = "bg";
    screen.banners = {{std::string("b"), "", {}}, {std::string("logo"), "", {}}};
    screen.promo_blocks = {{std::nullopt, "t", {}}, {std::string("p"), "t", {}}};
    BOOST_TEST(render::ReferencedAssets(screen) ==
                   (std::vector<std::string>{"logo", "bg", "b", "p"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
