// Idempotency-Key on state-changing POSTs: replay, reuse with another body,
// and racing requests with one key.
#include "http_helper.h"

#include <boost/test/unit_test.hpp>

#include <mutex>
#include <thread>

using namespace kpd::sandbox_test;
namespace utf = boost::unit_test;

namespace {
nlohmann::json NewUserBody(const std::string& login) {
    return {{"login", login},
            {"name", "Марина Белова"},
            {"password", "pass1234"},
            {"roles", {"viewer"}}};
}

int CountLogin(const std::string& token, const std::string& login) {
    int count = 0;
    auto page =
        Api().Get("/v1/partner/users?limit=500", token); // keep the reply alive for the loop
    for (const auto& u : page.json.at("items")) {
        count += u.at("login") == login ? 1 : 0;
    }
    return count;
}
} // namespace

BOOST_AUTO_TEST_SUITE(idempotency, *utf::fixture<SuiteSandbox>())

BOOST_AUTO_TEST_CASE(the_same_key_and_body_replay_the_first_answer) {
    auto token = Api().SignIn("admin");
    auto login = FreshLogin("m.belova");
    Headers key{{"Idempotency-Key", "create-" + login}};
    auto first = Api().Json("POST", "/v1/partner/users", NewUserBody(login), token, key);
    BOOST_TEST(first.status == 201);
    BOOST_TEST(first.Header("Idempotent-Replayed").empty());
    auto again = Api().Json("POST", "/v1/partner/users", NewUserBody(login), token, key);
    BOOST_TEST(again.status == 201);
    BOOST_TEST(again.Header("Idempotent-Replayed") == "true");
    BOOST_TEST(again.json == first.json);
    BOOST_TEST(again.Header("Location") == first.Header("Location"));
    BOOST_TEST(again.Header("ETag") == first.Header("ETag"));
    BOOST_TEST(CountLogin(token, login) == 1);
    // Without the key the same body is a new request: the login is taken now.
    BOOST_TEST(Api().Json("POST", "/v1/partner/users", NewUserBody(login), token).status == 409);
}

BOOST_AUTO_TEST_CASE(the_same_key_with_another_body_is_422) {
    auto token = Api().SignIn("admin");
    Headers key{{"Idempotency-Key", "reuse-" + FreshLogin("k")}};
    auto login = FreshLogin("first");
    BOOST_TEST(Api().Json("POST", "/v1/partner/users", NewUserBody(login), token, key).status ==
               201);
    auto other = FreshLogin("second");
    auto reuse = Api().Json("POST", "/v1/partner/users", NewUserBody(other), token, key);
    BOOST_TEST(reuse.status == 422);
    BOOST_TEST(reuse.Code() == "idempotency_key_reuse");
    BOOST_TEST(CountLogin(token, other) == 0);
}

BOOST_AUTO_TEST_CASE(a_lifecycle_action_replays_too) {
    auto token = Api().SignIn("admin");
    auto user = CreateUser(FreshLogin("replay.disable"), {"viewer"});
    auto path = "/v1/partner/users/" + std::to_string(user.at("id").get<long>()) + "/disable";
    Headers key{{"Idempotency-Key", "disable-" + std::to_string(user.at("id").get<long>())}};
    auto first = Api().Json("POST", path, nlohmann::json::object(), token, key);
    auto again = Api().Json("POST", path, nlohmann::json::object(), token, key);
    BOOST_TEST(first.status == 200);
    BOOST_TEST(again.Header("Idempotent-Replayed") == "true");
    BOOST_TEST(again.json.at("version") == first.json.at("version"));
}

BOOST_AUTO_TEST_CASE(racing_creates_with_one_key_make_exactly_one_user) {
    auto token = Api().SignIn("admin");
    auto login = FreshLogin("race");
    Headers key{{"Idempotency-Key", "race-" + login}};
    constexpr int kClients = 8;
    std::vector<Reply> replies(kClients);
    std::vector<std::thread> threads;
    for (int i = 0; i < kClients; ++i) {
        threads.emplace_back([&, i] {
            replies[i] = Api().Json("POST", "/v1/partner/users", NewUserBody(login), token, key);
        });
    }
    for (auto& t : threads) {
        t.join();
    }
    int replayed = 0;
    for (const auto& r : replies) {
        BOOST_TEST(r.status == 201);
        BOOST_TEST(r.json.value("id", 0L) == replies[0].json.value("id", -1L));
        replayed += r.Header("Idempotent-Replayed") == "true" ? 1 : 0;
    }
    BOOST_TEST(replayed == kClients - 1);
    BOOST_TEST(CountLogin(token, login) == 1);
}

BOOST_AUTO_TEST_CASE(racing_creates_of_one_login_make_one_user_and_409s) {
    auto token = Api().SignIn("admin");
    auto login = FreshLogin("race.login");
    constexpr int kClients = 6;
    std::vector<int> statuses(kClients);
    std::vector<std::thread> threads;
    for (int i = 0; i < kClients; ++i) {
        threads.emplace_back([&, i] {
            statuses[i] = Api().Json("POST", "/v1/partner/users", NewUserBody(login), token).status;
        });
    }
    for (auto& t : threads) {
        t.join();
    }
    BOOST_TEST(std::count(statuses.begin(), statuses.end(), 201) == 1);
    BOOST_TEST(std::count(statuses.begin(), statuses.end(), 409) == kClients - 1);
    BOOST_TEST(CountLogin(token, login) == 1);
}

BOOST_AUTO_TEST_SUITE_END()
