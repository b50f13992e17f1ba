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
// sync has something to fetch. Runs inside the clock route's transaction.
#include "domain/business_calendar.h"
#include "domain/timestamp.h"

#include <soci/soci.h>

namespace kpd::sandbox {

// At most this many days are simulated per partner in one move (a clock
// moved years ahead would otherwise write millions of purchases in one
// request); older days of a longer jump stay without registers.
inline constexpr int kMaxSimulatedSettlementDays = 92;

// Returns the number of registers added (0 when no whole day has passed).
int AddSettlementDaysPassed(soci::session& db, domain::Instant now, const domain::BusinessCalendar& calendar);

} // namespace kpd::sandbox
