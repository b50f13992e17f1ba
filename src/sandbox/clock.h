#pragma once
// The sandbox clock: real time until someone fixes it (`--clock` at start or
// POST /v1/sandbox/clock), then a fixed instant that only moves when told, so
// tests about token expiry and dates are deterministic. Thread-safe.
//
// A move of the clock is simulated in steps (clock_move.h), one transaction
// each, and the clock is only set once a step has committed. Moves run one at
// a time (LockMoves) and all stop early once StopMoves() was called: the
// sandbox calls it when it is told to stop, so a long move never holds the
// shutdown up.
#include "domain/cancel_token.h"
#include "domain/timestamp.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <stdexcept>

namespace kpd::sandbox {

// The farthest one request may move the clock, either way: 20 years of
// 365.25 days (a 20-year move is still at most 92 simulated days, plus one
// invoice per month per partner).
inline constexpr std::int64_t kMaxClockMoveSeconds = 631'152'000;

// Thrown by long work inside a transaction (a clock move's step, a large
// generated batch) when the sandbox is stopping: the transaction rolls back
// and the request answers 503.
struct SandboxStopping : std::runtime_error {
    SandboxStopping() : std::runtime_error("the sandbox is stopping") {}
};

class SandboxClock {
  public:
    // nullopt: follow the system clock.
    explicit SandboxClock(std::optional<domain::Instant> fixed = std::nullopt) : m_fixed(fixed) {}

    domain::Instant Now() const;
    void Set(domain::Instant now);
    bool IsFixed() const;

    // Held by a move for its whole life: a second move waits for the first.
    std::unique_lock<std::mutex> LockMoves() { return std::unique_lock(m_moves); }
    // Makes every running and later move stop at its next check (any thread;
    // the sandbox's stop path). Also wakes PauseUnlessStopped.
    void StopMoves();
    const domain::CancelToken& StopToken() const { return m_stop; }
    // Waits `pause` (a test hook between a move's steps); false when the
    // sandbox is stopping, at once or during the wait.
    bool PauseUnlessStopped(std::chrono::milliseconds pause);

  private:
    mutable std::mutex m_mutex;
    std::optional<domain::Instant> m_fixed;
    std::mutex m_moves;
    domain::CancelToken m_stop;
    std::condition_variable m_stopped;
};

} // namespace kpd::sandbox
