// libFuzzer target: the business calendar's data file (domain BusinessCalendar::Parse). Promises: a
// calendar or problems (each naming a line of the file), never both; a parsed calendar answers for
// every year it has. Built with clang, ASan and UBSan (tests/fuzz/CMakeLists.txt); run by ctest for
// 20 s and by scripts/fuzz for longer.
#include "domain/business_calendar.h"
#include "fuzz_support.h"

#include <algorithm>

using namespace kpd::domain;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const CalendarParse parsed = BusinessCalendar::Parse(text);
    kpd::fuzz::Check(parsed.calendar.has_value() == parsed.problems.empty());
    const auto lines = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
    for (const auto& p : parsed.problems) {
        kpd::fuzz::Check(p.line >= 0 && p.line <= lines);
        kpd::fuzz::Check(!p.message.empty());
    }
    if (!parsed.calendar)
        return 0;
    for (int year : parsed.calendar->Years()) {
        const auto days = parsed.calendar->WorkingDaysIn(year);
        kpd::fuzz::Check(days.Ok() && days.Value() >= 0 && days.Value() <= 366);
        const CivilDate first{year, 1, 1};
        kpd::fuzz::Check(parsed.calendar->IsBusinessDay(first).Ok());
    }
    return 0;
}
