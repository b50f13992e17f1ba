#pragma once
// Delivering outbox operations (ARCHITECTURE "Decide -> outbox -> platform"):
// the operation and its audit row are stored first, with a fresh
// idempotency key; then it is sent; the answer settles its state:
//   accepted                     -> done   (audit "<operation>.done")
//   refused (4xx: rules, rights) -> failed (audit "<operation>.failed")
//   no answer / 5xx / cancelled  -> pending: sent again later with the same key,
//                                   so the platform applies it once.
// Internal to services. Thread affinity: a worker thread.
#include "api/platform_client.h"
#include "domain/user.h"
#include "services/desk_context.h"
#include "services/outcome.h"
#include "store/workspace.h"

#include <cstdint>
#include <string>

namespace kpd::services {

// The answer to a command that went through the outbox.
template <class T> struct OutboxOutcome : Outcome<T> {
    std::int64_t outbox_id = 0; // 0 when nothing was stored (local problems)
    // True when the platform's answer is unknown or it could not be reached:
    // the operation waits in the outbox for ResendPending; `error` says why.
    bool queued = false;
};

namespace detail {

struct OutboxRequest {
    std::string operation; // "user.create", "user.disable", "user.enable"
    std::string object_id; // for audit rows, e.g. the login or the user id
    std::string payload;   // JSON the operation is sent from
    std::string summary;   // audit detail, never a secret
};

// Stores the request with a fresh key and its "<operation>.requested" audit
// row in one transaction, then delivers it.
OutboxOutcome<domain::User> EnqueueAndDeliver(api::PlatformClient& client,
                                              store::Workspace& workspace,
                                              const DeskContext& context,
                                              const OutboxRequest& request);

// Sends a stored entry with its own key and settles its state.
OutboxOutcome<domain::User> Deliver(api::PlatformClient& client, store::Workspace& workspace,
                                    const DeskContext& context, const store::OutboxEntry& entry);

// No answer, or one that says "not now" (network, timeout, cancelled, 5xx,
// 429): the platform may or may not have applied it, and the same key makes a
// later attempt safe, so the entry stays pending.
bool OutcomeUnknown(const api::ApiError& e);

// "<kind> <code>: <message>", as outbox rows and audit details keep an error.
std::string ErrorText(const api::ApiError& e);

// The error for a command that needs a platform and partner but has neither
// a session nor a remembered one.
api::ApiError NotSignedIn();

} // namespace detail
} // namespace kpd::services
