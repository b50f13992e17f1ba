#pragma once
// Changing users through the outbox (pairs with ui/users/users_panel and
// `partnerctl users add|disable`): each command is stored with a fresh
// idempotency key and an audit row before it is sent, so a crash or a lost
// connection never loses or doubles it (outbox_delivery.h for the states).
//
// Thread affinity: a worker thread. Throws store::StoreError only when the
// workspace fails.
#include "api/platform_client.h"
#include "domain/cancel_token.h"
#include "domain/user.h"
#include "services/outbox_delivery.h"
#include "store/workspace.h"

#include <cstdint>
#include <vector>

namespace kpd::services {

// domain::ValidateNewUser first: any problem is answered without storing or
// sending anything. Then POST /partner/users through the outbox. Offline (or
// with no answer) the outcome is `queued`: ResendPending sends it later.
OutboxOutcome<domain::User> CreateUser(api::PlatformClient& client, store::Workspace& workspace,
                                       const domain::NewUser& user,
                                       const domain::CancelTokenPtr& cancel = nullptr);

OutboxOutcome<domain::User> DisableUser(api::PlatformClient& client, store::Workspace& workspace,
                                        std::int64_t user_id,
                                        const domain::CancelTokenPtr& cancel = nullptr);

OutboxOutcome<domain::User> EnableUser(api::PlatformClient& client, store::Workspace& workspace,
                                       std::int64_t user_id,
                                       const domain::CancelTokenPtr& cancel = nullptr);

struct ResendReport {
    int done = 0;
    int failed = 0;
    int still_pending = 0;
    std::vector<OutboxOutcome<domain::User>> outcomes; // one per user entry tried, oldest first
    // (cashback flight entries, cashback_outbox.h, are counted above only)
};

// Sends again, each with its own stored key, every unconfirmed outbox entry
// of the signed-in platform and partner (pending, or sent with no answer
// recorded). Needs a session: without one the error is "not_signed_in".
// Progress counts entries; cancelling stops before the next entry.
api::Result<ResendReport> ResendPending(api::PlatformClient& client, store::Workspace& workspace,
                                        const domain::CancelTokenPtr& cancel = nullptr,
                                        domain::ProgressSink* progress = nullptr);

// The operations still waiting in the outbox for this platform and partner
// (pending, or sent with no answer), oldest first, for a status line or a
// list; empty without any session, current or remembered.
std::vector<store::OutboxEntry> UnconfirmedOperations(api::PlatformClient& client,
                                                      store::Workspace& workspace);

} // namespace kpd::services
