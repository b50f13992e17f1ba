#pragma once
// One side of a reconciliation — the platform's Dolyami transactions or the
// partner's own sales records — held column by column, so five million rows
// cost a few flat arrays instead of five million small objects (the engine's
// memory target is 1.2 GB at 5M × 5M). Filled by one thread, then read-only.
#include "domain/money.h"

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kpd::services {

class SaleTable {
  public:
    void Reserve(std::size_t rows, std::size_t orderIdBytes);

    // `at` is the sale time in Unix seconds (UTC); `refunded` is < 0 when the
    // source does not say (a POS export without refunds); `sourceLine` is the
    // row's line in its file, for messages and the report.
    void Add(std::string_view orderId, std::string_view store, std::int64_t at, domain::Kopecks amount,
             domain::Kopecks refunded, std::int64_t sourceLine);

    std::size_t Size() const { return m_at.size(); }
    std::string_view OrderId(std::size_t row) const {
        const std::uint64_t begin = row == 0 ? 0 : m_idEnd[row - 1];
        return std::string_view(m_idBytes).substr(begin, m_idEnd[row] - begin);
    }
    std::string_view Store(std::size_t row) const { return m_storeNames[m_store[row]]; }
    std::int64_t At(std::size_t row) const { return m_at[row]; }
    domain::Kopecks Amount(std::size_t row) const { return m_amount[row]; }
    domain::Kopecks Refunded(std::size_t row) const { return m_refunded[row]; }
    bool KnowsRefund(std::size_t row) const { return m_refunded[row] >= 0; }
    std::int64_t SourceLine(std::size_t row) const { return m_line[row]; }

    // Hints for the CPU to start fetching what matching reads of `row`: first
    // the row's columns, a little later (once m_idEnd is cached) its id bytes.
    void PrefetchRow(std::size_t row) const {
        __builtin_prefetch(&m_idEnd[row == 0 ? 0 : row - 1]);
        __builtin_prefetch(&m_at[row]);
        __builtin_prefetch(&m_amount[row]);
        __builtin_prefetch(&m_refunded[row]);
    }
    void PrefetchId(std::size_t row) const {
        __builtin_prefetch(m_idBytes.data() + (row == 0 ? 0 : m_idEnd[row - 1]));
    }

  private:
    std::string m_idBytes;              // every order id back to back
    std::vector<std::uint64_t> m_idEnd; // where each row's id ends in m_idBytes
    std::vector<std::uint32_t> m_store; // index into m_storeNames
    std::deque<std::string> m_storeNames; // a deque: names never move, so the index may view them
    std::unordered_map<std::string_view, std::uint32_t> m_storeIndex;
    std::vector<std::int64_t> m_at;
    std::vector<domain::Kopecks> m_amount;
    std::vector<domain::Kopecks> m_refunded;
    std::vector<std::int64_t> m_line;
};

} // namespace kpd::services
