// The card preview's pixels at known places: the partner's colours land in
// the card face, the balance and the progress bar; the phone theme changes
// only the chrome; images are decoded and placed; bad assets never crash.
#include "render_test_support.h"

#include "render/card_preview.h"

#include <boost/test/unit_test.hpp>

#include <thread>

namespace {

using namespace kpd;
using kpd::test::DifferingPixels;
using kpd::test::Near;
using kpd::test::Rgb;

domain::CardScreen PlainScreen() {
    domain::CardScreen screen;
    screen.theme.background_color = "#123456";
    screen.theme.text_color = "#FFFFFF";
    screen.theme.accent_color = "#E65100";
    screen.identifier.kind = domain::IdentifierKind::Static;
    screen.identifier.barcode = domain::BarcodeType::Code128;
    screen.balance = {domain::BalanceKind::Points, "Баллы"};
    screen.progress.enabled = true;
    screen.progress.levels = {
        {"Базовый", 0, 300}, {"Серебряный", 1'000'000, 500}, {"Золотой", 5'000'000, 1000}};
    screen.history = {true, true};
    screen.links = {"https://example.ru/rules", "https://example.ru/privacy"};
    return screen;
}

render::PreviewData Data() {
    return render::SamplePreviewData("Кофе Хауз");
}

// The rectangle without its rounded corners, where the phone's background shows through.
render::Rect Inside(const render::Rect& rect) {
    constexpr int kCorner = 20;
    return {rect.x + kCorner, rect.y + kCorner, rect.width - 2 * kCorner,
            rect.height - 2 * kCorner};
}

// The middle of the card's right edge: no logo, name, balance or number there.
std::uint32_t CardFacePixel(const render::Rendered& r) {
    return Rgb(r.image, r.parts.card.x + r.parts.card.width - 10,
               r.parts.card.y + r.parts.card.height / 2);
}

} // namespace

BOOST_AUTO_TEST_SUITE(card_preview_pixels)

BOOST_AUTO_TEST_CASE(phone_sized_image_with_every_part_inside) {
    const render::Rendered r = render::RenderCardScreen(PlainScreen(), Data());
    BOOST_TEST(r.image.width == render::kPhoneWidth);
    BOOST_TEST(r.image.height >= render::kPhoneHeight);
    BOOST_TEST(r.image.data.size() == static_cast<std::size_t>(r.image.stride) * r.image.height);
    for (const render::Rect& rect :
         {r.parts.card, r.parts.balance, r.parts.progress, r.parts.code, r.parts.history}) {
        BOOST_TEST(rect.width > 0);
        BOOST_TEST(rect.x + rect.width <= r.image.width);
        BOOST_TEST(rect.y + rect.height <= r.image.height);
    }
    BOOST_TEST(r.parts.logo.width == 0); // no logo set
    BOOST_TEST(r.parts.card.Contains(r.parts.balance.x, r.parts.balance.y));
}

BOOST_AUTO_TEST_CASE(card_face_has_the_background_colour) {
    BOOST_TEST(CardFacePixel(render::RenderCardScreen(PlainScreen(), Data())) == 0x123456u);
    domain::CardScreen other = PlainScreen();
    other.theme.background_color = "#fdd835";
    BOOST_TEST(CardFacePixel(render::RenderCardScreen(other, Data())) == 0xFDD835u);
}

BOOST_AUTO_TEST_CASE(text_colour_changes_the_balance_and_not_the_code) {
    const render::Rendered before = render::RenderCardScreen(PlainScreen(), Data());
    domain::CardScreen screen = PlainScreen();
    screen.theme.text_color = "#FFEB3B";
    const render::Rendered after = render::RenderCardScreen(screen, Data());
    BOOST_TEST(DifferingPixels(before.image, after.image, before.parts.balance) > 100);
    BOOST_TEST(DifferingPixels(before.image, after.image, before.parts.code) == 0);
    BOOST_TEST(DifferingPixels(before.image, after.image, before.parts.progress) == 0);
    // The points are drawn in the text colour itself somewhere in the balance.
    bool found = false;
    const render::Rect& b = after.parts.balance;
    for (int y = b.y; y < b.y + b.height && !found; ++y) {
        for (int x = b.x; x < b.x + b.width && !found; ++x) {
            found = Rgb(after.image, x, y) == 0xFFEB3Bu;
        }
    }
    BOOST_TEST(found);
}

