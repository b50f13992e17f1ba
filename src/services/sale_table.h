#pragma once
// One side of a reconciliation — the platform's Dolyami transactions or the
// partner's own sales records — held in a few flat arrays, so five million
// rows cost no five million small objects (the engine's memory target is
// 1.2 GB at 5M × 5M). What matching reads of a row (time, amount, refund and
// where its order id lies) sits together in one 32-byte record, so a row the
// engine looks up out of order costs one cache line and the id's bytes
// instead of one line per column. The order id's hash is computed as the row
// is added, while its bytes are at hand (the reader fills tables on two
// threads; the engine then only reads hashes in order).
// Filled by one thread, then read-only.
#include "domain/money.h"

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace kpd::services {

class SaleTable {
  public:
    // Order ids are at most this long (the reader refuses longer ones by line).
    static constexpr std::size_t kMaxOrderIdBytes = (1u << 24) - 1;

    void Reserve(std::size_t rows, std::size_t orderIdBytes);

    // `at` is the sale time in Unix seconds (UTC); `refunded` is < 0 when the
    // source does not say (a POS export without refunds); `sourceLine` is the
    // row's line in its file, for messages and the report. Throws
    // std::length_error for an order id longer than kMaxOrderIdBytes.
    void Add(std::string_view orderId, std::string_view store, std::int64_t at, domain::Kopecks amount,
             domain::Kopecks refunded, std::int64_t sourceLine);

    std::size_t Size() const { return m_hot.size(); }
    // The rows whose hash's top bit is `half` (0 or 1), in file order: the
    // engine joins each half on a core of its own.
    const std::vector<std::uint32_t>& RowsInHalf(int half) const { return m_halfRows[half != 0]; }
    std::uint64_t Hash(std::size_t row) const { return m_hash[row]; } // OrderIdHash(OrderId(row))
    std::string_view OrderId(std::size_t row) const {
        const std::uint64_t ref = m_hot[row].id;
        return {m_idBytes.data() + (ref >> kLengthBits), static_cast<std::size_t>(ref & kMaxOrderIdBytes)};
    }
    std::string_view Store(std::size_t row) const { return m_storeNames[m_store[row]]; }
    std::int64_t At(std::size_t row) const { return m_hot[row].at; }
    domain::Kopecks Amount(std::size_t row) const { return m_hot[row].amount; }
    domain::Kopecks Refunded(std::size_t row) const { return m_hot[row].refunded; }
    bool KnowsRefund(std::size_t row) const { return m_hot[row].refunded >= 0; }
    std::int64_t SourceLine(std::size_t row) const;

    // Hints for the CPU to start fetching what matching reads of `row`: first
    // its record, a little later (once the record is cached) its id bytes.
    void PrefetchRow(std::size_t row) const { __builtin_prefetch(&m_hot[row]); }
    void PrefetchId(std::size_t row) const { __builtin_prefetch(m_idBytes.data() + (m_hot[row].id >> kLengthBits)); }

  private:
    static constexpr int kLengthBits = 24;
    struct alignas(32) Hot {
        std::int64_t at;
        domain::Kopecks amount;
        domain::Kopecks refunded;
        std::uint64_t id; // offset in m_idBytes << kLengthBits | length
    };
    std::uint32_t StoreIndex(std::string_view store);

    std::vector<Hot> m_hot;
    std::vector<std::uint64_t> m_hash;
    std::string m_idBytes;              // every order id back to back
    std::vector<std::uint32_t> m_store; // index into m_storeNames
    // A row's line is its index plus an offset that changes only where the
    // file had a header, blank or skipped lines or a record over several
    // lines: the offsets are kept from the row where each starts (a clean
    // export has one), not eight bytes a row.
    struct LineStep {
        std::uint32_t first_row;
        std::int64_t line_minus_row;
    };
    std::vector<LineStep> m_lineSteps;
    std::vector<std::uint32_t> m_halfRows[2];
    std::vector<std::string> m_storeNames;
    // A chain has hundreds of stores, not millions: an open-addressing table
    // of indexes into m_storeNames, keyed by a cheap hash of a name's length
    // and first and last bytes, finds a row's store without hashing it all.
    std::vector<std::uint32_t> m_storeSlots;
};

// The 64-bit hash the engine keys order ids by.
std::uint64_t OrderIdHash(std::string_view orderId);

// The first and the last word of a text: eight bytes each from 8 bytes on,
// four each from 4 to 7 (overlapping in the middle), and for 1 to 3 bytes
// the first, middle and last byte in `first`. Up to 16 bytes they hold every
// byte, so two texts of one such length are equal exactly when their end
// words are. Order ids and store names are nearly all that short: read this
// way they are compared and hashed without a byte loop or a library call.
struct EndWords {
    std::uint64_t first = 0, last = 0;
};

inline EndWords EndWordsOf(std::string_view s) {
    const std::size_t n = s.size();
    const char* p = s.data();
    EndWords w;
    if (n >= 8) {
        std::memcpy(&w.first, p, 8);
        std::memcpy(&w.last, p + n - 8, 8);
    } else if (n >= 4) {
        std::uint32_t a, b;
        std::memcpy(&a, p, 4);
        std::memcpy(&b, p + n - 4, 4);
        w.first = a;
        w.last = b;
    } else if (n > 0) {
        w.first = static_cast<unsigned char>(p[0]) | static_cast<unsigned>(static_cast<unsigned char>(p[n / 2])) << 8 |
                  static_cast<unsigned>(static_cast<unsigned char>(p[n - 1])) << 16;
    }
    return w;
}

// Whether two texts are equal (std::memcmp, a library call, only past 16 bytes).
inline bool SameBytes(std::string_view a, std::string_view b) {
    const std::size_t n = a.size();
    if (n != b.size()) return false;
    if (n <= 16) {
        const EndWords x = EndWordsOf(a), y = EndWordsOf(b);
        return ((x.first ^ y.first) | (x.last ^ y.last)) == 0;
    }
    return std::memcmp(a.data(), b.data(), n) == 0;
}

} // namespace kpd::services
