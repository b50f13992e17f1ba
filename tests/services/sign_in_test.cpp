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

BOOST_AUTO_TEST_CASE(a_kept_token_resumes_the_session_in_a_later_desk_without_the_password) {
    SignInAs("admin");
    const auto kept = *Client().CurrentSession();
    auto later = NewClient(); // the desk started again: no password, only the kept token
    auto outcome = services::ResumeSession(*later, Ws(), "admin", kept.access_token, kept.expires_at);
    BOOST_REQUIRE(outcome.Ok());
    BOOST_TEST(outcome.value->user.login == "admin");
    BOOST_TEST(outcome.value->partner.id == kept.partner.id);
    BOOST_TEST(later->CurrentSession()->user.login == "admin");
    BOOST_TEST(later->ListUsers().Ok()); // the token works for partner_admin routes
    BOOST_TEST(Count("audit_log", "action = 'sign_in.resumed' AND actor = 'admin'") == 1);
}

BOOST_AUTO_TEST_CASE(a_token_without_a_remembered_session_is_not_sent) {
    auto outcome = services::ResumeSession(Client(), Ws(), "admin", "some-token", "");
    BOOST_TEST(!outcome.Ok());
    BOOST_TEST(!outcome.error.has_value());
    BOOST_REQUIRE(outcome.problems.size() == 1u);
    BOOST_TEST(outcome.problems[0].code == "no_remembered_session");
    BOOST_TEST(sandbox.Log().find("/v1/partner") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_revoked_token_is_refused_and_the_client_signed_out) {
    SignInAs("marketing");
    const auto kept = *Client().CurrentSession();
    // An administrator disables marketing meanwhile: the platform revokes its tokens.
    auto admin = NewClient();
    BOOST_REQUIRE(admin->SignIn("admin", "demo").Ok());
    std::int64_t marketingId = 0;
    const auto users = admin->ListUsers();
    BOOST_REQUIRE(users.Ok());
    for (const auto& u : users.Value().items) {
        if (u.login == "marketing") marketingId = u.id;
    }
    BOOST_REQUIRE(admin->DisableUser(marketingId, "resume-test-disable").Ok());

    auto later = NewClient();
    auto outcome = services::ResumeSession(*later, Ws(), "marketing", kept.access_token, kept.expires_at);
    BOOST_TEST(!outcome.Ok());
    BOOST_REQUIRE(outcome.error.has_value());
    BOOST_TEST((outcome.error->kind == api::ApiErrorKind::Unauthorized));
    BOOST_TEST(!later->CurrentSession().has_value());
    BOOST_TEST(Count("audit_log", "action = 'sign_in.resume_failed' AND actor = 'marketing'") == 1);
}

BOOST_AUTO_TEST_CASE(a_garbage_token_is_refused) {
    SignInAs("viewer");
    auto later = NewClient();
    auto outcome = services::ResumeSession(*later, Ws(), "viewer", "not-a-token", "");
    BOOST_REQUIRE(outcome.error.has_value());
    BOOST_TEST((outcome.error->kind == api::ApiErrorKind::Unauthorized));
}

BOOST_AUTO_TEST_SUITE_END()
