#pragma once
// How a flight is doing (GET /cashback-flights/{id}/report) and the forecast
// of the day its budget runs out. Plain data and a pure function: any thread.
#include "domain/money.h"
#include "domain/timestamp.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace kpd::domain {

// One Moscow day of the flight: receipts scanned by users it could reach,
// receipts it matched, cashback accrued (net of reversals that day).
struct FlightDay {
    CivilDate date;
    std::int64_t scanned = 0;
    std::int64_t matched = 0;
    Kopecks accrued_kop = 0;

    friend bool operator==(const FlightDay&, const FlightDay&) = default;
};

struct FlightReport {
    std::int64_t flight_id = 0;
    std::int64_t receipts_scanned = 0;
    std::int64_t receipts_matched = 0;
    Kopecks accrued_kop = 0;  // net: reversals already subtracted
    Kopecks reversed_kop = 0; // taken back by return receipts
    Kopecks budget_kop = 0;
    Kopecks budget_left_kop = 0;
    std::vector<FlightDay> daily; // oldest first
    std::optional<CivilDate> forecast_exhausted_on;

    friend bool operator==(const FlightReport&, const FlightReport&) = default;
};

// What the budget left comes to by the flight's last day if the flight keeps
// accruing as lately: the average of the (at most) 7 latest days on or before
// `today` that accrued anything is spent every day after `today`, up to and
// including `ends_on` and no further.
struct BudgetForecast {
    enum class Outcome {
        NoPace,      // no day accrued anything: nothing to forecast from
        RunsOut,     // spent by the end of `runs_out_on` (on or before ends_on; `today` when nothing is left)
        LastsToEnd,  // not spent by the end of ends_on: `left_at_end_kop` remains
    };
    Outcome outcome = Outcome::NoPace;
    std::optional<CivilDate> runs_out_on;
    Kopecks left_at_end_kop = 0; // whole kopecks: the pace's spending is rounded down

    friend bool operator==(const BudgetForecast&, const BudgetForecast&) = default;
};

BudgetForecast ForecastBudget(const std::vector<FlightDay>& daily, Kopecks budget_left, CivilDate today,
                              CivilDate ends_on);

} // namespace kpd::domain
