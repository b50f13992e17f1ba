#pragma once
// `--seed demo`: two fictional Russian retail partners with users of every
// role (password "demo") and a few audit entries, so the desk and the demo
// have something real-looking to show. Called once at start-up on one thread.
#include "domain/business_calendar.h"
#include "domain/timestamp.h"

#include <soci/soci.h>

#include <cstdint>

namespace kpd::sandbox {

inline constexpr const char* kDemoPassword = "demo";

// Seeds in one transaction; does nothing when any partner already exists
// (a restart or a second --seed keeps the data as it is). Returns whether it seeded.
// `demoTransactions` Dolyami purchases make the first partner's settlement
// registers, paid out on the business days of `calendar`.
bool SeedDemo(soci::session& db, domain::Instant now, const domain::BusinessCalendar& calendar,
              std::int64_t demoTransactions = 200'000);

} // namespace kpd::sandbox
