#include "services/outbox_delivery.h"

#include "contract/json_parse.h"
#include "contract/json_reader.h"
#include "contract/user_json.h"

#include <nlohmann/json.hpp>

#include <utility>

namespace kpd::services::detail {

namespace {

// An error the desk finds itself, before or instead of a platform's answer.
api::ApiError LocalError(api::ApiErrorKind kind, std::string code, std::string message) {
    api::ApiError e;
    e.kind = kind;
    e.code = std::move(code);
    e.message = std::move(message);
    return e;
}

// Turns a stored payload back into the client call it came from.
api::Result<domain::User> Dispatch(api::PlatformClient& client, const store::OutboxEntry& entry) {
    auto json = contract::ParseJsonOrDiscarded(entry.payload);
    if (json.is_discarded()) {
        return PayloadUnreadable("outbox payload is not JSON");
    }
    if (entry.operation == "user.create") {
        auto user = contract::NewUserFromJson(json);
        if (!user.Ok()) {
            return PayloadUnreadable("outbox payload is not a new user");
        }
        return client.CreateUser(*user.value, entry.idempotency_key);
    }
    if (entry.operation == "user.disable" || entry.operation == "user.enable") {
        const auto userId = json.is_object() && json.contains("user_id")
                                ? contract::ReadInt64(json["user_id"])
                                : std::nullopt;
        if (!userId) {
            return PayloadUnreadable("outbox payload has no user_id");
        }
        auto id = *userId;
        return entry.operation == "user.disable" ? client.DisableUser(id, entry.idempotency_key)
                                                 : client.EnableUser(id, entry.idempotency_key);
    }
    return PayloadUnreadable("unknown outbox operation '" + entry.operation + "'");
}

// A new user's password is needed only until the platform has answered.
std::string Scrubbed(const store::OutboxEntry& entry) {
    auto json = contract::ParseJsonOrDiscarded(entry.payload);
    if (json.is_object() && json.contains("password")) {
        json.erase("password");
    }
    return json.is_discarded() ? "{}" : json.dump();
}

std::string UserJson(const domain::User& user) {
    return contract::ToJson(user).dump();
}

std::string UserDoneDetail(const domain::User& user) {
    return "user " + std::to_string(user.id) + " " + user.login + ", version " +
           std::to_string(user.version);
}

// A new user's password travels in the payload: scrubbed once settled.
const OutboxDelivery<domain::User> kUserDelivery{.dispatch = &Dispatch,
                                                 .answer_json = &UserJson,
                                                 .done_detail = &UserDoneDetail,
                                                 .scrubbed = &Scrubbed};

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
    return LocalError(api::ApiErrorKind::Unauthorized, "not_signed_in", "Not signed in");
}

api::ApiError AlreadySettled() {
    return LocalError(api::ApiErrorKind::Conflict, "outbox_already_settled",
                      "This operation was already settled");
}

store::NewAuditRecord OutboxAudit(const DeskContext& context, const store::OutboxEntry& entry,
                                  const std::string& suffix, const std::string& detail) {
    return {context.login, context.platform_url,     entry.operation + "." + suffix,
            "outbox",      std::to_string(entry.id), detail};
}

api::ApiError PayloadUnreadable(const std::string& what) {
    return LocalError(api::ApiErrorKind::BadRequest, "outbox_payload_unreadable", what);
}

store::OutboxEntry Enqueue(store::Workspace& workspace, const DeskContext& context,
                           const OutboxRequest& request, const std::string& object_type) {
    store::NewOutboxEntry entry{context.platform_url, context.partner_id,       context.login,
                                request.operation,    api::NewIdempotencyKey(), request.payload};
    return workspace.OutboxQueue().Enqueue(entry, {context.login, context.platform_url,
                                                   request.operation + ".requested", object_type,
                                                   request.object_id, request.summary});
}

OutboxOutcome<domain::User> Deliver(api::PlatformClient& client, store::Workspace& workspace,
                                    const DeskContext& context, const store::OutboxEntry& entry) {
    return DeliverOutboxEntry(client, workspace, context, entry, kUserDelivery);
}

OutboxOutcome<domain::User> EnqueueAndDeliver(api::PlatformClient& client,
                                              store::Workspace& workspace,
                                              const DeskContext& context,
                                              const OutboxRequest& request) {
    return Deliver(client, workspace, context, Enqueue(workspace, context, request, "user"));
}

} // namespace kpd::services::detail
