#pragma once
// CardScreenDrafts: the card screen a user is editing, kept in the workspace
// until it is pushed to the platform, one per platform + partner. Besides the
// screen (the JSON of PUT /card-screen/draft) it keeps the platform version
// the edit started from, so a push sends that as If-Match and a stale draft
// comes back as a conflict instead of overwriting someone else's work.
//
// Thread affinity: any thread; each call leases its own session (workspace.h).
// Every method throws StoreError on a database failure.
#include "store/audit_log.h"

#include <cstdint>
#include <optional>
#include <string>

namespace kpd::store {

class Workspace;

struct DraftScope {
    std::string platform_url;
    std::int64_t partner_id = 0;
};

struct LocalCardScreenDraft {
    std::string json;              // the CardScreen as contract JSON
    std::int64_t base_version = 0; // the platform's card screen version it was edited from
    std::string saved_at;          // RFC 3339 UTC
    std::string saved_by;          // login
};

class CardScreenDrafts {
  public:
    explicit CardScreenDrafts(Workspace& workspace) : m_workspace(workspace) {}

    // Inserts or replaces the scope's draft and appends `audit` in the same
    // transaction (both or neither). Returns the draft as stored.
    LocalCardScreenDraft Save(const DraftScope& scope, const std::string& json, std::int64_t base_version,
                              const NewAuditRecord& audit);
    std::optional<LocalCardScreenDraft> Get(const DraftScope& scope);
    // Forgets the scope's draft (after the platform took it) with its audit
    // row; false when there was none (and nothing is audited).
    bool Discard(const DraftScope& scope, const NewAuditRecord& audit);

  private:
    Workspace& m_workspace;
};

} // namespace kpd::store
