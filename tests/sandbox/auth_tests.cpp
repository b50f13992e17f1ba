// Sign-in, tokens, expiry on the sandbox clock, and roles on every route.
#include "http_helper.h"

#include "domain/timestamp.h"

#include <boost/test/unit_test.hpp>

#include <thread>

using namespace kpd::sandbox_test;
namespace utf = boost::unit_test;

namespace {
struct ShortTokens : SuiteSandbox {
    ShortTokens()
        : SuiteSandbox([] {
              kpd::test::SandboxOptions o;
              o.clock = kClock;
              o.extra_args = {"--token-ttl", "600"};
              return o;
          }()) {}
};
} // namespace

BOOST_AUTO_TEST_SUITE(auth, *utf::fixture<ShortTokens>())

BOOST_AUTO_TEST_CASE(sign_in_returns_a_token_the_user_and_the_partner) {
    auto now = Api().Get("/v1/sandbox/clock").json.at("now").get<std::string>();
    auto reply =
        Api().Json("POST", "/v1/auth/token", {{"login", "finance.manager"}, {"password", "demo"}});
    BOOST_TEST(reply.status == 200);
    BOOST_TEST(reply.json.at("access_token").get<std::string>().size() >= 40);
    BOOST_TEST(reply.json.at("user").at("login") == "finance.manager");
    BOOST_TEST(reply.json.at("user").at("roles") == nlohmann::json({"finance", "finance_manager"}));
    BOOST_TEST(reply.json.at("partner").at("id") == 1);
    auto expires = kpd::domain::ParseRfc3339(reply.json.at("expires_at").get<std::string>());
    BOOST_REQUIRE(expires.has_value());
    BOOST_TEST((*expires - *kpd::domain::ParseRfc3339(now)).count() == 600);
}

BOOST_AUTO_TEST_CASE(wrong_password_is_401_and_hands_out_no_token) {
    auto reply = Api().Json("POST", "/v1/auth/token", {{"login", "admin"}, {"password", "wrong"}});
    BOOST_TEST(reply.status == 401);
    BOOST_TEST(reply.Code() == "invalid_credentials");
    BOOST_TEST(reply.Header("Content-Type") == "application/problem+json");
    BOOST_TEST(!reply.json.contains("access_token"));
    BOOST_TEST(reply.body.find("wrong\"") == std::string::npos); // the password is not echoed
}

BOOST_AUTO_TEST_CASE(unknown_login_answers_like_a_wrong_password) {
    auto reply =
        Api().Json("POST", "/v1/auth/token", {{"login", "nobody.here"}, {"password", "demo"}});
    BOOST_TEST(reply.status == 401);
    BOOST_TEST(reply.Code() == "invalid_credentials");
}

BOOST_AUTO_TEST_CASE(a_disabled_user_cannot_sign_in) {
    auto login = FreshLogin("disabled");
    auto user = CreateUser(login, {"viewer"});
    auto admin = Api().SignIn("admin");
    auto path = "/v1/partner/users/" + std::to_string(user.at("id").get<long>()) + "/disable";
    BOOST_TEST(Api().Json("POST", path, nlohmann::json::object(), admin).status == 200);
    auto reply = Api().Json("POST", "/v1/auth/token", {{"login", login}, {"password", "pass1234"}});
    BOOST_TEST(reply.status == 401);
    BOOST_TEST(reply.Code() == "user_disabled");
    BOOST_TEST(!reply.json.contains("access_token"));
}

BOOST_AUTO_TEST_CASE(a_missing_or_forged_token_is_401_unauthenticated) {
    // No token breaks the document's security on purpose: talk to the sandbox directly.
    auto none = Direct().Get("/v1/partner");
    BOOST_TEST(none.status == 401);
    BOOST_TEST(none.Code() == "unauthenticated");
    auto forged = Direct().Get("/v1/partner", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    BOOST_TEST(forged.status == 401);
    BOOST_TEST(forged.Code() == "unauthenticated");
}

BOOST_AUTO_TEST_CASE(every_role_reads_the_partner) {
    for (const char* login :
         {"admin", "marketing", "loyalty", "finance", "finance.manager", "viewer"}) {
        BOOST_TEST_CONTEXT(login) {
            auto token = Api().SignIn(login);
            BOOST_REQUIRE(!token.empty());
            auto partner = Api().Get("/v1/partner", token);
            BOOST_TEST(partner.status == 200);
            BOOST_TEST(partner.json.at("inn") == "7704123450");
            BOOST_TEST(partner.json.at("program_kind") == "bonus");
        }
    }
    auto other = Api().Get("/v1/partner", Api().SignIn("other.admin"));
    BOOST_TEST(other.json.at("id") == 2);
    BOOST_TEST(other.json.at("program_kind") == "discount");
}

BOOST_AUTO_TEST_CASE(only_partner_admin_manages_users_and_reads_the_audit) {
    auto adminId = std::to_string(UserIdOf("admin"));
    for (const char* login : {"viewer", "marketing", "loyalty", "finance", "finance.manager"}) {
        BOOST_TEST_CONTEXT(login) {
            auto token = Api().SignIn(login);
            auto list = Api().Get("/v1/partner/users", token);
            BOOST_TEST(list.status == 403);
            BOOST_TEST(list.Code() == "forbidden");
            BOOST_TEST(Api().Get("/v1/partner/users/" + adminId, token).status == 403);
            BOOST_TEST(Api().Get("/v1/audit", token).status == 403);
            auto create = Api().Json("POST", "/v1/partner/users",
                                     {{"login", FreshLogin("sneaky")},
                                      {"name", "Х"},
                                      {"password", "pass1234"},
                                      {"roles", {"partner_admin"}}},
                                     token);
            BOOST_TEST(create.status == 403);
            BOOST_TEST(Api()
                           .Json("POST", "/v1/partner/users/" + adminId + "/disable",
                                 nlohmann::json::object(), token)
                           .status == 403);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_token_expires_on_the_sandbox_clock) {
    auto token = Api().SignIn("viewer");
    BOOST_TEST(Api().Get("/v1/partner", token).status == 200);
    auto moved = Api().Json("POST", "/v1/sandbox/clock", {{"advance_seconds", 599}});
    BOOST_TEST(moved.status == 200);
    BOOST_TEST(moved.json.at("fixed") == true);
    BOOST_TEST(Api().Get("/v1/partner", token).status == 200); // one second left
    Api().Json("POST", "/v1/sandbox/clock", {{"advance_seconds", 1}});
    auto expired = Api().Get("/v1/partner", token);
    BOOST_TEST(expired.status == 401);
    BOOST_TEST(expired.Code() == "token_expired");
    BOOST_TEST(Api().Get("/v1/partner", Api().SignIn("viewer")).status == 200);
}

BOOST_AUTO_TEST_CASE(the_clock_stands_still_until_told_and_can_be_set) {
    auto first = Api().Get("/v1/sandbox/clock").json.at("now");
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    BOOST_TEST(Api().Get("/v1/sandbox/clock").json.at("now") == first);
    auto set = Api().Json("POST", "/v1/sandbox/clock", {{"now", "2027-01-10T09:30:00Z"}});
    BOOST_TEST(set.status == 200);
    BOOST_TEST(set.json.at("now") == "2027-01-10T12:30:00+03:00");
    auto bad = Direct().Json("POST", "/v1/sandbox/clock", {{"now", "yesterday"}});
    BOOST_TEST(bad.status == 422);
    BOOST_TEST(bad.json.at("errors").at(0).at("field") == "/now");
}

BOOST_AUTO_TEST_SUITE_END()
