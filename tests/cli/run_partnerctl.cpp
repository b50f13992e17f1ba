#include "run_partnerctl.h"

#include "support/sanitizer_report.h"
#include "support/test_env.h"

#include <fcntl.h>
#include <fstream>
#include <spawn.h>
#include <sstream>
#include <stdexcept>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace kpd::test {

namespace {

std::string ReadAll(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

bool Inherited(const std::string& entry) {
    return entry.rfind("PARTNERCTL_", 0) != 0 && entry.rfind("PARTNER_DESK_", 0) != 0;
}

} // namespace

CliRun RunPartnerctl(const std::vector<std::string>& args, const std::string& stdin_text,
                     const std::map<std::string, std::string>& env) {
    // Files, not pipes: the child can write any amount without a reader thread.
    std::string dir = MakeTempDir("partnerctl_run");
    std::string inPath = dir + "/stdin", outPath = dir + "/stdout", errPath = dir + "/stderr";
    std::ofstream(inPath, std::ios::binary) << stdin_text;

    std::vector<std::string> argStrings = {KPD_PARTNERCTL_BIN};
    argStrings.insert(argStrings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argStrings) {
        argv.push_back(a.data());
    }
    argv.push_back(nullptr);

    std::vector<std::string> envStrings;
    for (char** e = environ; *e != nullptr; ++e) {
        const std::string entry = *e;
        // A variable the test sets replaces the inherited one (getenv finds the first).
        if (Inherited(*e) && env.count(entry.substr(0, entry.find('='))) == 0) {
            envStrings.emplace_back(*e);
        }
    }
    for (const auto& [name, value] : env) {
        envStrings.push_back(name + "=" + value);
    }
    std::vector<char*> envp;
    for (auto& e : envStrings) {
        envp.push_back(e.data());
    }
    envp.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, inPath.c_str(), O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid = 0;
    int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
        throw std::runtime_error(std::string("cannot start ") + KPD_PARTNERCTL_BIN);
    }
    int status = 0;
    struct rusage usage {};
    ::wait4(pid, &status, 0, &usage); // this child's own peak memory, not the test's other children

    CliRun run;
    run.max_rss_kb = usage.ru_maxrss;
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    run.out = ReadAll(outPath);
    run.err = ReadAll(errPath);
    // A test that expects partnerctl to fail would pass on a sanitizer's exit too.
    ReportChildSanitizerFindings("partnerctl", run.err);
    return run;
}

} // namespace kpd::test
