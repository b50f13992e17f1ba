#pragma once
// The app's users scanning receipts, simulated: `count` receipts of one
// Moscow day, each from a random simulated user at a random shop's fiscal
// drive, lines drawn from the catalogue and, about a third of the time, one
// line that a running flight pays cashback for (so every live flight sees
// matches). Deterministic: the draws are seeded by the day and the receipt
// ids, so the same requests on a fresh database give the same receipts.
// Runs inside the caller's transaction on the caller's thread.
#include "domain/money.h"
#include "domain/timestamp.h"

#include <soci/soci.h>

#include <cstdint>
#include <string>

namespace kpd::sandbox {

struct GeneratedScans {
    std::int64_t generated = 0;
    std::int64_t matched = 0; // receipts that matched at least one flight
    domain::Kopecks accrued_kop = 0;
};

// Receipts of `day` with times up to `latestSecond` of that day (seconds
// after Moscow midnight: today's receipts are never in the future), scanned
// and accrued as ScanSession does; `now` is recorded with budget changes.
GeneratedScans GenerateScans(soci::session& db, domain::CivilDate day, std::int64_t count, int latestSecond,
                             const std::string& now);

// Every whole Moscow day the clock passed over moving from `from` to `to`
// (the days from from's date up to the day before to's date; at most the
// last kMaxSimulatedDays): `scansPerDay` receipts per partner with a flight
// running that day. Returns the receipts generated.
inline constexpr int kMaxSimulatedDays = 92;
std::int64_t SimulateDaysPassed(soci::session& db, domain::Instant from, domain::Instant to, int scansPerDay);

} // namespace kpd::sandbox
