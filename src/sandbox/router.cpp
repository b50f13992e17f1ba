#include "sandbox/router.h"

#include "contract/json_reader.h"
#include "domain/settlement.h"
#include "domain/text_encoding.h"

#include "sandbox/audit_log.h"
#include "sandbox/crypto.h"
#include "sandbox/http_util.h"
#include "sandbox/idempotency_store.h"
#include "sandbox/internal_error.h"
#include "sandbox/request_log.h"
#include "sandbox/token_store.h"
#include "sandbox/user_repository.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <stdexcept>

namespace kpd::sandbox {

namespace {
// A unique violation inside a write means another request got there first
// (same Idempotency-Key, same login, same new id): roll back and run again,
// and the next attempt sees the winner's committed row.
constexpr int kWriteAttempts = 5;
constexpr std::size_t kMaxIdempotencyKey = 255;

void ResetResponse(httplib::Response& res) {
    res.status = -1;
    res.body.clear();
    res.headers.clear();
}

// SOCI appends the statement to its messages (… while preparing "SQL". or
// … while executing "SQL" with :hash=…); the statement of a multi-row
// INSERT holds the values themselves, and bound ones may be password or
// token hashes. PostgreSQL quotes them too: its DETAIL line a row's values
// ("Key (login)=(…) already exists"), its LINE n: lines the statement near
// the error; SQLite's syntax errors the text near it (near "…": syntax
// error). The log keeps the database's own words and none of that.
std::string WithoutBoundValues(const std::string& message) {
    std::string out;
    std::size_t start = 0;
    while (start < message.size()) {
        auto end = message.find('\n', start);
        if (end == std::string::npos)
            end = message.size();
        const std::string line = message.substr(start, end - start);
        start = end + 1;
        if (line.rfind("LINE ", 0) == 0 ||
            (!line.empty() && line.find_first_not_of(" ^") == std::string::npos)) {
            continue; // the statement's text near the error, and its caret
        }
        out += (out.empty() ? "" : "\n") +
               (line.rfind("DETAIL:", 0) == 0 ? std::string("DETAIL: (withheld)") : line);
    }
    for (const char* context : {"while preparing \"", "while executing \""}) {
        if (const auto at = out.find(context); at != std::string::npos) {
            out = out.substr(0, at) + "(statement and values withheld)";
        }
    }
    for (const char* quoting : {"near \"", "unrecognized token: \""}) {
        for (auto at = out.find(quoting); at != std::string::npos; at = out.find(quoting, at + 1)) {
            const auto open = at + std::char_traits<char>::length(quoting);
            const auto close = out.find('"', open);
            out.replace(open, close == std::string::npos ? std::string::npos : close - open, "…");
        }
    }
    return out;
}

constexpr const char* kSandboxPrefix = "/v1/sandbox/";

// Whose bucket a request takes from: the access token it carries; for a
// sign-in, the login it names (so guessing one user's password is slowed
// without slowing anyone else); else the client's address.
std::string RateLimitCaller(const httplib::Request& req) {
    auto header = req.get_header_value("Authorization");
    if (header.size() > 7 && std::equal(header.begin(), header.begin() + 7, "bearer ", [](char a, char b) {
            return std::tolower(static_cast<unsigned char>(a)) == b;
        })) {
        return "token " + header.substr(7);
    }
    if (req.path == "/v1/auth/token") {
        auto body = nlohmann::json::parse(req.body, nullptr, false);
        if (body.is_object() && body.contains("login") && body["login"].is_string()) {
            return "login " + body["login"].get<std::string>();
        }
    }
    return "address " + req.remote_addr;
}

nlohmann::json HeadersToKeep(const httplib::Response& res) {
    nlohmann::json headers = nlohmann::json::object();
    for (const char* name : {"Location", "ETag", "Content-Type", "Retry-After"}) {
        if (res.has_header(name)) {
            headers[name] = res.get_header_value(name);
        }
    }
    return headers;
}
} // namespace

std::int64_t RequestContext::PathId(std::size_t index) const {
    std::int64_t id = 0;
    auto text = match[index].str();
    std::from_chars(text.data(), text.data() + text.size(), id);
    return id;
}

std::string RequestContext::Client() const {
    // Stored in the audit log and answered as JSON: any bytes that are not
    // UTF-8 become U+FFFD here, so the log stays readable (a cut through a
    // character at 200 bytes becomes one too).
    auto agent = req.get_header_value("User-Agent");
    return domain::ValidUtf8(agent.size() > 200 ? std::string_view(agent).substr(0, 200) : agent);
}

std::string RequestContext::NowText() const {
    return domain::FormatRfc3339(state.clock.Now());
}

void RequestContext::Audit(const std::string& action, const std::string& objectType,
                           const std::string& objectId, const std::string& detail) {
    domain::AuditEntry e;
    e.at = NowText();
    e.actor_user_id = caller ? caller->user.id : 0;
    e.actor_login = caller ? caller->user.login : "sandbox";
    e.client = Client();
    e.action = action;
    e.object_type = objectType;
    e.object_id = objectId;
    e.detail = detail;
    AppendAudit(db, caller ? caller->partner_id : 0, e);
}

BodyReader ReadsKeys(std::vector<std::string> keys) {
    return [keys = std::move(keys)](const nlohmann::json& body) {
        domain::Problems ignored;
        contract::JsonReader reader(body, ignored);
        for (const auto& key : keys) {
            reader.Object(key, false); // looked up, whatever its type
        }
    };
}

void Router::Add(Route route) {
    if ((route.body == Body::Json || route.body == Body::Optional) && !route.reads) {
        throw std::logic_error(route.method + " " + route.pattern +
                               " takes a JSON body but names no BodyReader for its fields");
    }
    std::regex regex(route.pattern);
    const std::size_t special = route.pattern.find_first_of("\\^$.|?*+()[]{}");
    std::string prefix = route.pattern.substr(0, special);
    const bool literal = special == std::string::npos;
    m_routes.push_back({std::move(route), std::move(regex), std::move(prefix), literal});
}

const Router::Compiled* Router::Find(const std::string& method, const std::string& path,
                                     std::smatch& match, std::set<std::string>& allowed) const {
    for (const auto& c : m_routes) {
        std::smatch m;
        if (c.literal ? path != c.prefix
                      : path.compare(0, c.prefix.size(), c.prefix) != 0 ||
                            !std::regex_match(path, m, c.regex)) {
            continue;
        }
        allowed.insert(c.route.method);
        if (c.route.method == method || (method == "HEAD" && c.route.method == "GET")) {
            match = m;
            return &c;
        }
    }
    return nullptr;
}

std::size_t Router::LimitOf(const Route& route) const {
    return route.body == Body::Raw ? m_state.settings.max_upload_bytes
                                   : m_state.settings.max_body_bytes;
}

std::size_t Router::BodyLimit(const std::string& method, const std::string& path) const {
    std::smatch match;
    std::set<std::string> allowed;
    const Compiled* found = Find(method, path, match, allowed);
    return found ? LimitOf(found->route) : m_state.settings.max_body_bytes;
}

std::size_t Router::LargestBodyLimit() const {
    return std::max(m_state.settings.max_body_bytes, m_state.settings.max_upload_bytes);
}

void Router::Dispatch(const httplib::Request& req, httplib::Response& res) {
    std::smatch match;
    std::set<std::string> allowed;
    const Compiled* found = Find(req.method, req.path, match, allowed);
    if (!found) {
        if (allowed.empty()) {
            SendProblem(res, 404, "not_found", "no such resource: " + domain::ValidUtf8(req.path));
            return;
        }
        std::string allow;
        for (const auto& m : allowed) {
            allow += (allow.empty() ? "" : ", ") + m;
        }
        res.set_header("Allow", allow);
        SendProblem(res, 405, "method_not_allowed",
                    req.method + " is not allowed here; use " + allow);
        return;
    }
    if (!WithinRateLimit(req, res)) {
        return;
    }
    if (const std::size_t limit = LimitOf(found->route); req.body.size() > limit) {
        // httplib stops bodies above the largest limit of any route itself;
        // the ones between that and this route's limit (and chunked ones) stop here.
        SendProblem(res, 413, "payload_too_large",
                    "the body is larger than " + std::to_string(limit) + " bytes");
        return;
    }

    auto lease = m_state.pool.Acquire();
    RequestContext ctx{req, res, *lease, m_state, match, std::nullopt, nullptr};
    const Route& route = found->route;
    try {
        if (!Authenticate(ctx, route.access) || !ReadBody(ctx, route)) {
            return;
        }
        if (route.writes) {
            RunWrite(ctx, route);
        } else {
            RunRead(ctx, route);
        }
    } catch (const std::exception& e) {
        const auto* dbError = dynamic_cast<const soci::soci_error*>(&e);
        if (dbError && dbError->get_error_category() == soci::soci_error::connection_error) {
            LogError(req.method + " " + domain::ValidUtf8(req.path) +
                     " failed: " + WithoutBoundValues(e.what()));
            ResetResponse(res);
            // The database went away (PostgreSQL restarted): reconnect this
            // session for the next request and tell the client to retry.
            try {
                lease->reconnect();
            } catch (const std::exception& again) {
                LogError(std::string("reconnecting to the database failed: ") + again.what());
            }
            res.set_header("Retry-After", "1");
            SendProblem(res, 503, "service_unavailable",
                        "the sandbox lost its database connection; retry shortly");
            return;
        }
        AnswerInternalError(req, res, WithoutBoundValues(e.what()));
    }
}

bool Router::WithinRateLimit(const httplib::Request& req, httplib::Response& res) {
    if (req.path.rfind(kSandboxPrefix, 0) == 0) {
        return true; // tests and demos drive these; the platform itself has none
    }
    const std::int64_t wait = m_state.rate_limiter.Take(RateLimitCaller(req));
    if (wait == 0) {
        return true;
    }
    res.set_header("Retry-After", std::to_string(wait));
    SendProblem(res, 429, "rate_limited",
                "too many requests; retry after " + std::to_string(wait) + " s");
    return false;
}

bool Router::Authenticate(RequestContext& ctx, Access access) {
    auto header = ctx.req.get_header_value("Authorization");
    const std::string bearer = "Bearer ";
    // The scheme name is case-insensitive (RFC 9110 section 11.1).
    bool hasToken = header.size() > bearer.size() &&
                    std::equal(bearer.begin(), bearer.end(), header.begin(), [](char a, char b) {
                        return std::tolower(static_cast<unsigned char>(a)) ==
                               std::tolower(static_cast<unsigned char>(b));
                    });
    auto fail = [&](const std::string& code, const std::string& detail) {
        if (access == Access::Anyone) {
            return true; // a bad token on an open route just leaves the caller anonymous
        }
        ctx.res.set_header("WWW-Authenticate", "Bearer");
        SendProblem(ctx.res, 401, code, detail);
        return false;
    };
    if (!hasToken) {
        return fail("unauthenticated", "sign in and send Authorization: Bearer <token>");
    }
    const std::string tokenHash = Sha256Hex(std::string_view(header).substr(bearer.size()));
    auto known = m_authCache.Find(tokenHash);
    if (!known) {
        // Taken before the reads: a write committing meanwhile keeps what
        // they saw out of the cache (auth_cache.h).
        const std::uint64_t generation = m_authCache.Generation();
        auto owner = FindTokenByHash(ctx.db, tokenHash);
        if (!owner) {
            return fail("unauthenticated", "the access token is not valid; sign in again");
        }
        if (owner->expires_at <= ctx.state.clock.Now().time_since_epoch().count()) {
            return fail("token_expired", "the access token has expired; sign in again");
        }
        auto found = FindUser(ctx.db, owner->partner_id, owner->user_id);
        if (!found || found->disabled) {
            return fail("unauthenticated", "the user of this token is disabled");
        }
        known = CachedToken{owner->partner_id, owner->expires_at, std::move(*found)};
        m_authCache.Remember(generation, tokenHash, *known);
    }
    // On every request, cached or not: the sandbox clock may have moved.
    if (known->expires_at <= ctx.state.clock.Now().time_since_epoch().count()) {
        return fail("token_expired", "the access token has expired; sign in again");
    }
    const domain::User* user = &known->user;
    ctx.caller = Caller{known->partner_id, known->user};
    NoteCaller(known->partner_id, user->login);
    if (access == Access::PartnerAdmin && !user->roles.Has(domain::Role::PartnerAdmin)) {
        SendProblem(ctx.res, 403, "forbidden", "this needs the partner_admin role");
        return false;
    }
    if (access == Access::CardEditor && !user->roles.Has(domain::Role::Marketing) &&
        !user->roles.Has(domain::Role::PartnerAdmin)) {
        SendProblem(ctx.res, 403, "forbidden", "this needs the marketing or partner_admin role");
        return false;
    }
    if (access == Access::MarketingReader && !user->roles.Has(domain::Role::Marketing) &&
        !user->roles.Has(domain::Role::PartnerAdmin) && !user->roles.Has(domain::Role::Viewer)) {
        SendProblem(ctx.res, 403, "forbidden", "this needs the marketing, partner_admin or viewer role");
        return false;
    }
    if (access == Access::Finance && !domain::MaySeeSettlements(user->roles)) {
        SendProblem(ctx.res, 403, "forbidden", "this needs the finance or finance_manager role");
        return false;
    }
    if (access == Access::AnyRole && user->roles.Empty()) {
        SendProblem(ctx.res, 403, "forbidden", "this user holds no role");
        return false;
    }
    return true;
}

bool Router::ReadBody(RequestContext& ctx, const Route& route) {
    const Body body = route.body;
    if (body == Body::None || body == Body::Raw ||
        (body == Body::Optional && ctx.req.body.empty())) {
        return true;
    }
    if (!IsJsonContentType(ctx.req.get_header_value("Content-Type"))) {
        SendProblem(ctx.res, 415, "unsupported_media_type", "send the body as application/json");
        return false;
    }
    auto json = ParseJsonBody(ctx.req.body, ctx.res);
    if (!json) {
        PreferPreconditions(ctx, route);
        return false;
    }
    ctx.body = std::move(*json);
    if (!ctx.body.is_object()) {
        return true; // the handler's parse says what it expected
    }
    contract::FieldReadLog known;
    route.reads(ctx.body);
    if (auto unknown = contract::UnknownFields(ctx.body, known.Read()); !unknown.empty()) {
        SendProblem(ctx.res, 422, "validation_failed", "the body has fields the platform does not know",
                    std::move(unknown));
        PreferPreconditions(ctx, route);
        return false;
    }
    return true;
}

void Router::PreferPreconditions(RequestContext& ctx, const Route& route) {
    if (!route.before_content) {
        return;
    }
    httplib::Response contentError = ctx.res;
    ResetResponse(ctx.res);
    if (route.before_content(ctx)) {
        ctx.res = std::move(contentError);
    }
}

void Router::RunRead(RequestContext& ctx, const Route& route) {
    route.handler(ctx);
}

void Router::RunWrite(RequestContext& ctx, const Route& route) {
    std::optional<IdempotencyScope> scope;
    std::string fingerprint;
    if (route.idempotent && ctx.req.has_header(kIdempotencyKeyHeader)) {
        auto key = ctx.req.get_header_value(kIdempotencyKeyHeader);
        if (key.empty() || key.size() > kMaxIdempotencyKey) {
            SendProblem(ctx.res, 400, "invalid_idempotency_key",
                        "Idempotency-Key must be 1 to 255 characters");
            return;
        }
        scope = IdempotencyScope{ctx.caller ? ctx.caller->partner_id : 0,
                                 ctx.caller ? ctx.caller->user.id : 0, key};
        fingerprint = RequestFingerprint(ctx.req.method, ctx.req.path, ctx.req.body);
    }
    for (int attempt = 1;; ++attempt) {
        try {
            WriteTransaction tx(ctx.db);
            if (scope) {
                if (auto stored = FindAnswer(ctx.db, *scope)) {
                    tx.Rollback();
                    if (stored->fingerprint != fingerprint) {
                        SendProblem(ctx.res, 422, "idempotency_key_reuse",
                                    "this Idempotency-Key was used for a different request");
                        return;
                    }
                    ctx.res.status = stored->status;
                    for (const auto& [name, value] : stored->headers.items()) {
                        if (name != "Content-Type") {
                            ctx.res.set_header(name, value.get<std::string>());
                        }
                    }
                    ctx.res.set_header(kReplayedHeader, "true");
                    ctx.res.set_content(stored->body, stored->headers.value("Content-Type", kJson));
                    return;
                }
                ReserveKey(ctx.db, *scope, fingerprint, ctx.NowText());
            }
            route.handler(ctx);
            bool failed = ctx.res.status >= 400;
            if (ctx.res.status >= 500 || (failed && !scope && !ctx.commit_on_error)) {
                tx.Rollback();
                return;
            }
            if (scope) {
                StoreAnswer(ctx.db, *scope, ctx.res.status, ctx.res.body, HeadersToKeep(ctx.res));
            }
            tx.Commit();
            // Before the answer leaves: the next request, whoever sends it,
            // reads users and tokens as this write left them.
            m_authCache.Invalidate();
            return;
        } catch (const std::exception& e) {
            if (!IsUniqueViolation(e) || attempt == kWriteAttempts) {
                throw;
            }
            ResetResponse(ctx.res);
            ctx.commit_on_error = false;
        }
    }
}

} // namespace kpd::sandbox
