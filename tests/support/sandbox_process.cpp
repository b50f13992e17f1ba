#include "support/sandbox_process.h"

#include "support/sanitizer_report.h"
#include "support/test_env.h"

#include <arpa/inet.h>
#include <cctype>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <netinet/in.h>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace kpd::test {

bool ViaPrism() {
    const char* v = std::getenv("KPD_TEST_VIA_PRISM");
    return v && std::string(v) == "1";
}

namespace {

std::string ReadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// A loopback port nobody listens on right now (the kernel's pick for port 0).
int FreeLoopbackPort() {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) {
        throw std::runtime_error("socket() failed");
    }
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
        ::close(fd);
        throw std::runtime_error("cannot bind a loopback port");
    }
    int port = ntohs(addr.sin_port);
    ::close(fd);
    return port;
}

bool Accepts(int port) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) {
        return false;
    }
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

// Sends a bare GET for `path` to 127.0.0.1:`port` and reads the answer to its
// end (or for at most 10 s); false when nobody answered.
bool SendGet(int port, const std::string& path) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) {
        return false;
    }
    timeval timeout{10, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    if (ok) {
        std::string request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
        ok = ::send(fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size());
        char buffer[4096];
        while (ok && ::recv(fd, buffer, sizeof buffer, 0) > 0) {
        }
    }
    ::close(fd);
    return ok;
}

