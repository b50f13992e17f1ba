#pragma once
// Every wait a client or a sync was told of while the platform rate-limited
// it, in order (seconds; 0 = the wait ended), for the rate-limit tests of the
// client and of the services. Add and Told from any thread.
#include <cstdint>
#include <mutex>
#include <vector>

namespace kpd::test {

class ToldWaits {
  public:
    void Add(std::int64_t seconds) {
        std::lock_guard lock(m_mutex);
        m_told.push_back(seconds);
    }
    std::vector<std::int64_t> Told() const {
        std::lock_guard lock(m_mutex);
        return m_told;
    }

  private:
    mutable std::mutex m_mutex;
    std::vector<std::int64_t> m_told;
};

} // namespace kpd::test
