// Describe(): every core error becomes a code with parameters.
#include "services/message.h"

#include <boost/test/unit_test.hpp>

using namespace kpd;

BOOST_AUTO_TEST_SUITE(message)

BOOST_AUTO_TEST_CASE(unreachable_platform_names_the_url) {
    api::ApiError e;
    e.kind = api::ApiErrorKind::Network;
    auto m = services::Describe(e, "http://127.0.0.1:9");
    BOOST_TEST(m.code == "platform.unreachable");
    BOOST_TEST(m.params.at("url") == "http://127.0.0.1:9");
    BOOST_TEST(m.english.find("offline") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(platform_codes_win_over_the_status) {
    api::ApiError e;
    e.kind = api::ApiErrorKind::Unauthorized;
    e.http_status = 401;
    e.code = "invalid_credentials";
    BOOST_TEST(services::Describe(e).code == "auth.invalid_credentials");
    e.code = "user_disabled";
    BOOST_TEST(services::Describe(e).code == "auth.user_disabled");
    e.kind = api::ApiErrorKind::Conflict;
    e.code = "login_taken";
    BOOST_TEST(services::Describe(e).code == "user.login_taken");
}

BOOST_AUTO_TEST_CASE(statuses_without_a_known_code) {
    api::ApiError e;
    e.kind = api::ApiErrorKind::Forbidden;
    BOOST_TEST(services::Describe(e).code == "forbidden");
    e.kind = api::ApiErrorKind::PreconditionFailed;
    BOOST_TEST(services::Describe(e).code == "version_mismatch");
    e.kind = api::ApiErrorKind::Server;
    e.http_status = 503;
    auto m = services::Describe(e);
    BOOST_TEST(m.code == "platform.server_error");
    BOOST_TEST(m.params.at("status") == "503");
    e.kind = api::ApiErrorKind::Validation;
    e.problems = {{"/login", "required", "login is required"}};
    BOOST_TEST(services::Describe(e).params.at("count") == "1");
}

BOOST_AUTO_TEST_CASE(store_errors_and_problems) {
    store::StoreError busy(store::StoreErrorKind::Busy, "outbox.enqueue", "database is locked");
    auto m = services::Describe(busy);
    BOOST_TEST(m.code == "workspace.busy");
    BOOST_TEST(m.params.at("operation") == "outbox.enqueue");
    store::StoreError gone(store::StoreErrorKind::Unavailable, "workspace.open", "no such file");
    BOOST_TEST(services::Describe(gone).code == "workspace.unavailable");
    auto p =
        services::Describe(domain::Problem{"/roles", "required", "at least one role is required"});
    BOOST_TEST(p.code == "problem.required");
    BOOST_TEST(p.params.at("field") == "/roles");
}

BOOST_AUTO_TEST_CASE(anything_in_flight_at_an_edge) {
    try {
        throw store::StoreError(store::StoreErrorKind::AppendOnly, "audit", "refused");
    } catch (...) {
        BOOST_TEST(services::DescribeCurrentException().code == "workspace.append_only");
    }
    try {
        throw std::runtime_error("boom");
    } catch (...) {
        BOOST_TEST(services::DescribeCurrentException().code == "internal_error");
    }
}

BOOST_AUTO_TEST_SUITE_END()
