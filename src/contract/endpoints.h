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
inline constexpr const char* kCardScreen = "/v1/card-screen";
inline constexpr const char* kCardScreenDraft = "/v1/card-screen/draft";
inline constexpr const char* kCardScreenPublish = "/v1/card-screen/publish";
inline constexpr const char* kCardScreenVersions = "/v1/card-screen/versions";
inline constexpr const char* kCardScreenRollback = "/v1/card-screen/rollback";
inline constexpr const char* kAssets = "/v1/assets";
inline constexpr const char* kSettlements = "/v1/settlements";
inline constexpr const char* kCommissionInvoices = "/v1/commission-invoices";

inline std::string PartnerUser(std::int64_t id) { return std::string(kPartnerUsers) + "/" + std::to_string(id); }
inline std::string PartnerUserRoles(std::int64_t id) { return PartnerUser(id) + "/roles"; }
inline std::string PartnerUserDisable(std::int64_t id) { return PartnerUser(id) + "/disable"; }
inline std::string CardScreenVersion(std::int64_t n) { return std::string(kCardScreenVersions) + "/" + std::to_string(n); }
inline std::string Asset(const std::string& id) { return std::string(kAssets) + "/" + id; }
inline std::string AssetContent(const std::string& id) { return Asset(id) + "/content"; }
inline std::string Settlement(std::int64_t id) { return std::string(kSettlements) + "/" + std::to_string(id); }
inline std::string PartnerUserEnable(std::int64_t id) { return PartnerUser(id) + "/enable"; }

} // namespace kpd::contract::endpoints
