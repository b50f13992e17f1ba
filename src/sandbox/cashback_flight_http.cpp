#include "sandbox/cashback_flight_http.h"

#include "contract/cashback_json.h"
#include "sandbox/cashback_stored_flight.h"
#include "sandbox/http_util.h"

namespace kpd::sandbox {

domain::CivilDate TodayInMoscow(const RequestContext& ctx) {
    return MoscowDate(ctx.state.clock.Now());
}

std::optional<StoredFlight> FlightOrNotFound(RequestContext& ctx) {
    auto stored = FindFlight(ctx.db, ctx.caller->partner_id, ctx.PathId());
    if (!stored) {
        SendProblem(ctx.res, 404, "not_found", "no such cashback flight");
    }
    return stored;
}

domain::CashbackFlight ShownFlight(const RequestContext& ctx, const StoredFlight& stored) {
    return domain::StatusOn(FromStored(stored), TodayInMoscow(ctx));
}

void SendFlight(RequestContext& ctx, int status, const StoredFlight& stored) {
    ctx.res.set_header("ETag", ETagOf(stored.version));
    SendJson(ctx.res, status, contract::ToJson(ShownFlight(ctx, stored)));
}

bool RequireIfMatch(RequestContext& ctx, const StoredFlight& stored) {
    if (ctx.req.has_header("If-Match")) {
        return true;
    }
    SendProblem(ctx.res, 428, "if_match_required",
                "send If-Match with the ETag of the flight you read, e.g. If-Match: " + ETagOf(stored.version));
    return false;
}

bool IfMatchHolds(RequestContext& ctx, const StoredFlight& stored) {
    if (!ctx.req.has_header("If-Match")) {
        return true;
    }
    const auto expected = VersionFromIfMatch(ctx.req.get_header_value("If-Match"));
    if (expected && *expected == stored.version) {
        return true;
    }
    ctx.res.set_header("ETag", ETagOf(stored.version));
    SendProblem(ctx.res,
                contract::MakeProblem(412, "version_mismatch",
                                      "the flight changed since you read it; current version is " +
                                          std::to_string(stored.version)),
                {{"current", contract::ToJson(ShownFlight(ctx, stored))}});
    return false;
}

bool FlightPreconditionsHold(RequestContext& ctx, bool required) {
    auto stored = FlightOrNotFound(ctx);
    return stored && (!required || RequireIfMatch(ctx, *stored)) && IfMatchHolds(ctx, *stored);
}

} // namespace kpd::sandbox
