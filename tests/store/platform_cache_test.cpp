// PlatformCache: what the desk shows when the platform cannot be reached.
#include "workspace_fixture.h"

#include "store/platform_cache.h"

#include <boost/test/unit_test.hpp>

using namespace kpd;

namespace {
const store::CacheScope kPartner{"http://127.0.0.1:1", 1, "partner"};
const store::CacheScope kUsers{"http://127.0.0.1:1", 1, "user"};
} // namespace

BOOST_FIXTURE_TEST_SUITE(platform_cache, test::WorkspaceFixture)

BOOST_AUTO_TEST_CASE(get_of_nothing_is_empty) {
    BOOST_TEST(!Ws().Cache().Get(kPartner, "self").has_value());
    BOOST_TEST(Ws().Cache().List(kUsers).empty());
}

BOOST_AUTO_TEST_CASE(put_then_get_returns_the_json_and_when) {
    Ws().Cache().Put(kPartner, "self", R"({"id":1,"name":"Перекрёсток"})");
    auto got = Ws().Cache().Get(kPartner, "self");
    BOOST_REQUIRE(got.has_value());
    BOOST_TEST(got->json == R"({"id":1,"name":"Перекрёсток"})"); // UTF-8 survives both backends
    BOOST_TEST(got->fetched_at.size() == 20u);                   // "YYYY-MM-DDTHH:MM:SSZ"
    BOOST_TEST(got->fetched_at.back() == 'Z');
}

BOOST_AUTO_TEST_CASE(put_overwrites_the_same_key) {
    Ws().Cache().Put(kPartner, "self", R"({"v":1})");
    Ws().Cache().Put(kPartner, "self", R"({"v":2})");
    BOOST_TEST(Ws().Cache().Get(kPartner, "self")->json == R"({"v":2})");
    BOOST_TEST(Count("platform_cache") == 1);
}

BOOST_AUTO_TEST_CASE(scopes_do_not_see_each_other) {
    Ws().Cache().Put(kPartner, "self", "1");
    store::CacheScope otherPartner = kPartner;
    otherPartner.partner_id = 2;
    store::CacheScope otherPlatform = kPartner;
    otherPlatform.platform_url = "https://platform.example";
    BOOST_TEST(!Ws().Cache().Get(otherPartner, "self").has_value());
    BOOST_TEST(!Ws().Cache().Get(otherPlatform, "self").has_value());
}

BOOST_AUTO_TEST_CASE(replace_all_keeps_order_and_drops_what_is_gone) {
    Ws().Cache().ReplaceAll(kUsers, {{"10", "ten"}, {"2", "two"}, {"7", "seven"}});
    Ws().Cache().ReplaceAll(kUsers, {{"10", "ten v2"}, {"7", "seven"}});
    auto items = Ws().Cache().List(kUsers);
    BOOST_REQUIRE(items.size() == 2u);
    BOOST_TEST(items[0].key == "10");
    BOOST_TEST(items[0].json == "ten v2");
    BOOST_TEST(items[1].key == "7");
    BOOST_TEST(!Ws().Cache().Get(kUsers, "2").has_value());
}

BOOST_AUTO_TEST_CASE(clear_forgets_one_scope_only) {
    Ws().Cache().ReplaceAll(kUsers, {{"1", "a"}, {"2", "b"}});
    Ws().Cache().Put(kPartner, "self", "p");
    BOOST_TEST(Ws().Cache().Clear(kUsers) == 2);
    BOOST_TEST(Ws().Cache().List(kUsers).empty());
    BOOST_TEST(Ws().Cache().Get(kPartner, "self").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
