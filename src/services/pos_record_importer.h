#pragma once
// The checks every record of a partner's sales export passes, whichever the
// file's format: the cells of one CSV line or of one sheet row become a row
// of the SaleTable, or problems at their line (and cell, for a sheet) in the
// same PosReadResult. Defined here, inline, so the CSV reader's loop still
// inlines a line's checks (millions of lines). One reader thread.
#include "domain/sale_fields.h"
#include "domain/spreadsheet_values.h"
#include "domain/text_encoding.h"
#include "services/pos_layout.h"
#include "services/pos_read_result.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kpd::services {

namespace pos_detail {
// Fast paths for the shapes nearly every line of an export has, each giving
// exactly what the general parser (domain/sale_fields.h) gives for that text
// and declining (nullopt) anything else, which then takes the general way.

// Bytes all below 0x80: ASCII is valid UTF-8, checked eight bytes at a time.
inline bool IsAscii(std::string_view s) {
    std::uint64_t any = 0;
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        any |= w;
    }
    for (; i < s.size(); ++i) any |= static_cast<unsigned char>(s[i]);
    return (any & 0x8080808080808080ull) == 0;
}

// An amount of plain digits (1 to 15 of them, an optional leading '-', no
// spaces) within the line cap: the general parser reads it as whole units
// (and words an amount over the cap).
// (A bool and an out-parameter rather than an optional: GCC returned the
// optional through the stack, a byte stored and eight read back, which
// stalled every call.)
inline bool PlainAmount(std::string_view s, domain::AmountUnit unit, domain::Kopecks& out) {
    bool negative = false;
    if (!s.empty() && s.front() == '-') {
        negative = true;
        s.remove_prefix(1);
    }
    if (s.empty() || s.size() > 15) return false;
    std::int64_t v = 0;
    for (char c : s) {
        const unsigned digit = static_cast<unsigned char>(c) - static_cast<unsigned>('0');
        if (digit > 9) return false;
        v = v * 10 + digit;
    }
    if (unit == domain::AmountUnit::Roubles)
        v *= 100; // 15 digits × 100 still fit
    if (v > domain::kMaxLineKop)
        return false;
    out = negative ? -v : v;
    return true;
}

// "YYYY-MM-DD HH:MM:SS" without an offset. Consecutive lines mostly share
// their day, so the day's number is kept from the last line that had it;
// any other shape, or a new day, goes to the general parser once.
class SaleTimeReader {
  public:
    explicit SaleTimeReader(int utcOffsetMinutes) : m_offset(static_cast<std::int64_t>(utcOffsetMinutes) * 60) {}

    // False when `s` is not a time. (A bool and an out-parameter, not an
    // optional: see PlainAmount.)
    bool Read(std::string_view s, std::int64_t& at) {
        if (s.size() == 19 && s[10] == ' ' && s[13] == ':' && s[16] == ':') {
            const int h = Two(s, 11), mi = Two(s, 14), sec = Two(s, 17);
            if (h >= 0 && mi >= 0 && sec >= 0 && h <= 23 && mi <= 59 && sec <= 59) {
                const std::int64_t inDay = h * 3600 + mi * 60 + sec;
                if (m_known && SameBytes(s.substr(0, 10), std::string_view(m_day, 10))) {
                    at = m_dayStart + inDay - m_offset;
                    return true;
                }
                const auto parsed = domain::ParseSaleTime(s, static_cast<int>(m_offset / 60));
                if (!parsed) return false;
                std::memcpy(m_day, s.data(), 10);
                m_dayStart = *parsed + m_offset - inDay;
                m_known = true;
                at = *parsed;
                return true;
            }
        }
        const auto parsed = domain::ParseSaleTime(s, static_cast<int>(m_offset / 60));
        if (parsed) at = *parsed;
        return parsed.has_value();
    }

  private:
    static int Two(std::string_view s, std::size_t at) {
        const char a = s[at], b = s[at + 1];
        if (a < '0' || a > '9' || b < '0' || b > '9') return -1;
        return (a - '0') * 10 + (b - '0');
    }

    std::int64_t m_offset;
    bool m_known = false;
    char m_day[10] = {};
    std::int64_t m_dayStart = 0;
};
} // namespace pos_detail

class PosRecordImporter {
  public:
    // `namesCells`: the cells are a sheet row's, cells[i] in column i (A is
    // 0), and `line` is the row's number: problems then name their cell.
    PosRecordImporter(const PosLayout& layout, PosReadResult& out, bool namesCells = false)
        : m_layout(layout), m_out(out), m_namesCells(namesCells), m_times(layout.utc_offset_minutes),
          m_lastColumn(std::max({layout.columns.order_id, layout.columns.store, layout.columns.sold_at,
                                 layout.columns.amount, layout.columns.refunded})) {}

