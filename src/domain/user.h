#pragma once
// A user of a partner's account on the platform, and the rules for creating one.
#include "domain/problem.h"
#include "domain/roles.h"

#include <cstdint>
#include <string>

namespace kpd::domain {

struct User {
    std::int64_t id = 0;
    std::string login;
    std::string name;
    RoleSet roles;
    bool disabled = false;
    std::int64_t version = 1; // bumped on every change; the ETag of the user
};

// What a partner_admin fills in to add a user.
struct NewUser {
    std::string login;
    std::string name;
    std::string password;
    RoleSet roles;
};

// Logins are 3–64 characters of a–z, 0–9, '.', '_', '-', starting with a letter.
bool IsValidLogin(std::string_view login);

inline constexpr std::size_t kMinPasswordLength = 4;

// Every problem with a new user, fields named as JSON pointers of the
// `POST /partner/users` body (/login, /name, /password, /roles).
Problems ValidateNewUser(const NewUser& user);

// Problems with a role assignment: at least one role is required.
Problems ValidateRoles(RoleSet roles, const std::string& field = "/roles");

} // namespace kpd::domain
