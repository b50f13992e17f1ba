#pragma once
// Dolyami days that pass on the sandbox clock: every Moscow day that has
// ended since a partner's newest register gets its register, simulated as
// the demo seed's days are (domain/dolyami_simulation.h) but for that day
// alone — about as many purchases as the last week's days, order ids with the
// day in them so they never collide with earlier ones, pending review — and
// every month that has ended gets its commission invoice, computed from the
// purchases and registers the sandbox holds (Moscow months: the honest
// invoice; only the seed plants the UTC slip). So a partner rehearsing over
// days sees new registers to sync and approve, and the desk's incremental
// sync has something to fetch. Runs inside a transaction of the clock's move
// (clock_move.h), which calls it once per day it steps over.
#include "domain/business_calendar.h"
#include "domain/timestamp.h"

#include <soci/soci.h>

namespace kpd::sandbox {

// At most this many days are simulated per partner in one move (a clock
// moved years ahead would otherwise write millions of purchases in one
// request); older days of a longer jump stay without registers.
inline constexpr int kMaxSimulatedSettlementDays = 92;

// The days that have ended by `through` (those before its Moscow day), at
// most kMaxSimulatedSettlementDays before `asOf`'s day, simulated as seen at
// `asOf` (the move's target: which purchases are completed, which refunds
// known), and the months ended by `through` invoiced. A move steps `through`
// day by day up to `asOf`; the result is the same as one call at `asOf`.
// Returns the number of registers added (0 when no whole day has passed).
int AddSettlementDaysPassed(soci::session& db, domain::Instant through, domain::Instant asOf,
                            const domain::BusinessCalendar& calendar);

} // namespace kpd::sandbox
