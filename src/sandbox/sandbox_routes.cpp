// Routes that exist only in the sandbox (no auth: tests and demos drive them):
// GET /v1/health, GET/POST /v1/sandbox/clock, POST/DELETE /v1/sandbox/faults,
// GET/PUT /v1/sandbox/rate-limit.
// Moving the clock over whole Moscow days also brings those days' Dolyami
// registers (settlement_days.h) and simulates the app's users scanning
// receipts on each of them (receipt_generator.h), in the same transaction as
// the move's audit entries.
#include "contract/json_reader.h"
#include "sandbox/audit_log.h"
#include "sandbox/http_util.h"
#include "sandbox/partner_repository.h"
#include "sandbox/receipt_generator.h"
#include "sandbox/request_log.h"
#include "sandbox/routes.h"
#include "sandbox/settlement_days.h"

#include <cmath>

namespace kpd::sandbox {

namespace {
void Health(RequestContext& ctx) {
    SendJson(ctx.res, 200, {{"status", "ok"}});
}

void SendClock(RequestContext& ctx) {
    SendJson(ctx.res, 200, {{"now", ctx.NowText()}, {"fixed", ctx.state.clock.IsFixed()}});
}

// The clock is the whole platform's, so its move is written to every
// partner's audit log (by the caller when signed in, else by "sandbox").
void AuditClockChange(RequestContext& ctx, const std::string& detail) {
    domain::AuditEntry e;
    e.at = ctx.NowText();
    e.client = ctx.Client();
    e.action = "sandbox.clock";
    e.object_type = "clock";
    e.object_id = "sandbox";
    e.detail = detail;
    for (auto partnerId : ListPartnerIds(ctx.db)) {
        bool own = ctx.caller && ctx.caller->partner_id == partnerId;
        e.actor_user_id = own ? ctx.caller->user.id : 0;
        e.actor_login = own ? ctx.caller->user.login : "sandbox";
        AppendAudit(ctx.db, partnerId, e);
    }
}

void MoveClock(RequestContext& ctx) {
    domain::Problems problems;
    contract::JsonReader r(ctx.body, problems);
    auto now = r.String("now", false);
    auto advance = r.Int("advance_seconds", false);
    std::optional<domain::Instant> instant;
    if (now) {
        instant = domain::ParseRfc3339(*now);
        if (!instant) {
            r.Fail("/now", "invalid_instant",
                   "now must be RFC 3339 with an offset, e.g. 2026-12-25T10:00:00+03:00");
        }
    }
    if (problems.empty() && now.has_value() == advance.has_value()) {
        r.Fail("", "one_of", "send exactly one of now and advance_seconds");
    }
    if (!problems.empty()) {
        SendProblem(ctx.res, 422, "validation_failed", "the clock change has mistakes", problems);
        return;
    }
    const auto before = ctx.state.clock.Now();
    if (instant) {
        ctx.state.clock.Set(*instant);
        AuditClockChange(ctx, "clock set to " + ctx.NowText());
    } else {
        ctx.state.clock.Advance(*advance);
        AuditClockChange(ctx, "clock advanced by " + std::to_string(*advance) + " s to " +
                                  ctx.NowText());
    }
    AddSettlementDaysPassed(ctx.db, ctx.state.clock.Now(), ctx.state.calendar);
    SimulateDaysPassed(ctx.db, before, ctx.state.clock.Now(), ctx.state.settings.scans_per_day);
    SendClock(ctx);
}

void ArmFault(RequestContext& ctx) {
    domain::Problems problems;
    contract::JsonReader r(ctx.body, problems);
    auto path = r.String("path");
    auto kind = r.String("kind");
    auto status = r.Int("status", false).value_or(503);
    auto count = r.Int("count", false).value_or(1);
    Fault fault;
    if (kind && *kind != "drop" && *kind != "status" && *kind != "drop_answer" &&
        *kind != "exception") {
        r.Fail("/kind", "enum", "kind must be drop, status, drop_answer or exception");
    }
    if (status < 400 || status > 599) {
        r.Fail("/status", "out_of_range", "status must be an error status, 400 to 599");
    }
    if (count < 0 || count > 1000) {
        r.Fail("/count", "out_of_range", "count must be 0 to 1000");
    }
    if (path && path->rfind("/v1/", 0) != 0) {
        r.Fail("/path", "invalid_path", "path must start with /v1/");
    }
    if (!problems.empty()) {
        SendProblem(ctx.res, 422, "validation_failed", "the fault has mistakes", problems);
        return;
    }
    fault.kind = *kind == "drop"          ? FaultKind::Drop
                 : *kind == "drop_answer" ? FaultKind::DropAnswer
                 : *kind == "exception"   ? FaultKind::Exception
                                          : FaultKind::Status;
    fault.status = static_cast<int>(status);
    fault.remaining = static_cast<int>(count);
    ctx.state.faults.Arm(*path, fault);
    SendJson(ctx.res, 200,
             {{"armed", {{"path", *path}, {"kind", *kind}, {"status", status}, {"count", count}}}});
}

void ClearFaults(RequestContext& ctx) {
    ctx.state.faults.Clear();
    ctx.res.status = 204;
}

void SendRateLimit(RequestContext& ctx) {
    const RateLimit limit = ctx.state.rate_limiter.Current();
    nlohmann::json rate = limit.per_second;
    if (limit.per_second == std::floor(limit.per_second)) {
        rate = static_cast<std::int64_t>(limit.per_second); // 2, not 2.0
    }
    SendJson(ctx.res, 200, {{"requests_per_second", rate}, {"burst", limit.burst}});
}

// {"requests_per_second": N, "burst": B}: N may have a fraction (0.2 is one
// request every five seconds) and 0 turns the limit off; B defaults to four
// seconds' worth. Every bucket starts full again.
void SetRateLimit(RequestContext& ctx) {
    domain::Problems problems;
    contract::JsonReader r(ctx.body, problems);
    auto burst = r.Int("burst", false);
    std::optional<double> rate;
    if (r.IsObject()) {
        const auto found = ctx.body.find("requests_per_second");
        if (found == ctx.body.end() || found->is_null()) {
            r.Fail("/requests_per_second", "required", "requests_per_second is required");
        } else if (!found->is_number()) {
            r.Fail("/requests_per_second", "type", "requests_per_second must be a number");
        } else if (rate = found->get<double>(); *rate < 0 || *rate > kMaxRate) {
            r.Fail("/requests_per_second", "out_of_range", "requests_per_second must be 0 to 1000000");
        }
    }
    if (burst && (*burst < 1 || *burst > kMaxBurst)) {
        r.Fail("/burst", "out_of_range", "burst must be 1 to 10000000");
    }
    if (!problems.empty()) {
        SendProblem(ctx.res, 422, "validation_failed", "the rate limit has mistakes", problems);
        return;
    }
    RateLimit limit;
    if (*rate > 0) {
        limit = {*rate, burst.value_or(DefaultBurst(*rate))};
    }
    ctx.state.rate_limiter.Configure(limit);
    SendRateLimit(ctx);
    LogInfo(limit.per_second > 0 ? "rate limit set to " + ctx.res.body : std::string("rate limit turned off"));
}

} // namespace

void AddSandboxRoutes(Router& router) {
    router.Add({"GET", "/v1/health", Access::Anyone, Body::None, false, false, Health});
    router.Add({"GET", "/v1/sandbox/clock", Access::Anyone, Body::None, false, false, SendClock});
    router.Add({"POST", "/v1/sandbox/clock", Access::Anyone, Body::Json, true, true, MoveClock,
                ReadsKeys({"now", "advance_seconds"})});
    router.Add({"POST", "/v1/sandbox/faults", Access::Anyone, Body::Json, false, false, ArmFault,
                ReadsKeys({"path", "kind", "status", "count"})});
    router.Add(
        {"DELETE", "/v1/sandbox/faults", Access::Anyone, Body::None, false, false, ClearFaults});
    router.Add({"GET", "/v1/sandbox/rate-limit", Access::Anyone, Body::None, false, false, SendRateLimit});
    router.Add({"PUT", "/v1/sandbox/rate-limit", Access::Anyone, Body::Json, false, false, SetRateLimit,
                ReadsKeys({"requests_per_second", "burst"})});
}

} // namespace kpd::sandbox
