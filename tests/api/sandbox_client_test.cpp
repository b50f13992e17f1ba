// PlatformClient against a real platform-sandbox (demo seed) over HTTP: the
// contract's answers arrive as the right values and errors.
#include "api_test_helpers.h"

#include "api/platform_client.h"
#include "contract/endpoints.h"
#include "support/sandbox_process.h"

#include <boost/test/unit_test.hpp>

#include <memory>
#include <regex>
#include <set>

using namespace kpd::api;
using kpd::domain::Role;

namespace {

// The demo seed's second partner has its own admin (partner scoping).
const char* kOtherPartnerAdmin = "other.admin";

// One sandbox for this suite: starting one per case would dominate the run.
// Cases that change data use logins of their own.
kpd::test::SandboxProcess& Sandbox() {
    static auto sandbox = std::make_unique<kpd::test::SandboxProcess>();
    return *sandbox;
}

// `direct`: past the Prism validating proxy of contract runs, for requests
// that break the OpenAPI document on purpose (see support/sandbox_process.h).
PlatformClient ClientFor(const std::string& login, bool direct = false) {
    const std::string password = "demo";
    ClientOptions options;
    options.base_url = direct ? Sandbox().DirectUrl() : Sandbox().BaseUrl();
    options.user_agent = "api-client-tests";
    PlatformClient client(options);
    auto session = client.SignIn(login, password);
    BOOST_REQUIRE_MESSAGE(session.Ok(), "sign-in as " + login + " failed: " +
                                            Why(session));
    return client;
}

std::string UniqueLogin(const std::string& stem) {
    return stem + "." + NewIdempotencyKey().substr(0, 8);
}

kpd::domain::NewUser NewUserNamed(const std::string& login) {
    return {login, "Тестовый Пользователь", "secret-pass", {Role::Marketing}};
}

} // namespace

BOOST_AUTO_TEST_SUITE(sandbox_sign_in)

BOOST_AUTO_TEST_CASE(sign_in_keeps_the_session) {
    auto client = ClientFor("admin");
    auto session = client.CurrentSession();
    BOOST_REQUIRE(session.has_value());
    BOOST_TEST(!session->access_token.empty());
    BOOST_TEST(session->user.login == "admin");
    BOOST_TEST(session->user.roles.Has(Role::PartnerAdmin));
    auto partner = client.GetPartner();
    BOOST_REQUIRE_MESSAGE(partner.Ok(), Why(partner));
    BOOST_TEST(partner.Value().id == session->partner.id);
    BOOST_TEST(!partner.Value().name.empty());
}

