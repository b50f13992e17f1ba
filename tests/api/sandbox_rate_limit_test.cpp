// PlatformClient against a real sandbox with a low rate limit (--rate-limit):
// a 429 is waited out as its Retry-After asks, without blocking anything but
// the calling thread, and the request then goes through once (a keyed POST is
// applied exactly once); the wait is told to a listener (the desk's progress
// text, partnerctl's stderr); a cancel during the wait returns promptly; a
// wait longer than the client may block is returned; another user is not
// slowed.
#include "api_test_helpers.h"

#include "api/platform_client.h"
#include "support/sandbox_process.h"
#include "support/told_waits.h"

#include <boost/test/unit_test.hpp>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

using namespace kpd::api;
using Clock = std::chrono::steady_clock;

namespace {

kpd::test::SandboxOptions Limited(const std::string& limit) {
    kpd::test::SandboxOptions options;
    options.extra_args = {"--rate-limit", limit};
    return options;
}

// Every wait the client was told of, in order (seconds; 0 = the wait ended).
class Waits : public kpd::test::ToldWaits {
  public:
    PlatformClient::WaitListener Listener() {
        return [this](std::chrono::seconds wait) { Add(wait.count()); };
    }
};

PlatformClient SignedIn(const kpd::test::SandboxProcess& sandbox, const std::string& login,
                        std::chrono::milliseconds maxRetryAfter = std::chrono::seconds(30)) {
    ClientOptions options;
    options.base_url = sandbox.BaseUrl();
    options.max_retry_after = maxRetryAfter;
    PlatformClient client(options);
    auto session = client.SignIn(login, "demo");
    BOOST_REQUIRE_MESSAGE(session.Ok(), Why(session));
    return client;
}

double SecondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

} // namespace

BOOST_AUTO_TEST_SUITE(sandbox_rate_limit)

BOOST_AUTO_TEST_CASE(a_keyed_create_waits_as_asked_and_is_applied_once) {
    kpd::test::SandboxProcess sandbox(Limited("1:1")); // one request a second
    auto client = SignedIn(sandbox, "admin");
    BOOST_REQUIRE(client.GetPartner().Ok()); // the token's one request: the bucket is empty now
    Waits waits;
    client.SetWaitListener(waits.Listener());

    const auto start = Clock::now();
    kpd::domain::NewUser user{"limited.create", "Лимит", "secret-pass", {kpd::domain::Role::Viewer}};
    auto created = client.CreateUser(user, NewIdempotencyKey());
    BOOST_REQUIRE_MESSAGE(created.Ok(), Why(created));
    BOOST_TEST(SecondsSince(start) >= 0.9); // not before Retry-After: 1
    BOOST_TEST(waits.Told() == std::vector<std::int64_t>({1, 0}));

    // One user, created once: one user.create in the audit.
    std::vector<kpd::domain::User> found;
    auto users = client.ListUsers(500);
    BOOST_REQUIRE_MESSAGE(users.Ok(), Why(users));
    for (const auto& u : users.Value().items) {
        if (u.login == "limited.create") found.push_back(u);
    }
    BOOST_REQUIRE(found.size() == 1u);
    auto audit = client.ListAudit(500);
    BOOST_REQUIRE_MESSAGE(audit.Ok(), Why(audit));
    int creations = 0;
    for (const auto& e : audit.Value().items) {
        if (e.action == "user.create" && e.object_id == std::to_string(found[0].id)) ++creations;
    }
    BOOST_TEST(creations == 1);
}

BOOST_AUTO_TEST_CASE(an_unkeyed_post_refused_429_is_sent_again) {
    kpd::test::SandboxProcess sandbox(Limited("1:1"));
    auto client = SignedIn(sandbox, "admin");
    // The login's one sign-in is used: the next is refused before it is looked
    // at, so the client may send it again though a sign-in has no key.
    PlatformClient again(client.Options());
    Waits waits;
    again.SetWaitListener(waits.Listener());
    auto session = again.SignIn("admin", "demo");
    BOOST_REQUIRE_MESSAGE(session.Ok(), Why(session));
    BOOST_TEST(waits.Told() == std::vector<std::int64_t>({1, 0}));
}

BOOST_AUTO_TEST_CASE(a_cancel_during_the_wait_returns_promptly) {
    kpd::test::SandboxProcess sandbox(Limited("0.1:1")); // one request every ten seconds
    auto client = SignedIn(sandbox, "admin");
    BOOST_REQUIRE(client.GetPartner().Ok());
    auto cancel = std::make_shared<kpd::domain::CancelToken>();
    client.SetCancelToken(cancel);
    std::atomic<bool> waiting{false};
    Waits waits;
    auto record = waits.Listener();
    client.SetWaitListener([&](std::chrono::seconds wait) {
        record(wait);
        if (wait.count() > 0) waiting = true;
    });
    std::thread canceller([&] {
        while (!waiting) std::this_thread::sleep_for(std::chrono::milliseconds(5));
        cancel->Cancel();
    });
    const auto start = Clock::now();
    auto partner = client.GetPartner();
    canceller.join();
    BOOST_REQUIRE(!partner.Ok());
    BOOST_TEST(partner.Error().kind == ApiErrorKind::Cancelled);
    BOOST_TEST(SecondsSince(start) < 5.0); // well before the ten seconds asked
    const auto told = waits.Told();
    BOOST_REQUIRE(told.size() == 2u);
    BOOST_TEST(told[0] >= 9); // ten, less what passed since the bucket was emptied
    BOOST_TEST(told[1] == 0);
}

BOOST_AUTO_TEST_CASE(another_user_is_not_slowed_and_a_long_wait_is_returned) {
    kpd::test::SandboxProcess sandbox(Limited("0.2:1")); // one request every five seconds
    auto admin = SignedIn(sandbox, "admin", std::chrono::seconds(2));
    auto viewer = SignedIn(sandbox, "viewer");
    BOOST_REQUIRE(admin.GetPartner().Ok());
    Waits adminWaits, viewerWaits;
    admin.SetWaitListener(adminWaits.Listener());
    viewer.SetWaitListener(viewerWaits.Listener());

    // The viewer's token has its own bucket.
    auto seen = viewer.GetPartner();
    BOOST_REQUIRE_MESSAGE(seen.Ok(), Why(seen));
    BOOST_TEST(viewerWaits.Told().empty());

    // Five seconds is more than this client may block: it returns the 429.
    auto refused = admin.GetPartner();
    BOOST_REQUIRE(!refused.Ok());
    BOOST_TEST(refused.Error().kind == ApiErrorKind::RateLimited);
    BOOST_TEST(refused.Error().http_status == 429);
    BOOST_TEST(refused.Error().code == "rate_limited");
    BOOST_TEST(adminWaits.Told().empty());
}

BOOST_AUTO_TEST_SUITE_END()
