#pragma once
// A real platform-sandbox process for a test: started on a free loopback
// port with its own database, stopped (SIGTERM, then SIGKILL) on destruction.
//
// Contract mode: with KPD_TEST_VIA_PRISM=1 in the environment (the ctest
// registrations contract_prism_* in tests/openapi set it) a Stoplight Prism
// validating proxy (`prism proxy docs/api/openapi.yaml <sandbox> --errors`)
// is started in front of the sandbox and BaseUrl() is the proxy's URL, so the
// whole suite checks every request and answer against the OpenAPI document.
// Prism answers a request that breaks the document with its own 4xx, and an
// answer that breaks it with 500 plus an `sl-violations` header; every
// violation it logs is also printed to stderr as "KPD-PRISM-VIOLATION: …" when
// the process is stopped, which ctest treats as a failure. A step that cannot
// go through Prism (a request that breaks the document on purpose, so Prism
// would answer it itself; raw sockets; the sandbox's own connections) talks to
// DirectUrl() instead, and its test case must say so with KPD_PRISM_BYPASS
// (support/prism_cases.h): a contract run fails a case that reaches the
// sandbox past Prism without it, and counts the cases that went through.
// Binary bodies pass through Prism intact (support/prism_binary_bodies.cjs).
// A stopped sandbox's proxy is kept and reused for the next sandbox of the
// process (a Prism start costs seconds).
// Not thread-safe: own it from one thread.
#include <cstddef>
#include <memory>
#include <string>
#include <sys/types.h>
#include <vector>

namespace kpd::test {

struct SandboxOptions {
    std::string db_url;              // "sqlite:PATH" or "postgresql://…"; empty: a fresh one for the current backend
    bool seed_demo = true;
    std::string clock;               // RFC 3339, empty for the real clock
    std::vector<std::string> extra_args;
    // false: never put Prism in front, even when KPD_TEST_VIA_PRISM=1 (for a
    // test that only ever talks to DirectUrl()).
    bool allow_prism = true;
};

// True when this test run goes through the Prism validating proxy
// (KPD_TEST_VIA_PRISM=1).
bool ViaPrism();

// How a test reached a proxied sandbox: through Prism (BaseUrl(), Port()) or
// past it (DirectUrl(), DirectPort(), or a sandbox started without Prism in a
// contract run). `what` names the way, for the message.
enum class SandboxAccess { ThroughPrism, Direct };
using SandboxAccessListener = void (*)(SandboxAccess access, const char* what);
// The one listener (support/prism_cases.cpp installs it in every Boost test
// executable); nullptr: nobody listens.
void SetSandboxAccessListener(SandboxAccessListener listener);

// While on (support/prism_cases.cpp, for the run of the cases), what Prism
// logged for a sandbox that is stopped or destroyed is kept for
// TakeCollectedPrismViolations() instead of printed at once.
void CollectPrismViolations(bool on);
// The violations kept so far and those every running proxy of a sandbox
// logged since they were last taken: what the case that just ended caused.
std::vector<std::string> TakeCollectedPrismViolations();

// `prism proxy <source>/docs/api/openapi.yaml <upstream> --errors` on a free
// loopback port (from <source>/node_modules, installed by `npm ci`), started
// by the constructor (which waits until it accepts connections) and stopped
// by Stop() or the destructor, which print every violation not taken as
// "KPD-PRISM-VIOLATION: …" lines on stderr.
class PrismProxy {
  public:
    PrismProxy(std::string upstream_url, std::string log_dir);
    ~PrismProxy();
    PrismProxy(const PrismProxy&) = delete;
    PrismProxy& operator=(const PrismProxy&) = delete;

    const std::string& Url() const { return m_url; } // "http://127.0.0.1:PORT"
    int Port() const { return m_port; }
    const std::string& LogPath() const { return m_logPath; }
    std::string Log() const; // what Prism printed so far, colours removed
    bool Running() const { return m_pid > 0; }
    // Sends every later request to `upstream_url` instead (PUT
    // /__kpd_prism/upstream, support/prism_binary_bodies.cjs); throws when the
    // proxy does not take it.
    void Retarget(const std::string& upstream_url);

    // The violations Prism logged since the last call (requests or answers
    // that break the document, unmatched routes, missing credentials,
    // undocumented statuses), and forgets them.
    std::vector<std::string> TakeViolations();
    void Stop();

  private:
    std::string m_logPath;
    std::string m_url;
    int m_port = 0;
    pid_t m_pid = -1;
    std::size_t m_logTaken = 0; // bytes of the log already scanned for violations
};

class SandboxProcess {
  public:
    explicit SandboxProcess(SandboxOptions options = {});
    ~SandboxProcess();
    SandboxProcess(const SandboxProcess&) = delete;
    SandboxProcess& operator=(const SandboxProcess&) = delete;

    // "http://127.0.0.1:PORT" (no trailing slash, no /v1): the Prism proxy's
    // URL in contract mode, else the sandbox's own.
    const std::string& BaseUrl() const;
    int Port() const;
    // The sandbox itself, never through Prism: in a contract run, only for a
    // case marked KPD_PRISM_BYPASS.
    const std::string& DirectUrl() const;
    int DirectPort() const;
    // Whether this instance has Prism in front (BaseUrl() != DirectUrl()).
    bool Proxied() const { return m_prism != nullptr; }
    const std::string& DbUrl() const { return m_options.db_url; }
    const std::string& LogPath() const { return m_logPath; }
    std::string Log() const; // everything the process printed so far

    // What Prism printed so far ("" without Prism).
    std::string PrismLog() const { return m_prism ? m_prism->Log() : std::string(); }
    // PrismProxy::TakeViolations ({} without Prism): a test that provokes a
    // violation on purpose takes it here so it is not reported at Stop().
    std::vector<std::string> TakePrismViolations() {
        return m_prism ? m_prism->TakeViolations() : std::vector<std::string>();
    }

    // Stops and starts again on the same port and database (seeding is skipped
    // on the restart: the data is already there). Prism, if any, keeps running.
    void Restart();
    // SIGTERM and wait: a graceful shutdown; also reports the violations
    // Prism logged and not yet taken, and parks the proxy for the next
    // sandbox.
    void Stop();
    void Kill();  // SIGKILL to the sandbox only (Prism, if any, stays up)
    bool Running() const { return m_pid > 0; }

  private:
    void Start(int port, bool seed);
    void StopSandbox();

    SandboxOptions m_options;
    std::string m_dir;
    std::string m_logPath;
    std::string m_baseUrl;
    int m_port = 0;
    pid_t m_pid = -1;
    std::unique_ptr<PrismProxy> m_prism;
};

} // namespace kpd::test
