#pragma once
// The sandbox's own routing table over httplib: every request of every method
// comes to Router::Dispatch, which finds the route (404 / 405 problem+json
// otherwise), leases a database session, authenticates the bearer token,
// takes a token from the caller's rate-limit bucket (429 otherwise), checks the caller's role, checks Content-Type and parses JSON, and runs
// state-changing routes inside one transaction together with their
// Idempotency-Key record and audit entries. Dispatch is called concurrently
// from httplib's pool threads; routes are added before the server starts.
#include "domain/business_calendar.h"
#include "domain/user.h"
#include "sandbox/auth_cache.h"
#include "sandbox/clock.h"
#include "sandbox/faults.h"
#include "sandbox/rate_limiter.h"
#include "sandbox/session_pool.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace kpd::sandbox {

struct SandboxSettings {
    std::int64_t token_ttl_seconds = 3600;
    std::size_t max_body_bytes = 1024 * 1024;
    // What a Body::Raw route (an upload) may read before httplib or the router
    // refuse it: above its own limit (2 MiB for assets), so that the route
    // itself answers 413 with its words, and below what would let one
    // request hold much memory.
    std::size_t max_upload_bytes = 8 * 1024 * 1024;
    // Receipts simulated per partner with running cashback flights for each
    // whole Moscow day the clock is moved over (--scans-per-day).
    int scans_per_day = 300;
    // A pause between the steps of a clock move (clock_move.h), for tests of
    // what is served meanwhile and of stopping in the middle (--clock-step-pause).
    int clock_step_pause_ms = 0;
};

// Shared by every request; each member is thread-safe on its own.
struct SandboxState {
    SessionPool& pool;
    SandboxClock& clock;
    FaultInjector& faults;
    RateLimiter& rate_limiter;
    SandboxSettings settings;
    // The production calendar read at start (services/calendar_file.h): the
    // file the desk reads too.
    const domain::BusinessCalendar& calendar;
};

enum class Access {
    Anyone,       // no token needed (a valid one still names the caller)
    AnyRole,      // any signed-in user
    PartnerAdmin, // partner_admin only
    CardEditor,   // marketing or partner_admin: who designs and publishes the card screen (and edits cashback flights)
    MarketingReader, // marketing, partner_admin or viewer: who reads cashback flights and their reports
    Finance,      // finance or finance_manager: Dolyami settlements and commission invoices
};

enum class Body {
    None,     // ignored
    Json,     // required, application/json
    Optional, // may be empty; when present, application/json
    Raw,      // bytes of any type up to max_upload_bytes; the route checks them itself
};

struct Caller {
    std::int64_t partner_id = 0;
    domain::User user;
};

struct RequestContext {
    const httplib::Request& req;
    httplib::Response& res;
    soci::session& db;
    SandboxState& state;
    std::smatch match;            // path captures of the route's pattern
    std::optional<Caller> caller; // set for authenticated requests
    nlohmann::json body;          // the parsed body (null when none)
    bool commit_on_error = false; // keep writes of an error answer (e.g. a failed sign-in audit)

    std::int64_t PathId(std::size_t index = 1) const;
    std::string Client() const; // User-Agent, for the audit log
    std::string NowText() const;
    // Appends an audit entry for the caller's partner (inside the request's transaction).
    void Audit(const std::string& action, const std::string& objectType,
               const std::string& objectId, const std::string& detail);
};

using Handler = std::function<void(RequestContext&)>;
// Reads a JSON body the way the route's handler will (its contract parser),
// its outcome dropped: run under a contract::FieldReadLog so the router learns
// which fields the route knows and refuses a body with any other (422
// `unknown_field` at each one's pointer) before the handler acts.
using BodyReader = std::function<void(const nlohmann::json&)>;

// A BodyReader of a contract parser `parse(const json&)`.
template <class Parse> BodyReader ReadsWith(Parse parse) {
    return [parse](const nlohmann::json& body) { (void)parse(body); };
}
// A BodyReader of a flat body whose fields are `keys` ({} for an empty object).
BodyReader ReadsKeys(std::vector<std::string> keys);

// What a route checks before it reads its body (RFC 9110 section 13.2.2:
// preconditions before content): that the target exists (404), that the
// request is conditional (428) and that its If-Match holds (412, with the
// current state). True when they pass; false after answering. The handler
// runs it first; the router runs it too when the body is malformed or has
// unknown fields, so that a stale If-Match is 412 whatever the body says.
using BeforeContent = std::function<bool(RequestContext&)>;

struct Route {
    std::string method;
    std::string pattern; // ECMAScript regex over the whole path
    Access access = Access::PartnerAdmin;
    Body body = Body::None;
    bool writes = false;     // runs in a transaction
    bool idempotent = false; // honours Idempotency-Key (state-changing POSTs)
    Handler handler;
    BodyReader reads = {};             // required for Body::Json and Body::Optional
    BeforeContent before_content = {}; // routes with If-Match; see BeforeContent
};

class Router {
  public:
    explicit Router(SandboxState& state) : m_state(state) {}

    void Add(Route route);
    void Dispatch(const httplib::Request& req, httplib::Response& res);
    // The largest body the route for `method` and `path` takes (max_body_bytes
    // when there is none): what an Expect: 100-continue is answered by.
    std::size_t BodyLimit(const std::string& method, const std::string& path) const;
    // The most any route takes: the limit httplib itself enforces.
    std::size_t LargestBodyLimit() const;
    // The table in the order routes were added (tests hold it against the
    // OpenAPI document: tests/openapi/route_table_test.cpp).
    std::vector<Route> Routes() const {
        std::vector<Route> routes;
        for (const auto& c : m_routes) {
            routes.push_back(c.route);
        }
        return routes;
    }

  private:
    struct Compiled {
        Route route;
        std::regex regex;
        // The pattern's text before its first regex operator: a path without
        // it cannot match, and most are told so without running the regex
        // (the route search was a std::regex_match of every route per request).
        std::string prefix;
        bool literal = false; // the whole pattern is plain text: match by equality
    };

    const Compiled* Find(const std::string& method, const std::string& path, std::smatch& match,
                         std::set<std::string>& allowed) const;
    std::size_t LimitOf(const Route& route) const;
    // The caller's token bucket: false (429 rate_limited with Retry-After sent)
    // when it is empty. The sandbox's own routes (/v1/sandbox/…) are not limited.
    bool WithinRateLimit(const httplib::Request& req, httplib::Response& res);
    bool Authenticate(RequestContext& ctx, Access access);
    // Parses a JSON body (400, 415 otherwise) and refuses fields the route
    // does not know (422 unknown_field).
    bool ReadBody(RequestContext& ctx, const Route& route);
    // After ReadBody answered 400 or 422: the route's BeforeContent answer
    // instead when that fails (a stale If-Match wins over a broken body).
    void PreferPreconditions(RequestContext& ctx, const Route& route);
    void RunRead(RequestContext& ctx, const Route& route);
    void RunWrite(RequestContext& ctx, const Route& route);

    SandboxState& m_state;
    std::vector<Compiled> m_routes;
    AuthCache m_authCache; // token -> caller between requests; cleared by every committed write
};

} // namespace kpd::sandbox
