// The pure parts of the api layer: status mapping, retry rules, URLs,
// idempotency keys, problem+json reading.
#include "api_test_helpers.h"

#include "api/error_mapping.h"
#include "api/platform_client.h"
#include "api/retry_policy.h"
#include "api/url.h"

#include <boost/test/unit_test.hpp>

#include <regex>
#include <set>

using namespace kpd::api;

BOOST_AUTO_TEST_SUITE(status_mapping)

BOOST_AUTO_TEST_CASE(every_contract_status_has_its_kind) {
    BOOST_TEST(KindForStatus(400) == ApiErrorKind::BadRequest);
    BOOST_TEST(KindForStatus(401) == ApiErrorKind::Unauthorized);
    BOOST_TEST(KindForStatus(403) == ApiErrorKind::Forbidden);
    BOOST_TEST(KindForStatus(404) == ApiErrorKind::NotFound);
    BOOST_TEST(KindForStatus(409) == ApiErrorKind::Conflict);
    BOOST_TEST(KindForStatus(412) == ApiErrorKind::PreconditionFailed);
    BOOST_TEST(KindForStatus(413) == ApiErrorKind::TooLarge);
    BOOST_TEST(KindForStatus(422) == ApiErrorKind::Validation);
    BOOST_TEST(KindForStatus(429) == ApiErrorKind::RateLimited);
    BOOST_TEST(KindForStatus(500) == ApiErrorKind::Server);
    BOOST_TEST(KindForStatus(503) == ApiErrorKind::Server);
}

BOOST_AUTO_TEST_CASE(unlisted_statuses_fall_into_their_class) {
    BOOST_TEST(KindForStatus(428) == ApiErrorKind::BadRequest);
    BOOST_TEST(KindForStatus(405) == ApiErrorKind::BadRequest);
    BOOST_TEST(KindForStatus(302) == ApiErrorKind::BadResponse);
    BOOST_TEST(std::string(ToString(ApiErrorKind::PreconditionFailed)) == "precondition_failed");
}

BOOST_AUTO_TEST_CASE(problem_json_becomes_code_message_and_fields) {
    auto error = ErrorFromHttp(422, R"({"type":"about:blank","title":"Unprocessable Content","status":422,
        "detail":"the new user has problems","code":"validation_failed",
        "errors":[{"field":"/login","code":"invalid_login","message":"bad login"}]})");
    BOOST_TEST(error.kind == ApiErrorKind::Validation);
    BOOST_TEST(error.http_status == 422);
    BOOST_TEST(error.code == "validation_failed");
    BOOST_TEST(error.message == "the new user has problems");
    BOOST_REQUIRE(error.problems.size() == 1u);
    BOOST_TEST(error.problems[0].field == "/login");
}

BOOST_AUTO_TEST_CASE(a_non_problem_body_keeps_the_status_words) {
    auto error = ErrorFromHttp(502, "<html>Bad gateway</html>");
    BOOST_TEST(error.kind == ApiErrorKind::Server);
    BOOST_TEST(error.code == "http_502");
    BOOST_TEST(error.message.find("502") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_412_body_gives_the_current_user) {
    auto error = ErrorFromHttp(412, R"({"status":412,"code":"version_mismatch","detail":"stale",
        "current":{"id":7,"login":"ivan","name":"Ivan","roles":["viewer"],"disabled":false,"version":4}})");
    auto current = CurrentUserOf(error);
    BOOST_REQUIRE(current.has_value());
    BOOST_TEST(current->version == 4);
    BOOST_TEST(!CurrentUserOf(ErrorFromHttp(404, "{}")).has_value());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(retry_rules)

BOOST_AUTO_TEST_CASE(only_reads_and_keyed_writes_are_safe) {
    Request get;
    BOOST_TEST(IsSafeToRetry(get));
    Request post;
    post.method = "POST";
    BOOST_TEST(!IsSafeToRetry(post));
    post.idempotency_key = NewIdempotencyKey();
    BOOST_TEST(IsSafeToRetry(post));
    Request put;
    put.method = "PUT";
    put.if_match = "\"1\"";
    BOOST_TEST(!IsSafeToRetry(put));
}

BOOST_AUTO_TEST_CASE(transient_statuses) {
    for (int s : {429, 502, 503, 504}) {
        BOOST_TEST(IsTransientStatus(s));
    }
    for (int s : {400, 401, 404, 409, 412, 413, 422, 500}) {
        BOOST_TEST(!IsTransientStatus(s));
    }
}

BOOST_AUTO_TEST_CASE(retry_after_in_seconds) {
    BOOST_TEST(ParseRetryAfter("3")->count() == 3000);
    BOOST_TEST(ParseRetryAfter(" 0 ")->count() == 0);
    BOOST_TEST(!ParseRetryAfter("Wed, 21 Oct 2026 07:28:00 GMT").has_value());
    BOOST_TEST(!ParseRetryAfter("-1").has_value());
    BOOST_TEST(!ParseRetryAfter("").has_value());
}

BOOST_AUTO_TEST_CASE(backoff_doubles_with_jitter_and_a_cap) {
    std::mt19937_64 rng(42);
    using ms = std::chrono::milliseconds;
    for (int i = 0; i < 100; ++i) {
        auto first = BackoffDelay(1, ms(200), ms(5000), rng).count();
        auto third = BackoffDelay(3, ms(200), ms(5000), rng).count();
        auto tenth = BackoffDelay(10, ms(200), ms(5000), rng).count();
        BOOST_TEST((first >= 100 && first <= 200));
        BOOST_TEST((third >= 400 && third <= 800));
        BOOST_TEST((tenth >= 2500 && tenth <= 5000));
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(urls_and_keys)

BOOST_AUTO_TEST_CASE(urls_join_base_and_path_once) {
    BOOST_TEST(BuildUrl("http://h:1/", "/v1/partner") == "http://h:1/v1/partner");
    BOOST_TEST(BuildUrl("http://h:1", "/v1/partner") == "http://h:1/v1/partner");
    BOOST_TEST(WithQuery("/v1/audit", {{"limit", "5"}, {"cursor", "a b/c=="}}) ==
               "/v1/audit?limit=5&cursor=a%20b%2Fc%3D%3D");
    BOOST_TEST(WithQuery("/v1/audit", {{"limit", "5"}, {"cursor", ""}}) == "/v1/audit?limit=5");
}

BOOST_AUTO_TEST_CASE(idempotency_keys_are_uuid_v4_and_distinct) {
    static const std::regex uuid4("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        auto key = NewIdempotencyKey();
        BOOST_TEST(std::regex_match(key, uuid4), key);
        seen.insert(key);
    }
    BOOST_TEST(seen.size() == 1000u);
    BOOST_TEST(ETagForVersion(3) == "\"3\"");
}

BOOST_AUTO_TEST_SUITE_END()
