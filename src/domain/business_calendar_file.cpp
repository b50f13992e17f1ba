// The parser of the calendar data file (resources/calendar/ru.txt describes
// the format at its top). Strict: every malformed line is reported with its
// number, and a file with any problem gives no calendar at all, so a typo
// never turns a holiday into a working day silently.
#include "domain/business_calendar.h"

#include <set>

namespace kpd::domain {

namespace {

std::vector<std::string_view> Words(std::string_view line) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
        const std::size_t start = i;
        while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
        if (i > start) words.push_back(line.substr(start, i - start));
    }
    return words;
}

std::optional<int> Number(std::string_view text, int min, int max) {
    if (text.empty() || text.size() > 6) return std::nullopt;
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    if (value < min || value > max) return std::nullopt;
    return value;
}

const char* WeekdayName(unsigned wd) {
    static const char* const names[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    return names[wd % 7];
}

struct OpenYear {
    CalendarYear year;
    int line = 0;
    std::set<std::int64_t> days; // dates listed so far, for duplicates
};

class Parser {
  public:
    CalendarParse Run(std::string_view text) {
        int lineNo = 0;
        std::size_t pos = 0;
        while (pos <= text.size()) {
            const std::size_t end = std::min(text.find('\n', pos), text.size());
            std::string_view line = text.substr(pos, end - pos);
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            ++lineNo;
            Line(line, lineNo);
            if (end == text.size()) break;
            pos = end + 1;
        }
        Close();
        if (m_problems.empty() && m_calendar.Years().empty()) {
            m_problems.push_back({lineNo, "the calendar file holds no year"});
        }
        CalendarParse result;
        result.problems = std::move(m_problems);
        if (result.problems.empty()) result.calendar = std::move(m_calendar);
        return result;
    }

  private:
    void Problem(int line, std::string message) { m_problems.push_back({line, std::move(message)}); }

    void Line(std::string_view line, int lineNo) {
        const auto hash = line.find('#');
        if (hash != std::string_view::npos) line = line.substr(0, hash);
        const auto words = Words(line);
        if (words.empty()) return;
        if (words[0] == "year") {
            YearLine(words, lineNo);
        } else if (words[0] == "off" || words[0] == "work") {
            DayLine(words, lineNo);
        } else {
            Problem(lineNo, "unknown record '" + std::string(words[0]) + "' (expected year, off or work)");
        }
    }

    // year YYYY official decree N YYYY-MM-DD [working-days N]
    // year YYYY provisional [working-days N]
    void YearLine(const std::vector<std::string_view>& w, int lineNo) {
        Close();
        const auto year = w.size() > 1 ? Number(w[1], 1992, 2200) : std::nullopt;
        if (!year) {
            Problem(lineNo, "year: expected a year from 1992 to 2200 after 'year'");
            m_skipDays = true;
            return;
        }
        if (m_seenYears.count(*year) != 0) {
            Problem(lineNo, "year " + std::to_string(*year) + " is given twice");
            m_skipDays = true;
            return;
        }
        m_seenYears.insert(*year);
        OpenYear open;
        open.line = lineNo;
        open.year.year = *year;
        std::size_t i = 3;
        if (w.size() > 2 && w[2] == "official") {
            open.year.provisional = false;
            // 0 when missing (decrees are numbered from 1); a plain int, as GCC 12
            // at -O2 misreads an optional<int> read after the check as uninitialised.
            const int number = w.size() > 4 && w[3] == "decree" ? Number(w[4], 1, 999999).value_or(0) : 0;
            const auto date = w.size() > 5 ? ParseIsoDate(w[5]) : std::nullopt;
            if (number == 0 || !date) {
                Problem(lineNo, "official year " + std::to_string(*year) +
                                    ": expected 'decree <number> <YYYY-MM-DD>' after 'official'");
                m_skipDays = true;
                return;
            }
            open.year.decree_number = number;
            open.year.decree_date = *date;
            open.year.source = "Government decree No. " + std::to_string(number) + " of " + FormatIsoDate(*date);
            i = 6;
        } else if (w.size() > 2 && w[2] == "provisional") {
            open.year.provisional = true;
            open.year.source = "Labour Code art. 112 (provisional)";
        } else {
            Problem(lineNo, "year " + std::to_string(*year) + ": expected 'official' or 'provisional'");
            m_skipDays = true;
            return;
        }
        if (i < w.size()) {
            const auto days = w[i] == "working-days" && i + 1 < w.size() ? Number(w[i + 1], 1, 366) : std::nullopt;
            if (!days || i + 2 != w.size()) {
                Problem(lineNo, "year " + std::to_string(*year) + ": unexpected '" + std::string(w[i]) +
                                    "' (only 'working-days <N>' may follow)");
                m_skipDays = true;
                return;
            }
            open.year.declared_working_days = *days;
        }
        m_open = std::move(open);
        m_skipDays = false;
    }

    // off YYYY-MM-DD [why…] / work YYYY-MM-DD [why…]
    void DayLine(const std::vector<std::string_view>& w, int lineNo) {
        const bool off = w[0] == "off";
        if (!m_open) {
            if (!m_skipDays) Problem(lineNo, std::string(w[0]) + " before any 'year' line");
            return;
        }
        const auto date = w.size() > 1 ? ParseIsoDate(w[1]) : std::nullopt;
        if (!date) {
            Problem(lineNo, std::string(w[0]) + ": expected a date YYYY-MM-DD" +
                                (w.size() > 1 ? ", not '" + std::string(w[1]) + "'" : std::string()));
            return;
        }
        const std::string text = FormatIsoDate(*date);
        if (date->year != m_open->year.year) {
            Problem(lineNo, text + " is not in " + std::to_string(m_open->year.year) + ", the year of line " +
                                std::to_string(m_open->line));
            return;
        }
        const unsigned wd = WeekdayOf(*date);
        if (off && IsWeekend(*date)) {
            Problem(lineNo, "off " + text + " is a " + WeekdayName(wd) + ", a day off anyway: list weekdays only");
            return;
        }
        if (!off && !IsWeekend(*date)) {
            Problem(lineNo, "work " + text + " is a " + WeekdayName(wd) + ", a working day anyway: list Saturdays and Sundays only");
            return;
        }
        if (!m_open->days.insert(DayNumber(*date)).second) {
            Problem(lineNo, text + " is listed twice");
            return;
        }
        (off ? m_open->year.weekdays_off : m_open->year.working_weekend_days).push_back(*date);
    }

    void Close() {
        if (!m_open) return;
        OpenYear open = std::move(*m_open);
        m_open.reset();
        BusinessCalendar one;
        one.AddYear(open.year);
        const int counted = one.WorkingDaysIn(open.year.year).Value();
        if (open.year.declared_working_days && *open.year.declared_working_days != counted) {
            Problem(open.line, "year " + std::to_string(open.year.year) + " declares " +
                                   std::to_string(*open.year.declared_working_days) + " working days, the days listed make " +
                                   std::to_string(counted));
            return;
        }
        m_calendar.AddYear(open.year);
    }

    BusinessCalendar m_calendar;
    std::vector<CalendarFileProblem> m_problems;
    std::optional<OpenYear> m_open;
    std::set<int> m_seenYears;
    bool m_skipDays = false; // the year line was bad: its day lines add nothing more
};

} // namespace

CalendarParse BusinessCalendar::Parse(std::string_view text) { return Parser().Run(text); }

} // namespace kpd::domain
