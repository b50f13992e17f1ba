#include "domain/cashback_report.h"

#include <algorithm>

namespace kpd::domain {

namespace {
constexpr std::size_t kForecastDays = 7;
} // namespace

BudgetForecast ForecastBudget(const std::vector<FlightDay>& daily, Kopecks budget_left, CivilDate today,
                              CivilDate ends_on) {
    // The latest days first, whatever order the series came in.
    std::vector<const FlightDay*> days;
    for (const auto& day : daily) {
        if (day.date <= today && day.accrued_kop > 0) {
            days.push_back(&day);
        }
    }
    BudgetForecast forecast;
    if (days.empty()) {
        return forecast;
    }
    if (budget_left <= 0) {
        forecast.outcome = BudgetForecast::Outcome::RunsOut;
        forecast.runs_out_on = today;
        return forecast;
    }
    std::sort(days.begin(), days.end(), [](const FlightDay* a, const FlightDay* b) { return a->date > b->date; });
    const auto n = static_cast<std::int64_t>(std::min(days.size(), kForecastDays));
    Kopecks sum = 0;
    for (std::int64_t i = 0; i < n; ++i) {
        sum += days[static_cast<std::size_t>(i)]->accrued_kop;
    }
    // Days after today until k × (sum / n) ≥ budget_left, in integers: k = ⌈budget_left × n / sum⌉.
    const std::int64_t k = (budget_left * n + sum - 1) / sum;
    // The flight accrues on the days after today up to its end, none after it.
    const std::int64_t daysLeft = std::max<std::int64_t>(0, DaysFromCivil(ends_on) - DaysFromCivil(today));
    if (k <= daysLeft) {
        forecast.outcome = BudgetForecast::Outcome::RunsOut;
        forecast.runs_out_on = CivilFromDays(DaysFromCivil(today) + k);
        return forecast;
    }
    // k > daysLeft means daysLeft × sum / n < budget_left: something is left, at least a kopeck.
    forecast.outcome = BudgetForecast::Outcome::LastsToEnd;
    forecast.left_at_end_kop = budget_left - daysLeft * sum / n;
    return forecast;
}

} // namespace kpd::domain
