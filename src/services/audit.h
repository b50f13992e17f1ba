#pragma once
// The audit pages (pairs with ui/audit/audit_panel and `partnerctl audit
// list`): the platform's audit log of the partner, and this workspace's own.
//
// Thread affinity: a worker thread. Throws store::StoreError only when the
// workspace fails.
#include "api/platform_client.h"
#include "domain/audit_entry.h"
#include "domain/cancel_token.h"
#include "services/outcome.h"
#include "store/workspace.h"

#include <vector>

namespace kpd::services {

// The newest `max_entries` entries of the platform's audit log (pages of up to
// the platform's limit, newest first), cached; offline the cached copy
// (from_cache). Progress counts entries read.
api::Result<Fetched<std::vector<domain::AuditEntry>>>
ListAudit(api::PlatformClient& client, store::Workspace& workspace, int max_entries = 500,
          const domain::CancelTokenPtr& cancel = nullptr, domain::ProgressSink* progress = nullptr);

// This workspace's own audit log, newest first; `before_id` > 0 pages back.
std::vector<store::AuditRecord> ListLocalAudit(store::Workspace& workspace, int limit = 200,
                                               std::int64_t before_id = 0);

} // namespace kpd::services
