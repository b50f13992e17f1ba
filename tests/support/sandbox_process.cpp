#include "support/sandbox_process.h"

#include "support/test_env.h"

#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace kpd::test {

SandboxProcess::SandboxProcess(SandboxOptions options) : m_options(std::move(options)) {
    m_dir = MakeTempDir("sandbox");
    if (m_options.db_url.empty()) {
        m_options.db_url = CurrentBackend() == Backend::Postgresql ? CreatePgDatabase("sandbox")
                                                                   : "sqlite:" + m_dir + "/platform.db";
    }
    Start(0, m_options.seed_demo);
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
        args.insert(args.end(), {"--seed", "demo"});
    }
    if (!m_options.clock.empty()) {
        args.insert(args.end(), {"--clock", m_options.clock});
    }
    args.insert(args.end(), m_options.extra_args.begin(), m_options.extra_args.end());

    pid_t pid = ::fork();
    if (pid < 0) {
        throw std::runtime_error("fork failed");
    }
    if (pid == 0) {
        int fd = ::open(m_logPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
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
    m_pid = pid;

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
            throw std::runtime_error("platform-sandbox exited before it was ready:\n" + log);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    Kill();
    throw std::runtime_error("platform-sandbox was not ready within 60 s:\n" + Log());
}

void SandboxProcess::Restart() {
    int port = m_port;
    Stop();
    Start(port, false);
}

void SandboxProcess::Stop() {
    if (m_pid <= 0) {
        return;
    }
    ::kill(m_pid, SIGTERM);
    for (int i = 0; i < 500; ++i) {
        int status = 0;
        if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
            m_pid = -1;
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
}

} // namespace kpd::test
