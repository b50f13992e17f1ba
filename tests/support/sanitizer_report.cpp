#include "support/sanitizer_report.h"

#include <algorithm>
#include <array>
#include <iostream>
#include <string_view>

namespace kpd::test {

std::string SanitizerReportIn(const std::string& output) {
    // The first line of each kind of report: "==PID==ERROR: AddressSanitizer: …"
    // (LeakSanitizer's the same), "WARNING: ThreadSanitizer: …", "FATAL: ThreadSanitizer: …"
    // (a runtime that could not start) and "file:line:col: runtime error: …" (UBSan).
    static constexpr std::array<std::string_view, 5> kStarts = {
        "ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "WARNING: ThreadSanitizer",
        "FATAL: ThreadSanitizer", ": runtime error: "};
    std::size_t first = std::string::npos;
    for (auto start : kStarts) {
        first = std::min(first, output.find(start));
    }
    if (first == std::string::npos) {
        return {};
    }
    auto lineStart = output.rfind('\n', first);
    lineStart = lineStart == std::string::npos ? 0 : lineStart + 1;
    constexpr std::size_t kMax = 64 * 1024;
    return output.substr(lineStart, kMax);
}

void ReportChildSanitizerFindings(const std::string& who, const std::string& output) {
    try {
        auto report = SanitizerReportIn(output);
        if (!report.empty()) {
            std::cerr << kSanitizerReportMarker << " in " << who << ":\n" << report << std::endl;
        }
    } catch (...) {
    }
}

} // namespace kpd::test
