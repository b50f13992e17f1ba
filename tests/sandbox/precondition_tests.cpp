// Preconditions before content (RFC 9110 section 13.2.2): a request whose
// If-Match names a version that is no longer current is answered 412 with
// the current state, whatever its body says: rule mistakes, fields the
// platform does not know, or no JSON at all. Only a request made from the
// current version hears about its body. The broken bodies break the
// document on purpose, so they go straight to the sandbox.
#include "card_screen_helper.h"
#include "cashback_helper.h"
#include "http_helper.h"

#include <boost/test/unit_test.hpp>

using namespace kpd::sandbox_test;
namespace utf = boost::unit_test;

namespace {
// `body` as it is (not necessarily JSON) with the token, If-Match and a JSON Content-Type.
Reply SendRaw(const std::string& method, const std::string& path, const std::string& body,
              const std::string& token, const std::string& ifMatch) {
    return Direct().Send(method, path, body,
                         {{"Content-Type", "application/json"},
                          {"Authorization", "Bearer " + token},
                          {"If-Match", ifMatch}});
}

// A 412 version_mismatch whose ETag and `current` are the state now.
void CheckStale(const Reply& reply, const std::string& currentETag, const std::string& what) {
    BOOST_TEST_CONTEXT(what << ": " << reply.body) {
        BOOST_TEST(reply.status == 412);
        BOOST_TEST(reply.Code() == "version_mismatch");
        BOOST_TEST(reply.Header("ETag") == currentETag);
        BOOST_TEST(reply.json.contains("current"));
        if (reply.json.contains("current")) {
            BOOST_TEST("\"" + std::to_string(reply.json["current"].value("version", -1)) + "\"" ==
                       currentETag);
        }
    }
}

std::string FlightPath(std::int64_t id) {
    return "/v1/cashback-flights/" + std::to_string(id);
}
} // namespace

BOOST_AUTO_TEST_SUITE(preconditions_before_content, *utf::fixture<SuiteSandbox>())

BOOST_AUTO_TEST_CASE(a_stale_card_screen_etag_is_412_whatever_the_body) {
    auto token = Api().SignIn("marketing");
    const auto stale = CardScreenETag(token);
    const auto screen = DemoPublishedScreen();
    BOOST_REQUIRE(PutDraft(Api(), token, screen, stale).status == 200);
    const auto now = CardScreenETag(token);
    BOOST_REQUIRE(now != stale);

    auto mistaken = screen;
    mistaken["theme"]["background_color"] = "red"; // not a #RRGGBB colour
    CheckStale(PutDraft(Direct(), token, mistaken, stale), now, "draft with rule mistakes");
    auto unknown = screen;
    unknown["colour"] = 1;
    CheckStale(PutDraft(Direct(), token, unknown, stale), now, "draft with an unknown field");
    CheckStale(SendRaw("PUT", "/v1/card-screen/draft", "{\"theme\":", token, stale), now,
               "draft not JSON");

    CheckStale(SendRaw("POST", "/v1/card-screen/publish", R"({"force":true})", token, stale), now,
               "publish with an unknown field");
    CheckStale(SendRaw("POST", "/v1/card-screen/rollback", R"({"version":"first"})", token, stale),
               now, "rollback with a wrong type");
    CheckStale(SendRaw("POST", "/v1/card-screen/rollback", R"({"version":999999})", token, stale),
               now, "rollback to a version that does not exist");
    CheckStale(SendRaw("POST", "/v1/card-screen/rollback", "[1,", token, stale), now,
               "rollback not JSON");

    // Made from the current version, the body is what is wrong.
    BOOST_TEST(PutDraft(Direct(), token, mistaken, now).status == 422);
    BOOST_TEST(PutDraft(Direct(), token, unknown, now).status == 422);
    BOOST_TEST(SendRaw("PUT", "/v1/card-screen/draft", "{\"theme\":", token, now).status == 400);
    BOOST_TEST(CardScreenETag(token) == now); // nothing was saved
}

BOOST_AUTO_TEST_CASE(a_stale_user_etag_is_412_whatever_the_roles) {
    auto admin = Api().SignIn("admin");
    const auto user = CreateUser(FreshLogin("precondition"), {"viewer"});
    const auto path =
        "/v1/partner/users/" + std::to_string(user.at("id").get<std::int64_t>()) + "/roles";
    const auto stale = "\"" + std::to_string(user.at("version").get<std::int64_t>()) + "\"";
    auto changed =
        Api().Json("PUT", path, {{"roles", {"marketing"}}}, admin, {{"If-Match", stale}});
    BOOST_REQUIRE(changed.status == 200);
    const auto now = changed.Header("ETag");

    CheckStale(Direct().Json("PUT", path, {{"roles", {"astronaut"}}}, admin, {{"If-Match", stale}}),
               now, "an unknown role");
    CheckStale(Direct().Json("PUT", path, {{"roles", {"viewer"}}, {"why", "x"}}, admin,
                             {{"If-Match", stale}}),
               now, "an unknown field");
    CheckStale(SendRaw("PUT", path, "roles=viewer", admin, stale), now, "not JSON");
    BOOST_TEST(
        Direct().Json("PUT", path, {{"roles", {"astronaut"}}}, admin, {{"If-Match", now}}).status ==
        422);
}

BOOST_AUTO_TEST_CASE(a_stale_flight_etag_is_412_whatever_the_body) {
    auto token = Api().SignIn("marketing");
    auto body = FlightBody("widgets", "2027-03-01", "2027-03-31");
    const auto flight = CreateFlight(token, body);
    const auto id = flight.at("id").get<std::int64_t>();
    const std::string stale =
        "\"" + std::to_string(flight.at("version").get<std::int64_t>()) + "\"";
    auto saved = Api().Json("PUT", FlightPath(id), body, token, {{"If-Match", stale}});
    BOOST_REQUIRE(saved.status == 200);
    const auto now = saved.Header("ETag");
    BOOST_REQUIRE(now != stale);

    auto mistaken = body;
    mistaken["budget_kop"] = -5;
    CheckStale(Direct().Json("PUT", FlightPath(id), mistaken, token, {{"If-Match", stale}}), now,
               "rule mistakes");
    auto unknown = body;
    unknown["id"] = id; // the platform's to give
    CheckStale(Direct().Json("PUT", FlightPath(id), unknown, token, {{"If-Match", stale}}), now,
               "an unknown field");
    CheckStale(SendRaw("PUT", FlightPath(id), "{", token, stale), now, "not JSON");
    for (const char* action : {"/submit", "/pause", "/resume", "/stop"}) {
        CheckStale(SendRaw("POST", FlightPath(id) + action, R"({"force":true})", token, stale), now,
                   std::string(action) + " with an unknown field");
        CheckStale(SendRaw("POST", FlightPath(id) + action, "{", token, stale), now,
                   std::string(action) + " not JSON");
    }

    // No such flight: 404 comes before the body too; from the current version the body is wrong.
    BOOST_TEST(SendRaw("PUT", FlightPath(id + 100000), "{", token, now).status == 404);
    BOOST_TEST(Direct().Json("PUT", FlightPath(id), unknown, token, {{"If-Match", now}}).status ==
               422);
    BOOST_TEST(SendRaw("POST", FlightPath(id) + "/submit", "{", token, now).status == 400);
    BOOST_TEST(Api().Get(FlightPath(id), token).Header("ETag") == now);
}

BOOST_AUTO_TEST_SUITE_END()