// Prism colours its log even into a file; drop the ANSI escapes (ESC [ … letter).
// No static std::regex here: this also runs from destructors of static
// SandboxProcess instances at exit.
std::string StripAnsi(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\x1b' && i + 1 < text.size() && text[i + 1] == '[') {
            std::size_t j = i + 2;
            while (j < text.size() && (std::isdigit(static_cast<unsigned char>(text[j])) || text[j] == ';')) {
                ++j;
            }
            if (j < text.size() && std::isalpha(static_cast<unsigned char>(text[j]))) {
                i = j;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

// Forks and execs `args` with stdout and stderr into `logPath`. With
// `dieWithParent` the child gets SIGTERM when this process dies (a crashed or
// timed-out test leaves no proxy behind).
pid_t Spawn(std::vector<std::string> args, const std::string& logPath, bool dieWithParent) {
    pid_t pid = ::fork();
    if (pid < 0) {
        throw std::runtime_error("fork failed");
    }
    if (pid == 0) {
        if (dieWithParent) {
            ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        }
        int fd = ::open(logPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        ::dup2(fd, 1);
        ::dup2(fd, 2);
        std::vector<char*> argv;
        for (auto& a : args) {
            argv.push_back(a.data());
        }
        argv.push_back(nullptr);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    return pid;
}

} // namespace

PrismProxy::PrismProxy(std::string upstream_url, std::string log_dir) {
    std::string source = KPD_SOURCE_DIR;
    std::string prism = source + "/node_modules/.bin/prism";
    if (!std::filesystem::exists(prism)) {
        throw std::runtime_error(prism + " is missing: run `npm ci` in " + source + " (scripts/install-deps does)");
    }
    static int runs = 0;
    m_logPath = log_dir + "/prism-" + std::to_string(::getpid()) + "-" + std::to_string(runs++) + ".log";
    // Another process may take the port between the probe and Prism's bind;
    // then Prism exits at once and another port is tried.
    for (int attempt = 0; attempt < 3; ++attempt) {
        int port = FreeLoopbackPort();
        m_pid = Spawn({"/usr/bin/env", "node", prism, "proxy", source + "/docs/api/openapi.yaml", upstream_url,
                       "--errors", "--host", "127.0.0.1", "--port", std::to_string(port)},
                      m_logPath, true);
        auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(90);
        while (std::chrono::steady_clock::now() < deadline) {
            if (Log().find("Prism is listening on") != std::string::npos && Accepts(port)) {
                m_port = port;
                m_url = "http://127.0.0.1:" + std::to_string(port);
                m_logTaken = 0;
                return;
            }
            int status = 0;
            if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
                m_pid = -1;
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        if (m_pid > 0) {
            auto log = Log();
            Stop();
            throw std::runtime_error("prism proxy was not ready within 90 s:\n" + log);
        }
    }
    throw std::runtime_error("prism proxy exited before it was ready:\n" + Log());
}

PrismProxy::~PrismProxy() {
    try {
        Stop();
    } catch (...) {
    }
}

std::string PrismProxy::Log() const {
    return StripAnsi(ReadFile(m_logPath));
}

std::vector<std::string> PrismProxy::TakeViolations() {
    std::vector<std::string> found;
    // Prism logs a violation only after it has answered, so a caller that just
    // got the answer may be ahead of the log. Send a request for a marker path
    // Prism does not know and wait until its own error line is logged: every
    // earlier request's lines are in the log by then.
    static int syncs = 0;
    std::string marker = "/__kpd_prism_sync/" + std::to_string(::getpid()) + "-" + std::to_string(syncs++);
    if (m_pid > 0 && SendGet(m_port, marker)) {
        auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (std::chrono::steady_clock::now() < deadline) {
            auto raw = ReadFile(m_logPath);
            auto at = raw.find(marker + " ", m_logTaken);
            if (at != std::string::npos && raw.find("Request terminated", at) != std::string::npos &&
                raw.find('\n', raw.find("Request terminated", at)) != std::string::npos) {
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }
    std::string raw = ReadFile(m_logPath);
    // Only whole lines: Prism may be half-way through writing the last one.
    auto end = raw.rfind('\n');
    if (end == std::string::npos || end + 1 <= m_logTaken) {
        return found;
    }
    std::istringstream lines(StripAnsi(raw.substr(m_logTaken, end + 1 - m_logTaken)));
    m_logTaken = end + 1;
    std::string line;
    while (std::getline(lines, line)) {
        if (line.find("/__kpd_prism_sync/") != std::string::npos) {
            continue;
        }
        // "✖  error  Request terminated with error: …#VIOLATIONS" (an answer that
        // breaks the document), "…#UNPROCESSABLE_ENTITY" (a request that does),
        // "…#NO_PATH_MATCHED_ERROR", "…#UNAUTHORIZED" (no credentials), and
        // "⚠  warning  Violation: …" (e.g. an undocumented status, passed on).
        if (line.find("Request terminated with error") != std::string::npos ||
            line.find("Violation:") != std::string::npos || line.find("\u2716") != std::string::npos) {
            found.push_back(line);
        }
    }
    return found;
}

void PrismProxy::Stop() {
    if (m_pid <= 0) {
        return;
    }
    auto violations = TakeViolations(); // while Prism still runs, so the log is complete
    ::kill(m_pid, SIGTERM);
    for (int i = 0; i < 250 && m_pid > 0; ++i) {
        int status = 0;
        if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
            m_pid = -1;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (m_pid > 0) {
        ::kill(m_pid, SIGKILL);
        int status = 0;
        ::waitpid(m_pid, &status, 0);
        m_pid = -1;
    }
    for (const auto& v : TakeViolations()) { // anything logged in the last moments
        violations.push_back(v);
    }
    for (const auto& v : violations) {
        std::cerr << "KPD-PRISM-VIOLATION: " << v << "\n";
    }
    if (!violations.empty()) {
        std::cerr << "KPD-PRISM-VIOLATION: " << violations.size()
                  << " request(s) or answer(s) broke docs/api/openapi.yaml; Prism's log: " << m_logPath
                  << " (KPD_TEST_KEEP=1 keeps it)" << std::endl;
    }
}

SandboxProcess::SandboxProcess(SandboxOptions options) : m_options(std::move(options)) {
    m_dir = MakeTempDir("sandbox");
    if (m_options.db_url.empty()) {
        m_options.db_url = CurrentBackend() == Backend::Postgresql ? CreatePgDatabase("sandbox")
                                                                   : "sqlite:" + m_dir + "/platform.db";
    }
    Start(0, m_options.seed_demo);
    if (m_options.allow_prism && ViaPrism()) {
        try {
            m_prism = std::make_unique<PrismProxy>(m_baseUrl, m_dir);
        } catch (...) {
            Kill();
            throw;
        }
    }
}

SandboxProcess::~SandboxProcess() {
    try {
        Stop();
    } catch (...) {
    }
}

std::string SandboxProcess::Log() const {
    std::ifstream in(m_logPath);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void SandboxProcess::Start(int port, bool seed) {
    static int runs = 0;
    m_logPath = m_dir + "/sandbox-" + std::to_string(runs++) + ".log";
    std::vector<std::string> args = {KPD_SANDBOX_BIN, "--listen", "127.0.0.1:" + std::to_string(port), "--db",
                                     m_options.db_url};
    if (seed) {
        // A small settlement history keeps each test's start quick; a test that
        // wants the demo's full volume passes its own --demo-transactions (the last one wins).
        args.insert(args.end(), {"--seed", "demo", "--demo-transactions", "3000"});
    }
    if (!m_options.clock.empty()) {
        args.insert(args.end(), {"--clock", m_options.clock});
    }
    args.insert(args.end(), m_options.extra_args.begin(), m_options.extra_args.end());

    m_pid = Spawn(args, m_logPath, false);

    // Wait for the one ready line: "platform-sandbox ready on http://127.0.0.1:PORT".
    static const std::regex ready(R"(ready on (http://127\.0\.0\.1:(\d+)))");
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline) {
        std::smatch m;
        std::string log = Log();
        if (std::regex_search(log, m, ready)) {
            m_baseUrl = m[1];
            m_port = std::stoi(m[2]);
            return;
        }
        int status = 0;
        if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
            m_pid = -1;
            ReportChildSanitizerFindings("platform-sandbox", Log());
            throw std::runtime_error("platform-sandbox exited before it was ready:\n" + log);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    Kill();
    throw std::runtime_error("platform-sandbox was not ready within 60 s:\n" + Log());
}

void SandboxProcess::Restart() {
    int port = m_port;
    StopSandbox(); // Prism, if any, stays up on its port and reaches the new sandbox on the same one
    Start(port, false);
}

void SandboxProcess::Stop() {
    if (m_prism) {
        m_prism->Stop();
    }
    StopSandbox();
}

void SandboxProcess::StopSandbox() {
    if (m_pid <= 0) {
        return;
    }
    ::kill(m_pid, SIGTERM);
    for (int i = 0; i < 500; ++i) {
        int status = 0;
        if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
            m_pid = -1;
            // What the sanitizers found in the sandbox during the test or at its exit
            // (leaks are reported then) fails the test in a sanitizer build.
            ReportChildSanitizerFindings("platform-sandbox", Log());
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    Kill();
}

void SandboxProcess::Kill() {
    if (m_pid <= 0) {
        return;
    }
    ::kill(m_pid, SIGKILL);
    int status = 0;
    ::waitpid(m_pid, &status, 0);
    m_pid = -1;
    ReportChildSanitizerFindings("platform-sandbox", Log());
}

} // namespace kpd::test
