// /v1/partner/users: scoping, create, roles with ETag/If-Match, disable and
// enable, pagination.
#include "http_helper.h"

#include <boost/test/unit_test.hpp>

#include <set>

using namespace kpd::sandbox_test;
namespace utf = boost::unit_test;

namespace {
std::string UserPath(const nlohmann::json& user) {
    return "/v1/partner/users/" + std::to_string(user.at("id").get<long>());
}

bool HasField(const Reply& reply, const std::string& field, const std::string& code) {
    for (const auto& e : reply.json.value("errors", nlohmann::json::array())) {
        if (e.at("field") == field && e.at("code") == code) {
            return true;
        }
    }
    return false;
}
} // namespace

BOOST_AUTO_TEST_SUITE(users, *utf::fixture<SuiteSandbox>())

BOOST_AUTO_TEST_CASE(another_partners_user_is_404_everywhere) {
    auto adminPath = "/v1/partner/users/" + std::to_string(UserIdOf("admin"));
    auto other = Api().SignIn("other.admin");
    auto read = Api().Get(adminPath, other);
    BOOST_TEST(read.status == 404);
    BOOST_TEST(read.Code() == "not_found");
    BOOST_TEST(Api()
                   .Json("PUT", adminPath + "/roles", {{"roles", {"viewer"}}}, other,
                         {{"If-Match", "\"1\""}})
                   .status == 404);
    BOOST_TEST(Api().Json("POST", adminPath + "/disable", nlohmann::json::object(), other).status ==
               404);
    // …and the admin of partner 1 is untouched.
    auto mine = Api().Get(adminPath, Api().SignIn("admin"));
    BOOST_TEST(mine.status == 200);
    BOOST_TEST(mine.json.at("disabled") == false);
    // other.admin's list holds only partner 2's users.
    auto list = Api().Get("/v1/partner/users", other);
    for (const auto& u : list.json.at("items")) {
        BOOST_TEST(u.at("login").get<std::string>().rfind("other.", 0) == 0);
    }
}

BOOST_AUTO_TEST_CASE(create_answers_201_with_location_and_etag) {
    auto token = Api().SignIn("admin");
    auto login = FreshLogin("o.kuznetsova");
    auto reply = Api().Json("POST", "/v1/partner/users",
                            {{"login", login},
                             {"name", "Ольга Кузнецова"},
                             {"password", "pass1234"},
                             {"roles", {"marketing", "viewer"}}},
                            token);
    BOOST_TEST(reply.status == 201);
    BOOST_TEST(reply.Header("Location") == UserPath(reply.json));
    BOOST_TEST(reply.Header("ETag") == "\"1\"");
    BOOST_TEST(reply.json.at("roles") == nlohmann::json({"viewer", "marketing"}));
    BOOST_TEST(!reply.json.contains("password"));
    auto read = Api().Get(reply.Header("Location"), token);
    BOOST_TEST(read.status == 200);
    BOOST_TEST(read.json == reply.json);
    BOOST_TEST(read.Header("ETag") == "\"1\"");
    BOOST_TEST(!Api().SignIn(login, "pass1234").empty());
}

BOOST_AUTO_TEST_CASE(a_taken_login_is_409_also_across_partners) {
    auto token = Api().SignIn("admin");
    for (const char* login : {"viewer", "other.admin"}) {
        auto reply = Api().Json(
            "POST", "/v1/partner/users",
            {{"login", login}, {"name", "Дубль"}, {"password", "pass1234"}, {"roles", {"viewer"}}},
            token);
        BOOST_TEST(reply.status == 409);
        BOOST_TEST(reply.Code() == "login_taken");
    }
}

BOOST_AUTO_TEST_CASE(broken_rules_are_422_with_json_pointers) {
    // These bodies break the document on purpose: straight to the sandbox.
    auto token = Api().SignIn("admin");
    auto rules = Direct().Json(
        "POST", "/v1/partner/users",
        {{"login", "1bad"}, {"name", ""}, {"password", "12"}, {"roles", nlohmann::json::array()}},
        token);
    BOOST_TEST(rules.status == 422);
    BOOST_TEST(rules.Code() == "validation_failed");
    BOOST_TEST(HasField(rules, "/login", "invalid_login"));
    BOOST_TEST(HasField(rules, "/name", "required"));
    BOOST_TEST(HasField(rules, "/password", "too_short"));
    BOOST_TEST(HasField(rules, "/roles", "required"));
    auto types = Direct().Json(
        "POST", "/v1/partner/users",
        {{"login", 5}, {"name", "Имя"}, {"password", "pass1234"}, {"roles", {"viewer", "boss"}}},
        token);
    BOOST_TEST(types.status == 422);
    BOOST_TEST(HasField(types, "/login", "type"));
    BOOST_TEST(HasField(types, "/roles/1", "unknown_role"));
}

