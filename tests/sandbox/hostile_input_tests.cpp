// Hostile input of issue 11 against a real sandbox: a body nested 15,000
// levels deep, integers past int64, bytes that are not UTF-8 in a header and
// in a path, and exceptions (a defect, a broken database) that must reach the
// client as a bare error id, never as text. Most requests break the OpenAPI
// document on purpose, so they go straight to the sandbox.
#include "http_helper.h"

#include "store/database.h"

#include <boost/test/unit_test.hpp>

#include <soci/soci.h>

#include <regex>

using namespace kpd::sandbox_test;
namespace utf = boost::unit_test;

namespace {
const std::string kReplacement = "\xEF\xBF\xBD";

std::string Nested(std::size_t levels) {
    return std::string(levels, '[') + std::string(levels, ']');
}

Reply PostRaw(const std::string& path, const std::string& body, Headers headers = {}) {
    headers["Content-Type"] = "application/json";
    return Direct().Send("POST", path, body, headers);
}

bool IsErrorId(const std::string& id) {
    return std::regex_match(id, std::regex("[0-9a-f]{16}"));
}

// The 500 answer of AnswerInternalError, and its id in the sandbox's log.
void CheckInternalError(const Reply& reply) {
    BOOST_TEST(reply.status == 500);
    BOOST_TEST(reply.Code() == "internal_error");
    BOOST_TEST(reply.Header("Content-Type") == "application/problem+json");
    BOOST_TEST(reply.Header("EXCEPTION_WHAT").empty());
    BOOST_TEST(!reply.headers.count("EXCEPTION_WHAT"));
    const std::string id = reply.json.is_object() ? reply.json.value("error_id", "") : "";
    BOOST_TEST(IsErrorId(id), id);
    BOOST_TEST(reply.json.value("detail", "").find(id) != std::string::npos);
    BOOST_TEST(Sandbox().Log().find("error " + id + ": ") != std::string::npos);
}
} // namespace

BOOST_AUTO_TEST_SUITE(hostile_input, *utf::fixture<SuiteSandbox>())

BOOST_AUTO_TEST_CASE(a_clock_body_nested_15000_deep_is_400_too_deep_and_the_sandbox_lives) {
    auto reply = PostRaw("/v1/sandbox/clock", "{\"now\": " + Nested(15000) + "}");
    BOOST_REQUIRE(reply.connected);
    BOOST_TEST(reply.status == 400);
    BOOST_TEST(reply.Code() == "too_deep");
    BOOST_TEST(reply.json.value("max_depth", 0) == 64);
    BOOST_TEST(reply.json.value("detail", "").find("64") != std::string::npos);
    auto health = Direct().Get("/v1/health");
    BOOST_TEST(health.status == 200);
}

BOOST_AUTO_TEST_CASE(an_unclosed_deep_body_is_refused_the_same_way) {
    auto reply = PostRaw("/v1/auth/token", "{\"login\": " + std::string(15000, '['));
    BOOST_TEST(reply.status == 400);
    BOOST_TEST(reply.Code() == "too_deep");
    BOOST_TEST(Direct().Get("/v1/health").status == 200);
}

BOOST_AUTO_TEST_CASE(a_body_at_the_depth_limit_is_read_normally) {
    // 64 levels: the object plus 63 arrays. Read to its end, it is a wrong type, not too deep.
    auto reply = PostRaw("/v1/sandbox/clock", "{\"now\": " + Nested(63) + "}");
    BOOST_TEST(reply.status == 422);
    BOOST_TEST(reply.Code() == "validation_failed");
}

BOOST_AUTO_TEST_CASE(an_advance_past_int64_is_refused_and_the_clock_stays) {
    const auto before = Direct().Get("/v1/sandbox/clock").json.at("now");
    // 2^64 - 1: as a wrapped int64 it would be -1, a valid one-second step back.
    auto reply = PostRaw("/v1/sandbox/clock", R"({"advance_seconds": 18446744073709551615})");
    BOOST_TEST(reply.status == 422);
    BOOST_REQUIRE(reply.json.contains("errors"));
    BOOST_REQUIRE(reply.json.at("errors").size() == 1u);
    BOOST_TEST(reply.json.at("errors")[0].at("field") == "/advance_seconds");
    BOOST_TEST(reply.json.at("errors")[0].at("code") == "out_of_range");
    BOOST_TEST(Direct().Get("/v1/sandbox/clock").json.at("now") == before);
}

