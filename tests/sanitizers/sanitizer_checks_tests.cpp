// The sanitizer build's own proof: each planted fault of sanitizer_canary,
// run as the tests run their child processes and with the run-time options
// scripts/test sets, stops the program with a report that
// kpd::test::SanitizerReportIn finds (and so fails the test that started it);
// a clean run has none. If the options lost halt_on_error, the flags lost
// -fno-sanitize-recover, or a suppression hid our own code, a case here fails.
#define BOOST_TEST_MODULE sanitizer_checks
#include "support/sanitizer_report.h"
#include "support/test_env.h"

#include <boost/test/unit_test.hpp>

#include <fcntl.h>
#include <fstream>
#include <spawn.h>
#include <sstream>
#include <string>
#include <sys/wait.h>

extern char** environ;

namespace {

struct CanaryRun {
    int exit_code = -1;
    std::string err;
};

CanaryRun RunCanary(const std::string& fault) {
    const std::string errPath = kpd::test::MakeTempDir("canary") + "/stderr";
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 2, errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    std::string program = KPD_SANITIZER_CANARY;
    std::string arg = fault;
    char* argv[] = {program.data(), arg.data(), nullptr};
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    BOOST_TEST_REQUIRE(rc == 0, "cannot start " << program);
    int status = 0;
    ::waitpid(pid, &status, 0);
    CanaryRun run;
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    std::ifstream in(errPath);
    std::stringstream text;
    text << in.rdbuf();
    run.err = text.str();
    return run;
}

bool AddressBuild() {
    return std::string(KPD_SANITIZE_KIND) == "address";
}
bool ThreadBuild() {
    return std::string(KPD_SANITIZE_KIND) == "thread";
}

// A report found, and the line it starts with contains `kind` (what the sanitizer called it).
void ExpectStoppedWithReport(const CanaryRun& run, const std::string& kind) {
    BOOST_TEST(run.exit_code != 0);
    const auto report = kpd::test::SanitizerReportIn(run.err);
    BOOST_TEST_REQUIRE(!report.empty(), "no sanitizer report in: " << run.err.substr(0, 2000));
    BOOST_TEST(report.substr(0, report.find('\n')).find(kind) != std::string::npos,
               "first line of the report: " << report.substr(0, report.find('\n')));
}

} // namespace

BOOST_AUTO_TEST_SUITE(sanitizer_checks)

BOOST_AUTO_TEST_CASE(a_clean_run_has_no_report) {
    const auto run = RunCanary("clean");
    BOOST_TEST(run.exit_code == 0);
    BOOST_TEST(kpd::test::SanitizerReportIn(run.err).empty(), run.err);
}

BOOST_AUTO_TEST_CASE(a_heap_buffer_overflow_stops_the_program) {
    if (!AddressBuild()) {
        return;
    }
    ExpectStoppedWithReport(RunCanary("heap-buffer-overflow"), "heap-buffer-overflow");
}

BOOST_AUTO_TEST_CASE(undefined_behaviour_stops_the_program) {
    if (!AddressBuild()) {
        return;
    }
    // Without -fno-sanitize-recover UBSan would print and go on, and exit 0.
    ExpectStoppedWithReport(RunCanary("signed-overflow"), "signed integer overflow");
}

BOOST_AUTO_TEST_CASE(a_leak_of_our_own_code_is_reported_at_exit) {
    if (!AddressBuild()) {
        return;
    }
    // The suppressions (tests/sanitizers/lsan.supp) name only libraries' leaks.
    ExpectStoppedWithReport(RunCanary("leak"), "LeakSanitizer");
}

BOOST_AUTO_TEST_CASE(a_data_race_stops_the_program) {
    if (!ThreadBuild()) {
        return;
    }
    ExpectStoppedWithReport(RunCanary("data-race"), "data race");
}

BOOST_AUTO_TEST_CASE(a_report_is_found_in_a_child_log) {
    const std::string log = "platform-sandbox ready on http://127.0.0.1:1\n"
                            "src/domain/money.cpp:10:5: runtime error: signed integer overflow\n"
                            "SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior\n";
    const auto report = kpd::test::SanitizerReportIn(log);
    BOOST_TEST(report.rfind("src/domain/money.cpp:10:5: runtime error:", 0) == 0, report);
    BOOST_TEST(kpd::test::SanitizerReportIn("platform-sandbox ready\nstopped\n").empty());
    BOOST_TEST(
        !kpd::test::SanitizerReportIn("==12==ERROR: AddressSanitizer: SEGV on unknown address")
             .empty());
    BOOST_TEST(
        !kpd::test::SanitizerReportIn("WARNING: ThreadSanitizer: data race (pid=3)").empty());
}

BOOST_AUTO_TEST_SUITE_END()
