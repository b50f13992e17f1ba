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

domain::Instant SandboxClock::Advance(std::int64_t seconds) {
    std::lock_guard lock(m_mutex);
    domain::Instant base = m_fixed ? *m_fixed : SystemNow();
    m_fixed = base + std::chrono::seconds(seconds);
    return *m_fixed;
}

bool SandboxClock::IsFixed() const {
    std::lock_guard lock(m_mutex);
    return m_fixed.has_value();
}

} // namespace kpd::sandbox
