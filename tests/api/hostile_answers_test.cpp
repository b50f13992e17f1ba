// PlatformClient against a canned platform whose answers are hostile or
// broken in ways a JSON library can trip on: nesting 15,000 levels deep,
// integers past int64. Each must end as a clean ApiError, never a crash or a
// wrapped number.
#include "api_test_helpers.h"
#include "canned_server.h"

#include "api/platform_client.h"

#include <boost/test/unit_test.hpp>

#include <string>

using namespace kpd::api;
using kpd::test::CannedReply;
using kpd::test::CannedServer;

namespace {

std::string Nested(std::size_t levels) {
    return std::string(levels, '[') + std::string(levels, ']');
}

PlatformClient SignedIn(const std::string& url) {
    ClientOptions o;
    o.base_url = url;
    o.max_attempts = 1;
    PlatformClient client(o);
    client.UseToken("tok-123", "2026-12-25T10:00:00+03:00");
    return client;
}

const char* kUserHead = R"({"login":"ivan","name":"Ivan","roles":["viewer"],"disabled":false,"version":2,"id":)";

} // namespace

BOOST_AUTO_TEST_SUITE(hostile_answers)

BOOST_AUTO_TEST_CASE(an_answer_nested_15000_deep_is_a_bad_response_naming_the_limit) {
    CannedServer server({CannedReply::Json(200, R"({"id":)" + Nested(15000) + "}")});
    auto client = SignedIn(server.BaseUrl());
    auto partner = client.GetPartner();
    BOOST_REQUIRE(!partner.Ok());
    BOOST_TEST(partner.Error().kind == ApiErrorKind::BadResponse);
    BOOST_TEST(partner.Error().message.find("deeper than 64 levels") != std::string::npos,
               partner.Error().message);
}

BOOST_AUTO_TEST_CASE(a_problem_answer_nested_15000_deep_keeps_its_status_words) {
    CannedServer server({CannedReply::Json(422, R"({"code":"x","errors":)" + Nested(15000) + "}")});
    auto client = SignedIn(server.BaseUrl());
    auto partner = client.GetPartner();
    BOOST_REQUIRE(!partner.Ok());
    BOOST_TEST(partner.Error().kind == ApiErrorKind::Validation);
    BOOST_TEST(partner.Error().code == "http_422");
}

BOOST_AUTO_TEST_CASE(sixty_four_levels_are_still_read) {
    // The limit is not off by one: a 64-deep value in an unread field is fine
    // (the partner object is level 1, so the field holds 63 more).
    CannedServer server({CannedReply::Json(200, std::string(kUserHead) + "5,\"extra\":" + Nested(63) + "}")});
    auto client = SignedIn(server.BaseUrl());
    auto user = client.GetUser(5);
    BOOST_REQUIRE(user.Ok());
    BOOST_TEST(user.Value().id == 5);
}

BOOST_AUTO_TEST_CASE(an_id_of_2_to_the_63_is_refused_not_wrapped) {
    CannedServer server({CannedReply::Json(200, std::string(kUserHead) + "9223372036854775808}")});
    auto client = SignedIn(server.BaseUrl());
    auto user = client.GetUser(5);
    BOOST_REQUIRE(!user.Ok());
    BOOST_TEST(user.Error().kind == ApiErrorKind::BadResponse);
    BOOST_REQUIRE(!user.Error().problems.empty());
    BOOST_TEST(user.Error().problems.front().field == "/id");
    BOOST_TEST(user.Error().problems.front().code == "out_of_range");
}

BOOST_AUTO_TEST_CASE(an_id_past_2_to_the_64_is_refused_as_out_of_range) {
    CannedServer server({CannedReply::Json(200, std::string(kUserHead) + "18446744073709551617}")});
    auto client = SignedIn(server.BaseUrl());
    auto user = client.GetUser(5);
    BOOST_REQUIRE(!user.Ok());
    BOOST_REQUIRE(!user.Error().problems.empty());
    BOOST_TEST(user.Error().problems.front().code == "out_of_range");
}

BOOST_AUTO_TEST_CASE(the_largest_int64_is_read_exactly) {
    CannedServer server({CannedReply::Json(200, std::string(kUserHead) + "9223372036854775807}")});
    auto client = SignedIn(server.BaseUrl());
    auto user = client.GetUser(5);
    BOOST_REQUIRE(user.Ok());
    BOOST_TEST(user.Value().id == INT64_MAX);
}

BOOST_AUTO_TEST_SUITE_END()
