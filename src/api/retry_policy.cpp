#include "api/retry_policy.h"

#include <algorithm>
#include <charconv>

namespace kpd::api {

bool IsSafeToRetry(const Request& request) {
    if (request.method == "GET" || request.method == "HEAD") {
        return true;
    }
    bool keyed = request.idempotency_key.has_value() && !request.idempotency_key->empty();
    return keyed && (request.method == "POST" || request.method == "PUT" || request.method == "PATCH");
}

bool IsTransientStatus(int status) {
    return status == 429 || status == 502 || status == 503 || status == 504;
}

bool IsTransientTransportError(const ApiError& error) {
    if (error.http_status != 0) {
        return false;
    }
    if (error.kind == ApiErrorKind::Timeout) {
        return true;
    }
    // "bad_url" and "unsupported_protocol" will fail the same way every time.
    return error.kind == ApiErrorKind::Network && error.code != "bad_url" && error.code != "unsupported_protocol";
}

std::optional<std::chrono::milliseconds> ParseRetryAfter(const std::string& value) {
    auto begin = value.data();
    auto end = value.data() + value.size();
    while (begin != end && *begin == ' ') {
        ++begin;
    }
    while (end != begin && (end[-1] == ' ' || end[-1] == '\r' || end[-1] == '\n')) {
        --end;
    }
    long long seconds = 0;
    auto [ptr, ec] = std::from_chars(begin, end, seconds);
    if (ec != std::errc() || ptr != end || begin == end || seconds < 0) {
        return std::nullopt;
    }
    seconds = std::min<long long>(seconds, 24 * 3600);
    return std::chrono::milliseconds(seconds * 1000);
}

std::chrono::milliseconds BackoffDelay(int retry, std::chrono::milliseconds base, std::chrono::milliseconds cap,
                                       std::mt19937_64& rng) {
    long long full = std::max<long long>(base.count(), 1);
    for (int i = 1; i < retry && full < cap.count(); ++i) {
        full *= 2;
    }
    full = std::min<long long>(full, std::max<long long>(cap.count(), 1));
    std::uniform_int_distribution<long long> pick(full / 2, full);
    return std::chrono::milliseconds(pick(rng));
}

} // namespace kpd::api
