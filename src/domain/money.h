#pragma once
// Money is an integer number of kopecks everywhere; this formats it for people.
#include <cstdint>
#include <string>

namespace kpd::domain {

using Kopecks = std::int64_t;

// The most one line may carry, either sign: a sale in a partner's file, a
// purchase on a register, a receipt line (price × quantity). 10^13 kopecks
// are 100 billion roubles, beyond any real purchase, and about 920,000 such
// lines still add up without leaving Kopecks; every sum is checked anyway.
inline constexpr Kopecks kMaxLineKop = 10'000'000'000'000;

// Whether |amount| is within kMaxLineKop.
constexpr bool WithinLineCap(Kopecks amount) {
    return amount <= kMaxLineKop && amount >= -kMaxLineKop;
}

// out = a + b (or a × b); false, and out unspecified, when it would leave
// Kopecks. For sums that must never wrap: the caller says what overflowed.
inline bool CheckedAdd(Kopecks a, Kopecks b, Kopecks& out) {
    return !__builtin_add_overflow(a, b, &out);
}
inline bool CheckedSub(Kopecks a, Kopecks b, Kopecks& out) {
    return !__builtin_sub_overflow(a, b, &out);
}
inline bool CheckedMul(Kopecks a, std::int64_t b, Kopecks& out) {
    return !__builtin_mul_overflow(a, b, &out);
}

// "1 234,50 ₽" with a narrow no-break space (U+202F) between thousands and a
// comma before the kopecks, as the Russian UI writes money.
std::string FormatRoublesRu(Kopecks amount);

// "1,234.50 RUB" for the English UI and logs.
std::string FormatRoublesEn(Kopecks amount);

} // namespace kpd::domain
