// /v1/partner/users: list, create, read, change roles, disable, enable
// (partner_admin only; another partner's user answers 404 as if absent).
#include "contract/endpoints.h"
#include "contract/user_json.h"
#include "sandbox/crypto.h"
#include "sandbox/http_util.h"
#include "sandbox/routes.h"
#include "sandbox/token_store.h"
#include "sandbox/user_repository.h"

namespace kpd::sandbox {

namespace {
const char* kUserPath = R"(/v1/partner/users/(\d{1,18}))";

void SendUser(RequestContext& ctx, int status, const domain::User& user) {
    ctx.res.set_header("ETag", ETagOf(user.version));
    SendJson(ctx.res, status, contract::ToJson(user));
}

void SendNotFound(RequestContext& ctx) {
    SendProblem(ctx.res, 404, "not_found", "no such user");
}

void ListPartnerUsers(RequestContext& ctx) {
    auto query = ReadPageQuery(ctx.req, ctx.res, "users");
    if (!query) {
        return;
    }
    auto users =
        ListUsers(ctx.db, ctx.caller->partner_id, query->after.value_or(0), query->limit + 1);
    contract::Page<domain::User> page;
    bool more = users.size() > static_cast<std::size_t>(query->limit);
    if (more) {
        users.pop_back();
    }
    page.items = std::move(users);
    if (more && !page.items.empty()) {
        page.next_cursor = EncodeCursor("users", page.items.back().id);
    }
    SendJson(ctx.res, 200,
             contract::PageToJson(page, [](const domain::User& u) { return contract::ToJson(u); }));
}

void CreateUser(RequestContext& ctx) {
    auto parsed = contract::NewUserFromJson(ctx.body);
    if (!parsed.Ok()) {
        SendProblem(ctx.res, 422, "validation_failed", "the new user has mistakes",
                    parsed.problems);
        return;
    }
    const auto& newUser = *parsed.value;
    auto problems = domain::ValidateNewUser(newUser);
    if (!problems.empty()) {
        SendProblem(ctx.res, 422, "validation_failed", "the new user has mistakes", problems);
        return;
    }
    if (LoginExists(ctx.db, newUser.login)) {
        SendProblem(ctx.res, 409, "login_taken", "the login " + newUser.login + " is taken",
                    {{"/login", "taken", "login is taken"}});
        return;
    }
    // A racing create of the same login fails on the unique index here, and
    // the router runs this again to answer 409 from the check above.
    auto id = InsertUser(ctx.db, ctx.caller->partner_id, newUser, HashPassword(newUser.password),
                         ctx.NowText());
    auto user = FindUser(ctx.db, ctx.caller->partner_id, id);
    ctx.Audit("user.create", "user", std::to_string(id),
              "created " + newUser.login + " with roles " + domain::JoinRoles(newUser.roles));
    ctx.res.set_header("Location", contract::endpoints::PartnerUser(id));
    SendUser(ctx, 201, *user);
}

void GetUser(RequestContext& ctx) {
    auto user = FindUser(ctx.db, ctx.caller->partner_id, ctx.PathId());
    if (!user) {
        SendNotFound(ctx);
        return;
    }
    SendUser(ctx, 200, *user);
}

// 412 with the user as it is now.
void SendUserVersionMismatch(RequestContext& ctx, std::int64_t id) {
    auto current = FindUser(ctx.db, ctx.caller->partner_id, id);
    ctx.res.set_header("ETag", ETagOf(current->version));
    SendProblem(ctx.res,
                contract::MakeProblem(412, "version_mismatch",
                                      "the user changed since you read it; current version is " +
                                          std::to_string(current->version)),
                {{"current", contract::ToJson(*current)}});
}

// Preconditions before content (RFC 9110 section 13.2.2): the user exists
// (404), If-Match is sent (428) and names the user's version (412).
bool RolesPreconditionsHold(RequestContext& ctx) {
    auto id = ctx.PathId();
    auto user = FindUser(ctx.db, ctx.caller->partner_id, id);
    if (!user) {
        SendNotFound(ctx);
        return false;
    }
    if (!ctx.req.has_header("If-Match")) {
        SendProblem(ctx.res, 428, "if_match_required",
                    "send If-Match with the ETag of the user you read, e.g. If-Match: " +
                        ETagOf(user->version));
        return false;
    }
    auto expected = VersionFromIfMatch(ctx.req.get_header_value("If-Match"));
    if (!expected || *expected != user->version) {
        SendUserVersionMismatch(ctx, id);
        return false;
    }
    return true;
}

void SetRoles(RequestContext& ctx) {
    if (!RolesPreconditionsHold(ctx)) {
        return;
    }
    auto id = ctx.PathId();
    auto user = FindUser(ctx.db, ctx.caller->partner_id, id);
    auto parsed = contract::RolesChangeFromJson(ctx.body);
    auto problems = parsed.problems;
    if (parsed.Ok()) {
        problems = domain::ValidateRoles(parsed.value->roles);
    }
    if (!problems.empty()) {
        SendProblem(ctx.res, 422, "validation_failed", "the roles have mistakes", problems);
        return;
    }
    auto expected = VersionFromIfMatch(ctx.req.get_header_value("If-Match"));
    // The UPDATE itself checks the version, so of two racing changes with the
    // same ETag exactly one wins and the other gets 412.
    if (!expected ||
        !UpdateRoles(ctx.db, ctx.caller->partner_id, id, *expected, parsed.value->roles)) {
        SendUserVersionMismatch(ctx, id);
        return;
    }
    auto updated = FindUser(ctx.db, ctx.caller->partner_id, id);
    ctx.Audit("user.set_roles", "user", std::to_string(id),
              updated->login + ": " + domain::JoinRoles(user->roles) + " -> " +
                  domain::JoinRoles(updated->roles));
    SendUser(ctx, 200, *updated);
}

void SetDisabledState(RequestContext& ctx, bool disable) {
    auto id = ctx.PathId();
    auto user = FindUser(ctx.db, ctx.caller->partner_id, id);
    if (!user) {
        SendNotFound(ctx);
        return;
    }
    if (disable && id == ctx.caller->user.id) {
        SendProblem(ctx.res, 409, "cannot_disable_self", "you cannot disable yourself");
        return;
    }
    // Disabling a disabled user (or enabling an enabled one) changes nothing
    // and answers the user as it is.
    if (SetDisabled(ctx.db, ctx.caller->partner_id, id, disable)) {
        if (disable) {
            RevokeTokens(ctx.db, ctx.caller->partner_id, id);
        }
        ctx.Audit(disable ? "user.disable" : "user.enable", "user", std::to_string(id),
                  (disable ? "disabled " : "enabled ") + user->login);
        user = FindUser(ctx.db, ctx.caller->partner_id, id);
    }
    SendUser(ctx, 200, *user);
}
} // namespace

void AddUserRoutes(Router& router) {
    router.Add({"GET", "/v1/partner/users", Access::PartnerAdmin, Body::None, false, false,
                ListPartnerUsers});
    router.Add(
        {"POST", "/v1/partner/users", Access::PartnerAdmin, Body::Json, true, true, CreateUser,
         ReadsWith(contract::NewUserFromJson)});
    router.Add({"GET", kUserPath, Access::PartnerAdmin, Body::None, false, false, GetUser});
    router.Add({"PUT", std::string(kUserPath) + "/roles", Access::PartnerAdmin, Body::Json, true,
                false, SetRoles, ReadsWith(contract::RolesChangeFromJson), RolesPreconditionsHold});
    router.Add({"POST", std::string(kUserPath) + "/disable", Access::PartnerAdmin, Body::Optional,
                true, true, [](RequestContext& ctx) { SetDisabledState(ctx, true); }, ReadsKeys({})});
    router.Add({"POST", std::string(kUserPath) + "/enable", Access::PartnerAdmin, Body::Optional,
                true, true, [](RequestContext& ctx) { SetDisabledState(ctx, false); }, ReadsKeys({})});
}

} // namespace kpd::sandbox
