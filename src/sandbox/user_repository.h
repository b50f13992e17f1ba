#pragma once
// Users of partners in the sandbox database. Every query is scoped by
// partner_id except the sign-in lookup by login (logins are unique across the
// platform: sign-in names no partner). Functions take the caller's session
// and never open transactions of their own.
#include "domain/user.h"

#include <optional>
#include <soci/soci.h>
#include <string>
#include <vector>

namespace kpd::sandbox {

struct Credentials {
    std::int64_t partner_id = 0;
    domain::User user;
    std::string password_hash;
};

std::optional<Credentials> FindCredentials(soci::session& db, const std::string& login);
std::optional<domain::User> FindUser(soci::session& db, std::int64_t partnerId,
                                     std::int64_t userId);
bool LoginExists(soci::session& db, const std::string& login);
bool PartnerHasUsers(soci::session& db, std::int64_t partnerId);

// Users with id > afterId in id order, at most `limit`.
std::vector<domain::User> ListUsers(soci::session& db, std::int64_t partnerId, std::int64_t afterId,
                                    int limit);

// Returns the new user's id. A taken login throws a unique violation.
std::int64_t InsertUser(soci::session& db, std::int64_t partnerId, const domain::NewUser& user,
                        const std::string& passwordHash, const std::string& createdAt);

// Guarded updates: they change the row only when it is in the expected
// state and return whether they did, so two racing requests cannot both win.
bool UpdateRoles(soci::session& db, std::int64_t partnerId, std::int64_t userId,
                 std::int64_t expectedVersion, domain::RoleSet roles);
bool SetDisabled(soci::session& db, std::int64_t partnerId, std::int64_t userId, bool disabled);

std::string RolesToColumn(domain::RoleSet roles);
domain::RoleSet RolesFromColumn(const std::string& text);

} // namespace kpd::sandbox
