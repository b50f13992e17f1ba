// Routes that exist only in the sandbox (no auth: tests and demos drive them):
// GET /v1/health, GET/POST /v1/sandbox/clock, POST/DELETE /v1/sandbox/faults,
// GET/PUT /v1/sandbox/rate-limit.
// Moving the clock over whole Moscow days also brings those days' Dolyami
// registers (settlement_days.h) and simulates the app's users scanning
// receipts on each of them (receipt_generator.h), a day per transaction
// (clock_move.h); the move's audit entries commit with its last step.
#include "contract/json_reader.h"
#include "sandbox/audit_log.h"
#include "sandbox/clock_move.h"
#include "sandbox/http_util.h"
#include "sandbox/idempotency_store.h"
#include "sandbox/partner_repository.h"
#include "sandbox/request_log.h"
#include "sandbox/routes.h"

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
// partner's audit log (by the caller when signed in, else by "sandbox"),
// stamped with the instant the clock arrives at.
void AuditClockChange(RequestContext& ctx, soci::session& db, domain::Instant at,
                      const std::string& detail) {
    domain::AuditEntry e;
    e.at = domain::FormatRfc3339(at);
    e.client = ctx.Client();
    e.action = "sandbox.clock";
    e.object_type = "clock";
    e.object_id = "sandbox";
    e.detail = detail;
    for (auto partnerId : ListPartnerIds(db)) {
        bool own = ctx.caller && ctx.caller->partner_id == partnerId;
        e.actor_user_id = own ? ctx.caller->user.id : 0;
        e.actor_login = own ? ctx.caller->user.login : "sandbox";
        AppendAudit(db, partnerId, e);
    }
}

std::string MoveText(domain::Instant from, domain::Instant to) {
    return "clock advanced by " + std::to_string((to - from).count()) + " s to " +
           domain::FormatRfc3339(to);
}

// The clock route runs its own transactions (one per step of the move), so
// it keeps its Idempotency-Key record itself, as the router does for others:
// scope (0, 0, key), the first answer replayed, a different request refused.
struct ClockKey {
    IdempotencyScope scope;
    std::string fingerprint;
};

void Replay(httplib::Response& res, const StoredAnswer& stored) {
    res.status = stored.status;
    for (const auto& [name, value] : stored.headers.items()) {
        if (name != "Content-Type")
            res.set_header(name, value.get<std::string>());
    }
    res.set_header(kReplayedHeader, "true");
    res.set_content(stored.body, stored.headers.value("Content-Type", kJson));
}

void KeepAnswer(soci::session& db, const ClockKey& key, const httplib::Response& res,
                const std::string& now) {
    ReserveKey(db, key.scope, key.fingerprint, now);
    StoreAnswer(db, key.scope, res.status, res.body,
                {{"Content-Type", res.get_header_value("Content-Type")}});
}

