// PlatformClient when the platform misbehaves: restarts mid-call, injected
// drops and 503s (the sandbox's POST /v1/sandbox/faults hook).
#include "api_test_helpers.h"

#include "api/platform_client.h"
#include "support/sandbox_process.h"

#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <thread>

using namespace kpd::api;
using std::chrono::milliseconds;

namespace {

// These cases break connections and the document on purpose: no Prism proxy.
kpd::test::SandboxOptions Unproxied() {
    kpd::test::SandboxOptions options;
    options.allow_prism = false;
    return options;
}

PlatformClient SignedIn(const kpd::test::SandboxProcess& sandbox, int attempts) {
    ClientOptions options;
    options.base_url = sandbox.DirectUrl();
    options.max_attempts = attempts;
    PlatformClient client(options);
    auto session = client.SignIn("admin", "demo");
    BOOST_REQUIRE_MESSAGE(session.Ok(), Why(session));
    return client;
}

Result<Response> ArmFault(PlatformClient& client, const std::string& path, const std::string& kind, int count) {
    Request r;
    r.method = "POST";
    r.path = "/v1/sandbox/faults";
    r.authenticated = false;
    r.body = nlohmann::json{{"path", path}, {"kind", kind}, {"status", 503}, {"count", count}}.dump();
    return client.Send(r);
}

} // namespace

BOOST_AUTO_TEST_SUITE(sandbox_faults)

BOOST_AUTO_TEST_CASE(a_get_survives_a_platform_restart) {
    kpd::test::SandboxProcess sandbox(Unproxied());
    // Enough attempts to span a restart on a busy machine (pauses capped at 5 s).
    auto client = SignedIn(sandbox, 10);
    sandbox.Kill();
    std::thread restarter([&sandbox] {
        std::this_thread::sleep_for(milliseconds(300));
        sandbox.Restart();
    });
    auto partner = client.GetPartner();
    restarter.join();
    BOOST_REQUIRE_MESSAGE(partner.Ok(), Why(partner));
    BOOST_TEST(!partner.Value().name.empty());
}

BOOST_AUTO_TEST_CASE(a_dropped_get_is_retried) {
    kpd::test::SandboxProcess sandbox(Unproxied());
    auto client = SignedIn(sandbox, 4);
    auto armed = ArmFault(client, "/v1/partner", "drop", 2);
    BOOST_REQUIRE_MESSAGE(armed.Ok(), Why(armed));
    auto partner = client.GetPartner();
    BOOST_REQUIRE_MESSAGE(partner.Ok(), Why(partner));
}

BOOST_AUTO_TEST_CASE(a_keyed_create_after_503s_makes_one_user) {
    kpd::test::SandboxProcess sandbox(Unproxied());
    auto client = SignedIn(sandbox, 4);
    BOOST_REQUIRE(ArmFault(client, "/v1/partner/users", "status", 2).Ok());
    kpd::domain::NewUser user{"retried.create", "Retried", "secret-pass", {kpd::domain::Role::Viewer}};
    auto created = client.CreateUser(user, NewIdempotencyKey());
    BOOST_REQUIRE_MESSAGE(created.Ok(), Why(created));
    BOOST_TEST(created.Value().login == "retried.create");
}

BOOST_AUTO_TEST_CASE(an_unkeyed_post_is_not_retried_after_a_503) {
    kpd::test::SandboxProcess sandbox(Unproxied());
    auto client = SignedIn(sandbox, 4);
    BOOST_REQUIRE(ArmFault(client, "/v1/auth/token", "status", 1).Ok());
    PlatformClient other(client.Options());
    auto session = other.SignIn("admin", "demo");
    BOOST_REQUIRE(!session.Ok());
    BOOST_TEST(session.Error().kind == ApiErrorKind::Server);
    BOOST_TEST(other.SignIn("admin", "demo").Ok()); // the fault was used up by one attempt
}

BOOST_AUTO_TEST_SUITE_END()
