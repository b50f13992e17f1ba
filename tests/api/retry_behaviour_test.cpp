// PlatformClient against a canned loopback server: which requests are
// retried and how, the headers set on every request, timeouts, cancellation
// and bodies that break the contract. No sandbox needed.
#include "canned_server.h"

#include "api_test_helpers.h"

#include "api/platform_client.h"

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <thread>

using namespace kpd::api;
using kpd::test::CannedReply;
using kpd::test::CannedServer;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

namespace {

const char* kPartnerJson = R"({"id":1,"name":"Лента","inn":"7814148471","brand_color":"#003366",
    "accent_color":"#FFCC00","logo_asset_id":null,"program_kind":"bonus",
    "card_number_format":{"length":13,"prefix":"27","luhn":true}})";

const char* kUserJson = R"({"id":5,"login":"ivan","name":"Ivan","roles":["viewer"],"disabled":false,"version":2})";

std::string Problem(int status, const std::string& code) {
    return R"({"type":"about:blank","title":"x","status":)" + std::to_string(status) + R"(,"detail":"d","code":")" +
           code + R"(","errors":[]})";
}

ClientOptions FastOptions(const std::string& url) {
    ClientOptions o;
    o.base_url = url;
    o.retry_base_delay = milliseconds(20);
    o.max_retry_delay = milliseconds(100);
    return o;
}

PlatformClient SignedInClient(const ClientOptions& options) {
    PlatformClient client(options);
    client.UseToken("tok-123", "2026-12-25T10:00:00+03:00");
    return client;
}

double SecondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

} // namespace

BOOST_AUTO_TEST_SUITE(retries)

