// openapi_prism_guard_tests: proves the contract guard of the contract_prism_*
// tests works. A small loopback server plays a platform whose answers drift
// from docs/api/openapi.yaml, and the real Prism proxy (PrismProxy, the one
// SandboxProcess puts in front of the sandbox under KPD_TEST_VIA_PRISM=1) must
// flag every drift: a drifted body, a missing header, an undocumented status,
// a request that breaks the document; and a violation nobody took must reach
// stderr as the "KPD-PRISM-VIOLATION" marker that fails a ctest run.
#define BOOST_TEST_MODULE openapi_prism_guard_tests
#include "support/sandbox_process.h"
#include "support/test_env.h"

#include <boost/test/unit_test.hpp>
#include <httplib.h>

#include <atomic>
#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>
#include <thread>

using kpd::test::PrismProxy;

namespace {

const char* kProblem = "application/problem+json";

// A fake platform on a free loopback port, serving until destroyed.
class FakePlatform {
  public:
    FakePlatform() {
        m_server.Get("/v1/health", [](const httplib::Request&, httplib::Response& res) {
            res.set_content(R"({"status":"ok"})", "application/json");
        });
        // Drift: a field the document does not know, and a string id.
        m_server.Get("/v1/partner", [](const httplib::Request&, httplib::Response& res) {
            res.set_content(R"({"id":"1","name":"Сеть магазинов «Берёзка»","inn":"7728123459",)"
                            R"("brand_color":"#1B5E20","accent_color":"#FFC107","logo_asset_id":null,)"
                            R"("program_kind":"bonus","loyalty_level":"gold",)"
                            R"("card_number_format":{"length":13,"prefix":"2770","luhn":true}})",
                            "application/json");
        });
        // A right body but no ETag, which the document requires.
        m_server.Get(R"(/v1/partner/users/(\d+))", [](const httplib::Request&, httplib::Response& res) {
            res.set_content(R"({"id":3,"login":"loyalty","name":"Дмитрий Волков","roles":["loyalty_admin"],)"
                            R"("disabled":false,"version":2})",
                            "application/json");
        });
        // A status the document does not list for this operation.
        m_server.Get("/v1/audit", [](const httplib::Request&, httplib::Response& res) {
            res.status = 418;
            res.set_content(R"({"type":"about:blank","title":"Error","status":418,"detail":"teapot",)"
                            R"("code":"teapot","errors":[]})",
                            kProblem);
        });
        m_server.Post("/v1/auth/token", [this](const httplib::Request&, httplib::Response& res) {
            ++m_tokenCalls;
            res.set_content(R"({"access_token":"t","token_type":"Bearer","expires_at":"2026-11-23T16:30:00+03:00",)"
                            R"("user":{"id":1,"login":"admin","name":"Анна Смирнова","roles":["partner_admin"]},)"
                            R"("partner":{"id":1,"name":"Сеть магазинов «Берёзка»"}})",
                            "application/json");
        });
        m_port = m_server.bind_to_any_port("127.0.0.1");
        BOOST_REQUIRE(m_port > 0);
        m_thread = std::thread([this] { m_server.listen_after_bind(); });
        while (!m_server.is_running()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    }
    ~FakePlatform() {
        m_server.stop();
        m_thread.join();
    }
    std::string Url() const { return "http://127.0.0.1:" + std::to_string(m_port); }
    int TokenCalls() const { return m_tokenCalls; }

  private:
    httplib::Server m_server;
    std::thread m_thread;
    int m_port = 0;
    std::atomic<int> m_tokenCalls{0};
};

struct Guarded {
    FakePlatform platform;
    PrismProxy prism{platform.Url(), kpd::test::MakeTempDir("prism_guard")};
    httplib::Client client{prism.Url()};
    Guarded() {
        client.set_read_timeout(30, 0);
        client.set_default_headers({{"Authorization", "Bearer t"}});
    }
    // Whether some taken violation mentions `what`.
    bool Flagged(const std::string& what) {
        std::string all;
        for (const auto& v : prism.TakeViolations()) {
            all += v + "\n";
        }
        BOOST_TEST_MESSAGE("violations:\n" << all);
        return all.find(what) != std::string::npos;
    }
};

// One fake platform and one proxy for the cases that leave the proxy
// running (a Prism start costs seconds on a busy machine).
std::unique_ptr<Guarded> g_shared;

struct SharedGuard {
    SharedGuard() { g_shared = std::make_unique<Guarded>(); }
    ~SharedGuard() { g_shared.reset(); }
};

// The shared proxy with nothing pending from an earlier case.
Guarded& Fresh() {
    g_shared->prism.TakeViolations();
    return *g_shared;
}

} // namespace

BOOST_AUTO_TEST_SUITE(drift, *boost::unit_test::fixture<SharedGuard>())

BOOST_AUTO_TEST_CASE(conforming_answer_passes_unflagged) {
    auto& g = Fresh();
    auto res = g.client.Get("/v1/health");
    BOOST_REQUIRE(res);
    BOOST_TEST(res->status == 200);
    BOOST_TEST(!res->has_header("sl-violations"));
    BOOST_TEST(g.prism.TakeViolations().empty());
}

BOOST_AUTO_TEST_CASE(drifted_body_is_answered_500_and_flagged) {
    auto& g = Fresh();
    auto res = g.client.Get("/v1/partner");
    BOOST_REQUIRE(res);
    BOOST_TEST(res->status == 500);
    BOOST_TEST(res->get_header_value("sl-violations").find("loyalty_level") != std::string::npos);
    BOOST_TEST(g.Flagged("VIOLATIONS"));
}

BOOST_AUTO_TEST_CASE(missing_required_header_is_flagged) {
    auto& g = Fresh();
    auto res = g.client.Get("/v1/partner/users/3");
    BOOST_REQUIRE(res);
    BOOST_TEST(res->status == 500);
    BOOST_TEST(res->get_header_value("sl-violations").find("etag") != std::string::npos);
    BOOST_TEST(g.Flagged("VIOLATIONS"));
}

BOOST_AUTO_TEST_CASE(undocumented_status_is_flagged_though_passed_on) {
    auto& g = Fresh();
    auto res = g.client.Get("/v1/audit");
    BOOST_REQUIRE(res);
    // Prism passes an unknown status on with only a warning; the log scan still catches it.
    BOOST_TEST(res->status == 418);
    BOOST_TEST(g.Flagged("Unable to match the returned status code"));
}

BOOST_AUTO_TEST_CASE(request_breaking_the_document_is_stopped_and_flagged) {
    auto& g = Fresh();
    int callsBefore = g.platform.TokenCalls();
    auto res = g.client.Post("/v1/auth/token", R"({"login":"admin"})", "application/json");
    BOOST_REQUIRE(res);
    BOOST_TEST(res->status == 422);
    BOOST_TEST(res->body.find("password") != std::string::npos);
    BOOST_TEST(g.platform.TokenCalls() == callsBefore);
    BOOST_TEST(g.Flagged("UNPROCESSABLE_ENTITY"));

    auto ok = g.client.Post("/v1/auth/token", R"({"login":"admin","password":"demo"})", "application/json");
    BOOST_REQUIRE(ok);
    BOOST_TEST(ok->status == 200);
    BOOST_TEST(g.platform.TokenCalls() == callsBefore + 1);
    BOOST_TEST(g.prism.TakeViolations().empty());
}

BOOST_AUTO_TEST_CASE(missing_token_is_flagged) {
    auto& g = Fresh();
    httplib::Client anonymous(g.prism.Url());
    auto res = anonymous.Get("/v1/partner");
    BOOST_REQUIRE(res);
    BOOST_TEST(res->status == 401);
    BOOST_TEST(g.Flagged("UNAUTHORIZED"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_CASE(violation_not_taken_is_reported_on_stderr_at_stop) {
    Guarded g;
    auto res = g.client.Get("/v1/partner");
    BOOST_REQUIRE(res);
    std::stringstream captured;
    auto* old = std::cerr.rdbuf(captured.rdbuf());
    g.prism.Stop();
    std::cerr.rdbuf(old);
    BOOST_TEST(captured.str().find("KPD-PRISM-VIOLATION: ") != std::string::npos);
    BOOST_TEST(!g.prism.Running());
}

// The wiring the contract_prism_* registrations rely on: under
// KPD_TEST_VIA_PRISM=1 a SandboxProcess is reached through Prism, direct
// access stays possible, and Restart() keeps the proxy.
BOOST_AUTO_TEST_CASE(sandbox_process_goes_through_prism) {
    if (!std::filesystem::exists(KPD_SANDBOX_BIN)) {
        BOOST_TEST_MESSAGE("platform-sandbox is not built; skipping the SandboxProcess wiring check");
        return;
    }
    BOOST_REQUIRE(kpd::test::ViaPrism());
    kpd::test::SandboxProcess sandbox;
    BOOST_TEST(sandbox.Proxied());
    BOOST_TEST(sandbox.BaseUrl() != sandbox.DirectUrl());

    httplib::Client viaPrism(sandbox.BaseUrl());
    viaPrism.set_read_timeout(30, 0);
    auto health = viaPrism.Get("/v1/health");
    BOOST_REQUIRE(health);
    BOOST_TEST(health->status == 200);

    auto token = viaPrism.Post("/v1/auth/token", R"({"login":"admin","password":"demo"})", "application/json");
    BOOST_REQUIRE(token);
    BOOST_TEST(token->status == 200);
    BOOST_TEST(!token->has_header("sl-violations"));

    auto extra = viaPrism.Post("/v1/auth/token", R"({"login":"admin","password":"demo","remember":true})",
                               "application/json");
    BOOST_REQUIRE(extra);
    BOOST_TEST(extra->status == 422);
    BOOST_TEST(!sandbox.TakePrismViolations().empty());

    sandbox.Restart();
    auto again = viaPrism.Get("/v1/health");
    BOOST_REQUIRE(again);
    BOOST_TEST(again->status == 200);

    httplib::Client direct(sandbox.DirectUrl());
    auto directHealth = direct.Get("/v1/health");
    BOOST_REQUIRE(directHealth);
    BOOST_TEST(directHealth->status == 200);
    BOOST_TEST(sandbox.TakePrismViolations().empty());
}
