#pragma once
// Finding and reading the business calendar's data file (the format is in
// resources/calendar/ru.txt; the parsing in domain/business_calendar.h).
// The desk, partnerctl and platform-sandbox all read the same file at start,
// so a new decree is entered by replacing the file, without rebuilding:
//   1. $KPD_CALENDAR_FILE, when set (then nothing else is tried);
//   2. <dir>/share/koshelek-partner-desk/calendar/ru.txt for <dir> = the
//      executable's folder and up to three of its parents: the install tree
//      (<prefix>/bin/… → <prefix>/share/…) and the build tree (every build
//      copies the file to <build>/share/…, executables live in <build>/ui,
//      <build>/src/cli, <build>/src/sandbox, <build>/tests/…).
// Built as a library of its own (kpd_calendar_file: domain and the standard
// library only), so the sandbox loads it without linking the client's services.
// Any thread; the result is an immutable value.
#include "domain/business_calendar.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kpd::services {

inline constexpr const char* kCalendarFileEnv = "KPD_CALENDAR_FILE";
inline constexpr const char* kCalendarRelativePath = "share/koshelek-partner-desk/calendar/ru.txt";

struct CalendarFile {
    std::optional<domain::BusinessCalendar> calendar; // nullopt when it could not be read
    std::string path;  // the file read, or the one that failed
    // English, for logs and stderr: the file and what is wrong, one line per
    // problem of a malformed file ("…/ru.txt:12: off 2027-01-02 is a Saturday…").
    std::string error;

    bool Ok() const { return calendar.has_value(); }
};

// The places tried, in order (see above).
std::vector<std::filesystem::path> CalendarFileCandidates();

// Reads and parses one file.
CalendarFile LoadCalendarFile(const std::filesystem::path& path);

// The first candidate that exists, read and parsed; an error listing every
// place tried when none does.
CalendarFile LoadBusinessCalendar();

// English words for a calendar question that could not be answered, naming
// the file to update: "no business calendar for 2031 … (calendar file: …)".
std::string DescribeCalendarError(const domain::CalendarError& error, const std::string& path);

} // namespace kpd::services
