#pragma once
// What the /v1/cashback-flights routes share: the sandbox clock's Moscow
// date, loading the caller's flight (404 otherwise), answering a flight in
// the status it has today with its ETag, and the If-Match checks. Called on
// the request's thread with its context.
#include "domain/cashback_flight.h"
#include "sandbox/cashback_repository.h"
#include "sandbox/router.h"

#include <optional>

namespace kpd::sandbox {

inline constexpr const char* kFlightPath = R"(/v1/cashback-flights/(\d{1,18}))";

// Added by AddCashbackRoutes (routes.h).
void AddCashbackLifecycleRoutes(Router& router);
void AddCashbackReportRoutes(Router& router);

domain::CivilDate TodayInMoscow(const RequestContext& ctx);

// The caller's flight {id} of the path; answers 404 when there is none.
std::optional<StoredFlight> FlightOrNotFound(RequestContext& ctx);

// The flight as the API shows it today (status as of the sandbox clock).
domain::CashbackFlight ShownFlight(const RequestContext& ctx, const StoredFlight& stored);

// Answers `status` with the flight (shown today) and its ETag.
void SendFlight(RequestContext& ctx, int status, const StoredFlight& stored);

// 428 when there is no If-Match; false after answering.
bool RequireIfMatch(RequestContext& ctx, const StoredFlight& stored);
// When If-Match is sent and names another version: 412 with `current`; false after answering.
bool IfMatchHolds(RequestContext& ctx, const StoredFlight& stored);
// The route's BeforeContent (router.h): the flight exists (404), If-Match is
// sent when `required` (428) and holds (412).
bool FlightPreconditionsHold(RequestContext& ctx, bool required);

} // namespace kpd::sandbox
