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

// How one kind of outbox operation is sent and what its settled row keeps.
template <class T> struct OutboxDelivery {
    // Turns a stored payload back into the client call it came from.
    api::Result<T> (*dispatch)(api::PlatformClient& client, const store::OutboxEntry& entry);
    // The platform's answer as the settled row keeps it (JSON).
    std::string (*answer_json)(const T& value);
    // The ".done" audit row's detail, e.g. "user 7 anna, version 2".
    std::string (*done_detail)(const T& value);
    // Set when the payload holds a secret needed only until the platform has
    // answered: the payload a settled (done or failed) row keeps instead.
    std::string (*scrubbed)(const store::OutboxEntry& entry) = nullptr;
};

// Stores the request with a fresh key and its "<operation>.requested" audit
// row (about a `object_type`, e.g. "user") in one transaction; returns it.
store::OutboxEntry Enqueue(store::Workspace& workspace, const DeskContext& context,
                           const OutboxRequest& request, const std::string& object_type);

// The refusal to send an entry that another desk sharing the workspace has
// settled meanwhile ("outbox_already_settled").
api::ApiError AlreadySettled();

// The "<operation>.<suffix>" audit row of a stored entry.
store::NewAuditRecord OutboxAudit(const DeskContext& context, const store::OutboxEntry& entry,
                                  const std::string& suffix, const std::string& detail);

// The error for a payload that cannot be turned back into its call.
api::ApiError PayloadUnreadable(const std::string& what);

// Sends a stored entry with its own key and settles its state: done with the
// answer and a ".done" audit row, failed with a ".failed" one, or pending
// when the answer is unknown (OutcomeUnknown).
template <class T>
OutboxOutcome<T> DeliverOutboxEntry(api::PlatformClient& client, store::Workspace& workspace,
                                    const DeskContext& context, const store::OutboxEntry& entry,
                                    const OutboxDelivery<T>& how);

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

template <class T>
OutboxOutcome<T> DeliverOutboxEntry(api::PlatformClient& client, store::Workspace& workspace,
                                    const DeskContext& context, const store::OutboxEntry& entry,
                                    const OutboxDelivery<T>& how) {
    auto outbox = workspace.OutboxQueue();
    OutboxOutcome<T> out;
    out.outbox_id = entry.id;
    if (!outbox.MarkSending(entry.id)) {
        // Settled meanwhile (another desk sharing the workspace): nothing to do.
        out.error = AlreadySettled();
        return out;
    }
    auto result = how.dispatch(client, entry);
    if (result.Ok()) {
        const auto& value = result.Value();
        outbox.MarkDone(entry.id, how.answer_json(value),
                        OutboxAudit(context, entry, "done", how.done_detail(value)));
        if (how.scrubbed) {
            outbox.ScrubPayload(entry.id, how.scrubbed(entry));
        }
        out.value = value;
        return out;
    }
    const auto& error = result.Error();
    out.error = error;
    out.problems = error.problems;
    if (OutcomeUnknown(error)) {
        outbox.MarkPending(entry.id, ErrorText(error));
        out.queued = true;
        return out;
    }
    outbox.MarkFailed(entry.id, ErrorText(error),
                      OutboxAudit(context, entry, "failed", ErrorText(error)));
    if (how.scrubbed) {
        outbox.ScrubPayload(entry.id, how.scrubbed(entry));
    }
    return out;
}

} // namespace detail
} // namespace kpd::services
