#include "services/sale_table.h"

namespace kpd::services {

void SaleTable::Reserve(std::size_t rows, std::size_t orderIdBytes) {
    m_idBytes.reserve(orderIdBytes);
    m_idEnd.reserve(rows);
    m_store.reserve(rows);
    m_at.reserve(rows);
    m_amount.reserve(rows);
    m_refunded.reserve(rows);
    m_line.reserve(rows);
}

void SaleTable::Add(std::string_view orderId, std::string_view store, std::int64_t at, domain::Kopecks amount,
                    domain::Kopecks refunded, std::int64_t sourceLine) {
    m_idBytes.append(orderId);
    m_idEnd.push_back(m_idBytes.size());
    // A chain has hundreds of stores, not millions: the last one seen repeats
    // most often in exports sorted by store, so try it before hashing.
    if (!m_store.empty() && m_storeNames[m_store.back()] == store) {
        m_store.push_back(m_store.back());
    } else {
        auto it = m_storeIndex.find(store);
        if (it == m_storeIndex.end()) {
            const auto index = static_cast<std::uint32_t>(m_storeNames.size());
            it = m_storeIndex.emplace(m_storeNames.emplace_back(store), index).first;
        }
        m_store.push_back(it->second);
    }
    m_at.push_back(at);
    m_amount.push_back(amount);
    m_refunded.push_back(refunded);
    m_line.push_back(sourceLine);
}

} // namespace kpd::services
