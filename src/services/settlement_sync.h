#pragma once
// Copies the partner's Dolyami registers and their purchases from the
// platform into the workspace: first the register list (cheap), then, for
// every register whose purchases are missing or older than the register's
// version, its purchases streamed as NDJSON straight into a bulk load. Each
// register is loaded in its own transaction, so a sync stopped at any point —
// cancelled, killed, offline — leaves whole registers only, and the next sync
// picks up where it stopped without duplicates; an unchanged register is
// never downloaded twice.
//
// Thread affinity: a worker thread (network and database); progress is
// reported on that thread, except PlatformWait (the platform asking to wait
// before a retry), which the download threads report too. It downloads on two internal threads, each with a
// client of its own on the same session.
#include "api/platform_client.h"
#include "domain/cancel_token.h"
#include "services/desk_context.h"
#include "services/outcome.h"
#include "store/workspace.h"

#include <cstdint>
#include <string>

namespace kpd::services {

struct SyncReport {
    std::int64_t registers_listed = 0;
    std::int64_t registers_loaded = 0; // purchases (re)loaded this run
    std::int64_t transactions_loaded = 0;
    bool cancelled = false;
};

// `from`/`to` (YYYY-MM-DD, empty = open) limit the registers listed.
Outcome<SyncReport> SyncSettlements(api::PlatformClient& client, store::Workspace& workspace,
                                    const DeskContext& context, const std::string& from, const std::string& to,
                                    const domain::CancelToken* cancel, domain::ProgressSink& progress);

} // namespace kpd::services
