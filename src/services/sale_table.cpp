#include "services/sale_table.h"

#include <cstring>
#include <algorithm>
#include <iterator>
#include <stdexcept>

namespace kpd::services {

namespace {
constexpr std::uint32_t kEmptySlot = 0xFFFFFFFFu;

// Spreads store names well enough for a table of a few hundred: the length
// and the first and last eight bytes ("store-12…" differ at the end), read
// as whole words (a copy of a variable length is a library call).
std::uint64_t StoreHash(std::string_view s) {
    std::uint64_t h = s.size(), head = 0, tail = 0;
    const char* p = s.data();
    const std::size_t n = s.size();
    if (n >= 8) {
        std::memcpy(&head, p, 8);
        std::memcpy(&tail, p + n - 8, 8);
    } else if (n >= 4) {
        std::uint32_t a, b;
        std::memcpy(&a, p, 4);
        std::memcpy(&b, p + n - 4, 4);
        head = a;
        tail = b;
    } else if (n > 0) {
        head = static_cast<unsigned char>(p[0]);
        tail = static_cast<unsigned char>(p[n - 1]) | static_cast<unsigned>(static_cast<unsigned char>(p[n / 2])) << 8;
    }
    h ^= head * 0x9E3779B97F4A7C15ull ^ tail * 0xC2B2AE3D27D4EB4Full;
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
    // Ids of up to 16 bytes (nearly all: order numbers) are read as two
    // words that may overlap, combined and mixed once — no byte loop and no
    // library call for the tail. The length goes in too, so "A1" and "A1\0"
    // differ. Longer ids are mixed word by word.
    const std::size_t n = id.size();
    const char* p = id.data();
    std::uint64_t first = 0, last = 0;
    if (n >= 8) {
        if (n > 16) {
            std::uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
            for (std::size_t i = 0; i + 8 < n; i += 8) {
                std::memcpy(&first, p + i, 8);
                h = Mix(h ^ first);
            }
            std::memcpy(&last, p + n - 8, 8);
            return Mix(h ^ last ^ 0xA24BAED4963EE407ull);
        }
        std::memcpy(&first, p, 8);
        std::memcpy(&last, p + n - 8, 8);
    } else if (n >= 4) {
        std::uint32_t a, b;
        std::memcpy(&a, p, 4);
        std::memcpy(&b, p + n - 4, 4);
        first = a;
        last = b;
    } else if (n > 0) {
        first = static_cast<unsigned char>(p[0]) | static_cast<unsigned>(static_cast<unsigned char>(p[n / 2])) << 8 |
                static_cast<unsigned>(static_cast<unsigned char>(p[n - 1])) << 16;
    }
    return Mix((first * 0x9E3779B97F4A7C15ull) ^ (last + (static_cast<std::uint64_t>(n) << 56)));
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
