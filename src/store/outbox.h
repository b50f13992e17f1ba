#pragma once
// Outbox: operations the desk has decided to send to the platform but that
// the platform has not yet confirmed (ARCHITECTURE "Decide -> outbox ->
// platform"). Each carries the idempotency key it is sent with, so a retry
// after a crash or a lost answer reuses the key and the platform applies it
// once.
//
// States:  pending --MarkSending--> sent --MarkDone--> done
//                     ^               |--MarkFailed--> failed
//                     +--MarkPending--+  (outcome unknown: send again later)
// A "sent" row whose answer never arrived (crash) is unconfirmed too and may be
// sent again with the same key. Transitions are guarded UPDATEs, so two desks
// sharing a workspace cannot both move the same row.
//
// Thread affinity: any thread; each call leases its own session (workspace.h).
// Every method throws StoreError on a database failure (Duplicate for a
// reused idempotency key).
#include "store/audit_log.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kpd::store {

class Workspace;

enum class OutboxState { Pending, Sent, Done, Failed };

std::string_view ToString(OutboxState state); // "pending", "sent", "done", "failed"
std::optional<OutboxState> OutboxStateFromString(std::string_view text);

struct NewOutboxEntry {
    std::string platform_url;
    std::int64_t partner_id = 0;
    std::string actor;           // login that decided it
    std::string operation;       // e.g. "user.create"
    std::string idempotency_key; // unique across the workspace
    std::string payload;         // JSON the operation is sent with (never a secret in clear text
                                 // unless the operation needs it, e.g. a new user's password)
};

struct OutboxEntry {
    std::int64_t id = 0;
    std::string platform_url;
    std::int64_t partner_id = 0;
    std::string actor;
    std::string operation;
    std::string idempotency_key;
    std::string payload;
    OutboxState state = OutboxState::Pending;
    int attempts = 0; // how many times it was handed to the platform
    std::optional<std::string> last_error;
    std::optional<std::string> result; // the platform's answer (JSON) once done
    std::string created_at;
    std::string updated_at;
};

class Outbox {
  public:
    explicit Outbox(Workspace& workspace) : m_workspace(workspace) {}

    // Inserts the entry (state pending) and `audit` in one transaction:
    // both are stored or neither. Returns the stored entry.
    OutboxEntry Enqueue(const NewOutboxEntry& entry, const NewAuditRecord& audit);

    // The guarded transitions of the diagram above. Each returns false (and
    // changes nothing) when the row is not in a state the transition starts
    // from; an audit record, when given, commits with the transition.
    bool MarkSending(std::int64_t id);
    bool MarkDone(std::int64_t id, const std::string& result_json,
                  const std::optional<NewAuditRecord>& audit = std::nullopt);
    bool MarkFailed(std::int64_t id, const std::string& error,
                    const std::optional<NewAuditRecord>& audit = std::nullopt);
    bool MarkPending(std::int64_t id, const std::string& error);

    // Replaces the payload of a done or failed row, e.g. to drop a new user's
    // password once the platform has answered; false for a row still to send.
    bool ScrubPayload(std::int64_t id, const std::string& payload);

    std::optional<OutboxEntry> Find(std::int64_t id);
    std::optional<OutboxEntry> FindByKey(const std::string& idempotency_key);
    // Rows still to be confirmed (pending or sent), oldest first; limited to
    // one platform and partner when those are given.
    std::vector<OutboxEntry>
    ListUnconfirmed(const std::optional<std::string>& platform_url = std::nullopt,
                    std::optional<std::int64_t> partner_id = std::nullopt);
    // Every row in one state, oldest first.
    std::vector<OutboxEntry> ListByState(OutboxState state);

  private:
    Workspace& m_workspace;
};

} // namespace kpd::store
