#pragma once
// /partner/users: a user, a new user, a change of roles.
#include "contract/page.h"
#include "contract/parsed.h"
#include "domain/user.h"

#include <nlohmann/json.hpp>

namespace kpd::contract {

nlohmann::json ToJson(const domain::User& user);
std::optional<domain::User> UserFromJson(const nlohmann::json& json, domain::Problems& problems,
                                         const std::string& pointer = "");
Parsed<domain::User> UserFromJson(const nlohmann::json& json);
Parsed<Page<domain::User>> UserPageFromJson(const nlohmann::json& json);

// POST /partner/users body: {login, name, password, roles}. Reading checks
// types only; domain::ValidateNewUser checks the rules.
nlohmann::json ToJson(const domain::NewUser& user);
Parsed<domain::NewUser> NewUserFromJson(const nlohmann::json& json);

// PUT /partner/users/{id}/roles body: {roles:[…]}.
struct RolesChange {
    domain::RoleSet roles;
};
nlohmann::json ToJson(const RolesChange& change);
Parsed<RolesChange> RolesChangeFromJson(const nlohmann::json& json);

} // namespace kpd::contract
