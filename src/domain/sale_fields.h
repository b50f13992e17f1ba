#pragma once
// The fields of a partner's own sales export as people write them: amounts in
// roubles ("1 234,50", "1234.5") or in kopecks ("123450"), sale times in ISO
// ("2026-11-23 15:30[:00]", "2026-11-23T15:30:00+03:00") or Russian
// ("23.11.2026 15:30[:00]") form. Exact: money never passes through a double.
#include "domain/money.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kpd::domain {

enum class AmountUnit { Roubles, InKopecks };

struct AmountParse {
    std::optional<Kopecks> value;
    std::string error; // English, names what is wrong with the text
    // Stable code of what is wrong, for UIs to word in their language:
    // empty | not_a_number | digit_groups | too_many_decimals | over_cap | decimals_in_kopecks
    // (over_cap: more than kMaxLineKop either way, domain/money.h)
    std::string code;
};

// `decimal` is ',' or '.'; spaces, no-break spaces (U+00A0, U+202F) and the
// other of ',' '.' used as a thousands separator are allowed between digit
// groups; at most 2 decimals; a leading '-' is kept; at most kMaxLineKop
// (10^13 kopecks) either way, so no sum of a few lines can wrap.
AmountParse ParseAmount(std::string_view text, char decimal, AmountUnit unit);

// Seconds since 1970 UTC; a time without an offset is taken at
// `utcOffsetMinutes` (Moscow is +180). Invalid dates (30 February) fail.
std::optional<std::int64_t> ParseSaleTime(std::string_view text, int utcOffsetMinutes);

} // namespace kpd::domain