BOOST_AUTO_TEST_CASE(a_get_is_retried_after_503_and_succeeds) {
    CannedServer server({CannedReply::Json(503, Problem(503, "unavailable")), CannedReply::Json(200, kPartnerJson)});
    PlatformClient client(FastOptions(server.BaseUrl()));
    client.UseToken("tok", "");
    auto partner = client.GetPartner();
    BOOST_REQUIRE_MESSAGE(partner.Ok(), Why(partner));
    BOOST_TEST(partner.Value().name == "Лента");
    BOOST_TEST(server.Requests().size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_get_is_retried_after_a_dropped_connection) {
    CannedServer server({CannedReply::Drop(), CannedReply::Drop(), CannedReply::Json(200, kPartnerJson)});
    PlatformClient client(FastOptions(server.BaseUrl()));
    client.UseToken("tok", "");
    BOOST_TEST(client.GetPartner().Ok());
    BOOST_TEST(server.Requests().size() == 3u);
}

BOOST_AUTO_TEST_CASE(retries_stop_after_max_attempts) {
    CannedServer server({CannedReply::Json(502, "bad gateway")});
    auto options = FastOptions(server.BaseUrl());
    options.max_attempts = 3;
    PlatformClient client(options);
    client.UseToken("tok", "");
    auto partner = client.GetPartner();
    BOOST_REQUIRE(!partner.Ok());
    BOOST_TEST(partner.Error().kind == ApiErrorKind::Server);
    BOOST_TEST(partner.Error().http_status == 502);
    BOOST_TEST(server.Requests().size() == 3u);
}

BOOST_AUTO_TEST_CASE(retry_after_is_honoured) {
    CannedServer server({CannedReply::Json(429, Problem(429, "rate_limited"), {"Retry-After: 1"}),
                         CannedReply::Json(200, kPartnerJson)});
    PlatformClient client(FastOptions(server.BaseUrl()));
    client.UseToken("tok", "");
    auto start = Clock::now();
    BOOST_TEST(client.GetPartner().Ok());
    BOOST_TEST(SecondsSince(start) >= 0.95);
    BOOST_TEST(server.Requests().size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_retry_after_longer_than_allowed_is_returned_not_waited) {
    CannedServer server({CannedReply::Json(429, Problem(429, "rate_limited"), {"Retry-After: 120"})});
    PlatformClient client(FastOptions(server.BaseUrl()));
    client.UseToken("tok", "");
    auto start = Clock::now();
    auto partner = client.GetPartner();
    BOOST_REQUIRE(!partner.Ok());
    BOOST_TEST(partner.Error().kind == ApiErrorKind::RateLimited);
    BOOST_TEST(SecondsSince(start) < 1.0);
    BOOST_TEST(server.Requests().size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_post_without_a_key_is_never_retried) {
    CannedServer server({CannedReply::Json(503, Problem(503, "unavailable")), CannedReply::Json(200, "{}")});
    PlatformClient client(FastOptions(server.BaseUrl()));
    client.UseToken("tok", "");
    Request post;
    post.method = "POST";
    post.path = "/v1/partner/users/5/disable";
    post.body = "{}";
    auto result = client.Send(post);
    BOOST_REQUIRE(!result.Ok());
    BOOST_TEST(result.Error().kind == ApiErrorKind::Server);
    BOOST_TEST(server.Requests().size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_dropped_post_without_a_key_is_not_sent_twice) {
    CannedServer server({CannedReply::Drop(), CannedReply::Json(200, "{}")});
    PlatformClient client(FastOptions(server.BaseUrl()));
    client.UseToken("tok", "");
    Request post;
    post.method = "POST";
    post.path = "/v1/partner/users";
    post.body = "{}";
    auto result = client.Send(post);
    BOOST_REQUIRE(!result.Ok());
    BOOST_TEST(result.Error().kind == ApiErrorKind::Network);
    BOOST_TEST(server.Requests().size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_keyed_post_is_retried_with_the_same_key) {
    CannedServer server({CannedReply::Drop(), CannedReply::Json(504, "gateway timeout"),
                         CannedReply::Json(200, kUserJson)});
    PlatformClient client(FastOptions(server.BaseUrl()));
    client.UseToken("tok", "");
    auto key = NewIdempotencyKey();
    auto user = client.DisableUser(5, key);
    BOOST_REQUIRE_MESSAGE(user.Ok(), Why(user));
    auto requests = server.Requests();
    BOOST_REQUIRE(requests.size() == 3u);
    for (const auto& r : requests) {
        BOOST_TEST(r.Header("Idempotency-Key") == key);
    }
}

BOOST_AUTO_TEST_CASE(client_errors_are_not_retried) {
    CannedServer server({CannedReply::Json(404, Problem(404, "not_found"))});
    PlatformClient client(FastOptions(server.BaseUrl()));
    client.UseToken("tok", "");
    auto user = client.GetUser(77);
    BOOST_REQUIRE(!user.Ok());
    BOOST_TEST(user.Error().kind == ApiErrorKind::NotFound);
    BOOST_TEST(server.Requests().size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(request_headers)

BOOST_AUTO_TEST_CASE(common_headers_are_on_every_request) {
    CannedServer server({CannedReply::Json(200, kUserJson)});
    auto options = FastOptions(server.BaseUrl());
    options.user_agent = "partner-desk-test/9";
    PlatformClient client(options);
    client.UseToken("tok-123", "");
    auto user = client.SetUserRoles(5, {kpd::domain::Role::Viewer}, 2);
    BOOST_REQUIRE(user.Ok());
    auto r = server.Requests().at(0);
    BOOST_TEST(r.head.rfind("PUT /v1/partner/users/5/roles HTTP/1.1", 0) == 0u);
    BOOST_TEST(r.Header("Accept") == "application/json");
    BOOST_TEST(r.Header("Content-Type") == "application/json");
    BOOST_TEST(r.Header("Authorization") == "Bearer tok-123");
    BOOST_TEST(r.Header("If-Match") == "\"2\"");
    BOOST_TEST(r.Header("User-Agent") == "partner-desk-test/9");
    BOOST_TEST(r.Header("Accept-Encoding").find("gzip") != std::string::npos);
    BOOST_TEST(r.body == R"({"roles":["viewer"]})");
}

BOOST_AUTO_TEST_CASE(a_call_before_sign_in_fails_locally) {
    CannedServer server({CannedReply::Json(200, kPartnerJson)});
    PlatformClient client(FastOptions(server.BaseUrl()));
    auto partner = client.GetPartner();
    BOOST_REQUIRE(!partner.Ok());
    BOOST_TEST(partner.Error().kind == ApiErrorKind::Unauthorized);
    BOOST_TEST(server.Requests().empty());
}

BOOST_AUTO_TEST_CASE(an_expired_adopted_token_is_not_renewed_without_credentials) {
    CannedServer server({CannedReply::Json(401, Problem(401, "token_expired"))});
    PlatformClient client(FastOptions(server.BaseUrl()));
    client.UseToken("old", "");
    auto partner = client.GetPartner();
    BOOST_REQUIRE(!partner.Ok());
    BOOST_TEST(partner.Error().code == "token_expired");
    BOOST_TEST(server.Requests().size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(bad_answers)

BOOST_AUTO_TEST_CASE(a_body_that_is_not_json_is_a_bad_response) {
    CannedServer server({CannedReply::Json(200, "<html>hello</html>")});
    auto client = SignedInClient(FastOptions(server.BaseUrl()));
    auto partner = client.GetPartner();
    BOOST_REQUIRE(!partner.Ok());
    BOOST_TEST(partner.Error().kind == ApiErrorKind::BadResponse);
}

BOOST_AUTO_TEST_CASE(json_missing_fields_is_a_bad_response_with_pointers) {
    CannedServer server({CannedReply::Json(200, R"({"id":1})")});
    auto client = SignedInClient(FastOptions(server.BaseUrl()));
    auto partner = client.GetPartner();
    BOOST_REQUIRE(!partner.Ok());
    BOOST_TEST(partner.Error().kind == ApiErrorKind::BadResponse);
    BOOST_TEST(!partner.Error().problems.empty());
    BOOST_TEST(partner.Error().problems.front().field.rfind("/", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(an_answer_above_the_size_limit_is_refused) {
    CannedServer server({CannedReply::Json(200, "[" + std::string(200000, ' ') + "]")});
    auto options = FastOptions(server.BaseUrl());
    options.max_response_bytes = 100000;
    auto client = SignedInClient(options);
    auto partner = client.GetPartner();
    BOOST_REQUIRE(!partner.Ok());
    BOOST_TEST(partner.Error().kind == ApiErrorKind::BadResponse);
    BOOST_TEST(partner.Error().code == "response_too_large");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(transport_failures)

BOOST_AUTO_TEST_CASE(an_unreachable_platform_is_a_network_error_quickly) {
    ClientOptions options;
    options.base_url = "http://127.0.0.1:" + std::to_string(kpd::test::UnusedLoopbackPort());
    PlatformClient client(options); // default retries: 4 attempts
    client.UseToken("tok", "");
    auto start = Clock::now();
    auto partner = client.GetPartner();
    BOOST_REQUIRE(!partner.Ok());
    BOOST_TEST(partner.Error().kind == ApiErrorKind::Network);
    BOOST_TEST(partner.Error().IsOffline());
    BOOST_TEST(SecondsSince(start) < 3.0);
}

BOOST_AUTO_TEST_CASE(a_silent_platform_times_out) {
    CannedServer server({CannedReply::Silent()});
    auto options = FastOptions(server.BaseUrl());
    options.request_timeout = milliseconds(300);
    options.max_attempts = 1;
    auto client = SignedInClient(options);
    auto start = Clock::now();
    auto partner = client.GetPartner();
    BOOST_REQUIRE(!partner.Ok());
    BOOST_TEST(partner.Error().kind == ApiErrorKind::Timeout);
    BOOST_TEST(SecondsSince(start) < 2.0);
}

BOOST_AUTO_TEST_CASE(cancel_aborts_a_transfer_under_way) {
    CannedServer server({CannedReply::Silent()});
    auto client = SignedInClient(FastOptions(server.BaseUrl()));
    auto token = std::make_shared<kpd::domain::CancelToken>();
    client.SetCancelToken(token);
    std::thread canceller([token] {
        std::this_thread::sleep_for(milliseconds(200));
        token->Cancel();
    });
    auto start = Clock::now();
    auto partner = client.GetPartner();
    canceller.join();
    BOOST_REQUIRE(!partner.Ok());
    BOOST_TEST(partner.Error().kind == ApiErrorKind::Cancelled);
    BOOST_TEST(SecondsSince(start) < 2.5); // libcurl polls the callback at least once a second
    BOOST_TEST(server.Requests().size() == 1u);
}

BOOST_AUTO_TEST_CASE(cancel_stops_the_pause_between_retries) {
    ClientOptions options;
    options.base_url = "http://127.0.0.1:" + std::to_string(kpd::test::UnusedLoopbackPort());
    options.max_attempts = 10;
    options.retry_base_delay = milliseconds(1000);
    auto client = SignedInClient(options);
    auto token = std::make_shared<kpd::domain::CancelToken>();
    client.SetCancelToken(token);
    std::thread canceller([token] {
        std::this_thread::sleep_for(milliseconds(300));
        token->Cancel();
    });
    auto start = Clock::now();
    auto partner = client.GetPartner();
    canceller.join();
    BOOST_REQUIRE(!partner.Ok());
    BOOST_TEST(partner.Error().kind == ApiErrorKind::Cancelled);
    BOOST_TEST(SecondsSince(start) < 1.5);
}

BOOST_AUTO_TEST_CASE(an_already_cancelled_token_sends_nothing) {
    CannedServer server({CannedReply::Json(200, kPartnerJson)});
    auto client = SignedInClient(FastOptions(server.BaseUrl()));
    auto token = std::make_shared<kpd::domain::CancelToken>();
    token->Cancel();
    client.SetCancelToken(token);
    auto partner = client.GetPartner();
    BOOST_REQUIRE(!partner.Ok());
    BOOST_TEST(partner.Error().kind == ApiErrorKind::Cancelled);
    BOOST_TEST(server.Requests().empty());
}

BOOST_AUTO_TEST_CASE(a_bad_url_is_not_retried) {
    ClientOptions options;
    options.base_url = "ftp://127.0.0.1:1";
    auto client = SignedInClient(options);
    auto start = Clock::now();
    auto partner = client.GetPartner();
    BOOST_REQUIRE(!partner.Ok());
    BOOST_TEST(partner.Error().kind == ApiErrorKind::Network);
    BOOST_TEST(partner.Error().code == "unsupported_protocol");
    BOOST_TEST(SecondsSince(start) < 0.1);
}

BOOST_AUTO_TEST_SUITE_END()
