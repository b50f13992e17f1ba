#pragma once
// Instants on the wire are RFC 3339 with an offset; business dates are Moscow
// time (UTC+3, no daylight saving since 2014).
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace kpd::domain {

using Instant = std::chrono::sys_seconds;

inline constexpr std::chrono::minutes kMoscowOffset{180};

// Parses "2026-12-25T10:00:00+03:00", "…Z", with optional fractional seconds
// (dropped). Returns nullopt for anything else, including 30 February.
std::optional<Instant> ParseRfc3339(std::string_view text);

// Formats in the given offset: "2026-12-25T10:00:00+03:00" ("Z" for zero).
std::string FormatRfc3339(Instant instant, std::chrono::minutes offset = kMoscowOffset);

} // namespace kpd::domain
