#pragma once
// Instants on the wire are RFC 3339 with an offset; business dates are Moscow
// time (UTC+3, no daylight saving since 2014).
#include <chrono>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kpd::domain {

using Instant = std::chrono::sys_seconds;

inline constexpr std::chrono::minutes kMoscowOffset{180};

// Parses "2026-12-25T10:00:00+03:00", "…Z", with optional fractional seconds
// (dropped). Returns nullopt for anything else, including 30 February.
std::optional<Instant> ParseRfc3339(std::string_view text);

// Calendar arithmetic for hot loops (millions of rows) where <chrono>'s
// conversions cost too much: days since 1970-01-01 ↔ proleptic Gregorian date.
struct CivilDate {
    int year = 1970;
    unsigned month = 1; // 1–12
    unsigned day = 1;   // 1–31

    // Field order is year, month, day, so the default ordering is the calendar's.
    friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
};
CivilDate CivilFromDays(std::int64_t days);
std::int64_t DaysFromCivil(int year, unsigned month, unsigned day);
inline std::int64_t DaysFromCivil(CivilDate date) { return DaysFromCivil(date.year, date.month, date.day); }

// Business dates on the wire: "2026-11-23". Parse answers nullopt for any
// other shape and for dates that do not exist (2026-02-30).
std::optional<CivilDate> ParseIsoDate(std::string_view text);
std::string FormatIsoDate(CivilDate date);

// Formats in the given offset: "2026-12-25T10:00:00+03:00" ("Z" for zero).
std::string FormatRfc3339(Instant instant, std::chrono::minutes offset = kMoscowOffset);

} // namespace kpd::domain
