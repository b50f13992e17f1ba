// The platform's rate limit (docs/api/openapi.yaml "Rate limits") on a
// sandbox started with a low one, --rate-limit 2:3: three requests at once,
// then two a second per access token. A burst is answered 429 `rate_limited`
// with Retry-After in whole seconds; after that pause the token is served
// again; another user's token is not slowed; sign-ins count per login; the
// sandbox's own routes are never limited; the limit can be read and changed
// through /v1/sandbox/rate-limit.
#include "http_helper.h"

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <future>
#include <thread>
#include <vector>

using namespace kpd::sandbox_test;
namespace utf = boost::unit_test;

namespace {
struct LowLimit : SuiteSandbox {
    LowLimit()
        : SuiteSandbox([] {
              kpd::test::SandboxOptions o;
              o.clock = kClock;
              o.extra_args = {"--rate-limit", "2:3"};
              return o;
          }()) {}
};

// Sends `send` eight times at once (at once, so that however slow the machine
// the bucket cannot refill between them): a refusal among the answers, or the
// last answer when none was refused.
template <class Send> Reply FirstRefusal(Send send) {
    std::vector<std::future<Reply>> replies;
    for (int i = 0; i < 8; ++i) {
        replies.push_back(std::async(std::launch::async, send));
    }
    Reply found;
    for (auto& r : replies) {
        auto reply = r.get();
        if (found.status != 429) {
            found = std::move(reply);
        }
    }
    return found;
}

Reply FirstRefusal(const std::string& path, const std::string& token) {
    return FirstRefusal([&] { return Api().Get(path, token); });
}

// Sleeps the seconds a 429 asked for, and a little more.
void WaitAsAsked(const Reply& refusal) {
    std::this_thread::sleep_for(std::chrono::seconds(std::stoi(refusal.Header("Retry-After"))) +
                                std::chrono::milliseconds(100));
}
} // namespace

BOOST_AUTO_TEST_SUITE(rate_limit, *utf::fixture<LowLimit>())

BOOST_AUTO_TEST_CASE(a_burst_is_answered_429_problem_with_retry_after_then_served_again) {
    auto token = Api().SignIn("admin");
    BOOST_REQUIRE(!token.empty());
    auto refusal = FirstRefusal("/v1/partner", token);
    BOOST_REQUIRE(refusal.status == 429);
    BOOST_TEST(refusal.Header("Content-Type") == "application/problem+json");
    BOOST_TEST(refusal.Code() == "rate_limited");
    BOOST_TEST(refusal.json.at("status") == 429);
    BOOST_TEST(refusal.json.at("title") == "Too Many Requests");
    BOOST_TEST(refusal.json.at("detail").get<std::string>().find("retry after") != std::string::npos);
    // Two a second: a request is back within half a second, said in whole seconds.
    BOOST_TEST(refusal.Header("Retry-After") == "1");

    WaitAsAsked(refusal);
    auto again = Api().Get("/v1/partner", token);
    BOOST_TEST(again.status == 200);
    BOOST_TEST(again.json.at("id") == 1);
}

BOOST_AUTO_TEST_CASE(a_refused_request_is_not_acted_on) {
    auto token = Api().SignIn("admin");
    auto refusal = FirstRefusal("/v1/partner", token);
    BOOST_REQUIRE(refusal.status == 429);
    const auto login = FreshLogin("limited");
    auto create = Api().Json("POST", "/v1/partner/users",
                             {{"login", login}, {"name", "Лимит"}, {"password", "pass1234"}, {"roles", {"viewer"}}},
                             token);
    BOOST_REQUIRE(create.status == 429);
    BOOST_TEST(create.Code() == "rate_limited");

    WaitAsAsked(create);
    auto users = Api().Get("/v1/partner/users?limit=500", token);
    BOOST_REQUIRE(users.status == 200);
    for (const auto& user : users.json.at("items")) {
        BOOST_TEST(user.at("login") != login);
    }
}

BOOST_AUTO_TEST_CASE(the_limit_is_per_token_so_another_user_is_not_slowed) {
    auto admin = Api().SignIn("admin");
    auto viewer = Api().SignIn("viewer");
    BOOST_REQUIRE(!viewer.empty());
    BOOST_REQUIRE(FirstRefusal("/v1/partner", admin).status == 429);
    // The admin's bucket is empty; the viewer's is full: three at once pass.
    for (int i = 0; i < 3; ++i) {
        auto reply = Api().Get("/v1/partner", viewer);
        BOOST_TEST(reply.status == 200);
    }
}

BOOST_AUTO_TEST_CASE(sign_ins_count_per_login) {
    auto refusal = FirstRefusal(
        [] { return Api().Json("POST", "/v1/auth/token", {{"login", "marketing"}, {"password", "wrong"}}); });
    BOOST_REQUIRE(refusal.status == 429);
    BOOST_TEST(refusal.Code() == "rate_limited");
    BOOST_TEST(!refusal.Header("Retry-After").empty());
    // Guessing marketing's password does not lock anyone else out.
    BOOST_TEST(!Api().SignIn("finance").empty());
}

BOOST_AUTO_TEST_CASE(the_sandbox_routes_are_never_limited) {
    for (int i = 0; i < 12; ++i) {
        auto reply = Api().Get("/v1/sandbox/clock");
        BOOST_TEST(reply.status == 200);
    }
}

BOOST_AUTO_TEST_CASE(the_limit_is_read_and_changed_through_the_sandbox_api) {
    auto limit = Api().Get("/v1/sandbox/rate-limit");
    BOOST_TEST(limit.status == 200);
    BOOST_TEST(limit.json == nlohmann::json({{"requests_per_second", 2}, {"burst", 3}}));

    auto bad = Direct().Json("PUT", "/v1/sandbox/rate-limit", {{"requests_per_second", -1}, {"burst", 0}});
    BOOST_TEST(bad.status == 422);
    BOOST_REQUIRE(bad.json.at("errors").size() == 2u);
    BOOST_TEST(bad.json.at("errors")[0].at("field") == "/requests_per_second");
    BOOST_TEST(bad.json.at("errors")[1].at("field") == "/burst");

    auto off = Api().Json("PUT", "/v1/sandbox/rate-limit", {{"requests_per_second", 0}});
    BOOST_TEST(off.status == 200);
    BOOST_TEST(off.json.at("requests_per_second") == 0);
    auto token = Api().SignIn("admin");
    for (int i = 0; i < 12; ++i) {
        auto reply = Api().Get("/v1/partner", token);
        BOOST_TEST(reply.status == 200);
    }

    auto back = Api().Json("PUT", "/v1/sandbox/rate-limit", {{"requests_per_second", 2}, {"burst", 3}});
    BOOST_TEST(back.status == 200);
    BOOST_TEST(back.json == nlohmann::json({{"requests_per_second", 2}, {"burst", 3}}));
    BOOST_TEST(FirstRefusal("/v1/partner", token).status == 429);
}

BOOST_AUTO_TEST_SUITE_END()
