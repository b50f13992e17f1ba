#pragma once
// Cashback flight changes in the outbox (outbox_delivery.h for the states):
// operations "cashback_flight.create|submit|pause|resume|stop", each stored
// with its idempotency key and a "<operation>.requested" audit row before it
// is sent, settled by the platform's answer ("<operation>.done" / ".failed"
// audited), left pending when the answer is unknown. ResendPending
// (user_commands.h) hands flight entries here.
//
// Internal to services. Thread affinity: a worker thread.
#include "api/platform_client.h"
#include "domain/cashback_flight.h"
#include "services/desk_context.h"
#include "services/outbox_delivery.h"
#include "store/workspace.h"

#include <string>

namespace kpd::services::detail {

// True for the operations this file delivers.
bool IsFlightOperation(const std::string& operation);

// "cashback_flight.create" with the flight as its payload, or a lifecycle
// operation ("cashback_flight.submit" …) of flight `flight_id`.
OutboxRequest FlightCreateRequest(const domain::CashbackFlight& flight);
OutboxRequest FlightChangeRequest(const std::string& operation, std::int64_t flight_id);

OutboxOutcome<domain::CashbackFlight> EnqueueAndDeliverFlight(api::PlatformClient& client,
                                                              store::Workspace& workspace,
                                                              const DeskContext& context,
                                                              const OutboxRequest& request);

// Sends a stored flight entry with its own key and settles its state.
OutboxOutcome<domain::CashbackFlight> DeliverFlight(api::PlatformClient& client,
                                                    store::Workspace& workspace,
                                                    const DeskContext& context,
                                                    const store::OutboxEntry& entry);

} // namespace kpd::services::detail
