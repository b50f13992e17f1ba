#pragma once
// The demo partner's cashback flights: a live one that started two weeks ago
// with a daily series made by simulated scans and a budget sized to last
// about a month, a scheduled one waiting for its start, a draft, and a
// finished one that spent its budget two months back; each step audited as
// the routes would. Part of SeedDemo's transaction; one thread.
#include "domain/timestamp.h"

#include <soci/soci.h>

#include <cstdint>
#include <string>

namespace kpd::sandbox {

// Receipts simulated per day of the seeded history (fewer than a moved
// clock's default: every test sandbox seeds it at start).
inline constexpr int kSeedScansPerDay = 60;

// `login` is the partner's marketing user who made the flights.
void SeedDemoCashback(soci::session& db, std::int64_t partnerId, const std::string& login, domain::Instant now);

} // namespace kpd::sandbox
