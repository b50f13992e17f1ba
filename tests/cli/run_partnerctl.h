#pragma once
// Runs the built partnerctl (KPD_PARTNERCTL_BIN) as a child process with the
// given arguments, stdin text and environment, and collects its exit code,
// stdout and stderr separately. Variables PARTNERCTL_* and PARTNER_DESK_* of
// the test's own environment are not passed on, so only what a test sets counts.
// Thread affinity: the test thread.
#include <map>
#include <string>
#include <vector>

namespace kpd::test {

struct CliRun {
    int exit_code = -1;
    std::string out;
    std::string err;
    long max_rss_kb = 0; // the child's peak resident memory (getrusage of it alone)
};

CliRun RunPartnerctl(const std::vector<std::string>& args, const std::string& stdin_text = "",
                     const std::map<std::string, std::string>& env = {});

} // namespace kpd::test