    // Lists a problem (up to kMaxListedProblems); the caller counts the bad line.
    void Problem(std::int64_t line, std::string column, std::string code, std::string message) {
        if (m_out.problems.size() >= kMaxListedProblems) return;
        std::string cell;
        if (m_namesCells && !column.empty()) {
            const int index = ColumnOf(column);
            if (index >= 0) cell = domain::CellName(index, line);
        }
        m_out.problems.push_back({line, std::move(column), std::move(message), std::move(code), std::move(cell)});
    }

    // Converts one record's cells: a row of the table, or its problems listed
    // and the line counted bad. A record of one empty cell is skipped.
    void Record(const std::vector<std::string_view>& cells, std::int64_t line) {
        const auto& c = m_layout.columns;
        const int needed = m_lastColumn;
        if (cells.size() == 1 && cells[0].empty()) {
            return; // an empty line, e.g. the file's last
        }
        ++m_out.data_lines;
        if (static_cast<int>(cells.size()) <= needed) {
            Problem(line, "", "column_count", "the line has " + std::to_string(cells.size()) + " columns; " +
                                  std::to_string(needed + 1) + " are needed");
            ++m_out.problem_lines;
            return;
        }
        bool ok = true;
        // Each converted text has a buffer of its own: the order id and the
        // store may be the same column, and one conversion must not free the other's.
        const auto text = [&](int column, std::string& buffer) -> std::string_view {
            if (column < 0) return {};
            const std::string_view v = cells[static_cast<std::size_t>(column)];
            if (m_layout.encoding == domain::TextEncoding::Cp1251) {
                buffer = domain::Cp1251ToUtf8(v);
                return buffer;
            }
            return v;
        };
        const std::string_view orderId = Trim(text(c.order_id, m_convertedOrderId));
        const std::string_view store = Trim(text(c.store, m_convertedStore));
        if (m_layout.encoding == domain::TextEncoding::Utf8 && !(pos_detail::IsAscii(orderId) && pos_detail::IsAscii(store)) &&
            (!domain::IsValidUtf8(orderId) || !domain::IsValidUtf8(store))) {
            Problem(line, "", "not_utf8", "the line is not valid UTF-8 (is the file in Windows-1251?)");
            ok = false;
        }
        if (orderId.size() > kMaxOrderIdBytes) {
            Problem(line, "order_id", "too_long", "the order id is longer than " + std::to_string(kMaxOrderIdBytes) + " bytes");
            ok = false;
        }
        std::int64_t at = 0;
        if (!m_times.Read(cells[static_cast<std::size_t>(c.sold_at)], at)) {
            Problem(line, "sold_at", "not_a_time", "\"" + std::string(Trim(cells[static_cast<std::size_t>(c.sold_at)])) +
                                         "\" is not a date and time (2026-11-23 15:30 or 23.11.2026 15:30)");
            ok = false;
        }
        domain::Kopecks amount = 0;
        if (!pos_detail::PlainAmount(cells[static_cast<std::size_t>(c.amount)], m_layout.unit, amount)) {
            auto parsed = domain::ParseAmount(cells[static_cast<std::size_t>(c.amount)], m_layout.decimal, m_layout.unit);
            if (parsed.value) {
                amount = *parsed.value;
            } else {
                Problem(line, "amount", parsed.code, parsed.error);
                ok = false;
            }
        }
        domain::Kopecks refunded = -1;
        if (c.refunded >= 0) {
            const std::string_view r = Trim(cells[static_cast<std::size_t>(c.refunded)]);
            if (r.empty()) {
                refunded = 0;
            } else if (domain::Kopecks plain = 0; pos_detail::PlainAmount(r, m_layout.unit, plain)) {
                refunded = plain < 0 ? -plain : plain;
            } else if (auto parsed = domain::ParseAmount(r, m_layout.decimal, m_layout.unit); parsed.value) {
                refunded = *parsed.value < 0 ? -*parsed.value : *parsed.value;
            } else {
                Problem(line, "refunded", parsed.code, parsed.error);
                ok = false;
            }
        }
        if (!ok) {
            ++m_out.problem_lines;
            return;
        }
        m_out.table.Add(orderId, store, at, amount, refunded, line);
    }

  private:
    // The column a problem's field name stands for, for naming a sheet's cell.
    int ColumnOf(const std::string& field) const {
        const auto& c = m_layout.columns;
        if (field == "order_id") return c.order_id;
        if (field == "store") return c.store;
        if (field == "sold_at") return c.sold_at;
        if (field == "amount") return c.amount;
        if (field == "refunded") return c.refunded;
        return -1;
    }

    static std::string_view Trim(std::string_view s) {
        while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
        while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
        return s;
    }

    static constexpr std::size_t kMaxOrderIdBytes = 4096;

    const PosLayout& m_layout;
    PosReadResult& m_out;
    bool m_namesCells;
    pos_detail::SaleTimeReader m_times;
    const int m_lastColumn; // the rightmost mapped column: a line needs at least one more cells
    // Windows-1251 cells as UTF-8, reused line after line.
    std::string m_convertedOrderId, m_convertedStore;
};

} // namespace kpd::services
