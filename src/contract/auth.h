#pragma once
// POST /auth/token {login, password} -> {access_token, expires_at, user, partner}.
#include "contract/parsed.h"
#include "domain/roles.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace kpd::contract {

struct TokenRequest {
    std::string login;
    std::string password;
};

struct SessionUser {
    std::int64_t id = 0;
    std::string login;
    std::string name;
    domain::RoleSet roles;
};

struct SessionPartner {
    std::int64_t id = 0;
    std::string name;
};

struct TokenResponse {
    std::string access_token;
    std::string expires_at; // RFC 3339
    SessionUser user;
    SessionPartner partner;
};

nlohmann::json ToJson(const TokenRequest& request);
Parsed<TokenRequest> TokenRequestFromJson(const nlohmann::json& json);

nlohmann::json ToJson(const TokenResponse& response);
Parsed<TokenResponse> TokenResponseFromJson(const nlohmann::json& json);

// Reads `roles` (an array of role names) at `pointer`, adding a problem for each unknown name.
domain::RoleSet RolesFromJson(const nlohmann::json& roles, domain::Problems& problems, const std::string& pointer);
nlohmann::json RolesToJson(domain::RoleSet roles);

} // namespace kpd::contract
