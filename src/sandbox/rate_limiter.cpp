#include "sandbox/rate_limiter.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace kpd::sandbox {

namespace {
// Buckets of callers gone quiet are dropped once there are this many, so a
// stream of fresh tokens cannot grow the map without end.
constexpr std::size_t kBucketsBeforeSweep = 10'000;

std::optional<std::int64_t> WholeNumber(const std::string& text, std::int64_t max) {
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value < 0 || value > max) {
        return std::nullopt;
    }
    return value;
}
} // namespace

std::optional<RateLimit> ParseRateLimit(const std::string& text) {
    const auto colon = text.find(':');
    const std::string rateText = text.substr(0, colon);
    double rate = 0;
    // from_chars, not strtod: the same under any locale.
    auto [end, ec] = std::from_chars(rateText.data(), rateText.data() + rateText.size(), rate);
    if (rateText.empty() || ec != std::errc() || end != rateText.data() + rateText.size() ||
        !std::isfinite(rate) || rate < 0 || rate > kMaxRate) {
        return std::nullopt;
    }
    if (rate == 0) {
        return colon == std::string::npos ? std::optional<RateLimit>(RateLimit{}) : std::nullopt;
    }
    RateLimit limit{rate, DefaultBurst(rate)};
    if (colon != std::string::npos) {
        const auto burst = WholeNumber(text.substr(colon + 1), kMaxBurst);
        if (!burst || *burst < 1) {
            return std::nullopt;
        }
        limit.burst = *burst;
    }
    return limit;
}

std::int64_t DefaultBurst(double per_second) {
    return std::max<std::int64_t>(1, static_cast<std::int64_t>(std::ceil(per_second * 4)));
}

void RateLimiter::Configure(RateLimit limit) {
    std::lock_guard lock(m_mutex);
    m_limit = limit;
    m_buckets.clear();
}

RateLimit RateLimiter::Current() const {
    std::lock_guard lock(m_mutex);
    return m_limit;
}

std::int64_t RateLimiter::Take(const std::string& caller, Clock::time_point now) {
    std::lock_guard lock(m_mutex);
    if (m_limit.per_second <= 0) {
        return 0;
    }
    const auto burst = static_cast<double>(m_limit.burst);
    if (m_buckets.size() >= kBucketsBeforeSweep) {
        ForgetFullBuckets(now);
    }
    auto [it, fresh] = m_buckets.try_emplace(caller, Bucket{burst, now});
    Bucket& bucket = it->second;
    if (!fresh) {
        const std::chrono::duration<double> passed = now - bucket.refilled;
        bucket.tokens = std::min(burst, bucket.tokens + passed.count() * m_limit.per_second);
        bucket.refilled = now;
    }
    if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
    }
    // Whole seconds, rounded up: retrying after them always finds a token.
    return std::max<std::int64_t>(1, static_cast<std::int64_t>(std::ceil((1 - bucket.tokens) / m_limit.per_second)));
}

void RateLimiter::ForgetFullBuckets(Clock::time_point now) {
    for (auto it = m_buckets.begin(); it != m_buckets.end();) {
        const std::chrono::duration<double> passed = now - it->second.refilled;
        if (it->second.tokens + passed.count() * m_limit.per_second >= static_cast<double>(m_limit.burst)) {
            it = m_buckets.erase(it);
        } else {
            ++it;
        }
    }
}

} // namespace kpd::sandbox
