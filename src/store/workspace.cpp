#include "store/workspace.h"

#include "domain/timestamp.h"
#include "store/audit_log.h"
#include "store/outbox.h"
#include "store/platform_cache.h"
#include "store/settings.h"
#include "store/store_error.h"
#include "store/workspace_migrations.h"

#include <soci/connection-pool.h>
#include <soci/soci.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>

namespace kpd::store {

std::string DefaultWorkspaceUrl() {
    std::filesystem::path base;
    const char* xdg = std::getenv("XDG_DATA_HOME");
    if (xdg && *xdg && std::filesystem::path(xdg).is_absolute()) {
        base = xdg;
    } else {
        const char* home = std::getenv("HOME");
        base = std::filesystem::path(home && *home ? home : ".") / ".local" / "share";
    }
    return "sqlite:" + (base / "koshelek-partner-desk" / "workspace.db").string();
}

std::string NowUtcText() {
    auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    return domain::FormatRfc3339(now, std::chrono::minutes{0});
}

Workspace::Workspace(const std::string& url, WorkspaceOptions options) : m_url(url) {
    auto parsed = DatabaseUrl::Parse(url);
    if (!parsed) {
        throw StoreError(StoreErrorKind::Unavailable, "workspace.open",
                         "unsupported workspace URL '" + url +
                             "': use sqlite:PATH or postgresql://user@host:port/dbname");
    }
    m_backend = parsed->backend;
    m_poolSize = options.pool_size == 0 ? 1 : options.pool_size;
    Guarded("workspace.open", [&] {
        if (m_backend == Backend::Sqlite) {
            auto parent = std::filesystem::path(parsed->location).parent_path();
            if (!parent.empty()) {
                std::filesystem::create_directories(parent);
            }
        }
        m_pool = std::make_unique<soci::connection_pool>(m_poolSize);
        // Migrate on the first session before the others open, so no session
        // ever sees a half-made schema.
        OpenInto(m_pool->at(0), *parsed);
        m_appliedOnOpen =
            ApplyMigrations(m_pool->at(0), WorkspaceMigrations(), kWorkspaceMigrationsTable);
        for (std::size_t i = 1; i < m_poolSize; ++i) {
            OpenInto(m_pool->at(i), *parsed);
        }
    });
}

Workspace::~Workspace() = default;

int Workspace::SchemaVersion() {
    return Guarded("workspace.schema_version", [&] {
        soci::session sql(*m_pool);
        int version = 0;
        soci::indicator ind = soci::i_null;
        sql << std::string("SELECT MAX(version) FROM ") + kWorkspaceMigrationsTable,
            soci::into(version, ind);
        return ind == soci::i_null ? 0 : version;
    });
}

PlatformCache Workspace::Cache() {
    return PlatformCache(*this);
}
Outbox Workspace::OutboxQueue() {
    return Outbox(*this);
}
LocalAuditLog Workspace::Audit() {
    return LocalAuditLog(*this);
}
CardScreenDrafts Workspace::Drafts() {
    return CardScreenDrafts(*this);
}
AssetCache Workspace::Assets() {
    return AssetCache(*this);
}
SettlementStore Workspace::Settlements() {
    return SettlementStore(*this);
}
ReconciliationStore Workspace::Reconciliations() {
    return ReconciliationStore(*this);
}
Settings Workspace::Preferences() {
    return Settings(*this);
}

} // namespace kpd::store
