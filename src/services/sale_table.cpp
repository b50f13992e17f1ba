#include "services/sale_table.h"

#include <cstring>
#include <algorithm>
#include <iterator>
#include <stdexcept>

namespace kpd::services {

namespace {
constexpr std::uint32_t kEmptySlot = 0xFFFFFFFFu;

// Spreads store names well enough for a table of a few hundred: the length
// and the end words ("store-12…" differ at the end).
std::uint64_t StoreHash(std::string_view s) {
    const EndWords w = EndWordsOf(s);
    std::uint64_t h = s.size() ^ w.first * 0x9E3779B97F4A7C15ull ^ w.last * 0xC2B2AE3D27D4EB4Full;
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
    // Ids of up to 16 bytes (nearly all: order numbers) are their end words,
    // combined and mixed once; the length goes in too, so "A1" and "A1\0"
    // differ. Longer ids are mixed word by word.
    const std::size_t n = id.size();
    if (n > 16) {
        std::uint64_t h = 0x9E3779B97F4A7C15ull ^ n, word;
        for (std::size_t i = 0; i + 8 < n; i += 8) {
            std::memcpy(&word, id.data() + i, 8);
            h = Mix(h ^ word);
        }
        std::memcpy(&word, id.data() + n - 8, 8);
        return Mix(h ^ word ^ 0xA24BAED4963EE407ull);
    }
    const EndWords w = EndWordsOf(id);
    return Mix((w.first * 0x9E3779B97F4A7C15ull) ^ (w.last + (static_cast<std::uint64_t>(n) << 56)));
}

void SaleTable::Reserve(std::size_t rows, std::size_t orderIdBytes) {
    m_idBytes.reserve(orderIdBytes);
    m_hot.reserve(rows);
    m_hash.reserve(rows);
    m_store.reserve(rows);
    for (auto& half : m_halfRows) half.reserve(rows / 2 + rows / 8);
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
        if (SameBytes(m_storeNames[index], store)) return index;
    }
}

void SaleTable::Add(std::string_view orderId, std::string_view store, std::int64_t at, domain::Kopecks amount,
                    domain::Kopecks refunded, std::int64_t sourceLine) {
    if (orderId.size() > kMaxOrderIdBytes) throw std::length_error("an order id longer than 16 MiB");
    const std::uint64_t offset = m_idBytes.size();
    m_idBytes.append(orderId);
    m_hot.push_back({at, amount, refunded, offset << kLengthBits | orderId.size()});
    const std::uint64_t hash = OrderIdHash(orderId);
    m_hash.push_back(hash);
    m_halfRows[hash >> 63].push_back(static_cast<std::uint32_t>(m_hot.size() - 1));
    m_store.push_back(StoreIndex(store));
    const auto row = static_cast<std::int64_t>(m_hot.size() - 1);
    if (m_lineSteps.empty() || m_lineSteps.back().line_minus_row != sourceLine - row) {
        m_lineSteps.push_back({static_cast<std::uint32_t>(row), sourceLine - row});
    }
}

std::int64_t SaleTable::SourceLine(std::size_t row) const {
    // The last step starting at or before `row` (the first starts at row 0).
    const auto after = std::upper_bound(m_lineSteps.begin(), m_lineSteps.end(), row,
                                        [](std::size_t r, const LineStep& step) { return r < step.first_row; });
    return static_cast<std::int64_t>(row) + std::prev(after)->line_minus_row;
}

} // namespace kpd::services
