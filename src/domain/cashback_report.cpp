#include "domain/cashback_report.h"

#include <algorithm>

namespace kpd::domain {

namespace {
constexpr std::size_t kForecastDays = 7;
} // namespace

std::optional<CivilDate> ForecastExhaustion(const std::vector<FlightDay>& daily, Kopecks budget_left,
                                            CivilDate today) {
    // The latest days first, whatever order the series came in.
    std::vector<const FlightDay*> days;
    for (const auto& day : daily) {
        if (day.date <= today && day.accrued_kop > 0) {
            days.push_back(&day);
        }
    }
    if (days.empty()) {
        return std::nullopt;
    }
    if (budget_left <= 0) {
        return today;
    }
    std::sort(days.begin(), days.end(), [](const FlightDay* a, const FlightDay* b) { return a->date > b->date; });
    const auto n = static_cast<std::int64_t>(std::min(days.size(), kForecastDays));
    Kopecks sum = 0;
    for (std::int64_t i = 0; i < n; ++i) {
        sum += days[static_cast<std::size_t>(i)]->accrued_kop;
    }
    // Days after today until k × (sum / n) ≥ budget_left, in integers: k = ⌈budget_left × n / sum⌉.
    const std::int64_t k = (budget_left * n + sum - 1) / sum;
    return CivilFromDays(DaysFromCivil(today) + k);
}

} // namespace kpd::domain
