// CreateUser, DisableUser, EnableUser and ResendPending through the outbox.
#include "desk_fixture.h"

#include "contract/user_json.h"
#include "services/user_commands.h"
#include "services/users.h"

#include <algorithm>

using namespace kpd;
using store::OutboxState;

namespace {
domain::NewUser Cashier(const std::string& login) {
    return {login, "Кассир Иванова", "secret-pass", domain::RoleSet{domain::Role::Viewer}};
}

long CountLogin(api::PlatformClient& client, store::Workspace& ws, const std::string& login) {
    auto list = services::ListUsers(client, ws);
    BOOST_REQUIRE(list.Ok());
    BOOST_REQUIRE(!list.Value().from_cache);
    const auto& users = list.Value().value;
    return std::count_if(users.begin(), users.end(),
                         [&](const auto& u) { return u.login == login; });
}

std::int64_t IdOf(api::PlatformClient& client, store::Workspace& ws, const std::string& login) {
    // Keep the result alive: a range-for over a member of a temporary would dangle.
    const auto list = services::ListUsers(client, ws);
    BOOST_REQUIRE(list.Ok());
    for (const auto& u : list.Value().value) {
        if (u.login == login) {
            return u.id;
        }
    }
    BOOST_FAIL("no user " << login);
    return 0;
}
} // namespace

BOOST_FIXTURE_TEST_SUITE(user_commands, test::DeskFixture)

BOOST_AUTO_TEST_CASE(create_user_writes_outbox_and_audit_and_ends_done) {
    SignInAs("admin");
    auto outcome = services::CreateUser(Client(), Ws(), Cashier("cashier.one"));
    BOOST_REQUIRE_MESSAGE(outcome.Ok(), (outcome.error ? outcome.error->message : "problems"));
    BOOST_TEST(outcome.value->login == "cashier.one");
    BOOST_TEST(!outcome.queued);
    auto entry = Ws().OutboxQueue().Find(outcome.outbox_id);
    BOOST_REQUIRE(entry.has_value());
    BOOST_TEST((entry->state == OutboxState::Done));
    BOOST_TEST(entry->attempts == 1);
    BOOST_TEST(entry->payload.find("secret-pass") == std::string::npos); // scrubbed once answered
    BOOST_TEST(Count("audit_log", "action = 'user.create.requested'") == 1);
    BOOST_TEST(Count("audit_log", "action = 'user.create.done'") == 1);
    BOOST_TEST(CountLogin(Client(), Ws(), "cashier.one") == 1);
}

BOOST_AUTO_TEST_CASE(invalid_new_user_is_problems_nothing_stored_nothing_sent) {
    SignInAs("admin");
    domain::NewUser bad{"1x", "", "no", domain::RoleSet{}};
    auto outcome = services::CreateUser(Client(), Ws(), bad);
    BOOST_TEST(!outcome.Ok());
    BOOST_TEST(!outcome.error.has_value());
    BOOST_TEST(outcome.outbox_id == 0);
    BOOST_TEST(outcome.problems.size() == 4u); // login, name, password, roles
    BOOST_TEST(Count("outbox") == 0);
    BOOST_TEST(Count("audit_log", "action LIKE 'user.create%'") == 0);
    BOOST_TEST(CountLogin(Client(), Ws(), "1x") == 0);
}

BOOST_AUTO_TEST_CASE(taken_login_fails_with_the_platform_code) {
    SignInAs("admin");
    auto outcome = services::CreateUser(Client(), Ws(), Cashier("viewer"));
    BOOST_TEST(!outcome.Ok());
    BOOST_TEST(!outcome.queued);
    BOOST_REQUIRE(outcome.error.has_value());
    BOOST_TEST(services::Describe(*outcome.error).code == "user.login_taken");
    BOOST_TEST((Ws().OutboxQueue().Find(outcome.outbox_id)->state == OutboxState::Failed));
    BOOST_TEST(Count("audit_log", "action = 'user.create.failed'") == 1);
}

BOOST_AUTO_TEST_CASE(viewer_creating_a_user_is_forbidden) {
    SignInAs("viewer");
    auto outcome = services::CreateUser(Client(), Ws(), Cashier("cashier.two"));
    BOOST_TEST(!outcome.Ok());
    BOOST_REQUIRE(outcome.error.has_value());
    BOOST_TEST((outcome.error->kind == api::ApiErrorKind::Forbidden));
    BOOST_TEST((Ws().OutboxQueue().Find(outcome.outbox_id)->state == OutboxState::Failed));
}