// {"now": RFC 3339} or {"advance_seconds": N}, at most 20 years either way.
// Moving ahead over whole days simulates them step by step (clock_move.h);
// the clock is set only as steps commit, the audit entries commit with the
// last one.
void MoveClock(RequestContext& ctx) {
    std::optional<ClockKey> key;
    if (ctx.req.has_header(kIdempotencyKeyHeader)) {
        auto text = ctx.req.get_header_value(kIdempotencyKeyHeader);
        if (text.empty() || text.size() > 255) {
            SendProblem(ctx.res, 400, "invalid_idempotency_key",
                        "Idempotency-Key must be 1 to 255 characters");
            return;
        }
        key =
            ClockKey{{0, 0, text}, RequestFingerprint(ctx.req.method, ctx.req.path, ctx.req.body)};
    }
    // One move at a time: a second waits here, then sees the first's clock.
    auto moving = ctx.state.clock.LockMoves();
    if (key) {
        if (auto stored = FindAnswer(ctx.db, key->scope)) {
            if (stored->fingerprint != key->fingerprint) {
                SendProblem(ctx.res, 422, "idempotency_key_reuse",
                            "this Idempotency-Key was used for a different request");
                return;
            }
            Replay(ctx.res, *stored);
            return;
        }
    }
    const domain::Instant from = ctx.state.clock.Now();
    domain::Problems problems;
    contract::JsonReader r(ctx.body, problems);
    auto now = r.String("now", false);
    auto advance = r.Int("advance_seconds", false);
    std::optional<domain::Instant> to;
    const std::string bound = std::to_string(kMaxClockMoveSeconds);
    if (now) {
        to = domain::ParseRfc3339(*now);
        if (!to) {
            r.Fail("/now", "invalid_instant",
                   "now must be RFC 3339 with an offset, e.g. 2026-12-25T10:00:00+03:00");
        } else if (const auto distance = (*to - from).count();
                   distance > kMaxClockMoveSeconds || distance < -kMaxClockMoveSeconds) {
            r.Fail("/now", "out_of_range",
                   "now must be within " + bound + " s (20 years) of the sandbox's now, " +
                       domain::FormatRfc3339(from));
        }
    }
    if (advance) {
        if (*advance > kMaxClockMoveSeconds || *advance < -kMaxClockMoveSeconds) {
            r.Fail("/advance_seconds", "out_of_range",
                   "advance_seconds must be from -" + bound + " to " + bound +
                       " (20 years either way)");
        } else {
            to = from + std::chrono::seconds(*advance);
        }
    }
    if (problems.empty() && now.has_value() == advance.has_value()) {
        r.Fail("", "one_of", "send exactly one of now and advance_seconds");
    }
    if (!problems.empty()) {
        SendProblem(ctx.res, 422, "validation_failed", "the clock change has mistakes", problems);
        if (key) {
            WriteTransaction tx(ctx.db);
            KeepAnswer(ctx.db, *key, ctx.res, domain::FormatRfc3339(from));
            tx.Commit();
        }
        return;
    }
    const std::string detail =
        now ? "clock set to " + domain::FormatRfc3339(*to) : MoveText(from, *to);
    const auto finish = [&](soci::session& db) {
        AuditClockChange(ctx, db, *to, detail);
        SendJson(ctx.res, 200, {{"now", domain::FormatRfc3339(*to)}, {"fixed", true}});
        if (key)
            KeepAnswer(db, *key, ctx.res, domain::FormatRfc3339(*to));
    };
    domain::Instant reached = from;
    bool complete = false;
    try {
        complete = MoveClockInSteps(ctx.db, ctx.state, from, *to, finish, reached);
    } catch (...) {
        // A step failed after others had committed: the clock stands where
        // they put it, and that move is audited like any other.
        if (reached != from) {
            try {
                WriteTransaction tx(ctx.db);
                AuditClockChange(ctx, ctx.db, reached,
                                 MoveText(from, reached) + " (stopped by a failure)");
                tx.Commit();
            } catch (const std::exception&) {
                // (the database's message may quote SQL; the step's own error is logged by the
                // router)
                LogError("auditing the clock's partial move to " + domain::FormatRfc3339(reached) +
                         " failed too");
            }
        }
        throw;
    }
    if (!complete) {
        if (reached != from) {
            WriteTransaction tx(ctx.db);
            AuditClockChange(ctx, ctx.db, reached,
                             MoveText(from, reached) + " (stopped early: the sandbox is stopping)");
            tx.Commit();
        }
        ctx.res.status = -1;
        ctx.res.body.clear();
        ctx.res.set_header("Retry-After", "1");
        SendProblem(ctx.res, 503, "service_unavailable",
                    "the sandbox is stopping; the clock stopped at " +
                        domain::FormatRfc3339(reached));
    }
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
    // Not `writes`: the move runs its own transactions, a step each, and keeps
    // its Idempotency-Key record in the last one.
    router.Add({"POST", "/v1/sandbox/clock", Access::Anyone, Body::Json, false, false, MoveClock,
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
