#pragma once
// Access tokens: handed to the client once, stored only as their SHA-256, so
// a copy of the database signs no one in. Expiry is on the sandbox clock.
// Functions take the caller's session.
#include "domain/timestamp.h"

#include <optional>
#include <soci/soci.h>
#include <string>

namespace kpd::sandbox {

struct TokenOwner {
    std::int64_t partner_id = 0;
    std::int64_t user_id = 0;
    std::int64_t expires_at = 0; // seconds since the epoch
};

// Stores a new token for the user and returns the token itself.
std::string IssueToken(soci::session& db, std::int64_t partnerId, std::int64_t userId,
                       domain::Instant expiresAt, domain::Instant now);
std::optional<TokenOwner> FindToken(soci::session& db, const std::string& token);
// The same by the token's SHA-256 (Sha256Hex), for a caller that keys by it.
std::optional<TokenOwner> FindTokenByHash(soci::session& db, const std::string& hash);
// Deletes every token of the user (disabling signs them out everywhere).
void RevokeTokens(soci::session& db, std::int64_t partnerId, std::int64_t userId);

} // namespace kpd::sandbox