BOOST_AUTO_TEST_CASE(accent_colour_fills_the_progress_bar) {
    const render::Rendered before = render::RenderCardScreen(PlainScreen(), Data());
    domain::CardScreen screen = PlainScreen();
    screen.theme.accent_color = "#1565C0";
    const render::Rendered after = render::RenderCardScreen(screen, Data());
    BOOST_TEST(DifferingPixels(before.image, after.image, before.parts.progress) > 100);
    BOOST_TEST(DifferingPixels(before.image, after.image, before.parts.card) == 0);
    // 12 625 ₽ of the way from Серебряный (10 000 ₽) to Золотой (50 000 ₽):
    // the bar's start is accent-coloured, its far end the empty track.
    const render::Rect& p = after.parts.progress;
    const int barY = p.y + 46;
    BOOST_TEST(Rgb(after.image, p.x + 24, barY) == 0x1565C0u);
    BOOST_TEST(Rgb(after.image, p.x + p.width - 24, barY) != 0x1565C0u);
}

BOOST_AUTO_TEST_CASE(discount_balance_follows_the_level_reached) {
    domain::CardScreen screen = PlainScreen();
    screen.balance = {domain::BalanceKind::DiscountPercent, "Скидка"};
    render::PreviewData low = Data();
    low.accumulated_kop = 0;
    render::PreviewData high = Data();
    high.accumulated_kop = 6'000'000;
    const render::Rendered a = render::RenderCardScreen(screen, low);
    const render::Rendered b = render::RenderCardScreen(screen, high);
    BOOST_TEST(DifferingPixels(a.image, b.image, a.parts.balance) > 50);

    screen.balance = {domain::BalanceKind::None, ""};
    const render::Rendered none = render::RenderCardScreen(screen, high);
    BOOST_TEST(none.parts.balance.width == 0);
}

BOOST_AUTO_TEST_CASE(dark_and_light_phones_differ_in_the_chrome_only) {
    domain::CardScreen screen = PlainScreen();
    screen.banners = {{std::string("b1"), "Осень", {}}};
    render::PreviewData data = Data();
    data.assets["b1"] = kpd::test::SolidPng(1029, 258, 0x8E24AA);
    const render::Rendered light =
        render::RenderCardScreen(screen, data, {render::PhoneTheme::Light, 1.0});
    const render::Rendered dark =
        render::RenderCardScreen(screen, data, {render::PhoneTheme::Dark, 1.0});
    BOOST_TEST(light.image.height == dark.image.height);
    BOOST_TEST(DifferingPixels(light.image, dark.image, Inside(light.parts.card)) == 0);
    BOOST_TEST(DifferingPixels(light.image, dark.image, Inside(light.parts.code)) == 0);
    BOOST_TEST(DifferingPixels(light.image, dark.image, Inside(light.parts.banners.at(0))) == 0);
    BOOST_TEST(light.parts.code_text == dark.parts.code_text);
    // The screen behind the parts and the history panel are the phone's own.
    BOOST_TEST(Rgb(light.image, 4, light.image.height - 4) !=
               Rgb(dark.image, 4, dark.image.height - 4));
    BOOST_TEST(DifferingPixels(light.image, dark.image, light.parts.history) > 1000);
    BOOST_TEST(Rgb(dark.image, 4, dark.image.height - 4) == 0x000000u);
}

BOOST_AUTO_TEST_CASE(five_banners_fit_one_under_another_with_their_images) {
    domain::CardScreen screen = PlainScreen();
    render::PreviewData data = Data();
    const std::uint32_t colours[] = {0xD32F2F, 0x388E3C, 0x1976D2, 0xFBC02D, 0x7B1FA2};
    for (int i = 0; i < 5; ++i) {
        const std::string id = "banner-" + std::to_string(i);
        screen.banners.push_back(
            {id, "Баннер " + std::to_string(i), {domain::CtaKind::PromoList, ""}});
        data.assets[id] = kpd::test::SolidPng(1029, 258, colours[i]);
    }
    const render::Rendered r = render::RenderCardScreen(screen, data);
    BOOST_TEST_REQUIRE(r.parts.banners.size() == 5u);
    int previousBottom = r.parts.code.y + r.parts.code.height;
    for (int i = 0; i < 5; ++i) {
        const render::Rect& b = r.parts.banners[static_cast<std::size_t>(i)];
        BOOST_TEST(b.y >= previousBottom);
        BOOST_TEST(b.y + b.height <= r.image.height);
        BOOST_TEST(b.width == r.parts.card.width);
        BOOST_TEST(Rgb(r.image, b.x + b.width / 2, b.y + b.height / 2) == colours[i]);
        previousBottom = b.y + b.height;
    }
    BOOST_TEST(r.parts.history.y >= previousBottom);
}

