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
// the process is stopped, which ctest treats as a failure. A test that breaks
// the document on purpose (malformed JSON, wrong types or rules in a body, no
// token, a huge body, unknown routes, killing the sandbox mid-call, injected
// drops) checks ViaPrism() and talks to DirectUrl() instead.
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
    const std::string& BaseUrl() const { return m_prism ? m_prism->Url() : m_baseUrl; }
    int Port() const { return m_prism ? m_prism->Port() : m_port; }
    // The sandbox itself, never through Prism.
    const std::string& DirectUrl() const { return m_baseUrl; }
    int DirectPort() const { return m_port; }
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
    // SIGTERM and wait: a graceful shutdown; also stops Prism and reports its
    // violations not yet taken.
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
