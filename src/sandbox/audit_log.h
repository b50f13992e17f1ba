#pragma once
// The platform's append-only audit log, per partner, newest first. Entries
// are written in the same transaction as the change they describe.
#include "domain/audit_entry.h"

#include <soci/soci.h>
#include <vector>

namespace kpd::sandbox {

// Returns the new entry's id (entry.id and partnerId are ignored / given).
std::int64_t AppendAudit(soci::session& db, std::int64_t partnerId,
                         const domain::AuditEntry& entry);

// Entries with id < beforeId (all when beforeId <= 0), newest first, at most `limit`.
std::vector<domain::AuditEntry> ListAudit(soci::session& db, std::int64_t partnerId,
                                          std::int64_t beforeId, int limit);

bool PartnerHasAudit(soci::session& db, std::int64_t partnerId);

} // namespace kpd::sandbox
