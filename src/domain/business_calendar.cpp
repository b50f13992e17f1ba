// Business-day arithmetic over the years a BusinessCalendar holds, and the
// provisional year of the Labour Code. The data file's parser is in
// business_calendar_file.cpp.
#include "domain/business_calendar.h"

#include <algorithm>
#include <set>

namespace kpd::domain {

namespace {

bool IsLeap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

std::int64_t FirstDayOf(int year) { return DaysFromCivil(year, 1, 1); }

} // namespace

// ---- dates ---------------------------------------------------------------------

std::int64_t DayNumber(CivilDate date) { return DaysFromCivil(date.year, date.month, date.day); }

CivilDate AddDays(CivilDate date, std::int64_t days) { return CivilFromDays(DayNumber(date) + days); }

unsigned WeekdayOf(CivilDate date) {
    // 1970-01-01 was a Thursday (4).
    const std::int64_t n = DayNumber(date);
    return static_cast<unsigned>(((n % 7) + 7 + 4) % 7);
}

bool IsWeekend(CivilDate date) {
    const unsigned wd = WeekdayOf(date);
    return wd == 0 || wd == 6;
}


// ---- the calendar ----------------------------------------------------------------

CalendarYear BusinessCalendar::ProvisionalYear(int year) {
    CalendarYear result;
    result.year = year;
    result.provisional = true;
    result.source = "Labour Code art. 112 (provisional)";

    std::vector<CivilDate> holidays;
    for (unsigned d = 1; d <= 8; ++d) holidays.push_back({year, 1, d});
    holidays.push_back({year, 2, 23});
    holidays.push_back({year, 3, 8});
    holidays.push_back({year, 5, 1});
    holidays.push_back({year, 5, 9});
    holidays.push_back({year, 6, 12});
    holidays.push_back({year, 11, 4});

    std::set<std::int64_t> off;
    for (const CivilDate& h : holidays) off.insert(DayNumber(h));
    for (const CivilDate& h : holidays) {
        if (!IsWeekend(h)) continue;
        // 1–8 January: the weekend days among them are moved by the decree only.
        if (h.month == 1) continue;
        // The weekend day moves to the next working day after the holiday.
        std::int64_t n = DayNumber(h) + 1;
        while (IsWeekend(CivilFromDays(n)) || off.count(n) != 0) ++n;
        off.insert(n);
    }
    for (std::int64_t n : off) {
        const CivilDate d = CivilFromDays(n);
        if (!IsWeekend(d) && d.year == year) result.weekdays_off.push_back(d);
    }
    return result;
}

void BusinessCalendar::AddYear(const CalendarYear& year) {
    YearDays days;
    days.info = year;
    const std::int64_t first = FirstDayOf(year.year);
    const std::size_t length = IsLeap(year.year) ? 366 : 365;
    days.business.resize(length);
    for (std::size_t i = 0; i < length; ++i) {
        days.business[i] = !IsWeekend(CivilFromDays(first + static_cast<std::int64_t>(i)));
    }
    const auto index = [&](CivilDate d) -> std::optional<std::size_t> {
        const std::int64_t i = DayNumber(d) - first;
        if (i < 0 || static_cast<std::size_t>(i) >= length) return std::nullopt;
        return static_cast<std::size_t>(i);
    };
    for (const CivilDate& d : year.weekdays_off) {
        if (const auto i = index(d)) days.business[*i] = false;
    }
    for (const CivilDate& d : year.working_weekend_days) {
        if (const auto i = index(d)) days.business[*i] = true;
    }
    m_years[year.year] = std::move(days);
}

std::vector<int> BusinessCalendar::Years() const {
    std::vector<int> years;
    for (const auto& [year, days] : m_years) years.push_back(year);
    return years;
}

const CalendarYear* BusinessCalendar::FindYear(int year) const {
    const YearDays* days = Find(year);
    return days ? &days->info : nullptr;
}

const BusinessCalendar::YearDays* BusinessCalendar::Find(int year) const {
    const auto it = m_years.find(year);
    return it == m_years.end() ? nullptr : &it->second;
}

CalendarError BusinessCalendar::Unknown(int year) {
    return CalendarError{"calendar_unknown", year,
                         "no business calendar for " + std::to_string(year) +
                             " (neither its decree nor a provisional year is in the calendar file)"};
}

CalendarResult<bool> BusinessCalendar::IsBusinessDay(CivilDate date) const {
    const YearDays* days = Find(date.year);
    if (!days) return Unknown(date.year);
    return static_cast<bool>(days->business[static_cast<std::size_t>(DayNumber(date) - FirstDayOf(date.year))]);
}

CalendarResult<bool> BusinessCalendar::IsProvisional(int year) const {
    const YearDays* days = Find(year);
    if (!days) return Unknown(year);
    return days->info.provisional;
}

CalendarResult<CivilDate> BusinessCalendar::AddBusinessDays(CivilDate date, int n) const {
    const int step = n < 0 ? -1 : 1;
    int left = n < 0 ? -n : n;
    std::int64_t day = DayNumber(date);
    if (!Find(date.year)) return Unknown(date.year);
    while (left > 0) {
        day += step;
        const CivilDate d = CivilFromDays(day);
        const auto business = IsBusinessDay(d);
        if (!business) return business.Error();
        if (business.Value()) --left;
    }
    return CivilFromDays(day);
}

CalendarResult<int> BusinessCalendar::BusinessDaysBetween(CivilDate a, CivilDate b) const {
    const std::int64_t from = DayNumber(a), to = DayNumber(b);
    const std::int64_t lo = std::min(from, to), hi = std::max(from, to);
    for (int y = CivilFromDays(lo).year; y <= CivilFromDays(hi).year; ++y) {
        if (!Find(y)) return Unknown(y);
    }
    int count = 0;
    for (std::int64_t n = lo + 1; n <= hi; ++n) {
        if (IsBusinessDay(CivilFromDays(n)).Value()) ++count;
    }
    return from <= to ? count : -count;
}

CalendarResult<int> BusinessCalendar::WorkingDaysIn(int year) const {
    const YearDays* days = Find(year);
    if (!days) return Unknown(year);
    return static_cast<int>(std::count(days->business.begin(), days->business.end(), true));
}

} // namespace kpd::domain
