// POST /v1/auth/token: sign in with login and password, get a bearer token.
#include "contract/auth.h"
#include "sandbox/crypto.h"
#include "sandbox/http_util.h"
#include "sandbox/partner_repository.h"
#include "sandbox/request_log.h"
#include "sandbox/routes.h"
#include "sandbox/token_store.h"
#include "sandbox/user_repository.h"

namespace kpd::sandbox {

namespace {
void SignIn(RequestContext& ctx) {
    auto parsed = contract::TokenRequestFromJson(ctx.body);
    if (!parsed.Ok()) {
        SendProblem(ctx.res, 422, "validation_failed", "login and password are required",
                    parsed.problems);
        return;
    }
    const auto& request = *parsed.value;
    auto credentials = FindCredentials(ctx.db, request.login);
    if (!credentials) {
        VerifyDummyPassword(request.password);
        SendProblem(ctx.res, 401, "invalid_credentials", "wrong login or password");
        return;
    }
    // From here on the audit names the user who tried, even when it fails.
    ctx.caller = Caller{credentials->partner_id, credentials->user};
    NoteCaller(credentials->partner_id, credentials->user.login);
    auto userId = std::to_string(credentials->user.id);
    if (!VerifyPassword(credentials->password_hash, request.password)) {
        ctx.commit_on_error = true;
        ctx.Audit("auth.login_failed", "user", userId, "wrong password");
        SendProblem(ctx.res, 401, "invalid_credentials", "wrong login or password");
        return;
    }
    if (credentials->user.disabled) {
        ctx.commit_on_error = true;
        ctx.Audit("auth.login_failed", "user", userId, "the user is disabled");
        SendProblem(ctx.res, 401, "user_disabled",
                    "this user is disabled; ask the partner's administrator");
        return;
    }
    auto partner = FindPartner(ctx.db, credentials->partner_id);
    auto now = ctx.state.clock.Now();
    auto expires = now + std::chrono::seconds(ctx.state.settings.token_ttl_seconds);

    contract::TokenResponse response;
    response.access_token =
        IssueToken(ctx.db, credentials->partner_id, credentials->user.id, expires, now);
    response.expires_at = domain::FormatRfc3339(expires);
    response.user = {credentials->user.id, credentials->user.login, credentials->user.name,
                     credentials->user.roles};
    response.partner = {credentials->partner_id, partner ? partner->name : ""};
    ctx.Audit("auth.login", "user", userId, "signed in");
    ctx.res.set_header("Cache-Control", "no-store");
    SendJson(ctx.res, 200, contract::ToJson(response));
}
} // namespace

void AddAuthRoutes(Router& router) {
    router.Add({"POST", "/v1/auth/token", Access::Anyone, Body::Json, true, false, SignIn,
                ReadsWith(contract::TokenRequestFromJson)});
}

} // namespace kpd::sandbox
