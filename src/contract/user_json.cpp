#include "contract/user_json.h"

#include "contract/auth.h"
#include "contract/json_reader.h"

namespace kpd::contract {

nlohmann::json ToJson(const domain::User& u) {
    return {{"id", u.id},
            {"login", u.login},
            {"name", u.name},
            {"roles", RolesToJson(u.roles)},
            {"disabled", u.disabled},
            {"version", u.version}};
}

std::optional<domain::User> UserFromJson(const nlohmann::json& json, domain::Problems& problems,
                                         const std::string& pointer) {
    auto before = problems.size();
    JsonReader r(json, problems, pointer);
    domain::User u;
    u.id = r.Int("id").value_or(0);
    u.login = r.String("login").value_or("");
    u.name = r.String("name").value_or("");
    if (const auto* roles = r.Array("roles")) {
        u.roles = RolesFromJson(*roles, problems, r.Pointer("roles"));
    }
    u.disabled = r.Bool("disabled").value_or(false);
    u.version = r.Int("version").value_or(0);
    if (problems.size() != before) {
        return std::nullopt;
    }
    return u;
}

Parsed<domain::User> UserFromJson(const nlohmann::json& json) {
    domain::Problems problems;
    auto user = UserFromJson(json, problems, "");
    if (!user) {
        return Parsed<domain::User>::Failure(std::move(problems));
    }
    return Parsed<domain::User>::Success(std::move(*user));
}

Parsed<Page<domain::User>> UserPageFromJson(const nlohmann::json& json) {
    return PageFromJson<domain::User>(json, [](const nlohmann::json& j, domain::Problems& p, const std::string& ptr) {
        return UserFromJson(j, p, ptr);
    });
}

nlohmann::json ToJson(const domain::NewUser& u) {
    return {{"login", u.login}, {"name", u.name}, {"password", u.password}, {"roles", RolesToJson(u.roles)}};
}

Parsed<domain::NewUser> NewUserFromJson(const nlohmann::json& json) {
    domain::Problems problems;
    JsonReader r(json, problems);
    domain::NewUser u;
    u.login = r.String("login").value_or("");
    u.name = r.String("name").value_or("");
    u.password = r.String("password").value_or("");
    if (const auto* roles = r.Array("roles")) {
        u.roles = RolesFromJson(*roles, problems, "/roles");
    }
    if (!problems.empty()) {
        return Parsed<domain::NewUser>::Failure(std::move(problems));
    }
    return Parsed<domain::NewUser>::Success(std::move(u));
}

nlohmann::json ToJson(const RolesChange& change) {
    return {{"roles", RolesToJson(change.roles)}};
}

Parsed<RolesChange> RolesChangeFromJson(const nlohmann::json& json) {
    domain::Problems problems;
    JsonReader r(json, problems);
    RolesChange change;
    if (const auto* roles = r.Array("roles")) {
        change.roles = RolesFromJson(*roles, problems, "/roles");
    }
    if (!problems.empty()) {
        return Parsed<RolesChange>::Failure(std::move(problems));
    }
    return Parsed<RolesChange>::Success(std::move(change));
}

} // namespace kpd::contract
