#pragma once
// One line of the platform's audit log: who changed what, when, from which client.
#include <cstdint>
#include <string>

namespace kpd::domain {

struct AuditEntry {
    std::int64_t id = 0;
    std::string at;          // RFC 3339 instant with offset
    std::int64_t actor_user_id = 0;
    std::string actor_login;
    std::string client;      // User-Agent of the caller, e.g. "partner-desk/0.1.0"
    std::string action;      // e.g. "user.create", "user.set_roles", "auth.login"
    std::string object_type; // e.g. "user"
    std::string object_id;
    std::string detail;      // short human-readable summary, never a secret
};

} // namespace kpd::domain
