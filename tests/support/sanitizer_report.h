#pragma once
// Sanitizer reports of the child processes a test starts (platform-sandbox,
// partnerctl). In a sanitizer build (KPD_SANITIZE) they are instrumented like
// the test itself, but what they print goes to a log file or a captured
// stderr that no one reads when the test passes for other reasons (a
// partnerctl run expected to fail, a sandbox that fails at shutdown). So each
// runner hands its child's output here: a report found is printed on the
// test's own stderr after the marker line below, which ctest's
// FAIL_REGULAR_EXPRESSION (tests/CMakeLists.txt, sanitizer builds) turns into
// a failure of the test.
#include <string>

namespace kpd::test {

// The marker ctest looks for.
inline constexpr const char* kSanitizerReportMarker = "KPD-SANITIZER-REPORT";

// The part of `output` from the first line a sanitizer wrote (ASan, LSan,
// UBSan, TSan) to its end, at most 64 KiB of it; "" when there is none.
std::string SanitizerReportIn(const std::string& output);

// When `output` holds a sanitizer report, prints it to stderr under a line
// "KPD-SANITIZER-REPORT in <who>: …". Never throws (called from destructors).
void ReportChildSanitizerFindings(const std::string& who, const std::string& output);

} // namespace kpd::test
