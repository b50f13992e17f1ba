#include "sandbox/clock.h"

namespace kpd::sandbox {

namespace {
domain::Instant SystemNow() {
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}
} // namespace

domain::Instant SandboxClock::Now() const {
    std::lock_guard lock(m_mutex);
    return m_fixed ? *m_fixed : SystemNow();
}

void SandboxClock::Set(domain::Instant now) {
    std::lock_guard lock(m_mutex);
    m_fixed = now;
}

bool SandboxClock::IsFixed() const {
    std::lock_guard lock(m_mutex);
    return m_fixed.has_value();
}

void SandboxClock::StopMoves() {
    {
        std::lock_guard lock(m_mutex);
        m_stop.Cancel();
    }
    m_stopped.notify_all();
}

bool SandboxClock::PauseUnlessStopped(std::chrono::milliseconds pause) {
    std::unique_lock lock(m_mutex);
    return !m_stopped.wait_for(lock, pause, [this] { return m_stop.IsCancelled(); });
}

} // namespace kpd::sandbox
