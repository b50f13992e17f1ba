// openapi_prism_guard_tests: proves the contract guard of the contract_prism_*
// tests works. A small loopback server plays a platform whose answers drift
// from docs/api/openapi.yaml, and the real Prism proxy (PrismProxy, the one
// SandboxProcess puts in front of the sandbox under KPD_TEST_VIA_PRISM=1) must
// flag every drift: a drifted body, a missing header, an undocumented status,
// a request that breaks the document; and a violation nobody took must reach
// stderr as the "KPD-PRISM-VIOLATION" marker that fails a ctest run. Binary
// bodies pass through the proxy byte for byte, and a case that reaches a
// sandbox past the proxy without KPD_PRISM_BYPASS fails.
#define BOOST_TEST_MODULE openapi_prism_guard_tests
#include "support/prism_cases.h"
#include "support/sandbox_process.h"
#include "support/test_env.h"

#include <boost/test/unit_test.hpp>
#include <httplib.h>

#include <array>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using kpd::test::PrismProxy;

namespace {

const char* kProblem = "application/problem+json";

// Every byte value once, twice over: what UTF-8 decoding would garble.
std::string AllBytes() {
    std::string bytes;
    for (int round = 0; round < 2; ++round) {
        for (int b = 0; b < 256; ++b) {
            bytes += static_cast<char>(b);
        }
    }
    return bytes;
}

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
        // An upload whose bytes are checked here, and an image's bytes served:
        // both must cross the proxy unchanged.
        m_server.Post("/v1/assets", [this](const httplib::Request& req, httplib::Response& res) {
            m_uploadIntact =
                req.body == AllBytes() && req.get_header_value("Content-Type") == "image/png";
            res.set_content(
                R"({"id":"ast_1","slot":"logo","media_type":"image/png","width":256,"height":256,)"
                R"("bytes":)" +
                    std::to_string(req.body.size()) +
                    R"(,"sha256":"0000000000000000000000000000000000000000000000000000000000000000"})",
                "application/json");
        });
        m_server.Get("/v1/assets/ast_1/content",
                     [](const httplib::Request&, httplib::Response& res) {
                         res.set_header("ETag", "\"" + std::string(64, 'a') + "\"");
                         res.set_content(AllBytes(), "image/png");
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
    bool UploadIntact() const { return m_uploadIntact; }

  private:
    httplib::Server m_server;
    std::thread m_thread;
    int m_port = 0;
    std::atomic<int> m_tokenCalls{0};
    std::atomic<bool> m_uploadIntact{false};
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

BOOST_AUTO_TEST_CASE(binary_bodies_pass_intact_both_ways) {
    // Prism alone reads them as UTF-8 and writes U+FFFD for every byte that
    // is not (support/prism_binary_bodies.cjs keeps them).
    auto& g = Fresh();
    auto up = g.client.Post("/v1/assets?slot=logo", AllBytes(), "image/png");
    BOOST_REQUIRE(up);
    BOOST_TEST(up->status == 200);
    BOOST_TEST(g.platform.UploadIntact());
    BOOST_TEST(up->body.find("\"bytes\":512") != std::string::npos, up->body);

    auto down = g.client.Get("/v1/assets/ast_1/content");
    BOOST_REQUIRE(down);
    BOOST_TEST(down->status == 200);
    BOOST_TEST(down->get_header_value("Content-Type") == "image/png");
    BOOST_TEST((down->body == AllBytes()));
    BOOST_TEST(g.prism.TakeViolations().empty());
}

BOOST_AUTO_TEST_CASE(retargeted_proxy_reaches_the_new_upstream) {
    auto& g = Fresh();
    FakePlatform second;
    g.prism.Retarget(second.Url());
    int before = second.TokenCalls();
    auto ok = g.client.Post("/v1/auth/token", R"({"login":"admin","password":"demo"})",
                            "application/json");
    BOOST_REQUIRE(ok);
    BOOST_TEST(ok->status == 200);
    BOOST_TEST(second.TokenCalls() == before + 1);
    g.prism.Retarget(g.platform.Url());
    BOOST_TEST(g.prism.TakeViolations().empty());
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
BOOST_AUTO_TEST_CASE(sandbox_process_goes_through_prism,
                     KPD_PRISM_BYPASS("checks that DirectUrl() still reaches the sandbox itself")) {
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

    httplib::Client direct(sandbox.DirectUrl()); // the case is marked KPD_PRISM_BYPASS for this
    auto directHealth = direct.Get("/v1/health");
    BOOST_REQUIRE(directHealth);
    BOOST_TEST(directHealth->status == 200);
    BOOST_TEST(sandbox.TakePrismViolations().empty());
}

// Cases only the next one runs (disabled: a plain run skips them), in a child
// process of this executable: a contract run's verdict on each kind.
BOOST_AUTO_TEST_SUITE(bypass_probe, *boost::unit_test::disabled())

BOOST_AUTO_TEST_CASE(through_prism) {
    kpd::test::SandboxProcess sandbox;
    httplib::Client client(sandbox.BaseUrl());
    BOOST_TEST(client.Get("/v1/health")->status == 200);
}

BOOST_AUTO_TEST_CASE(marked_bypass, KPD_PRISM_BYPASS("the probe's marked case")) {
    kpd::test::SandboxProcess sandbox;
    httplib::Client client(sandbox.DirectUrl());
    BOOST_TEST(client.Get("/v1/health")->status == 200);
}

BOOST_AUTO_TEST_CASE(unmarked_bypass) {
    kpd::test::SandboxProcess sandbox;
    httplib::Client client(sandbox.DirectUrl());
    BOOST_TEST(client.Get("/v1/health")->status == 200);
}

BOOST_AUTO_TEST_CASE(unmarked_sandbox_without_prism) {
    kpd::test::SandboxOptions options;
    options.allow_prism = false;
    kpd::test::SandboxProcess sandbox(options);
    httplib::Client client(sandbox.BaseUrl());
    BOOST_TEST(client.Get("/v1/health")->status == 200);
}

BOOST_AUTO_TEST_SUITE_END()

// A case that reaches the sandbox past Prism fails the contract run unless it
// is marked, and the run counts each kind.
BOOST_AUTO_TEST_CASE(unmarked_bypass_fails_the_case) {
    if (!std::filesystem::exists(KPD_SANDBOX_BIN)) {
        BOOST_TEST_MESSAGE("platform-sandbox is not built; skipping the bypass check");
        return;
    }
    BOOST_REQUIRE(kpd::test::ViaPrism());
    std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
    std::string command =
        "'" + self + "' --run_test=bypass_probe --color_output=no --log_level=error 2>&1";
    FILE* pipe = ::popen(command.c_str(), "r");
    BOOST_REQUIRE(pipe != nullptr);
    std::string output;
    std::array<char, 4096> buffer{};
    std::size_t n = 0;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
        output.append(buffer.data(), n);
    }
    int status = ::pclose(pipe);
    BOOST_TEST_MESSAGE(output);
    BOOST_TEST(WIFEXITED(status));
    BOOST_TEST(WEXITSTATUS(status) != 0);
    auto violation = [&](const std::string& c) {
        return output.find("KPD-PRISM-VIOLATION: bypass_probe/" + c +
                           " reaches the sandbox past Prism") != std::string::npos;
    };
    BOOST_TEST(violation("unmarked_bypass"));
    BOOST_TEST(violation("unmarked_sandbox_without_prism"));
    BOOST_TEST(!violation("marked_bypass"));
    BOOST_TEST(!violation("through_prism"));
    BOOST_TEST(
        output.find(
            "KPD-PRISM-CASES: 4 cases ran: 1 through Prism only, 1 marked bypass, 2 unmarked "
            "bypass, 0 without a sandbox; 0 with violations") != std::string::npos);
    BOOST_TEST(
        output.find(
            "KPD-PRISM-BYPASS: bypass_probe/marked_bypass (DirectUrl()): past Prism: the probe's "
            "marked case") != std::string::npos);
}
