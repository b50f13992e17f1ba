#include "services/cashback_outbox.h"

#include "contract/cashback_json.h"
#include "contract/json_parse.h"
#include "contract/json_reader.h"

#include <nlohmann/json.hpp>

namespace kpd::services::detail {

namespace {

const std::string kPrefix = "cashback_flight.";

// Turns a stored payload back into the client call it came from.
api::Result<domain::CashbackFlight> Dispatch(api::PlatformClient& client,
                                             const store::OutboxEntry& entry) {
    auto json = contract::ParseJsonOrDiscarded(entry.payload);
    if (json.is_discarded()) {
        return PayloadUnreadable("outbox payload is not JSON");
    }
    if (entry.operation == kPrefix + "create") {
        auto flight = contract::NewFlightFromJson(json);
        if (!flight.Ok()) {
            return PayloadUnreadable("outbox payload is not a cashback flight");
        }
        return client.CreateCashbackFlight(*flight.value, entry.idempotency_key);
    }
    const auto flightId = json.is_object() && json.contains("flight_id")
                              ? contract::ReadInt64(json["flight_id"])
                              : std::nullopt;
    if (!flightId) {
        return PayloadUnreadable("outbox payload has no flight_id");
    }
    const auto id = *flightId;
    // "cashback_flight.submit|pause|resume|stop": the route is the action's name.
    if (auto action = domain::FlightActionFromString(
            std::string_view(entry.operation).substr(kPrefix.size()))) {
        return client.ChangeCashbackFlight(id, *action, entry.idempotency_key);
    }
    return PayloadUnreadable("unknown outbox operation '" + entry.operation + "'");
}

std::string FlightJson(const domain::CashbackFlight& flight) {
    return contract::ToJson(flight).dump();
}

std::string FlightDoneDetail(const domain::CashbackFlight& flight) {
    return "flight " + std::to_string(flight.id) + " " +
           std::string(domain::ToString(flight.status)) + ", version " +
           std::to_string(flight.version);
}

// A flight's payload holds no secret: it stays as sent.
const OutboxDelivery<domain::CashbackFlight> kFlightDelivery{.dispatch = &Dispatch,
                                                             .answer_json = &FlightJson,
                                                             .done_detail = &FlightDoneDetail,
                                                             .scrubbed = nullptr};

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
    return DeliverOutboxEntry(client, workspace, context, entry, kFlightDelivery);
}

OutboxOutcome<domain::CashbackFlight> EnqueueAndDeliverFlight(api::PlatformClient& client,
                                                              store::Workspace& workspace,
                                                              const DeskContext& context,
                                                              const OutboxRequest& request) {
    return DeliverFlight(client, workspace, context,
                         Enqueue(workspace, context, request, "cashback_flight"));
}

} // namespace kpd::services::detail
