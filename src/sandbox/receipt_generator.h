#pragma once
// The app's users scanning receipts, simulated: `count` receipts of one
// Moscow day, each from a random simulated user at a random shop's fiscal
// drive, lines drawn from the catalogue and, about a third of the time, one
// line that a running flight pays cashback for (so every live flight sees
// matches). Deterministic: the draws are seeded by the day and the receipt
// ids, so the same requests on a fresh database give the same receipts.
// Runs inside the caller's transaction on the caller's thread.
#include "domain/cancel_token.h"
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
// Made, stored and scanned a few hundred at a time; when `stop` is cancelled
// between two of those it throws SandboxStopping (the caller's transaction
// then rolls back).
GeneratedScans GenerateScans(soci::session& db, domain::CivilDate day, std::int64_t count,
                             int latestSecond, const std::string& now,
                             const domain::CancelToken* stop = nullptr);

// A clock move simulates the scans of at most this many of the last whole
// Moscow days it passes over (clock_move.h).
inline constexpr int kMaxSimulatedDays = 92;
// The scans of one whole Moscow day the clock passed over (`day` counted
// from 1970-01-01): `scansPerDay` receipts per partner with a flight running
// that day, stamped with the day's last second. Returns the receipts made.
std::int64_t SimulateScansOfDay(soci::session& db, std::int64_t day, int scansPerDay,
                                const domain::CancelToken* stop = nullptr);

} // namespace kpd::sandbox
