#pragma once
// A desk against a real platform: a sandbox process seeded with the demo
// partner, a fresh workspace and a client, all on the backend under test.
#include "api/platform_client.h"
#include "services/sign_in.h"
#include "store/workspace.h"
#include "support/sandbox_process.h"
#include "support/test_env.h"

#include <boost/test/unit_test.hpp>

#include <memory>
#include <soci/soci.h>
#include <string>
#include <utility>

namespace kpd::test {

inline api::ClientOptions FastOptions(const std::string& base_url) {
    api::ClientOptions o;
    o.base_url = base_url;
    // A stopped sandbox refuses connections at once; keep its retries short.
    o.connect_timeout = std::chrono::milliseconds(2000);
    o.request_timeout = std::chrono::milliseconds(10000);
    o.max_attempts = 2;
    o.retry_base_delay = std::chrono::milliseconds(20);
    return o;
}

struct DeskFixture {
    // `options`: how the sandbox starts (e.g. on a fixed clock).
    explicit DeskFixture(SandboxOptions options = {})
        : sandbox(std::move(options)), workspaceUrl(FreshDatabaseUrl("workspace")),
          workspace(std::make_unique<store::Workspace>(workspaceUrl)),
          client(std::make_unique<api::PlatformClient>(FastOptions(sandbox.BaseUrl()))) {}

    store::Workspace& Ws() { return *workspace; }
    api::PlatformClient& Client() { return *client; }

    void SignInAs(const std::string& login) {
        auto outcome = services::SignIn(Client(), Ws(), login, "demo");
        BOOST_REQUIRE_MESSAGE(
            outcome.Ok(), "sign-in as " << login << " failed: "
                                        << (outcome.error ? outcome.error->message : "problems"));
    }

    // A fresh client on the same platform (e.g. a desk started later).
    std::unique_ptr<api::PlatformClient> NewClient() {
        return std::make_unique<api::PlatformClient>(FastOptions(sandbox.BaseUrl()));
    }

    long long Count(const std::string& table, const std::string& where = "") {
        auto sql = store::OpenSession(workspaceUrl);
        long long n = 0;
        *sql << "SELECT COUNT(*) FROM " + table + (where.empty() ? "" : " WHERE " + where),
            soci::into(n);
        return n;
    }

    SandboxProcess sandbox;
    std::string workspaceUrl;
    std::unique_ptr<store::Workspace> workspace;
    std::unique_ptr<api::PlatformClient> client;
};

} // namespace kpd::test
