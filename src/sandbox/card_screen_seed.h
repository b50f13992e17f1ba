#pragma once
// The demo partner's card screen: a logo and two banners uploaded (the PNGs
// of resources/demo/), two publications and a draft that differs from the
// second (another accent colour, a new promo block), each step audited as
// the routes would. Part of SeedDemo's transaction; one thread.
#include "domain/timestamp.h"

#include <soci/soci.h>
#include <string>

namespace kpd::sandbox {

// `login` is the partner's user who makes the changes; `start` the instant
// of the first one (the later ones follow at intervals of hours). Throws
// std::logic_error when the demo data breaks the card screen rules.
void SeedDemoCardScreen(soci::session& db, std::int64_t partnerId, const std::string& login,
                        domain::Instant start);

} // namespace kpd::sandbox
