#include "services/outbox_delivery.h"

#include "contract/user_json.h"

#include <nlohmann/json.hpp>

namespace kpd::services::detail {

namespace {

api::ApiError Unreadable(const std::string& what) {
    api::ApiError e;
    e.kind = api::ApiErrorKind::BadRequest;
    e.code = "outbox_payload_unreadable";
    e.message = what;
    return e;
}

// Turns a stored payload back into the client call it came from.
api::Result<domain::User> Dispatch(api::PlatformClient& client, const store::OutboxEntry& entry) {
    auto json = nlohmann::json::parse(entry.payload, nullptr, /*allow_exceptions=*/false);
    if (json.is_discarded()) {
        return Unreadable("outbox payload is not JSON");
    }
    if (entry.operation == "user.create") {
        auto user = contract::NewUserFromJson(json);
        if (!user.Ok()) {
            return Unreadable("outbox payload is not a new user");
        }
        return client.CreateUser(*user.value, entry.idempotency_key);
    }
    if (entry.operation == "user.disable" || entry.operation == "user.enable") {
        if (!json.is_object() || !json.contains("user_id") ||
            !json["user_id"].is_number_integer()) {
            return Unreadable("outbox payload has no user_id");
        }
        auto id = json["user_id"].get<std::int64_t>();
        return entry.operation == "user.disable" ? client.DisableUser(id, entry.idempotency_key)
                                                 : client.EnableUser(id, entry.idempotency_key);
    }
    return Unreadable("unknown outbox operation '" + entry.operation + "'");
}

// A new user's password is needed only until the platform has answered.
std::string Scrubbed(const store::OutboxEntry& entry) {
    auto json = nlohmann::json::parse(entry.payload, nullptr, false);
    if (json.is_object() && json.contains("password")) {
        json.erase("password");
    }
    return json.is_discarded() ? "{}" : json.dump();
}

} // namespace

// No answer, or one that says "not now": the platform may or may not have
// applied it, and the same key makes a later attempt safe.
bool OutcomeUnknown(const api::ApiError& e) {
    using K = api::ApiErrorKind;
    return e.IsOffline() || e.kind == K::Cancelled || e.kind == K::Server ||
           e.kind == K::RateLimited;
}

std::string ErrorText(const api::ApiError& e) {
    std::string text = api::ToString(e.kind);
    if (!e.code.empty()) {
        text += " " + e.code;
    }
    if (!e.message.empty()) {
        text += ": " + e.message;
    }
    return text;
}

api::ApiError NotSignedIn() {
    api::ApiError e;
    e.kind = api::ApiErrorKind::Unauthorized;
    e.code = "not_signed_in";
    e.message = "Not signed in";
    return e;
}

OutboxOutcome<domain::User> Deliver(api::PlatformClient& client, store::Workspace& workspace,
                                    const DeskContext& context, const store::OutboxEntry& entry) {
    auto outbox = workspace.OutboxQueue();
    OutboxOutcome<domain::User> out;
    out.outbox_id = entry.id;
    if (!outbox.MarkSending(entry.id)) {
        // Settled meanwhile (another desk sharing the workspace): nothing to do.
        api::ApiError settled;
        settled.kind = api::ApiErrorKind::Conflict;
        settled.code = "outbox_already_settled";
        settled.message = "This operation was already settled";
        out.error = settled;
        return out;
    }
    auto result = Dispatch(client, entry);
    auto audit = [&](const std::string& suffix, const std::string& detail) {
        return store::NewAuditRecord{
            context.login, context.platform_url,     entry.operation + "." + suffix,
            "outbox",      std::to_string(entry.id), detail};
    };
    if (result.Ok()) {
        const auto& user = result.Value();
        outbox.MarkDone(entry.id, contract::ToJson(user).dump(),
                        audit("done", "user " + std::to_string(user.id) + " " + user.login +
                                          ", version " + std::to_string(user.version)));
        outbox.ScrubPayload(entry.id, Scrubbed(entry));
        out.value = user;
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
    outbox.MarkFailed(entry.id, ErrorText(error), audit("failed", ErrorText(error)));
    outbox.ScrubPayload(entry.id, Scrubbed(entry));
    return out;
}

OutboxOutcome<domain::User> EnqueueAndDeliver(api::PlatformClient& client,
                                              store::Workspace& workspace,
                                              const DeskContext& context,
                                              const OutboxRequest& request) {
    store::NewOutboxEntry entry{context.platform_url, context.partner_id,       context.login,
                                request.operation,    api::NewIdempotencyKey(), request.payload};
    auto stored = workspace.OutboxQueue().Enqueue(entry, {context.login, context.platform_url,
                                                          request.operation + ".requested", "user",
                                                          request.object_id, request.summary});
    return Deliver(client, workspace, context, stored);
}

} // namespace kpd::services::detail
