#pragma once
// Partners in the sandbox database. Functions take the caller's session (one
// per request thread) and never open transactions of their own.
#include "domain/partner.h"

#include <optional>
#include <soci/soci.h>

namespace kpd::sandbox {

std::optional<domain::Partner> FindPartner(soci::session& db, std::int64_t partnerId);
std::vector<std::int64_t> ListPartnerIds(soci::session& db);
void InsertPartner(soci::session& db, const domain::Partner& partner);

} // namespace kpd::sandbox
