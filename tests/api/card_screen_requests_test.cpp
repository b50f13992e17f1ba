// The card screen and asset calls as they go on the wire, against a canned
// loopback server: headers (If-Match, Idempotency-Key, one Content-Type of the
// image's own), which calls are retried, and what is read from the answer's
// headers (the ETag's version, an asset's media type and sha256).
#include "canned_server.h"

#include "api_test_helpers.h"
#include "test_png.h"

#include "api/platform_client.h"

#include <boost/test/unit_test.hpp>

using namespace kpd::api;
using kpd::test::CannedReply;
using kpd::test::CannedServer;

namespace {

const char* kState = R"({"draft":null,"published":null,"version":3,"published_version":0})";

const char* kAsset = R"({"id":"ast_1","slot":"logo","media_type":"image/png","width":128,"height":128,)"
                     R"("bytes":10,"sha256":"aa"})";

PlatformClient ClientOf(const CannedServer& server) {
    ClientOptions options;
    options.base_url = server.BaseUrl();
    options.retry_base_delay = std::chrono::milliseconds(10);
    options.max_retry_delay = std::chrono::milliseconds(20);
    PlatformClient client(options);
    client.UseToken("tok-1", "2026-12-25T10:00:00Z");
    return client;
}

int Occurrences(const std::string& text, const std::string& what) {
    int n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
        ++n;
    }
    return n;
}

} // namespace

BOOST_AUTO_TEST_SUITE(card_screen_requests)

BOOST_AUTO_TEST_CASE(the_etag_names_the_version) {
    CannedServer server({CannedReply::Json(200, kState, {"ETag: \"7\""})});
    auto client = ClientOf(server);
    auto state = client.GetCardScreen();
    BOOST_REQUIRE_MESSAGE(state.Ok(), Why(state));
    BOOST_TEST(state.Value().version == 7);
}

BOOST_AUTO_TEST_CASE(a_draft_put_sends_if_match_and_is_never_retried) {
    CannedServer server({CannedReply::Json(503, R"({"code":"unavailable"})"), CannedReply::Json(200, kState)});
    auto client = ClientOf(server);
    auto put = client.PutCardScreenDraft(kpd::domain::CardScreen{}, 5);
    BOOST_TEST(!put.Ok());
    auto requests = server.Requests();
    BOOST_REQUIRE(requests.size() == 1u);
    BOOST_TEST(requests[0].Header("If-Match") == "\"5\"");
    BOOST_TEST(requests[0].head.rfind("PUT /v1/card-screen/draft ", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(a_publish_is_retried_with_the_same_key) {
    CannedServer server({CannedReply::Json(503, R"({"code":"unavailable"})"), CannedReply::Json(200, kState)});
    auto client = ClientOf(server);
    auto published = client.PublishCardScreen(3, "key-42");
    BOOST_REQUIRE_MESSAGE(published.Ok(), Why(published));
    auto requests = server.Requests();
    BOOST_REQUIRE(requests.size() == 2u);
    for (const auto& r : requests) {
        BOOST_TEST(r.Header("Idempotency-Key") == "key-42");
        BOOST_TEST(r.Header("If-Match") == "\"3\"");
    }
}

BOOST_AUTO_TEST_CASE(an_upload_sends_the_raw_bytes_with_one_content_type) {
    CannedServer server({CannedReply::Json(201, kAsset)});
    auto client = ClientOf(server);
    auto png = kpd::test::MakePng(128, 128);
    auto uploaded = client.UploadAsset(kpd::domain::ImageSlot::Logo, png, "image/png", "key-7");
    BOOST_REQUIRE_MESSAGE(uploaded.Ok(), Why(uploaded));
    BOOST_TEST(uploaded.Value().created);
    BOOST_TEST(uploaded.Value().info.id == "ast_1");
    auto requests = server.Requests();
    BOOST_REQUIRE(requests.size() == 1u);
    BOOST_TEST(requests[0].head.rfind("POST /v1/assets?slot=logo ", 0) == 0u);
    BOOST_TEST(requests[0].Header("Content-Type") == "image/png");
    BOOST_TEST(Occurrences(requests[0].head, "Content-Type:") + Occurrences(requests[0].head, "content-type:") == 1);
    BOOST_TEST(requests[0].Header("Idempotency-Key") == "key-7");
    BOOST_TEST((std::vector<std::uint8_t>(requests[0].body.begin(), requests[0].body.end()) == png));
}

BOOST_AUTO_TEST_CASE(the_same_bytes_again_are_not_created) {
    CannedServer server({CannedReply::Json(200, kAsset)});
    auto client = ClientOf(server);
    auto uploaded = client.UploadAsset(kpd::domain::ImageSlot::Logo, {1, 2, 3}, "image/png", "key-8");
    BOOST_REQUIRE_MESSAGE(uploaded.Ok(), Why(uploaded));
    BOOST_TEST(!uploaded.Value().created);
}

BOOST_AUTO_TEST_CASE(asset_content_reads_its_type_and_sha256) {
    CannedReply reply = CannedReply::Json(200, "\x89PNG-bytes", {"ETag: \"abc123\""});
    reply.headers.push_back("Content-Type: image/png");
    CannedServer server({reply});
    auto client = ClientOf(server);
    auto content = client.GetAssetContent("ast_1");
    BOOST_REQUIRE_MESSAGE(content.Ok(), Why(content));
    BOOST_TEST(content.Value().sha256 == "abc123");
    BOOST_TEST(content.Value().media_type == "image/png");
    BOOST_TEST(content.Value().bytes.size() == 10u);
    auto requests = server.Requests();
    BOOST_REQUIRE(requests.size() == 1u);
    BOOST_TEST(requests[0].head.rfind("GET /v1/assets/ast_1/content ", 0) == 0u);
    BOOST_TEST(requests[0].Header("Accept").find("image/png") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
