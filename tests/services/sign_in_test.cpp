// SignIn: local checks, the platform's answer, the workspace audit row.
#include "desk_fixture.h"

#include "services/desk_context.h"

using namespace kpd;

BOOST_FIXTURE_TEST_SUITE(sign_in, test::DeskFixture)

BOOST_AUTO_TEST_CASE(empty_login_and_password_are_problems_and_nothing_is_sent) {
    auto outcome = services::SignIn(Client(), Ws(), "", "");
    BOOST_TEST(!outcome.Ok());
    BOOST_TEST(!outcome.error.has_value());
    BOOST_REQUIRE(outcome.problems.size() == 2u);
    BOOST_TEST(outcome.problems[0].field == "/login");
    BOOST_TEST(outcome.problems[1].field == "/password");
    BOOST_TEST(Count("audit_log") == 0);
    BOOST_TEST(sandbox.Log().find("/v1/auth/token") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(wrong_password_is_refused_and_recorded_without_a_session) {
    auto outcome = services::SignIn(Client(), Ws(), "admin", "wrong");
    BOOST_TEST(!outcome.Ok());
    BOOST_REQUIRE(outcome.error.has_value());
    BOOST_TEST((outcome.error->kind == api::ApiErrorKind::Unauthorized));
    BOOST_TEST(outcome.error->code == "invalid_credentials");
    BOOST_TEST(!Client().CurrentSession().has_value());
    BOOST_TEST(Count("audit_log", "action = 'sign_in.failed'") == 1);
    BOOST_TEST(Count("audit_log", "detail LIKE '%wrong%'") == 0); // never the password
}

BOOST_AUTO_TEST_CASE(admin_signs_in_and_the_session_is_remembered_without_its_token) {
    auto outcome = services::SignIn(Client(), Ws(), "admin", "demo");
    BOOST_REQUIRE(outcome.Ok());
    BOOST_TEST(outcome.value->user.login == "admin");
    BOOST_TEST(Count("audit_log", "action = 'sign_in' AND actor = 'admin'") == 1);
    auto last = services::LastSession(Ws(), sandbox.BaseUrl());
    BOOST_REQUIRE(last.has_value());
    BOOST_TEST(last->partner.id == outcome.value->partner.id);
    BOOST_TEST(last->access_token.empty());
    BOOST_TEST(Count("settings", "value LIKE '%" + outcome.value->access_token + "%'") == 0);
}

BOOST_AUTO_TEST_SUITE_END()
