#include "domain/cashback_string_index.h"

#include <cstring>

namespace kpd::domain {

// FNV-1a, then a final mix so the low bits (the slot) depend on every byte:
// SKUs differ mostly in their last digits.
std::uint64_t StringIndex::Hash(std::string_view key) {
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : key) {
        h = (h ^ c) * 1099511628211ull;
    }
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ull;
    h ^= h >> 32;
    return h;
}

std::size_t StringIndex::Locate(std::string_view key, std::uint64_t hash) const {
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        const Slot& slot = m_slots[i];
        if (slot.list == 0 ||
            (slot.hash == hash && slot.key_length == key.size() &&
             std::memcmp(m_arena.data() + slot.key_offset, key.data(), key.size()) == 0)) {
            return i;
        }
    }
}

void StringIndex::Grow() {
    std::vector<Slot> old = std::move(m_slots);
    m_slots.assign(old.empty() ? 64 : old.size() * 2, Slot{});
    const std::size_t mask = m_slots.size() - 1;
    for (const Slot& slot : old) {
        if (slot.list != 0) {
            std::size_t i = slot.hash & mask;
            while (m_slots[i].list != 0) {
                i = (i + 1) & mask;
            }
            m_slots[i] = slot;
        }
    }
}

void StringIndex::Add(std::string_view key, std::uint32_t value) {
    if ((m_keys + 1) * 2 > m_slots.size()) { // at most half full: short probes
        Grow();
    }
    const std::uint64_t hash = Hash(key);
    Slot& slot = m_slots[Locate(key, hash)];
    if (slot.list == 0) {
        slot.hash = hash;
        slot.key_offset = static_cast<std::uint32_t>(m_arena.size());
        slot.key_length = static_cast<std::uint32_t>(key.size());
        m_arena.append(key);
        m_lists.emplace_back();
        slot.list = static_cast<std::uint32_t>(m_lists.size());
        ++m_keys;
    }
    auto& list = m_lists[slot.list - 1];
    for (std::uint32_t v : list) {
        if (v == value) {
            return;
        }
    }
    list.push_back(value);
}

std::span<const std::uint32_t> StringIndex::Find(std::string_view key) const {
    if (m_keys == 0) {
        return {};
    }
    const Slot& slot = m_slots[Locate(key, Hash(key))];
    if (slot.list == 0) {
        return {};
    }
    return m_lists[slot.list - 1];
}

} // namespace kpd::domain
