#include "contract/card_screen_json.h"
#include "domain/card_screen_sample.h"

#include "support/problem_checks.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>

using namespace kpd;
using kpd::test::HasProblemAt;
using nlohmann::json;

namespace {
domain::CardScreen FullScreen() {
    auto s = domain::SampleCardScreen();
    s.theme.logo = "as_logo";
    s.theme.background_image = "as_bg";
    s.banners = {{std::string("as_b1"), "Неделя сыра", {domain::CtaKind::AppLink, "polyanka://cheese"}},
                 {std::string("as_b2"), "", {domain::CtaKind::PromoOffer, "po_17"}}};
    s.identifier.kind = domain::IdentifierKind::Checkin;
    s.balance = {domain::BalanceKind::DiscountPercent, "Скидка"};
    return s;
}
} // namespace

BOOST_AUTO_TEST_SUITE(card_screen_json)

BOOST_AUTO_TEST_CASE(a_card_screen_round_trips_field_for_field) {
    const auto screen = FullScreen();
    const auto parsed = contract::CardScreenFromJson(json::parse(contract::ToJson(screen).dump()));
    BOOST_TEST_REQUIRE(parsed.Ok());
    BOOST_TEST((*parsed.value == screen));
    const auto j = contract::ToJson(screen);
    BOOST_TEST(j["identifier"]["kind"] == "checkin");
    BOOST_TEST(j["identifier"]["barcode"] == "CODE_128");
    BOOST_TEST(j["banners"][0]["cta"]["kind"] == "app");
    BOOST_TEST(j["promo_blocks"][0]["asset"].is_null());
    BOOST_TEST(j["progress"]["levels"][1]["threshold"] == 1'500'000);
}

BOOST_AUTO_TEST_CASE(absent_fields_keep_their_defaults) {
    const auto parsed = contract::CardScreenFromJson(json::parse(R"({"theme":{"accent_color":"#FF0000"}})"));
    BOOST_TEST_REQUIRE(parsed.Ok());
    domain::CardScreen expected;
    expected.theme.accent_color = "#FF0000";
    BOOST_TEST((*parsed.value == expected));
}

BOOST_AUTO_TEST_CASE(wrong_types_and_unknown_names_are_problems_at_their_pointers) {
    const auto parsed = contract::CardScreenFromJson(json::parse(R"({
        "theme": {"text_color": 12},
        "identifier": {"barcode": "PDF417", "totp_length": 99999999999},
        "banners": [{"title": "ok"}, {"cta": {"kind": "mailto"}}],
        "questions": [{"text": "Q", "kind": "single_choice", "options": ["a", 2]}],
        "qr_scanner": "yes"
    })"));
    BOOST_TEST(!parsed.Ok());
    const auto& p = parsed.problems;
    BOOST_TEST(HasProblemAt(p, "/theme/text_color", "type"));
    BOOST_TEST(HasProblemAt(p, "/identifier/barcode", "unknown_value"));
    BOOST_TEST(HasProblemAt(p, "/identifier/totp_length", "out_of_range"));
    BOOST_TEST(HasProblemAt(p, "/banners/1/cta/kind", "unknown_value"));
    BOOST_TEST(HasProblemAt(p, "/questions/0/options/1", "type"));
    BOOST_TEST(HasProblemAt(p, "/qr_scanner", "type"));
    BOOST_TEST(p.size() == 6u);
}

BOOST_AUTO_TEST_CASE(the_state_carries_null_for_a_missing_draft) {
    domain::CardScreenState state;
    state.published = FullScreen();
    state.version = 7;
    state.published_version = 3;
    const auto j = contract::ToJson(state);
    BOOST_TEST(j["draft"].is_null());
    const auto back = contract::CardScreenStateFromJson(j);
    BOOST_TEST_REQUIRE(back.Ok());
    BOOST_TEST(!back.value->draft.has_value());
    BOOST_TEST((*back.value->published == *state.published));
    BOOST_TEST(back.value->version == 7);
    BOOST_TEST(back.value->published_version == 3);
}

BOOST_AUTO_TEST_CASE(versions_round_trip_with_and_without_their_screen) {
    domain::CardScreenVersion v{4, "2026-11-20T10:00:00Z", "marketing", 2, FullScreen()};
    const auto full = contract::CardScreenVersionFromJson(contract::ToJson(v, true));
    BOOST_TEST_REQUIRE(full.Ok());
    BOOST_TEST((full.value->screen == v.screen));
    BOOST_TEST((full.value->rolled_back_from == std::optional<std::int64_t>(2)));

    contract::Page<domain::CardScreenVersion> page{{v}, std::string("c2")};
    const auto j = contract::PageToJson(page, [](const auto& item) { return contract::ToJson(item, false); });
    BOOST_TEST(!j["items"][0].contains("screen"));
    const auto back = contract::CardScreenVersionPageFromJson(j);
    BOOST_TEST_REQUIRE(back.Ok());
    BOOST_TEST(back.value->items.at(0).published_by == "marketing");
    BOOST_TEST(*back.value->next_cursor == "c2");
}

BOOST_AUTO_TEST_CASE(assets_and_rollback_requests) {
    domain::AssetInfo a{"as_1", domain::ImageSlot::Banner, "image/png", 1029, 258, 40'000, std::string(64, 'f')};
    const auto back = contract::AssetInfoFromJson(contract::ToJson(a));
    BOOST_TEST_REQUIRE(back.Ok());
    BOOST_TEST((*back.value == a));
    auto bad = contract::ToJson(a);
    bad["slot"] = "avatar";
    BOOST_TEST(HasProblemAt(contract::AssetInfoFromJson(bad).problems, "/slot", "unknown_value"));

    BOOST_TEST(contract::RollbackRequestFromJson(json{{"version", 2}}).value->version == 2);
    BOOST_TEST(HasProblemAt(contract::RollbackRequestFromJson(json{{"version", 0}}).problems, "/version",
                            "out_of_range"));
    BOOST_TEST(HasProblemAt(contract::RollbackRequestFromJson(json::object()).problems, "/version", "required"));
}

BOOST_AUTO_TEST_CASE(the_diff_names_each_changed_added_and_removed_field) {
    const auto before = FullScreen();
    auto after = before;
    after.theme.accent_color = "#00897B";
    after.banners.pop_back();
    after.promo_blocks.push_back({std::nullopt, "Новинки", {domain::CtaKind::PromoList, ""}});

    BOOST_TEST(contract::DiffCardScreens(before, before).empty());
    const auto changes = contract::DiffCardScreens(before, after);
    const auto find = [&](const std::string& pointer) {
        return std::find_if(changes.begin(), changes.end(), [&](const auto& c) { return c.pointer == pointer; });
    };
    const auto accent = find("/theme/accent_color");
    BOOST_TEST_REQUIRE((accent != changes.end()));
    BOOST_TEST(*accent->before == "#FFC107");
    BOOST_TEST(*accent->after == "#00897B");
    const auto removed = find("/banners/1/cta/target");
    BOOST_TEST_REQUIRE((removed != changes.end()));
    BOOST_TEST(!removed->after.has_value());
    const auto added = find("/promo_blocks/2/title");
    BOOST_TEST_REQUIRE((added != changes.end()));
    BOOST_TEST(!added->before.has_value());
    BOOST_TEST(*added->after == "Новинки");
    BOOST_TEST(std::is_sorted(changes.begin(), changes.end(),
                              [](const auto& x, const auto& y) { return x.pointer < y.pointer; }));
}

BOOST_AUTO_TEST_SUITE_END()
