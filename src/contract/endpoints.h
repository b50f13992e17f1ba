#pragma once
// Every path of the platform API in one place, for the client and the sandbox.
#include <cstdint>
#include <string>

namespace kpd::contract::endpoints {

inline constexpr const char* kApiPrefix = "/v1";

inline constexpr const char* kHealth = "/v1/health";
inline constexpr const char* kAuthToken = "/v1/auth/token";
inline constexpr const char* kPartner = "/v1/partner";
inline constexpr const char* kPartnerUsers = "/v1/partner/users";
inline constexpr const char* kAudit = "/v1/audit";
inline constexpr const char* kSandboxClock = "/v1/sandbox/clock";

inline std::string PartnerUser(std::int64_t id) { return std::string(kPartnerUsers) + "/" + std::to_string(id); }
inline std::string PartnerUserRoles(std::int64_t id) { return PartnerUser(id) + "/roles"; }
inline std::string PartnerUserDisable(std::int64_t id) { return PartnerUser(id) + "/disable"; }
inline std::string PartnerUserEnable(std::int64_t id) { return PartnerUser(id) + "/enable"; }

} // namespace kpd::contract::endpoints
