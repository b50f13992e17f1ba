// POST /v1/cashback-flights/{id}/submit|pause|resume|stop: the partner moves
// a flight through its lifecycle (domain::ApplyAction says which moves
// exist). Submitting checks the rules again and the start date against the
// sandbox clock's Moscow date and the business calendar the sandbox loaded:
// a start earlier than 5 business days after today is refused with the
// earliest allowed date in the answer. Every move is a guarded UPDATE on the
// version and stored status read, so of two racing moves one wins and the
// other hears the truth; every move is audited.
#include "contract/cashback_json.h"
#include "domain/cashback_rules.h"
#include "sandbox/cashback_flight_http.h"
#include "sandbox/cashback_stored_flight.h"
#include "sandbox/http_util.h"
#include "sandbox/routes.h"

namespace kpd::sandbox {

namespace {
// Answers 409 with what is wrong about moving a flight in `shown` by `action`.
void SendInvalidTransition(RequestContext& ctx, domain::FlightStatus shown, domain::FlightAction action) {
    if (action == domain::FlightAction::Submit) {
        SendProblem(ctx.res, 409, "flight_not_draft",
                    "only a draft can be submitted; this flight is " + std::string(domain::ToString(shown)));
        return;
    }
    SendProblem(ctx.res, 409, "invalid_transition",
                "a " + std::string(domain::ToString(shown)) + " flight cannot be " +
                    (action == domain::FlightAction::Pause    ? "paused"
                     : action == domain::FlightAction::Resume ? "resumed"
                                                              : "stopped"));
}

// The 5-business-day rule on the sandbox clock: false after answering 422.
bool StartDateHolds(RequestContext& ctx, const domain::CashbackFlight& flight, domain::Problems problems) {
    const auto today = TodayInMoscow(ctx);
    const auto& calendar = ctx.state.calendar;
    const auto earliest = domain::EarliestStart(calendar, today);
    if (!earliest) {
        SendProblem(ctx.res, 422, "calendar_unknown",
                    "the business calendar has no data for " + std::to_string(earliest.Error().year) +
                        ", so the earliest start cannot be told; " + earliest.Error().message,
                    {{"/starts_on", "calendar_unknown", earliest.Error().message}});
        return false;
    }
    for (auto& p : domain::CheckStartDate(calendar, today, flight.starts_on)) {
        if (p.code == "calendar_unknown") {
            SendProblem(ctx.res, 422, "calendar_unknown", p.message, {p});
            return false;
        }
        problems.push_back(std::move(p));
    }
    if (problems.empty()) {
        return true;
    }
    const std::string first = domain::FormatIsoDate(earliest.Value());
    SendProblem(ctx.res,
                contract::MakeProblem(422, "validation_failed",
                                      "the flight cannot be submitted as it is; submitted today (" +
                                          domain::FormatIsoDate(today) + ") it can start on " + first +
                                          " at the earliest",
                                      problems),
                {{"earliest_starts_on", first}});
    return false;
}

void Act(RequestContext& ctx, domain::FlightAction action) {
    auto stored = FlightOrNotFound(ctx);
    if (!stored || !IfMatchHolds(ctx, *stored)) {
        return;
    }
    const auto shown = ShownFlight(ctx, *stored);
    const auto to = domain::ApplyAction(shown.status, action);
    if (!to) {
        SendInvalidTransition(ctx, shown.status, action);
        return;
    }
    if (action == domain::FlightAction::Submit && !StartDateHolds(ctx, shown, domain::ValidateFlight(shown))) {
        return;
    }
    StoredFlight moved = *stored;
    moved.status = std::string(domain::ToString(*to));
    moved.updated_at = ctx.NowText();
    const std::string today = domain::FormatIsoDate(TodayInMoscow(ctx));
    if (action == domain::FlightAction::Submit) {
        moved.submitted_on = today;
    }
    if (!MoveFlight(ctx.db, moved, stored->status, stored->version)) {
        const auto now = *FindFlight(ctx.db, ctx.caller->partner_id, stored->id);
        SendProblem(ctx.res,
                    contract::MakeProblem(409, "flight_changed",
                                          "another request changed the flight at the same moment; reload it"),
                    {{"current", contract::ToJson(ShownFlight(ctx, now))}});
        return;
    }
    const auto saved = *FindFlight(ctx.db, ctx.caller->partner_id, stored->id);
    std::string detail = "\"" + shown.offer.title + "\": " + std::string(domain::ToString(shown.status)) + " -> " +
                         moved.status;
    if (action == domain::FlightAction::Submit) {
        detail += " on " + today + ", starts " + moved.starts_on;
    }
    ctx.Audit(std::string("cashback_flight.") +
                  (action == domain::FlightAction::Submit   ? "submitted"
                   : action == domain::FlightAction::Pause  ? "paused"
                   : action == domain::FlightAction::Resume ? "resumed"
                                                            : "stopped"),
              "cashback_flight", std::to_string(saved.id), detail);
    SendFlight(ctx, 200, saved);
}
} // namespace

void AddCashbackLifecycleRoutes(Router& router) {
    const std::pair<const char*, domain::FlightAction> actions[] = {
        {"/submit", domain::FlightAction::Submit},
        {"/pause", domain::FlightAction::Pause},
        {"/resume", domain::FlightAction::Resume},
        {"/stop", domain::FlightAction::Stop},
    };
    for (const auto& [suffix, action] : actions) {
        router.Add({"POST", std::string(kFlightPath) + suffix, Access::CardEditor, Body::Optional, true, true,
                    [action = action](RequestContext& ctx) { Act(ctx, action); }, ReadsKeys({}),
                    [](RequestContext& ctx) { return FlightPreconditionsHold(ctx, false); }});
    }
}

} // namespace kpd::sandbox
