#include "contract/auth.h"

#include "contract/json_reader.h"

namespace kpd::contract {

nlohmann::json RolesToJson(domain::RoleSet roles) {
    nlohmann::json out = nlohmann::json::array();
    for (auto role : roles.ToVector()) {
        out.push_back(std::string(domain::ToString(role)));
    }
    return out;
}

domain::RoleSet RolesFromJson(const nlohmann::json& roles, domain::Problems& problems, const std::string& pointer) {
    domain::RoleSet set;
    if (!roles.is_array()) {
        problems.push_back({pointer, "type", "roles must be an array of role names"});
        return set;
    }
    for (std::size_t i = 0; i < roles.size(); ++i) {
        const auto& r = roles[i];
        auto role = r.is_string() ? domain::RoleFromString(r.get<std::string>()) : std::nullopt;
        if (!role) {
            problems.push_back({pointer + "/" + std::to_string(i), "unknown_role",
                                "unknown role; expected viewer, marketing, loyalty_admin, finance, "
                                "finance_manager or partner_admin"});
            continue;
        }
        set.Add(*role);
    }
    return set;
}

nlohmann::json ToJson(const TokenRequest& request) {
    return {{"login", request.login}, {"password", request.password}};
}

Parsed<TokenRequest> TokenRequestFromJson(const nlohmann::json& json) {
    domain::Problems problems;
    JsonReader r(json, problems);
    TokenRequest req;
    req.login = r.String("login").value_or("");
    req.password = r.String("password").value_or("");
    if (!problems.empty()) {
        return Parsed<TokenRequest>::Failure(std::move(problems));
    }
    return Parsed<TokenRequest>::Success(std::move(req));
}

nlohmann::json ToJson(const TokenResponse& response) {
    return {{"access_token", response.access_token},
            {"token_type", "Bearer"},
            {"expires_at", response.expires_at},
            {"user",
             {{"id", response.user.id},
              {"login", response.user.login},
              {"name", response.user.name},
              {"roles", RolesToJson(response.user.roles)}}},
            {"partner", {{"id", response.partner.id}, {"name", response.partner.name}}}};
}

Parsed<TokenResponse> TokenResponseFromJson(const nlohmann::json& json) {
    domain::Problems problems;
    JsonReader r(json, problems);
    TokenResponse resp;
    resp.access_token = r.String("access_token").value_or("");
    resp.expires_at = r.String("expires_at").value_or("");
    if (const auto* user = r.Object("user")) {
        JsonReader u(*user, problems, "/user");
        resp.user.id = u.Int("id").value_or(0);
        resp.user.login = u.String("login").value_or("");
        resp.user.name = u.String("name").value_or("");
        if (const auto* roles = u.Array("roles")) {
            resp.user.roles = RolesFromJson(*roles, problems, "/user/roles");
        }
    }
    if (const auto* partner = r.Object("partner")) {
        JsonReader p(*partner, problems, "/partner");
        resp.partner.id = p.Int("id").value_or(0);
        resp.partner.name = p.String("name").value_or("");
    }
    if (!problems.empty()) {
        return Parsed<TokenResponse>::Failure(std::move(problems));
    }
    return Parsed<TokenResponse>::Success(std::move(resp));
}

} // namespace kpd::contract
