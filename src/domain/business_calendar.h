#pragma once
// The Russian production calendar: which days are business (working) days.
// Built from the text of resources/calendar/ru.txt (format described at the
// top of that file; services read it from disk, the domain only parses), one
// year at a time: every year is either official (the Government's yearly
// decree on moving days off is entered) or provisional (computed from the
// Labour Code, art. 112, alone). A question about a year with no data answers
// an error ("calendar_unknown"), never a guess.
// Immutable after building: safe to share between threads for reading.
#include "domain/timestamp.h"

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace kpd::domain {

// ---- dates as text and weekdays (the calendar's vocabulary) ----------------

// ParseIsoDate / FormatIsoDate ("2026-12-25") are in domain/timestamp.h.
// Days since 1970-01-01 (for comparing and stepping dates).
std::int64_t DayNumber(CivilDate date);
CivilDate AddDays(CivilDate date, std::int64_t days);
// 0 = Sunday … 6 = Saturday, as std::chrono::weekday::c_encoding().
unsigned WeekdayOf(CivilDate date);
bool IsWeekend(CivilDate date);

// ---- errors and results ------------------------------------------------------

// A question the calendar cannot answer. code "calendar_unknown" (the same
// code the sandbox answers over HTTP) and the year without data.
struct CalendarError {
    std::string code;
    int year = 0;
    std::string message; // English, e.g. "no business calendar for 2031"
};

// A value or a CalendarError (C++20 has no std::expected).
template <class T> class CalendarResult {
  public:
    CalendarResult(T value) : m_data(std::move(value)) {}
    CalendarResult(CalendarError error) : m_data(std::move(error)) {}

    bool Ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return Ok(); }
    const T& Value() const {
        if (!Ok()) throw std::logic_error("CalendarResult::Value() on an error: " + Error().message);
        return std::get<0>(m_data);
    }
    const CalendarError& Error() const { return std::get<1>(m_data); }

  private:
    std::variant<T, CalendarError> m_data;
};

// ---- one year ------------------------------------------------------------------

struct CalendarYear {
    int year = 0;
    bool provisional = true;
    // Where the days come from, for people: "Government decree No. 1466 of
    // 2025-09-24" or "Labour Code art. 112 (provisional)".
    std::string source;
    std::optional<int> decree_number;
    std::optional<CivilDate> decree_date;
    // Weekdays (Mon–Fri) that are days off: holidays and moved days off.
    std::vector<CivilDate> weekdays_off;
    // Saturdays and Sundays that are working days (moved by the decree).
    std::vector<CivilDate> working_weekend_days;
    // The total of working days the official calendar states; when set, the
    // parser checks the days listed add up to it.
    std::optional<int> declared_working_days;
};

// A malformed line of the data file: its 1-based number and what is wrong.
struct CalendarFileProblem {
    int line = 0;
    std::string message;
};

struct CalendarParse;

class BusinessCalendar {
  public:
    BusinessCalendar() = default;

    // Parses the data file's text; any malformed line makes it fail with every
    // problem found, each naming its line (no half-read calendar).
    static CalendarParse Parse(std::string_view text);

    // The year as the Labour Code alone makes it (art. 112): holidays 1–8
    // January, 23 February, 8 March, 1 May, 9 May, 12 June, 4 November; one on
    // a Saturday or Sunday moves the day off to the next working day, except
    // 1–8 January (the Government moves those by its decree, unknown here).
    // Marked provisional. Works for any year from 2013 (the current list).
    static CalendarYear ProvisionalYear(int year);

    // Adds or replaces a year (e.g. ProvisionalYear(2028) explicitly).
    void AddYear(const CalendarYear& year);

    bool HasYear(int year) const { return m_years.count(year) != 0; }
    std::vector<int> Years() const;
    const CalendarYear* FindYear(int year) const;

    CalendarResult<bool> IsBusinessDay(CivilDate date) const;
    CalendarResult<bool> IsProvisional(int year) const;
    // The n-th business day after `date` (the day itself does not count):
    // AddBusinessDays(Mon 23 Nov 2026, 5) = Mon 30 Nov 2026. n = 0 gives
    // `date`; negative n counts back. An error when the walk reaches a year
    // without data.
    CalendarResult<CivilDate> AddBusinessDays(CivilDate date, int n) const;
    // Business days d with a < d ≤ b (negative when b is before a), so
    // AddBusinessDays(a, BusinessDaysBetween(a, b)) is b when b is a business day.
    CalendarResult<int> BusinessDaysBetween(CivilDate a, CivilDate b) const;
    // Working days in the whole year.
    CalendarResult<int> WorkingDaysIn(int year) const;

  private:
    struct YearDays {
        CalendarYear info;
        std::vector<bool> business; // by day of the year, 0-based
    };
    const YearDays* Find(int year) const;
    static CalendarError Unknown(int year);

    std::map<int, YearDays> m_years;
};

struct CalendarParse {
    std::optional<BusinessCalendar> calendar; // empty when there are problems
    std::vector<CalendarFileProblem> problems;
};

} // namespace kpd::domain
