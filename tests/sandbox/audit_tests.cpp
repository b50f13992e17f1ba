// GET /v1/audit: every change is there, newest first, on the sandbox clock,
// with the caller's client and never a password or token.
#include "http_helper.h"

#include <boost/test/unit_test.hpp>

using namespace kpd::sandbox_test;
namespace utf = boost::unit_test;

BOOST_AUTO_TEST_SUITE(audit, *utf::fixture<SuiteSandbox>())

BOOST_AUTO_TEST_CASE(the_seed_leaves_a_history) {
    auto page = Api().Get("/v1/audit?limit=500", Api().SignIn("admin"));
    BOOST_TEST(page.status == 200);
    int creates = 0;
    for (const auto& e : page.json.at("items")) {
        creates += e.at("action") == "user.create" ? 1 : 0;
    }
    BOOST_TEST(creates >= 6);
}

BOOST_AUTO_TEST_CASE(changes_are_listed_newest_first_without_secrets) {
    const std::string password = "Sup3r-Secret-Pa55";
    auto admin = Api().SignIn("admin");
    auto login = FreshLogin("audited");
    auto user = CreateUser(login, {"viewer"}, password);
    auto userToken = Api().SignIn(login, password);
    auto id = std::to_string(user.at("id").get<long>());
    auto path = "/v1/partner/users/" + id;
    Api().Json("PUT", path + "/roles", {{"roles", {"marketing"}}}, admin, {{"If-Match", "\"1\""}});
    Api().Json("POST", path + "/disable", nlohmann::json::object(), admin);
    Api().Json("POST", path + "/enable", nlohmann::json::object(), admin);
    Api().Json("POST", "/v1/sandbox/clock", {{"advance_seconds", 60}}, admin);

    auto page = Api().Get("/v1/audit?limit=6", admin);
    BOOST_REQUIRE(page.status == 200);
    const auto& items = page.json.at("items");
    BOOST_REQUIRE(items.size() == 6u);
    std::vector<std::string> actions;
    for (const auto& e : items) {
        actions.push_back(e.at("action").get<std::string>());
    }
    std::vector<std::string> expected = {"sandbox.clock",  "user.enable", "user.disable",
                                         "user.set_roles", "auth.login",  "user.create"};
    BOOST_TEST(actions == expected, boost::test_tools::per_element());
    for (std::size_t i = 1; i < items.size(); ++i) {
        BOOST_TEST(items[i - 1].at("id").get<long>() > items[i].at("id").get<long>());
    }
    BOOST_TEST(items[1].at("object_id") == id);
    BOOST_TEST(items[1].at("actor").at("login") == "admin");
    BOOST_TEST(items[1].at("client") == kUserAgent);
    BOOST_TEST(items[4].at("actor").at("login") == login); // the user's own sign-in
    BOOST_TEST(items[3].at("detail").get<std::string>().find("marketing") != std::string::npos);
    for (const auto& e : items) {
        BOOST_TEST(e.at("at").get<std::string>().substr(19) == "+03:00");
    }
    BOOST_TEST(items[0].at("at") > items[1].at("at")); // the clock moved by a minute

    auto all = Api().Get("/v1/audit?limit=500", admin).body;
    BOOST_TEST(all.find(password) == std::string::npos);
    BOOST_TEST(all.find(userToken) == std::string::npos);
    BOOST_TEST(all.find(admin) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_failed_sign_in_is_audited_without_the_password) {
    Api().Json("POST", "/v1/auth/token", {{"login", "marketing"}, {"password", "Wr0ng-Guess-77"}});
    auto page = Api().Get("/v1/audit?limit=3", Api().SignIn("admin"));
    bool found = false;
    for (const auto& e : page.json.at("items")) {
        found = found ||
                (e.at("action") == "auth.login_failed" && e.at("actor").at("login") == "marketing");
    }
    BOOST_TEST(found);
    BOOST_TEST(page.body.find("Wr0ng-Guess-77") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(audit_pages_follow_the_cursor_backwards) {
    auto admin = Api().SignIn("admin");
    auto all = Api().Get("/v1/audit?limit=500", admin).json.at("items");
    std::vector<long> walked;
    std::string path = "/v1/audit?limit=3";
    for (int guard = 0; guard < 200; ++guard) {
        auto page = Api().Get(path, admin);
        for (const auto& e : page.json.at("items")) {
            walked.push_back(e.at("id").get<long>());
        }
        if (page.json.at("next_cursor").is_null()) {
            break;
        }
        path = "/v1/audit?limit=3&cursor=" + page.json.at("next_cursor").get<std::string>();
    }
    BOOST_REQUIRE(walked.size() == all.size());
    for (std::size_t i = 0; i < walked.size(); ++i) {
        BOOST_TEST(walked[i] == all[i].at("id").get<long>());
    }
    // Partner 2 sees only its own history.
    auto other = Api().Get("/v1/audit?limit=500", Api().SignIn("other.admin"));
    for (const auto& e : other.json.at("items")) {
        auto actor = e.at("actor").at("login").get<std::string>();
        BOOST_TEST((actor.rfind("other.", 0) == 0 || actor == "sandbox"), actor);
    }
}

BOOST_AUTO_TEST_SUITE_END()
