#pragma once
// Who an access token belongs to, remembered between requests: the token's
// partner, expiry and its user as last read (roles, disabled), keyed by the
// token's SHA-256 as the database keys it. Without it every authenticated
// request read access_tokens and users before doing its own work: two of the
// three statements of a GET /v1/partner.
//
// Correctness rests on two rules. (1) Any write that commits clears the whole
// cache before its answer leaves (Router::RunWrite calls Invalidate()), so a
// disable, a role change or a revocation is seen by the very next request;
// a write outside the router that changes users or access_tokens must call
// Invalidate() too. Writes are rare next to reads, and a rule that needs no
// list of the statements that matter cannot miss one. (2) A request that
// read the database before such a commit cannot put what it read back:
// Generation() is taken before the reads, and Remember() drops the entry
// when an Invalidate() came in between. Expiry is not cached as a verdict:
// the caller compares expires_at with the sandbox clock on every request, so
// a clock move expires a token at once. Thread-safe.
#include "domain/user.h"

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace kpd::sandbox {

struct CachedToken {
    std::int64_t partner_id = 0;
    std::int64_t expires_at = 0; // seconds since the epoch, on the sandbox clock
    domain::User user;           // an enabled user, as read with the token
};

class AuthCache {
  public:
    // Entries kept at most; when full, the cache starts over (tokens of
    // clients that signed in and left would otherwise pile up).
    static constexpr std::size_t kMaxEntries = 10'000;

    std::uint64_t Generation() const;
    std::optional<CachedToken> Find(const std::string& tokenHash) const;
    // Keeps `entry` unless Invalidate() ran since `generation` was taken.
    void Remember(std::uint64_t generation, const std::string& tokenHash, CachedToken entry);
    void Invalidate();

  private:
    mutable std::mutex m_mutex;
    std::uint64_t m_generation = 0;
    std::unordered_map<std::string, CachedToken> m_entries;
};

} // namespace kpd::sandbox
