// The token cache of the router (src/sandbox/auth_cache.h) never outlives
// what it stands for: with the cache warm (several requests on the token
// just before), a disable, a role change and a token's expiry under the
// sandbox clock all take effect on the very next request.
#include "http_helper.h"

#include <boost/test/unit_test.hpp>

using namespace kpd::sandbox_test;
namespace utf = boost::unit_test;

namespace {
std::string UserPath(const nlohmann::json& user) {
    return "/v1/partner/users/" + std::to_string(user.at("id").get<long>());
}

// Requests on `token` until the cache surely holds it.
void Warm(const std::string& path, const std::string& token, int status) {
    for (int i = 0; i < 5; ++i) {
        BOOST_REQUIRE_EQUAL(Direct().Get(path, token).status, status);
    }
}

kpd::test::SandboxOptions OwnClock() {
    kpd::test::SandboxOptions options;
    options.clock = kClock;
    options.extra_args = {"--demo-transactions", "2000", "--scans-per-day", "0"};
    return options;
}
} // namespace

BOOST_AUTO_TEST_SUITE(auth_cache, *utf::fixture<SuiteSandbox>(OwnClock()))

BOOST_AUTO_TEST_CASE(a_disabled_users_warm_token_is_refused_on_the_next_request) {
    auto login = FreshLogin("cache.leaver");
    auto user = CreateUser(login, {"viewer"}, "leaver-pass");
    auto token = Api().SignIn(login, "leaver-pass");
    Warm("/v1/partner", token, 200);

    auto admin = Api().SignIn("admin");
    BOOST_REQUIRE_EQUAL(
        Api().Json("POST", UserPath(user) + "/disable", nlohmann::json::object(), admin).status,
        200);
    auto refused = Direct().Get("/v1/partner", token);
    BOOST_TEST(refused.status == 401);
    BOOST_TEST(refused.Code() == "unauthenticated");
    // Enabling the user does not bring the revoked token back.
    BOOST_REQUIRE_EQUAL(
        Api().Json("POST", UserPath(user) + "/enable", nlohmann::json::object(), admin).status,
        200);
    BOOST_TEST(Direct().Get("/v1/partner", token).status == 401);
}

BOOST_AUTO_TEST_CASE(a_role_change_holds_on_the_next_request_of_a_warm_token) {
    auto login = FreshLogin("cache.roles");
    auto user = CreateUser(login, {"finance"}, "roles-pass");
    auto token = Api().SignIn(login, "roles-pass");
    Warm("/v1/settlements", token, 200);

    auto admin = Api().SignIn("admin");
    auto taken = Api().Json("PUT", UserPath(user) + "/roles", {{"roles", {"viewer"}}}, admin,
                            {{"If-Match", "\"1\""}});
    BOOST_REQUIRE_EQUAL(taken.status, 200);
    auto refused = Direct().Get("/v1/settlements", token);
    BOOST_TEST(refused.status == 403);
    BOOST_TEST(refused.Code() == "forbidden");

    Warm("/v1/settlements", token, 403);
    auto given = Api().Json("PUT", UserPath(user) + "/roles", {{"roles", {"finance"}}}, admin,
                            {{"If-Match", "\"2\""}});
    BOOST_REQUIRE_EQUAL(given.status, 200);
    BOOST_TEST(Direct().Get("/v1/settlements", token).status == 200);
}

BOOST_AUTO_TEST_CASE(a_warm_token_expires_as_soon_as_the_sandbox_clock_passes_its_ttl) {
    auto token = Api().SignIn("viewer");
    Warm("/v1/partner", token, 200);
    // The default token lifetime is 3600 s.
    BOOST_REQUIRE_EQUAL(
        Direct().Json("POST", "/v1/sandbox/clock", {{"advance_seconds", 3599}}).status, 200);
    BOOST_TEST(Direct().Get("/v1/partner", token).status == 200);
    BOOST_REQUIRE_EQUAL(Direct().Json("POST", "/v1/sandbox/clock", {{"advance_seconds", 1}}).status,
                        200);
    auto expired = Direct().Get("/v1/partner", token);
    BOOST_TEST(expired.status == 401);
    BOOST_TEST(expired.Code() == "token_expired");
}

BOOST_AUTO_TEST_SUITE_END()
