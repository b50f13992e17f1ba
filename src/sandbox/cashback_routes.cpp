// /v1/cashback-flights: the partner's flights, read by marketing,
// partner_admin and viewer, created and edited (drafts only, If-Match) by
// marketing and partner_admin; the audience a targeting reaches among the
// sandbox's simulated app users. The flight's rules are domain's
// (ValidateFlight), the same the desk checks while the manager types; nothing
// is saved when any is broken. Lifecycle actions: cashback_lifecycle_routes.cpp;
// the report: cashback_report_routes.cpp.
#include "contract/cashback_json.h"
#include "domain/cashback_rules.h"
#include "sandbox/asset_repository.h"
#include "sandbox/cashback_app_users.h"
#include "sandbox/cashback_flight_http.h"
#include "sandbox/cashback_stored_flight.h"
#include "sandbox/http_util.h"
#include "sandbox/routes.h"

namespace kpd::sandbox {

namespace {
const char* kFlightsCursor = "cashback-flights";

// A flight from a POST or PUT body with every problem: the body's shape,
// then the rules, then an offer image the partner does not have.
std::optional<domain::CashbackFlight> ReadFlight(RequestContext& ctx) {
    auto parsed = contract::NewFlightFromJson(ctx.body);
    domain::Problems problems = parsed.problems;
    if (parsed.value) {
        for (auto& p : domain::ValidateFlight(*parsed.value)) problems.push_back(std::move(p));
        const auto& image = parsed.value->offer.image_asset_id;
        if (image && !FindAsset(ctx.db, ctx.caller->partner_id, *image)) {
            problems.push_back({"/offer/image_asset_id", "unknown_asset", "the partner has no asset " + *image});
        }
    }
    if (!parsed.value || !problems.empty()) {
        SendProblem(ctx.res, 422, "validation_failed", "the flight has mistakes", problems);
        return std::nullopt;
    }
    return parsed.value;
}

void ListFlightsRoute(RequestContext& ctx) {
    auto query = ReadPageQuery(ctx.req, ctx.res, kFlightsCursor);
    if (!query) {
        return;
    }
    auto rows = ListFlights(ctx.db, ctx.caller->partner_id, query->after.value_or(0), query->limit + 1);
    const bool more = rows.size() > static_cast<std::size_t>(query->limit);
    if (more) rows.pop_back();
    contract::Page<domain::CashbackFlight> page;
    for (const auto& row : rows) page.items.push_back(ShownFlight(ctx, row));
    if (more && !rows.empty()) page.next_cursor = EncodeCursor(kFlightsCursor, rows.back().id);
    SendJson(ctx.res, 200, contract::PageToJson(page, [](const auto& f) { return contract::ToJson(f); }));
}

void CreateFlight(RequestContext& ctx) {
    auto flight = ReadFlight(ctx);
    if (!flight) {
        return;
    }
    flight->status = domain::FlightStatus::Draft;
    flight->accrued_kop = 0;
    flight->submitted_on.reset();
    flight->finish_reason.reset();
    flight->created_at = flight->updated_at = ctx.NowText();
    const auto id = InsertFlight(ctx.db, ToStored(*flight, ctx.caller->partner_id));
    const auto stored = *FindFlight(ctx.db, ctx.caller->partner_id, id);
    ctx.Audit("cashback_flight.created", "cashback_flight", std::to_string(id),
              "created the draft \"" + flight->offer.title + "\", budget " + std::to_string(flight->budget_kop) +
                  " kop, " + stored.starts_on + " to " + stored.ends_on);
    ctx.res.set_header("Location", "/v1/cashback-flights/" + std::to_string(id));
    SendFlight(ctx, 201, stored);
}

void GetFlight(RequestContext& ctx) {
    if (auto stored = FlightOrNotFound(ctx)) {
        SendFlight(ctx, 200, *stored);
    }
}

void PutFlight(RequestContext& ctx) {
    auto stored = FlightOrNotFound(ctx);
    if (!stored || !RequireIfMatch(ctx, *stored) || !IfMatchHolds(ctx, *stored)) {
        return;
    }
    if (stored->status != "draft") {
        SendProblem(ctx.res, 409, "flight_not_draft",
                    "only a draft can be edited; this flight is " +
                        std::string(domain::ToString(ShownFlight(ctx, *stored).status)));
        return;
    }
    auto flight = ReadFlight(ctx);
    if (!flight) {
        return;
    }
    flight->id = stored->id;
    flight->status = domain::FlightStatus::Draft;
    flight->created_at = stored->created_at;
    flight->updated_at = ctx.NowText();
    if (!UpdateDraft(ctx.db, ToStored(*flight, ctx.caller->partner_id), stored->version)) {
        // Another request changed it between our read and our update.
        IfMatchHolds(ctx, *FindFlight(ctx.db, ctx.caller->partner_id, stored->id));
        return;
    }
    const auto saved = *FindFlight(ctx.db, ctx.caller->partner_id, stored->id);
    ctx.Audit("cashback_flight.updated", "cashback_flight", std::to_string(saved.id),
              "saved the draft \"" + flight->offer.title + "\"; version " + std::to_string(saved.version));
    SendFlight(ctx, 200, saved);
}

void EstimateAudienceRoute(RequestContext& ctx) {
    auto targeting = contract::TargetingFromJson(ctx.body);
    if (!targeting.Ok()) {
        SendProblem(ctx.res, 422, "validation_failed", "the targeting has mistakes", targeting.problems);
        return;
    }
    contract::AudienceEstimate estimate;
    estimate.users = EstimateAudience(targeting.value->loyalty_cards, targeting.value->regions);
    SendJson(ctx.res, 200, contract::ToJson(estimate));
}
} // namespace

void AddCashbackRoutes(Router& router) {
    router.Add({"GET", "/v1/cashback-flights", Access::MarketingReader, Body::None, false, false, ListFlightsRoute});
    router.Add({"POST", "/v1/cashback-flights", Access::CardEditor, Body::Json, true, true, CreateFlight,
                ReadsWith(contract::NewFlightFromJson)});
    router.Add({"GET", kFlightPath, Access::MarketingReader, Body::None, false, false, GetFlight});
    router.Add({"PUT", kFlightPath, Access::CardEditor, Body::Json, true, false, PutFlight,
                ReadsWith(contract::NewFlightFromJson),
                [](RequestContext& ctx) { return FlightPreconditionsHold(ctx, true); }});
    // A question, not a change: it writes nothing and needs no transaction.
    router.Add({"POST", "/v1/cashback-flights/audience-estimate", Access::MarketingReader, Body::Json, false, false,
                EstimateAudienceRoute, ReadsWith(contract::TargetingFromJson)});
    AddCashbackLifecycleRoutes(router);
    AddCashbackReportRoutes(router);
}

} // namespace kpd::sandbox
