#pragma once
// A real platform-sandbox process for a test: started on a free loopback
// port with its own database, stopped (SIGTERM, then SIGKILL) on destruction.
#include <string>
#include <sys/types.h>
#include <vector>

namespace kpd::test {

struct SandboxOptions {
    std::string db_url;              // "sqlite:PATH" or "postgresql://…"; empty: a fresh one for the current backend
    bool seed_demo = true;
    std::string clock;               // RFC 3339, empty for the real clock
    std::vector<std::string> extra_args;
};

class SandboxProcess {
  public:
    explicit SandboxProcess(SandboxOptions options = {});
    ~SandboxProcess();
    SandboxProcess(const SandboxProcess&) = delete;
    SandboxProcess& operator=(const SandboxProcess&) = delete;

    // "http://127.0.0.1:PORT" (no trailing slash, no /v1).
    const std::string& BaseUrl() const { return m_baseUrl; }
    int Port() const { return m_port; }
    const std::string& DbUrl() const { return m_options.db_url; }
    const std::string& LogPath() const { return m_logPath; }
    std::string Log() const; // everything the process printed so far

    // Stops and starts again on the same port and database (seeding is skipped
    // on the restart: the data is already there).
    void Restart();
    void Stop();  // SIGTERM and wait: a graceful shutdown
    void Kill();  // SIGKILL
    bool Running() const { return m_pid > 0; }

  private:
    void Start(int port, bool seed);

    SandboxOptions m_options;
    std::string m_dir;
    std::string m_logPath;
    std::string m_baseUrl;
    int m_port = 0;
    pid_t m_pid = -1;
};

} // namespace kpd::test
