// LoadPartnerProfile: fetched and cached; offline, the cached copy says so.
#include "desk_fixture.h"

#include "services/partner_profile.h"

using namespace kpd;

BOOST_FIXTURE_TEST_SUITE(partner_profile, test::DeskFixture)

BOOST_AUTO_TEST_CASE(profile_is_fetched_then_cached) {
    SignInAs("admin");
    auto fetched = services::LoadPartnerProfile(Client(), Ws());
    BOOST_REQUIRE(fetched.Ok());
    BOOST_TEST(!fetched.Value().from_cache);
    BOOST_TEST(!fetched.Value().offline_error.has_value());
    BOOST_TEST(!fetched.Value().value.name.empty());
    BOOST_TEST(Count("platform_cache", "kind = 'partner'") == 1);
}

BOOST_AUTO_TEST_CASE(platform_gone_answers_the_cached_copy_and_says_so) {
    SignInAs("admin");
    auto online = services::LoadPartnerProfile(Client(), Ws());
    BOOST_REQUIRE(online.Ok());
    sandbox.Stop();
    auto offline = services::LoadPartnerProfile(Client(), Ws());
    BOOST_REQUIRE(offline.Ok());
    BOOST_TEST(offline.Value().from_cache);
    BOOST_REQUIRE(offline.Value().offline_error.has_value());
    BOOST_TEST(offline.Value().offline_error->IsOffline());
    BOOST_TEST(offline.Value().cached_at.has_value());
    BOOST_TEST(offline.Value().value.name == online.Value().value.name);
    BOOST_TEST(offline.Value().value.inn == online.Value().value.inn);
    BOOST_TEST(services::Describe(*offline.Value().offline_error, sandbox.BaseUrl()).code ==
               "platform.unreachable");
}

BOOST_AUTO_TEST_CASE(desk_started_offline_shows_what_the_workspace_remembers) {
    SignInAs("admin");
    BOOST_REQUIRE(services::LoadPartnerProfile(Client(), Ws()).Ok());
    sandbox.Stop();
    auto later = NewClient(); // a desk started later, unable to sign in
    BOOST_TEST(!services::SignIn(*later, Ws(), "admin", "demo").Ok());
    auto offline = services::LoadPartnerProfile(*later, Ws());
    BOOST_REQUIRE(offline.Ok());
    BOOST_TEST(offline.Value().from_cache);
    BOOST_TEST(offline.Value().offline_error->code == "not_signed_in");
}

BOOST_AUTO_TEST_CASE(offline_with_nothing_cached_is_the_error) {
    SignInAs("admin");
    sandbox.Stop();
    auto offline = services::LoadPartnerProfile(Client(), Ws());
    BOOST_REQUIRE(!offline.Ok());
    BOOST_TEST(offline.Error().IsOffline());
}

BOOST_AUTO_TEST_SUITE_END()