BOOST_AUTO_TEST_CASE(an_amount_of_2_to_the_63_is_refused_at_its_pointer_and_not_stored) {
    const std::string wallet = "/v1/sandbox/wallets/7";
    const auto before = Direct().Get(wallet).json;
    auto reply = PostRaw(wallet + "/withdraw", R"({"amount_kop": 9223372036854775808})");
    BOOST_TEST(reply.status == 422);
    BOOST_REQUIRE(reply.json.contains("errors"));
    BOOST_REQUIRE(reply.json.at("errors").size() == 1u);
    const auto& problem = reply.json.at("errors")[0];
    BOOST_TEST(problem.at("field") == "/amount_kop");
    BOOST_TEST(problem.at("code") == "out_of_range");
    // Not the wrapped value's "must be above zero": the number itself is refused.
    BOOST_TEST(problem.at("message").get<std::string>().find("2^63") != std::string::npos);
    BOOST_TEST(Direct().Get(wallet).json == before);
}

BOOST_AUTO_TEST_CASE(a_user_agent_that_is_not_utf8_leaves_the_audit_log_readable) {
    auto failed = PostRaw("/v1/auth/token", R"({"login": "finance", "password": "Not-Th3-Password"})",
                          {{"User-Agent", "\xff\xfe"}});
    BOOST_TEST(failed.status == 401);
    auto page = Direct().Get("/v1/audit?limit=5", Direct().SignIn("admin"));
    BOOST_REQUIRE(page.status == 200);
    bool found = false;
    for (const auto& e : page.json.at("items")) {
        found = found || (e.at("action") == "auth.login_failed" && e.at("actor").at("login") == "finance" &&
                          e.at("client") == kReplacement + kReplacement);
    }
    BOOST_TEST(found, page.body);
}

BOOST_AUTO_TEST_CASE(a_path_that_is_not_utf8_is_404_problem_json) {
    auto reply = Direct().Get("/v1/%FF%FE");
    BOOST_TEST(reply.status == 404);
    BOOST_TEST(reply.Code() == "not_found");
    BOOST_TEST(reply.Header("Content-Type") == "application/problem+json");
    BOOST_TEST(!reply.headers.count("EXCEPTION_WHAT"));
    BOOST_TEST(reply.json.value("detail", "") == "no such resource: /v1/" + kReplacement + kReplacement);
}

BOOST_AUTO_TEST_CASE(an_exception_escaping_a_handler_is_500_with_an_error_id_in_the_log) {
    auto armed = Direct().Json("POST", "/v1/sandbox/faults", {{"path", "/v1/health"}, {"kind", "exception"}});
    BOOST_REQUIRE(armed.status == 200);
    auto reply = Direct().Get("/v1/health");
    CheckInternalError(reply);
    BOOST_TEST(reply.body.find("armed through") == std::string::npos); // the exception's text stays in the log
    BOOST_TEST(Direct().Get("/v1/health").status == 200);
}

BOOST_AUTO_TEST_CASE(a_failing_route_is_500_with_an_error_id_in_the_log) {
    auto admin = Direct().SignIn("admin");
    auto db = kpd::store::OpenSession(Sandbox().DbUrl());
    *db << "ALTER TABLE audit_entries RENAME TO audit_entries_away";
    auto reply = Direct().Get("/v1/audit?limit=1", admin);
    *db << "ALTER TABLE audit_entries_away RENAME TO audit_entries";
    CheckInternalError(reply);
    BOOST_TEST(reply.body.find("audit_entries") == std::string::npos); // no SQL reaches the client
    BOOST_TEST(Direct().Get("/v1/audit?limit=1", admin).status == 200);
}

BOOST_AUTO_TEST_SUITE_END()
