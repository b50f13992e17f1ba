#pragma once
// The sandbox clock: real time until someone fixes it (`--clock` at start or
// POST /v1/sandbox/clock), then a fixed instant that only moves when told, so
// tests about token expiry and dates are deterministic. Thread-safe.
#include "domain/timestamp.h"

#include <mutex>
#include <optional>

namespace kpd::sandbox {

class SandboxClock {
  public:
    // nullopt: follow the system clock.
    explicit SandboxClock(std::optional<domain::Instant> fixed = std::nullopt) : m_fixed(fixed) {}

    domain::Instant Now() const;
    void Set(domain::Instant now);
    // Fixes the clock at Now() + seconds (a real clock is fixed first).
    domain::Instant Advance(std::int64_t seconds);
    bool IsFixed() const;

  private:
    mutable std::mutex m_mutex;
    std::optional<domain::Instant> m_fixed;
};

} // namespace kpd::sandbox
