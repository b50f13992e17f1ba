#pragma once
// The platform's rate limit (PLATFORM-API.md "Conventions": 429 with
// Retry-After): a token bucket per caller. A bucket holds at most `burst`
// tokens, refills at `per_second` tokens a second on the real (steady) clock —
// not the sandbox clock, which tests fix or move by days — and each request
// takes one; a request that finds the bucket empty is refused with the whole
// seconds until a token is back. Set at start (--rate-limit) and at run time
// (PUT /v1/sandbox/rate-limit); `per_second` 0 turns it off.
// Thread-safe: every member may be called from any of httplib's pool threads.
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace kpd::sandbox {

struct RateLimit {
    double per_second = 0; // 0: no limit
    std::int64_t burst = 0; // at least 1 when per_second > 0
};

// The sandbox's default: far above what the desk sends (a sync lists registers
// and downloads them two at a time; a user's click is one or two requests) and
// the test suites' bursts, yet a loop hammering the platform meets it.
inline constexpr RateLimit kDefaultRateLimit{50, 200};

inline constexpr double kMaxRate = 1'000'000;
inline constexpr std::int64_t kMaxBurst = 10'000'000;

// "REQ_PER_SEC[:BURST]" as the command line takes it: the rate may have a
// fraction ("0.2" is one request every five seconds), "0" is off; nullopt
// when malformed or out of range.
std::optional<RateLimit> ParseRateLimit(const std::string& text);
// Four seconds' worth, at least 1: the burst when none is given.
std::int64_t DefaultBurst(double per_second);

class RateLimiter {
  public:
    using Clock = std::chrono::steady_clock;

    explicit RateLimiter(RateLimit limit) : m_limit(limit) {}

    // Replaces the limit; every bucket starts full again.
    void Configure(RateLimit limit);
    RateLimit Current() const;

    // Takes a token from `caller`'s bucket. 0 when the request may go on, else
    // the whole seconds (at least 1) until the bucket holds a token again.
    std::int64_t Take(const std::string& caller, Clock::time_point now = Clock::now());

  private:
    struct Bucket {
        double tokens = 0;
        Clock::time_point refilled;
    };
    void ForgetFullBuckets(Clock::time_point now);

    mutable std::mutex m_mutex;
    RateLimit m_limit;
    std::unordered_map<std::string, Bucket> m_buckets;
};

} // namespace kpd::sandbox