BOOST_AUTO_TEST_CASE(logo_background_and_promo_images_are_drawn_png_and_jpeg) {
    domain::CardScreen screen = PlainScreen();
    screen.theme.logo = "logo";
    screen.theme.background_image = "bg";
    screen.promo_blocks = {
        {std::string("promo"), "Второй кофе в подарок", {domain::CtaKind::PromoOffer, "p1"}},
        {std::nullopt, "Без картинки", {domain::CtaKind::PromoList, ""}}};
    render::PreviewData data = Data();
    data.assets["logo"] = kpd::test::SolidPng(256, 256, 0x00BCD4);
    data.assets["bg"] = kpd::test::SolidJpeg(720, 1280, "#4CAF50");
    data.assets["promo"] = kpd::test::SolidJpeg(600, 400, "#FF5722");
    const render::Rendered r = render::RenderCardScreen(screen, data);
    BOOST_TEST_REQUIRE(r.parts.logo.width > 0);
    BOOST_TEST(Rgb(r.image, r.parts.logo.x + r.parts.logo.width / 2,
                   r.parts.logo.y + r.parts.logo.height / 2) == 0x00BCD4u);
    BOOST_TEST(Near(CardFacePixel(r), 0x4CAF50, 6)); // JPEG is lossy: close, not equal
    BOOST_TEST_REQUIRE(r.parts.promo_blocks.size() == 2u);
    const render::Rect& promo = r.parts.promo_blocks[0];
    BOOST_TEST(Near(Rgb(r.image, promo.x + promo.width / 2, promo.y + 30), 0xFF5722, 6));
    // The one without a picture is a tile in the accent colour.
    const render::Rect& tile = r.parts.promo_blocks[1];
    BOOST_TEST(Rgb(r.image, tile.x + tile.width - 6, tile.y + 60) == 0xE65100u);
}

BOOST_AUTO_TEST_CASE(new_bytes_under_the_same_asset_id_are_drawn_anew) {
    // Decoded images are kept between draws; the cache must follow the bytes, not the id.
    domain::CardScreen screen = PlainScreen();
    screen.banners = {{std::string("banner"), "", {}}};
    render::PreviewData data = Data();
    data.assets["banner"] = kpd::test::SolidPng(1029, 258, 0xD32F2F);
    const render::Rendered red = render::RenderCardScreen(screen, data);
    data.assets["banner"] = kpd::test::SolidPng(1029, 258, 0x1976D2);
    const render::Rendered blue = render::RenderCardScreen(screen, data);
    const render::Rect& b = red.parts.banners.at(0);
    BOOST_TEST(Rgb(red.image, b.x + b.width / 2, b.y + b.height / 2) == 0xD32F2Fu);
    BOOST_TEST(Rgb(blue.image, b.x + b.width / 2, b.y + b.height / 2) == 0x1976D2u);
    data.assets.erase("banner");
    const render::Rendered gone = render::RenderCardScreen(screen, data);
    BOOST_TEST(Rgb(gone.image, b.x + b.width / 2, b.y + b.height / 2) != 0x1976D2u);
}

BOOST_AUTO_TEST_CASE(many_images_over_many_draws_each_draw_shows_its_own) {
    // More distinct images than the per-thread cache keeps: old ones are
    // evicted, and every draw still shows exactly the images it was given.
    domain::CardScreen screen = PlainScreen();
    screen.theme.logo = "logo";
    screen.banners = {{std::string("a"), "", {}}, {std::string("b"), "", {}}};
    render::PreviewData data = Data();
    for (std::uint32_t i = 0; i < 40; ++i) {
        const std::uint32_t first = 0x100000u * (i % 16) + 0x000100u * i + 0x20;
        const std::uint32_t second = 0xFF0000u - 0x010000u * i + 0x40;
        data.assets["a"] = kpd::test::SolidPng(1029, 258, first);
        data.assets["b"] = kpd::test::SolidPng(1029, 258, second);
        data.assets["logo"] = kpd::test::SolidPng(128, 128, 0x00FF00u + i);
        const render::Rendered r = render::RenderCardScreen(screen, data);
        const render::Rect& a = r.parts.banners.at(0);
        const render::Rect& b = r.parts.banners.at(1);
        const render::Rect& logo = r.parts.logo;
        BOOST_TEST_REQUIRE(Rgb(r.image, a.x + a.width / 2, a.y + a.height / 2) == first);
        BOOST_TEST_REQUIRE(Rgb(r.image, b.x + b.width / 2, b.y + b.height / 2) == second);
        BOOST_TEST_REQUIRE(Rgb(r.image, logo.x + logo.width / 2, logo.y + logo.height / 2) ==
                           0x00FF00u + i);
    }
}

