#include "sandbox/token_store.h"

#include "sandbox/crypto.h"

namespace kpd::sandbox {

std::string IssueToken(soci::session& db, std::int64_t partnerId, std::int64_t userId,
                       domain::Instant expiresAt, domain::Instant now) {
    std::string token = NewAccessToken();
    std::string hash = Sha256Hex(token);
    std::int64_t expires = expiresAt.time_since_epoch().count();
    std::string created = domain::FormatRfc3339(now);
    db << "INSERT INTO access_tokens (partner_id, token_hash, user_id, expires_at, created_at) "
          "VALUES (:partner_id, :hash, :user_id, :expires, :created)",
        soci::use(partnerId, "partner_id"), soci::use(hash, "hash"), soci::use(userId, "user_id"),
        soci::use(expires, "expires"), soci::use(created, "created");
    return token;
}

std::optional<TokenOwner> FindToken(soci::session& db, const std::string& token) {
    return FindTokenByHash(db, Sha256Hex(token));
}

std::optional<TokenOwner> FindTokenByHash(soci::session& db, const std::string& hash) {
    TokenOwner owner;
    db << "SELECT partner_id, user_id, expires_at FROM access_tokens WHERE token_hash = :hash",
        soci::into(owner.partner_id), soci::into(owner.user_id), soci::into(owner.expires_at),
        soci::use(hash, "hash");
    if (!db.got_data()) {
        return std::nullopt;
    }
    return owner;
}

void RevokeTokens(soci::session& db, std::int64_t partnerId, std::int64_t userId) {
    db << "DELETE FROM access_tokens WHERE partner_id = :partner_id AND user_id = :user_id",
        soci::use(partnerId, "partner_id"), soci::use(userId, "user_id");
}

} // namespace kpd::sandbox
