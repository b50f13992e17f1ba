#pragma once
// Simulated Dolyami purchases for the sandbox: a retail chain's stores selling
// on instalments day after day, some orders refunded in full or in part a few
// days later, and the daily settlement registers they make. Deterministic for
// a seed on every platform (own PRNG arithmetic, no <random> distributions),
// so a demo and a test see the same numbers.
#include "domain/business_calendar.h"
#include "domain/dolyami.h"
#include "domain/settlement.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace kpd::domain {

struct SimulationSpec {
    std::uint64_t seed = 1;
    std::string order_prefix = "PLK-";
    int stores = 12;
    std::int64_t first_day = 0;   // Unix seconds of 00:00 Moscow of the first business date
    int days = 92;
    std::int64_t transactions = 200'000; // purchases over the whole period
    std::int64_t now = 0;                // refunds after this moment are not known yet
};

// One purchase of the register of its business date, with what was refunded
// of it by `now`.
struct SimulatedPurchase {
    DolyamiOrder order;
    Kopecks refunded_kop = 0; // processed refunds so far
};

struct SimulatedRegister {
    std::string business_date; // YYYY-MM-DD
    std::string payout_date;   // the next business day
    std::vector<SimulatedPurchase> purchases;
    Kopecks turnover_kop = 0;
    Kopecks refunds_kop = 0; // refunds processed on this date, of any earlier purchase
    Kopecks payout_kop = 0;
};

// "YYYY-MM-DD" of a Moscow day given its 00:00 Moscow in Unix seconds.
std::string MoscowDate(std::int64_t dayStart);

// Calls `sink` with each day's register in date order, so millions of
// purchases never have to sit in memory at once. A register pays out on the
// next business day of `calendar` (the production calendar with the decree's
// moved days); throws std::runtime_error with the calendar's words when a
// payout date falls in a year the calendar has no data for (never a guess).
void SimulateRegisters(const SimulationSpec& spec, const BusinessCalendar& calendar,
                       const std::function<void(SimulatedRegister&&)>& sink);

} // namespace kpd::domain
