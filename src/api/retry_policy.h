#pragma once
// When a request may be sent again, and after how long. A retry must never
// repeat a state change: only GET (and HEAD), or a POST/PUT that carries an
// Idempotency-Key (the platform replays its stored first answer), qualify.
// Pure functions except the jitter source passed in; any thread.
#include "api/platform_client.h"

#include <chrono>
#include <optional>
#include <random>
#include <string>

namespace kpd::api {

// GET/HEAD always; POST/PUT/PATCH only with an Idempotency-Key.
bool IsSafeToRetry(const Request& request);

// 429, 502, 503, 504: the platform did not act on the request and says "later".
bool IsTransientStatus(int status);

// Network trouble and timeouts; not TLS, not a malformed URL, not cancellation.
bool IsTransientTransportError(const ApiError& error);

// Retry-After in delta-seconds ("3"); nullopt for an HTTP-date or garbage,
// in which case the caller falls back to its own backoff.
std::optional<std::chrono::milliseconds> ParseRetryAfter(const std::string& value);

// Exponential backoff with "equal jitter": base * 2^(retry-1), capped, then a
// random point in [half, full] so that many clients do not retry in step.
// `retry` counts from 1.
std::chrono::milliseconds BackoffDelay(int retry, std::chrono::milliseconds base, std::chrono::milliseconds cap,
                                       std::mt19937_64& rng);

} // namespace kpd::api