BOOST_AUTO_TEST_CASE(threads_drawing_at_once_draw_the_same_pixels) {
    domain::CardScreen screen = PlainScreen();
    screen.identifier.kind = domain::IdentifierKind::Dynamic;
    screen.banners = {{std::string("banner"), "", {}}};
    render::PreviewData data = Data();
    data.assets["banner"] = kpd::test::SolidJpeg(1029, 258, "#8E24AA");
    const render::Rendered reference =
        render::RenderCardScreen(screen, data, {render::PhoneTheme::Dark, 1.5});
    std::vector<render::Rendered> results(4);
    std::vector<std::thread> threads;
    for (auto& result : results) {
        threads.emplace_back([&] {
            for (int i = 0; i < 5; ++i) {
                result = render::RenderCardScreen(screen, data, {render::PhoneTheme::Dark, 1.5});
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    for (const auto& result : results) {
        BOOST_TEST((result.image.data == reference.image.data));
        BOOST_TEST(result.parts.code_text == reference.parts.code_text);
    }
}

BOOST_AUTO_TEST_CASE(unknown_and_corrupt_assets_draw_placeholders) {
    domain::CardScreen screen = PlainScreen();
    screen.theme.logo = "missing-logo";
    screen.theme.background_image = "corrupt";
    screen.banners = {{std::string("missing"), "", {}}, {std::string("corrupt"), "Битый", {}}};
    screen.promo_blocks = {{std::string("truncated"), "Обрезанный", {}}};
    render::PreviewData data = Data();
    data.assets["corrupt"] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 1, 2, 3};
    std::vector<std::uint8_t> jpeg = kpd::test::SolidJpeg(600, 400, "#FF5722");
    jpeg.resize(jpeg.size() / 3);
    data.assets["truncated"] = jpeg;
    const render::Rendered r = render::RenderCardScreen(screen, data);
    BOOST_TEST(r.image.width == render::kPhoneWidth);
    BOOST_TEST(CardFacePixel(r) == 0x123456u); // the colour stays when the image cannot be read
    BOOST_TEST_REQUIRE(r.parts.banners.size() == 2u);
    for (const render::Rect& b : r.parts.banners) {
        // A placeholder: grey, neither the phone's background nor empty.
        const std::uint32_t pixel = Rgb(r.image, b.x + 3, b.y + b.height / 2);
        BOOST_TEST(pixel != Rgb(r.image, 2, b.y + b.height / 2));
        BOOST_TEST(Near(pixel, 0xC8C8CC, 40));
    }
}

BOOST_AUTO_TEST_CASE(scale_multiplies_the_pixels) {
    const render::Rendered one =
        render::RenderCardScreen(PlainScreen(), Data(), {render::PhoneTheme::Light, 1.0});
    const render::Rendered two =
        render::RenderCardScreen(PlainScreen(), Data(), {render::PhoneTheme::Light, 2.0});
    BOOST_TEST(two.image.width == 2 * one.image.width);
    BOOST_TEST(two.image.height == 2 * one.image.height);
    BOOST_TEST(two.parts.card.x == 2 * one.parts.card.x);
    BOOST_TEST(two.parts.code.width == 2 * one.parts.code.width);
    BOOST_TEST(CardFacePixel(two) == 0x123456u);
}

BOOST_AUTO_TEST_CASE(russian_labels_change_the_words_only) {
    render::PreviewData russian = Data();
    russian.labels = render::RussianPreviewLabels();
    BOOST_TEST(russian.labels.history == "Покупки");
    BOOST_TEST(russian.labels.code_changes_in.find("%d") != std::string::npos);
    const render::Rendered en = render::RenderCardScreen(PlainScreen(), Data());
    const render::Rendered ru = render::RenderCardScreen(PlainScreen(), russian);
    BOOST_TEST(DifferingPixels(en.image, ru.image, en.parts.history) > 50);
    BOOST_TEST(DifferingPixels(en.image, ru.image, en.parts.card) == 0);
}

BOOST_AUTO_TEST_CASE(history_rows_grow_with_line_items) {
    domain::CardScreen screen = PlainScreen();
    screen.history.line_items = false;
    const render::Rendered without = render::RenderCardScreen(screen, Data());
    screen.history.line_items = true;
    const render::Rendered with = render::RenderCardScreen(screen, Data());
    BOOST_TEST(with.parts.history.height > without.parts.history.height + 100);
    screen.history.enabled = false;
    BOOST_TEST(render::RenderCardScreen(screen, Data()).parts.history.width == 0);
}

BOOST_AUTO_TEST_CASE(png_encoding_and_writing) {
    const render::Rendered r = render::RenderCardScreen(PlainScreen(), Data());
    const std::vector<std::uint8_t> png = render::EncodePng(r.image);
    BOOST_TEST_REQUIRE(png.size() > 8u);
    BOOST_TEST(png[1] == 'P');
    BOOST_TEST(png[2] == 'N');
    BOOST_TEST(png[3] == 'G');
    std::string error;
    BOOST_TEST(!render::WritePng(r.image, "/nonexistent-dir/x.png", error));
    BOOST_TEST(!error.empty());
    BOOST_TEST(render::EncodePng(render::Image{}).empty());
}

BOOST_AUTO_TEST_SUITE_END()
