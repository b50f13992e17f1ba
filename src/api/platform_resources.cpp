// PlatformClient's typed calls: each builds a Request from contract::endpoints
// and contract JSON, sends it through Send(), and reads the answer.
#include "api/error_mapping.h"
#include "api/platform_client.h"
#include "api/request_helpers.h"
#include "api/url.h"
#include "contract/audit_json.h"
#include "contract/endpoints.h"
#include "contract/json_parse.h"
#include "contract/partner_json.h"
#include "contract/user_json.h"

namespace kpd::api {

namespace {

namespace ep = contract::endpoints;

Request Get(std::string path) { return detail::Call("GET", std::move(path)); }

Request WithBody(std::string method, std::string path, const nlohmann::json& body) {
    return detail::JsonCall(std::move(method), std::move(path), body);
}

std::string PagePath(const char* collection, int limit, const std::string& cursor) {
    return WithQuery(collection, {{"limit", std::to_string(limit)}, {"cursor", cursor}});
}

contract::Parsed<domain::User> ReadUser(const nlohmann::json& json) {
    return contract::UserFromJson(json);
}

} // namespace

Result<domain::Partner> PlatformClient::GetPartner() {
    return ReadBody<domain::Partner>(Send(Get(ep::kPartner)), contract::PartnerFromJson);
}

Result<contract::Page<domain::User>> PlatformClient::ListUsers(int limit, const std::string& cursor) {
    return ReadBody<contract::Page<domain::User>>(Send(Get(PagePath(ep::kPartnerUsers, limit, cursor))),
                                                  contract::UserPageFromJson);
}

Result<domain::User> PlatformClient::GetUser(std::int64_t id) {
    return ReadBody<domain::User>(Send(Get(ep::PartnerUser(id))), ReadUser);
}

Result<domain::User> PlatformClient::CreateUser(const domain::NewUser& user, const std::string& idempotency_key) {
    Request r = WithBody("POST", ep::kPartnerUsers, contract::ToJson(user));
    r.idempotency_key = idempotency_key;
    return ReadBody<domain::User>(Send(r), ReadUser);
}

Result<domain::User> PlatformClient::SetUserRoles(std::int64_t id, domain::RoleSet roles,
                                                  std::int64_t expected_version) {
    Request r = WithBody("PUT", ep::PartnerUserRoles(id), contract::ToJson(contract::RolesChange{roles}));
    r.if_match = ETagForVersion(expected_version);
    return ReadBody<domain::User>(Send(r), ReadUser);
}

Result<domain::User> PlatformClient::DisableUser(std::int64_t id, const std::string& idempotency_key) {
    Request r = WithBody("POST", ep::PartnerUserDisable(id), nlohmann::json::object());
    r.idempotency_key = idempotency_key;
    return ReadBody<domain::User>(Send(r), ReadUser);
}

Result<domain::User> PlatformClient::EnableUser(std::int64_t id, const std::string& idempotency_key) {
    Request r = WithBody("POST", ep::PartnerUserEnable(id), nlohmann::json::object());
    r.idempotency_key = idempotency_key;
    return ReadBody<domain::User>(Send(r), ReadUser);
}

Result<contract::Page<domain::AuditEntry>> PlatformClient::ListAudit(int limit, const std::string& cursor) {
    return ReadBody<contract::Page<domain::AuditEntry>>(Send(Get(PagePath(ep::kAudit, limit, cursor))),
                                                        contract::AuditPageFromJson);
}

std::string ETagForVersion(std::int64_t version) {
    return "\"" + std::to_string(version) + "\"";
}

std::optional<domain::User> CurrentUserOf(const ApiError& error) {
    if (error.kind != ApiErrorKind::PreconditionFailed || error.body.empty()) {
        return std::nullopt;
    }
    auto json = contract::ParseJsonOrDiscarded(error.body);
    if (json.is_discarded() || !json.is_object() || !json.contains("current")) {
        return std::nullopt;
    }
    auto parsed = contract::UserFromJson(json["current"]);
    return parsed.Ok() ? parsed.value : std::nullopt;
}

} // namespace kpd::api
