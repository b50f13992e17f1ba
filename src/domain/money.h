#pragma once
// Money is an integer number of kopecks everywhere; this formats it for people.
#include <cstdint>
#include <string>

namespace kpd::domain {

using Kopecks = std::int64_t;

// "1 234,50 ₽" with a narrow no-break space (U+202F) between thousands and a
// comma before the kopecks, as the Russian UI writes money.
std::string FormatRoublesRu(Kopecks amount);

// "1,234.50 RUB" for the English UI and logs.
std::string FormatRoublesEn(Kopecks amount);

} // namespace kpd::domain
