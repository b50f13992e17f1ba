#pragma once
// Workspace: the desk's own database (cache of platform data for offline
// browsing, the outbox of operations not yet confirmed, the local audit log,
// settings), opened by URL and migrated on open.
//
// Sessions: the workspace owns a soci::connection_pool. Every repository
// call leases one session from it for that call only and returns it before
// the call returns, so each thread works on its own session and a call never
// holds a session across calls. Any thread may use one Workspace and its
// repositories concurrently; when all sessions are leased, a call waits.
// Never call it on the UI thread: SQLite may wait up to 30 s for a lock.
#include "store/asset_cache.h"
#include "store/audit_log.h"
#include "store/card_screen_drafts.h"
#include "store/database.h"
#include "store/outbox.h"
#include "store/platform_cache.h"
#include "store/reconciliation_store.h"
#include "store/settings.h"
#include "store/settlement_store.h"

#include <cstddef>
#include <memory>
#include <string>

namespace soci {
class connection_pool;
class session;
} // namespace soci

namespace kpd::store {

// "sqlite:$XDG_DATA_HOME/koshelek-partner-desk/workspace.db", falling back to
// ~/.local/share when XDG_DATA_HOME is unset or not absolute (XDG spec).
std::string DefaultWorkspaceUrl();

struct WorkspaceOptions {
    std::size_t pool_size = 4; // sessions opened at once; at least 1
};

class Workspace {
  public:
    // Opens `url` ("sqlite:PATH" — parent folders are created — or
    // "postgresql://…") and applies the workspace migrations. Throws
    // StoreError (Unavailable for a bad URL or an unreachable database).
    explicit Workspace(const std::string& url, WorkspaceOptions options = {});
    ~Workspace();
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;

    const std::string& Url() const { return m_url; }
    Backend GetBackend() const { return m_backend; }

    // The highest workspace migration applied (for About boxes and tests).
    int SchemaVersion();
    // How many migrations the constructor applied (0 when the schema was current).
    int MigrationsAppliedOnOpen() const { return m_appliedOnOpen; }

    // Repositories: light views, cheap to create, safe to use from any thread.
    PlatformCache Cache();
    Outbox OutboxQueue();
    LocalAuditLog Audit();
    Settings Preferences();
    CardScreenDrafts Drafts();
    AssetCache Assets();
    SettlementStore Settlements();
    ReconciliationStore Reconciliations();

    // For repositories: the pool their calls lease a session from.
    soci::connection_pool& Pool() { return *m_pool; }

  private:
    std::string m_url;
    Backend m_backend = Backend::Sqlite;
    std::size_t m_poolSize = 0;
    std::unique_ptr<soci::connection_pool> m_pool;
    int m_appliedOnOpen = 0;
};

// The current instant as RFC 3339 UTC text, the form every workspace
// timestamp is stored in.
std::string NowUtcText();

} // namespace kpd::store
