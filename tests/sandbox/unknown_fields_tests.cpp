// A request body with a field the platform does not know (the OpenAPI
// document's request schemas are additionalProperties: false) is answered
// 422 validation_failed with a problem `unknown_field` at each such field's
// JSON pointer, at any depth and inside arrays, and nothing is done. Such
// bodies break the document on purpose, so they go straight to the sandbox.
#include "cashback_helper.h"
#include "http_helper.h"

#include <boost/test/unit_test.hpp>

using namespace kpd::sandbox_test;
namespace utf = boost::unit_test;

namespace {
// The `field`s of a 422's errors that are unknown fields, in order.
std::vector<std::string> UnknownAt(const Reply& reply) {
    std::vector<std::string> fields;
    for (const auto& e : reply.json.value("errors", nlohmann::json::array())) {
        if (e.at("code") == "unknown_field") fields.push_back(e.at("field").get<std::string>());
    }
    return fields;
}

} // namespace

BOOST_AUTO_TEST_SUITE(unknown_fields, *utf::fixture<SuiteSandbox>())

BOOST_AUTO_TEST_CASE(a_sign_in_with_an_unknown_field_is_refused_and_issues_no_token) {
    const auto newest = AuditEntries().at(0).at("id"); // the helper's own sign-in
    auto reply = Direct().Json("POST", "/v1/auth/token", {{"login", "admin"}, {"password", "demo"}, {"remember_me", true}});
    BOOST_TEST(reply.status == 422);
    BOOST_TEST(reply.Code() == "validation_failed");
    BOOST_TEST(reply.Header("Content-Type") == "application/problem+json");
    BOOST_TEST(UnknownAt(reply) == std::vector<std::string>({"/remember_me"}));
    BOOST_TEST(!reply.json.contains("access_token"));
    // Nothing was written between the helper's two sign-ins.
    BOOST_TEST(AuditEntries().at(1).at("id") == newest);
}

BOOST_AUTO_TEST_CASE(nested_and_array_members_are_named_at_their_pointers_and_nothing_is_saved) {
    auto token = Api().SignIn("marketing");
    const auto before = Api().Get("/v1/card-screen", token);
    BOOST_REQUIRE(before.status == 200);
    nlohmann::json draft = before.json.at("draft").is_null() ? before.json.at("published") : before.json.at("draft");
    draft["theme"]["background_colour"] = "#FFFFFF";          // British spelling: not a field
    draft["banners"] = {{{"title", "Скидки"}, {"link", "https://example.org"}}};
    draft["a/b"] = 1;                                          // escaped in the pointer
    auto reply = Direct().Json("PUT", "/v1/card-screen/draft", draft, token,
                               {{"If-Match", before.Header("ETag")}});
    BOOST_TEST(reply.status == 422);
    BOOST_TEST(UnknownAt(reply) == std::vector<std::string>({"/a~1b", "/banners/0/link", "/theme/background_colour"}));

    const auto after = Api().Get("/v1/card-screen", token);
    BOOST_TEST(after.Header("ETag") == before.Header("ETag"));
    BOOST_TEST(after.json == before.json);
}

BOOST_AUTO_TEST_CASE(a_flight_with_unknown_fields_is_not_created) {
    auto token = Api().SignIn("marketing");
    const auto listed = Api().Get("/v1/cashback-flights?limit=500", token).json.at("items").size();
    auto body = FlightBody("widgets", "2027-02-01", "2027-02-28");
    body["id"] = 5; // the platform's to give
    body["cashback"]["bonus_bp"] = 100;
    auto reply = Direct().Json("POST", "/v1/cashback-flights", body, token,
                               {{"Idempotency-Key", "unknown-fields-flight"}});
    BOOST_TEST(reply.status == 422);
    BOOST_TEST(UnknownAt(reply) == std::vector<std::string>({"/cashback/bonus_bp", "/id"}));
    BOOST_TEST(Api().Get("/v1/cashback-flights?limit=500", token).json.at("items").size() == listed);

    // The same key with the body put right is a new request: it is created.
    body.erase("id");
    body["cashback"].erase("bonus_bp");
    auto created = Api().Json("POST", "/v1/cashback-flights", body, token, {{"Idempotency-Key", "unknown-fields-flight"}});
    BOOST_TEST(created.status == 201);
}

BOOST_AUTO_TEST_CASE(an_action_takes_only_an_empty_object) {
    auto token = Api().SignIn("marketing");
    const auto flight = CreateFlight(token, FlightBody("widgets", "2027-02-01", "2027-02-28"));
    const auto path = "/v1/cashback-flights/" + std::to_string(flight.at("id").get<std::int64_t>());
    auto reply = Direct().Json("POST", path + "/submit", {{"force", true}}, token);
    BOOST_TEST(reply.status == 422);
    BOOST_TEST(UnknownAt(reply) == std::vector<std::string>({"/force"}));
    BOOST_TEST(Api().Get(path, token).json.at("status") == "draft");
    // The empty object and no body at all are still taken.
    BOOST_TEST(Api().Json("POST", path + "/submit", nlohmann::json::object(), token).status == 200);
}

BOOST_AUTO_TEST_CASE(the_sandbox_routes_refuse_unknown_fields_too) {
    auto reply = Direct().Json("POST", "/v1/sandbox/clock", {{"advance_seconds", 60}, {"advance_days", 1}});
    BOOST_TEST(reply.status == 422);
    BOOST_TEST(UnknownAt(reply) == std::vector<std::string>({"/advance_days"}));
    auto limit = Direct().Json("PUT", "/v1/sandbox/rate-limit", {{"requests_per_second", 0}, {"per", "minute"}});
    BOOST_TEST(limit.status == 422);
    BOOST_TEST(UnknownAt(limit) == std::vector<std::string>({"/per"}));
}

BOOST_AUTO_TEST_SUITE_END()
