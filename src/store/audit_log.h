#pragma once
// LocalAuditLog: the workspace's own append-only record of what this desk
// did (sign-ins, operations sent, their outcomes). The database refuses
// UPDATE and DELETE on it with triggers on both backends, so even a bug or a
// hand-edited query cannot rewrite history.
//
// Thread affinity: any thread; each call leases its own session (workspace.h).
// Every method throws StoreError on a database failure.
#include <cstdint>
#include <string>
#include <vector>

namespace soci {
class session;
}

namespace kpd::store {

class Workspace;

struct NewAuditRecord {
    std::string actor;        // login of who did it ("" before sign-in)
    std::string platform_url; // where it was done
    std::string action;       // e.g. "sign_in", "user.create.requested"; never empty
    std::string object_type;  // e.g. "user", "outbox"
    std::string object_id;
    std::string detail; // short summary for people; never a secret
};

struct AuditRecord {
    std::int64_t id = 0;
    std::string happened_at; // RFC 3339 UTC
    std::string actor;
    std::string platform_url;
    std::string action;
    std::string object_type;
    std::string object_id;
    std::string detail;
};

class LocalAuditLog {
  public:
    explicit LocalAuditLog(Workspace& workspace) : m_workspace(workspace) {}

    // Appends one record and returns its id.
    std::int64_t Append(const NewAuditRecord& record);
    // Newest first, at most `limit`, only ids below `before_id` when it is > 0
    // (for paging backwards).
    std::vector<AuditRecord> ListNewest(int limit = 100, std::int64_t before_id = 0);

    // For repositories that append inside their own transaction on `sql`.
    static std::int64_t AppendOn(soci::session& sql, const NewAuditRecord& record);

  private:
    Workspace& m_workspace;
};

} // namespace kpd::store