BOOST_AUTO_TEST_CASE(offline_create_is_queued_then_resent_with_the_same_key) {
    SignInAs("admin");
    sandbox.Stop();
    auto outcome = services::CreateUser(Client(), Ws(), Cashier("cashier.offline"));
    BOOST_TEST(!outcome.Ok());
    BOOST_TEST(outcome.queued);
    BOOST_REQUIRE(outcome.error.has_value());
    BOOST_TEST(outcome.error->IsOffline());
    auto pending = Ws().OutboxQueue().Find(outcome.outbox_id);
    BOOST_TEST((pending->state == OutboxState::Pending));
    BOOST_TEST(pending->last_error.has_value());
    BOOST_TEST(services::UnconfirmedOperations(Client(), Ws()).size() == 1u);

    sandbox.Restart();
    auto report = services::ResendPending(Client(), Ws());
    BOOST_REQUIRE(report.Ok());
    BOOST_TEST(report.Value().done == 1);
    BOOST_TEST(report.Value().still_pending == 0);
    auto done = Ws().OutboxQueue().Find(outcome.outbox_id);
    BOOST_TEST((done->state == OutboxState::Done));
    BOOST_TEST(done->idempotency_key == pending->idempotency_key);
    BOOST_TEST(done->attempts == 2);
    BOOST_TEST(CountLogin(Client(), Ws(), "cashier.offline") == 1);
    BOOST_TEST(services::UnconfirmedOperations(Client(), Ws()).empty());
}

BOOST_AUTO_TEST_CASE(lost_answer_resent_creates_exactly_one_user) {
    SignInAs("admin");
    // The desk stored and sent the operation, the platform applied it, and the
    // answer never came back (crash, dropped connection): the row stays "sent".
    auto user = Cashier("cashier.lost");
    store::NewOutboxEntry entry{
        sandbox.BaseUrl(),        Client().CurrentSession()->partner.id, "admin", "user.create",
        api::NewIdempotencyKey(), contract::ToJson(user).dump()};
    auto stored = Ws().OutboxQueue().Enqueue(
        entry, {"admin", sandbox.BaseUrl(), "user.create.requested", "user", user.login, "test"});
    BOOST_REQUIRE(Ws().OutboxQueue().MarkSending(stored.id));
    BOOST_REQUIRE(Client().CreateUser(user, entry.idempotency_key).Ok());

    auto report = services::ResendPending(Client(), Ws());
    BOOST_REQUIRE(report.Ok());
    BOOST_TEST(report.Value().done == 1);
    BOOST_TEST((Ws().OutboxQueue().Find(stored.id)->state == OutboxState::Done));
    BOOST_TEST(CountLogin(Client(), Ws(), "cashier.lost") == 1);
    // Nothing is left to resend.
    BOOST_TEST(services::ResendPending(Client(), Ws()).Value().outcomes.empty());
}

BOOST_AUTO_TEST_CASE(disable_then_enable_a_user) {
    SignInAs("admin");
    auto id = IdOf(Client(), Ws(), "marketing");
    auto disabled = services::DisableUser(Client(), Ws(), id);
    BOOST_REQUIRE(disabled.Ok());
    BOOST_TEST(disabled.value->disabled);
    auto enabled = services::EnableUser(Client(), Ws(), id);
    BOOST_REQUIRE(enabled.Ok());
    BOOST_TEST(!enabled.value->disabled);
    BOOST_TEST(Count("outbox", "state = 'done'") == 2);
}

BOOST_AUTO_TEST_CASE(disabling_oneself_is_refused) {
    SignInAs("admin");
    auto self = Client().CurrentSession()->user.id;
    auto outcome = services::DisableUser(Client(), Ws(), self);
    BOOST_TEST(!outcome.Ok());
    BOOST_REQUIRE(outcome.error.has_value());
    BOOST_TEST(services::Describe(*outcome.error).code == "user.cannot_disable_self");
}

BOOST_AUTO_TEST_CASE(resend_needs_a_session) {
    auto report = services::ResendPending(Client(), Ws());
    BOOST_REQUIRE(!report.Ok());
    BOOST_TEST(report.Error().code == "not_signed_in");
}

BOOST_AUTO_TEST_SUITE_END()