BOOST_AUTO_TEST_CASE(roles_change_needs_the_current_etag) {
    auto token = Api().SignIn("admin");
    auto user = CreateUser(FreshLogin("roles"), {"viewer"});
    auto path = UserPath(user) + "/roles";
    auto missing = Direct().Json("PUT", path, {{"roles", {"finance"}}}, token);
    BOOST_TEST(missing.status == 428);
    BOOST_TEST(missing.Code() == "if_match_required");

    auto changed = Api().Json("PUT", path, {{"roles", {"finance", "finance_manager"}}}, token,
                              {{"If-Match", "\"1\""}});
    BOOST_TEST(changed.status == 200);
    BOOST_TEST(changed.json.at("version") == 2);
    BOOST_TEST(changed.Header("ETag") == "\"2\"");
    BOOST_TEST(changed.json.at("roles") == nlohmann::json({"finance", "finance_manager"}));

    auto stale = Api().Json("PUT", path, {{"roles", {"viewer"}}}, token, {{"If-Match", "\"1\""}});
    BOOST_TEST(stale.status == 412);
    BOOST_TEST(stale.Code() == "version_mismatch");
    BOOST_TEST(stale.json.at("current").at("version") == 2);
    BOOST_TEST(stale.json.at("current").at("roles") ==
               nlohmann::json({"finance", "finance_manager"}));
    BOOST_TEST(Api().Get(UserPath(user), token).json.at("roles") ==
               nlohmann::json({"finance", "finance_manager"}));
}

BOOST_AUTO_TEST_CASE(disable_revokes_tokens_and_enable_lets_the_user_back) {
    auto admin = Api().SignIn("admin");
    auto login = FreshLogin("leaver");
    auto user = CreateUser(login, {"viewer"}, "leaver-pass");
    auto userToken = Api().SignIn(login, "leaver-pass");
    BOOST_TEST(Api().Get("/v1/partner", userToken).status == 200);

    auto disabled =
        Api().Json("POST", UserPath(user) + "/disable", nlohmann::json::object(), admin);
    BOOST_TEST(disabled.status == 200);
    BOOST_TEST(disabled.json.at("disabled") == true);
    BOOST_TEST(disabled.json.at("version") == 2);
    auto revoked = Direct().Get("/v1/partner", userToken);
    BOOST_TEST(revoked.status == 401);
    BOOST_TEST(revoked.Code() == "unauthenticated");

    auto enabled = Api().Json("POST", UserPath(user) + "/enable", nlohmann::json::object(), admin);
    BOOST_TEST(enabled.status == 200);
    BOOST_TEST(enabled.json.at("disabled") == false);
    BOOST_TEST(Direct().Get("/v1/partner", userToken).status == 401); // the old token stays revoked
    BOOST_TEST(Api().Get("/v1/partner", Api().SignIn(login, "leaver-pass")).status == 200);

    auto self =
        Api().Json("POST", "/v1/partner/users/" + std::to_string(UserIdOf("admin")) + "/disable",
                   nlohmann::json::object(), admin);
    BOOST_TEST(self.status == 409);
    BOOST_TEST(self.Code() == "cannot_disable_self");
}

BOOST_AUTO_TEST_CASE(pages_walk_every_user_once_in_id_order) {
    for (int i = 0; i < 13; ++i) {
        CreateUser(FreshLogin("page"), {"viewer"});
    }
    auto token = Api().SignIn("admin");
    auto all = Api().Get("/v1/partner/users?limit=500", token);
    BOOST_TEST(all.json.at("next_cursor").is_null());
    std::vector<long> expected;
    for (const auto& u : all.json.at("items")) {
        expected.push_back(u.at("id").get<long>());
    }
    BOOST_REQUIRE(expected.size() > 15);

    std::vector<long> walked;
    std::string path = "/v1/partner/users?limit=4";
    int pages = 0;
    for (;;) {
        auto page = Api().Get(path, token);
        BOOST_REQUIRE(page.status == 200);
        BOOST_TEST(page.json.at("items").size() <= 4u);
        for (const auto& u : page.json.at("items")) {
            walked.push_back(u.at("id").get<long>());
        }
        ++pages;
        if (page.json.at("next_cursor").is_null()) {
            break;
        }
        path = "/v1/partner/users?limit=4&cursor=" + page.json.at("next_cursor").get<std::string>();
        BOOST_REQUIRE(pages < 100);
    }
    BOOST_TEST(walked == expected, boost::test_tools::per_element());
    BOOST_TEST(pages == static_cast<int>((expected.size() + 3) / 4));
    BOOST_TEST(std::is_sorted(walked.begin(), walked.end()));
    BOOST_TEST(std::set<long>(walked.begin(), walked.end()).size() == walked.size());
}

BOOST_AUTO_TEST_CASE(bad_limit_or_cursor_is_400) {
    auto token = Api().SignIn("admin");
    for (const char* query :
         {"limit=0", "limit=501", "limit=ten", "cursor=not-a-cursor", "cursor=YXVkaXQ6Nw"}) {
        BOOST_TEST_CONTEXT(query) {
            auto reply = Direct().Get(std::string("/v1/partner/users?") + query, token);
            BOOST_TEST(reply.status == 400);
            BOOST_TEST(reply.Code() == "invalid_parameter");
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
