#include "services/sale_table.h"

#include <cstring>
#include <stdexcept>

namespace kpd::services {

namespace {
constexpr std::uint32_t kEmptySlot = 0xFFFFFFFFu;

// Spreads store names well enough for a table of a few hundred: the length
// and the first and last eight bytes ("store-12…" differ at the end).
std::uint64_t StoreHash(std::string_view s) {
    std::uint64_t h = s.size();
    if (!s.empty()) {
        std::uint64_t head = 0, tail = 0;
        const std::size_t n = s.size() < 8 ? s.size() : 8;
        std::memcpy(&head, s.data(), n);
        std::memcpy(&tail, s.data() + s.size() - n, n);
        h ^= head * 0x9E3779B97F4A7C15ull ^ tail * 0xC2B2AE3D27D4EB4Full;
    }
    h ^= h >> 31;
    h *= 0xBF58476D1CE4E5B9ull;
    return h ^ (h >> 29);
}

std::uint64_t Mix(std::uint64_t h) {
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ull;
    h ^= h >> 33;
    return h;
}
} // namespace

std::uint64_t OrderIdHash(std::string_view id) {
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ id.size();
    std::size_t i = 0;
    for (; i + 8 <= id.size(); i += 8) {
        std::uint64_t chunk;
        std::memcpy(&chunk, id.data() + i, 8);
        h = Mix(h ^ chunk);
    }
    std::uint64_t tail = 0;
    std::memcpy(&tail, id.data() + i, id.size() - i);
    return Mix(h ^ tail ^ 0xA24BAED4963EE407ull);
}

void SaleTable::Reserve(std::size_t rows, std::size_t orderIdBytes) {
    m_idBytes.reserve(orderIdBytes);
    m_hot.reserve(rows);
    m_hash.reserve(rows);
    m_store.reserve(rows);
    m_line.reserve(rows);
}

std::uint32_t SaleTable::StoreIndex(std::string_view store) {
    if (m_storeSlots.empty()) m_storeSlots.assign(64, kEmptySlot);
    std::size_t mask = m_storeSlots.size() - 1;
    for (std::size_t slot = StoreHash(store) & mask;; slot = (slot + 1) & mask) {
        const std::uint32_t index = m_storeSlots[slot];
        if (index == kEmptySlot) {
            const auto added = static_cast<std::uint32_t>(m_storeNames.size());
            m_storeNames.emplace_back(store);
            m_storeSlots[slot] = added;
            if (m_storeNames.size() * 2 > m_storeSlots.size()) { // keep the table at most half full
                m_storeSlots.assign(m_storeSlots.size() * 2, kEmptySlot);
                mask = m_storeSlots.size() - 1;
                for (std::uint32_t i = 0; i < m_storeNames.size(); ++i) {
                    std::size_t s = StoreHash(m_storeNames[i]) & mask;
                    while (m_storeSlots[s] != kEmptySlot) s = (s + 1) & mask;
                    m_storeSlots[s] = i;
                }
            }
            return added;
        }
        if (m_storeNames[index] == store) return index;
    }
}

void SaleTable::Add(std::string_view orderId, std::string_view store, std::int64_t at, domain::Kopecks amount,
                    domain::Kopecks refunded, std::int64_t sourceLine) {
    if (orderId.size() > kMaxOrderIdBytes) throw std::length_error("an order id longer than 16 MiB");
    const std::uint64_t offset = m_idBytes.size();
    m_idBytes.append(orderId);
    m_hot.push_back({at, amount, refunded, offset << kLengthBits | orderId.size()});
    m_hash.push_back(OrderIdHash(orderId));
    m_store.push_back(StoreIndex(store));
    m_line.push_back(sourceLine);
}

} // namespace kpd::services