BOOST_AUTO_TEST_CASE(the_client_keeps_its_connection_across_calls) {
    // Every call on one kept-alive connection (the sandbox logs each
    // request's connection as conn=N): no reconnect every five requests,
    // no Connection: close from the client. Direct, so that the connections
    // in the log are the client's own and not Prism's.
    auto client = ClientFor("admin", true);
    const std::size_t logBefore = Sandbox().Log().size();
    for (int i = 0; i < 30; ++i) {
        BOOST_REQUIRE_MESSAGE(client.GetPartner().Ok(), "call " << i);
    }
    const std::string log = Sandbox().Log().substr(logBefore);
    std::set<std::string> connections;
    int calls = 0;
    const std::regex line(R"(GET /v1/partner 200 \d+ms partner=1 user=admin conn=(\d+))");
    for (auto it = std::sregex_iterator(log.begin(), log.end(), line); it != std::sregex_iterator();
         ++it) {
        connections.insert((*it)[1].str());
        ++calls;
    }
    BOOST_TEST(calls == 30);
    BOOST_TEST(connections.size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_wrong_password_is_unauthorized_and_keeps_no_session) {
    ClientOptions options;
    options.base_url = Sandbox().BaseUrl();
    PlatformClient client(options);
    auto session = client.SignIn("admin", "not-the-password");
    BOOST_REQUIRE(!session.Ok());
    BOOST_TEST(session.Error().kind == ApiErrorKind::Unauthorized);
    BOOST_TEST(session.Error().http_status == 401);
    BOOST_TEST(session.Error().code == "invalid_credentials");
    BOOST_TEST(!session.Error().message.empty());
    BOOST_TEST(!client.CurrentSession().has_value());
    BOOST_TEST(client.GetPartner().Error().code == "not_signed_in");
}

BOOST_AUTO_TEST_CASE(an_expired_token_is_renewed_transparently) {
    auto client = ClientFor("viewer");
    auto before = client.CurrentSession()->access_token;
    Request advance;
    advance.method = "POST";
    advance.path = kpd::contract::endpoints::kSandboxClock;
    advance.body = R"({"advance_seconds":7200})";
    advance.authenticated = false;
    auto moved = client.Send(advance);
    BOOST_REQUIRE_MESSAGE(moved.Ok(), Why(moved));

    auto partner = client.GetPartner();
    BOOST_REQUIRE_MESSAGE(partner.Ok(), Why(partner));
    BOOST_TEST(client.CurrentSession()->access_token != before);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(sandbox_errors)

BOOST_AUTO_TEST_CASE(a_viewer_listing_users_is_forbidden) {
    auto client = ClientFor("viewer");
    auto users = client.ListUsers();
    BOOST_REQUIRE(!users.Ok());
    BOOST_TEST(users.Error().kind == ApiErrorKind::Forbidden, Describe(users.Error()));
    BOOST_TEST(users.Error().http_status == 403);
}

BOOST_AUTO_TEST_CASE(another_partners_user_is_not_found) {
    auto other = ClientFor(kOtherPartnerAdmin);
    auto theirs = other.ListUsers();
    BOOST_REQUIRE(theirs.Ok());
    BOOST_REQUIRE(!theirs.Value().items.empty());
    auto client = ClientFor("admin");
    auto user = client.GetUser(theirs.Value().items.front().id);
    BOOST_REQUIRE(!user.Ok());
    BOOST_TEST(user.Error().kind == ApiErrorKind::NotFound, Describe(user.Error()));
}

BOOST_AUTO_TEST_CASE(a_new_user_with_problems_is_a_validation_error_with_pointers) {
    auto client = ClientFor("admin", /*direct=*/true);
    kpd::domain::NewUser bad{"1bad login", "", "x", {}};
    auto created = client.CreateUser(bad, NewIdempotencyKey());
    BOOST_REQUIRE(!created.Ok());
    const auto& e = created.Error();
    BOOST_TEST(e.kind == ApiErrorKind::Validation, Describe(e));
    BOOST_TEST(e.http_status == 422);
    BOOST_REQUIRE(!e.problems.empty());
    bool loginNamed = false;
    for (const auto& p : e.problems) {
        BOOST_TEST(p.field.rfind("/", 0) == 0u, p.field);
        loginNamed = loginNamed || p.field == "/login";
    }
    BOOST_TEST(loginNamed);
}

BOOST_AUTO_TEST_CASE(a_taken_login_is_a_conflict) {
    auto client = ClientFor("admin");
    auto created = client.CreateUser(NewUserNamed("viewer"), NewIdempotencyKey());
    BOOST_REQUIRE(!created.Ok());
    BOOST_TEST(created.Error().kind == ApiErrorKind::Conflict, Describe(created.Error()));
    BOOST_TEST(created.Error().code == "login_taken");
}

BOOST_AUTO_TEST_CASE(a_malformed_body_is_a_bad_request_naming_the_position) {
    auto client = ClientFor("admin", /*direct=*/true);
    Request r;
    r.method = "POST";
    r.path = kpd::contract::endpoints::kPartnerUsers;
    r.body = "{\"login\": \"x\",\n  oops}";
    auto result = client.Send(r);
    BOOST_REQUIRE(!result.Ok());
    BOOST_TEST(result.Error().kind == ApiErrorKind::BadRequest, Describe(result.Error()));
    BOOST_TEST(result.Error().code == "malformed_json");
    BOOST_TEST(result.Error().message.find("line") != std::string::npos, result.Error().message);
}

BOOST_AUTO_TEST_CASE(a_huge_body_is_too_large) {
    auto client = ClientFor("admin", /*direct=*/true);
    auto user = NewUserNamed(UniqueLogin("huge"));
    user.name = std::string(2u << 20, 'x');
    auto created = client.CreateUser(user, NewIdempotencyKey());
    BOOST_REQUIRE(!created.Ok());
    BOOST_TEST(created.Error().kind == ApiErrorKind::TooLarge, Describe(created.Error()));
    BOOST_TEST(created.Error().http_status == 413);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(sandbox_users)

BOOST_AUTO_TEST_CASE(an_idempotent_create_sent_twice_makes_one_user) {
    auto client = ClientFor("admin");
    auto login = UniqueLogin("twice");
    auto key = NewIdempotencyKey();
    auto first = client.CreateUser(NewUserNamed(login), key);
    BOOST_REQUIRE_MESSAGE(first.Ok(), Why(first));
    auto second = client.CreateUser(NewUserNamed(login), key);
    BOOST_REQUIRE_MESSAGE(second.Ok(), Why(second));
    BOOST_TEST(second.Value().id == first.Value().id);

    int found = 0;
    std::string cursor;
    do {
        auto page = client.ListUsers(kpd::contract::kMaxPageLimit, cursor);
        BOOST_REQUIRE(page.Ok());
        for (const auto& u : page.Value().items) {
            found += u.login == login ? 1 : 0;
        }
        cursor = page.Value().next_cursor.value_or("");
    } while (!cursor.empty());
    BOOST_TEST(found == 1);
}

BOOST_AUTO_TEST_CASE(the_same_key_with_another_body_is_refused) {
    auto client = ClientFor("admin");
    auto key = NewIdempotencyKey();
    BOOST_REQUIRE(client.CreateUser(NewUserNamed(UniqueLogin("keyed")), key).Ok());
    auto other = client.CreateUser(NewUserNamed(UniqueLogin("keyed")), key);
    BOOST_REQUIRE(!other.Ok());
    BOOST_TEST(other.Error().kind == ApiErrorKind::Validation);
    BOOST_TEST(other.Error().code == "idempotency_key_reuse");
}

BOOST_AUTO_TEST_CASE(roles_change_with_a_stale_version_fails_with_the_current_one) {
    auto client = ClientFor("admin");
    auto created = client.CreateUser(NewUserNamed(UniqueLogin("roles")), NewIdempotencyKey());
    BOOST_REQUIRE(created.Ok());
    auto user = created.Value();
    auto fetched = client.GetUser(user.id);
    BOOST_REQUIRE(fetched.Ok());
    BOOST_TEST(fetched.Value().version == user.version);

    auto changed = client.SetUserRoles(user.id, {Role::Finance, Role::Viewer}, user.version);
    BOOST_REQUIRE_MESSAGE(changed.Ok(), Why(changed));
    BOOST_TEST(changed.Value().version == user.version + 1);
    BOOST_TEST(changed.Value().roles.Has(Role::Finance));

    auto stale = client.SetUserRoles(user.id, {Role::Marketing}, user.version);
    BOOST_REQUIRE(!stale.Ok());
    BOOST_TEST(stale.Error().kind == ApiErrorKind::PreconditionFailed, Describe(stale.Error()));
    auto current = CurrentUserOf(stale.Error());
    BOOST_REQUIRE(current.has_value());
    BOOST_TEST(current->version == changed.Value().version);
}

BOOST_AUTO_TEST_CASE(disable_then_enable) {
    auto client = ClientFor("admin");
    auto created = client.CreateUser(NewUserNamed(UniqueLogin("off")), NewIdempotencyKey());
    BOOST_REQUIRE(created.Ok());
    auto disabled = client.DisableUser(created.Value().id, NewIdempotencyKey());
    BOOST_REQUIRE(disabled.Ok());
    BOOST_TEST(disabled.Value().disabled);
    auto enabled = client.EnableUser(created.Value().id, NewIdempotencyKey());
    BOOST_REQUIRE(enabled.Ok());
    BOOST_TEST(!enabled.Value().disabled);
}

BOOST_AUTO_TEST_CASE(the_audit_log_shows_the_changes_newest_first) {
    auto client = ClientFor("admin");
    auto login = UniqueLogin("audited");
    BOOST_REQUIRE(client.CreateUser(NewUserNamed(login), NewIdempotencyKey()).Ok());
    auto audit = client.ListAudit(20);
    BOOST_REQUIRE_MESSAGE(audit.Ok(), Why(audit));
    BOOST_REQUIRE(!audit.Value().items.empty());
    const auto& items = audit.Value().items;
    bool seen = false;
    for (const auto& e : items) {
        seen = seen || (e.action == "user.create" && e.client.find("api-client-tests") != std::string::npos);
    }
    BOOST_TEST(seen);
    for (std::size_t i = 1; i < items.size(); ++i) {
        BOOST_TEST(items[i - 1].id > items[i].id);
    }
}

BOOST_AUTO_TEST_CASE(cancelled_before_the_call) {
    auto client = ClientFor("admin");
    auto token = std::make_shared<kpd::domain::CancelToken>();
    token->Cancel();
    client.SetCancelToken(token);
    auto users = client.ListUsers();
    BOOST_REQUIRE(!users.Ok());
    BOOST_TEST(users.Error().kind == ApiErrorKind::Cancelled);
}

BOOST_AUTO_TEST_SUITE_END()
