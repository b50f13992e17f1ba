#pragma once
// Idempotency-Key records: (partner, user, key) -> the request's fingerprint
// and the first answer. The key is reserved at the start of the request's
// transaction (primary key: a concurrent request with the same key waits or
// fails on it and then replays) and completed with the answer before commit.
// Functions take the caller's session, inside the caller's transaction.
#include <nlohmann/json.hpp>

#include <optional>
#include <soci/soci.h>
#include <string>

namespace kpd::sandbox {

inline constexpr const char* kIdempotencyKeyHeader = "Idempotency-Key";
inline constexpr const char* kReplayedHeader = "Idempotent-Replayed";

struct IdempotencyScope {
    std::int64_t partner_id = 0; // 0 and 0 for routes anyone may call
    std::int64_t user_id = 0;
    std::string key;
};

struct StoredAnswer {
    std::string fingerprint;
    int status = 0;
    std::string body;
    nlohmann::json headers; // {"Location": "…", "ETag": "…", "Content-Type": "…"}
};

// SHA-256 over method, path and body: what "the same request" means.
std::string RequestFingerprint(const std::string& method, const std::string& path,
                               const std::string& body);

std::optional<StoredAnswer> FindAnswer(soci::session& db, const IdempotencyScope& scope);
// Throws a unique violation when the key is already taken.
void ReserveKey(soci::session& db, const IdempotencyScope& scope, const std::string& fingerprint,
                const std::string& now);
void StoreAnswer(soci::session& db, const IdempotencyScope& scope, int status,
                 const std::string& body, const nlohmann::json& headers);

} // namespace kpd::sandbox
