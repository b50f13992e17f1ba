#include "sandbox/auth_cache.h"

namespace kpd::sandbox {

std::uint64_t AuthCache::Generation() const {
    std::lock_guard lock(m_mutex);
    return m_generation;
}

std::optional<CachedToken> AuthCache::Find(const std::string& tokenHash) const {
    std::lock_guard lock(m_mutex);
    if (auto it = m_entries.find(tokenHash); it != m_entries.end()) {
        return it->second;
    }
    return std::nullopt;
}

void AuthCache::Remember(std::uint64_t generation, const std::string& tokenHash,
                         CachedToken entry) {
    std::lock_guard lock(m_mutex);
    if (generation != m_generation) {
        return; // read before a write that may have changed it
    }
    if (m_entries.size() >= kMaxEntries) {
        m_entries.clear();
    }
    m_entries.insert_or_assign(tokenHash, std::move(entry));
}

void AuthCache::Invalidate() {
    std::lock_guard lock(m_mutex);
    ++m_generation;
    m_entries.clear();
}

} // namespace kpd::sandbox
