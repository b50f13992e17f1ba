#include "services/cashback_outbox.h"

#include "contract/cashback_json.h"

#include <nlohmann/json.hpp>

namespace kpd::services::detail {

namespace {

const std::string kPrefix = "cashback_flight.";

api::ApiError Unreadable(const std::string& what) {
    api::ApiError e;
    e.kind = api::ApiErrorKind::BadRequest;
    e.code = "outbox_payload_unreadable";
    e.message = what;
    return e;
}

// Turns a stored payload back into the client call it came from.
api::Result<domain::CashbackFlight> Dispatch(api::PlatformClient& client,
                                             const store::OutboxEntry& entry) {
    auto json = nlohmann::json::parse(entry.payload, nullptr, /*allow_exceptions=*/false);
    if (json.is_discarded()) {
        return Unreadable("outbox payload is not JSON");
    }
    if (entry.operation == kPrefix + "create") {
        auto flight = contract::NewFlightFromJson(json);
        if (!flight.Ok()) {
            return Unreadable("outbox payload is not a cashback flight");
        }
        return client.CreateCashbackFlight(*flight.value, entry.idempotency_key);
    }
    if (!json.is_object() || !json.contains("flight_id") ||
        !json["flight_id"].is_number_integer()) {
        return Unreadable("outbox payload has no flight_id");
    }
    const auto id = json["flight_id"].get<std::int64_t>();
    // "cashback_flight.submit|pause|resume|stop": the route is the action's name.
    if (auto action = domain::FlightActionFromString(
            std::string_view(entry.operation).substr(kPrefix.size()))) {
        return client.ChangeCashbackFlight(id, *action, entry.idempotency_key);
    }
    return Unreadable("unknown outbox operation '" + entry.operation + "'");
}

} // namespace

bool IsFlightOperation(const std::string& operation) {
    return operation.rfind(kPrefix, 0) == 0;
}

OutboxRequest FlightCreateRequest(const domain::CashbackFlight& flight) {
    return {kPrefix + "create", flight.offer.title, contract::ToNewFlightJson(flight).dump(),
            "new flight \"" + flight.offer.title + "\" " + domain::FormatIsoDate(flight.starts_on) +
                ".." + domain::FormatIsoDate(flight.ends_on) + ", budget " +
                std::to_string(flight.budget_kop) + " kop"};
}

OutboxRequest FlightChangeRequest(const std::string& operation, std::int64_t flight_id) {
    const std::string id = std::to_string(flight_id);
    return {operation, id, nlohmann::json{{"flight_id", flight_id}}.dump(),
            operation + " of flight " + id};
}

OutboxOutcome<domain::CashbackFlight> DeliverFlight(api::PlatformClient& client,
                                                    store::Workspace& workspace,
                                                    const DeskContext& context,
                                                    const store::OutboxEntry& entry) {
    auto outbox = workspace.OutboxQueue();
    OutboxOutcome<domain::CashbackFlight> out;
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
        const auto& flight = result.Value();
        outbox.MarkDone(entry.id, contract::ToJson(flight).dump(),
                        audit("done", "flight " + std::to_string(flight.id) + " " +
                                          std::string(domain::ToString(flight.status)) +
                                          ", version " + std::to_string(flight.version)));
        out.value = flight;
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
    return out;
}

OutboxOutcome<domain::CashbackFlight> EnqueueAndDeliverFlight(api::PlatformClient& client,
                                                              store::Workspace& workspace,
                                                              const DeskContext& context,
                                                              const OutboxRequest& request) {
    store::NewOutboxEntry entry{context.platform_url, context.partner_id,       context.login,
                                request.operation,    api::NewIdempotencyKey(), request.payload};
    auto stored = workspace.OutboxQueue().Enqueue(
        entry, {context.login, context.platform_url, request.operation + ".requested",
                "cashback_flight", request.object_id, request.summary});
    return DeliverFlight(client, workspace, context, stored);
}

} // namespace kpd::services::detail
