#include "services/pos_layout.h"

#include <algorithm>
#include <array>

namespace kpd::services {

namespace {
// Lower-cases ASCII and Cyrillic А-Я/Ё in UTF-8 (enough for header names).
std::string Lower(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c + 32);
        } else if (c == 0xD0 && i + 1 < s.size()) {
            const auto n = static_cast<unsigned char>(s[i + 1]);
            if (n >= 0x90 && n <= 0x9F) { // А-П → а-п
                out += '\xD0';
                out += static_cast<char>(n + 0x20);
            } else if (n >= 0xA0 && n <= 0xAF) { // Р-Я → р-я
                out += '\xD1';
                out += static_cast<char>(n - 0x20);
            } else if (n == 0x81) { // Ё → ё
                out += "\xD1\x91";
            } else {
                out += '\xD0';
                out += static_cast<char>(n);
            }
            ++i;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

std::string TrimCell(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '"')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '"' || s.back() == '\r')) s.remove_suffix(1);
    return std::string(s);
}

// The first element of `names` found inside the header cell decides its meaning.
bool Mentions(const std::string& cell, std::initializer_list<std::string_view> names) {
    return std::any_of(names.begin(), names.end(), [&](std::string_view n) { return cell.find(n) != std::string::npos; });
}

std::vector<std::string> SplitSimple(std::string_view line, char delimiter) {
    std::vector<std::string> cells;
    std::size_t start = 0;
    bool quoted = false;
    for (std::size_t i = 0; i <= line.size(); ++i) {
        if (i < line.size() && line[i] == '"') {
            quoted = !quoted;
        } else if (i == line.size() || (line[i] == delimiter && !quoted)) {
            cells.push_back(TrimCell(line.substr(start, i - start)));
            start = i + 1;
        }
    }
    return cells;
}
} // namespace

SniffedLayout SniffPosLayout(std::string_view head) {
    SniffedLayout out;
    const auto guess = domain::GuessEncoding(head);
    if (!guess.error.empty()) {
        out.error = guess.error;
        return out;
    }
    out.layout.encoding = guess.encoding;
    std::string text(head.substr(guess.bom_bytes));
    if (guess.encoding == domain::TextEncoding::Cp1251) {
        text = domain::Cp1251ToUtf8(text);
    }
    const std::string_view firstLine = std::string_view(text).substr(0, text.find('\n'));
    // The delimiter is the candidate that splits the first line into the most cells outside quotes.
    std::size_t best = 0;
    for (char d : {';', ',', '\t', '|'}) {
        const auto n = SplitSimple(firstLine, d).size();
        if (n > best) {
            best = n;
            out.layout.delimiter = d;
        }
    }
    out.header = SplitSimple(firstLine, out.layout.delimiter);
    GuessPosColumns(out);
    const auto& c = out.layout.columns;
    // Decimal comma unless the data lines show amounts with a point and no comma.
    if (c.amount >= 0) {
        std::size_t commas = 0, points = 0, lineStart = firstLine.size() + 1;
        for (int k = 0; k < 20 && lineStart < text.size(); ++k) {
            const std::size_t end = std::min(text.find('\n', lineStart), text.size());
            const auto cells = SplitSimple(std::string_view(text).substr(lineStart, end - lineStart), out.layout.delimiter);
            if (static_cast<std::size_t>(c.amount) < cells.size()) {
                const auto& v = cells[static_cast<std::size_t>(c.amount)];
                commas += v.find(',') != std::string::npos;
                points += v.find('.') != std::string::npos;
            }
            lineStart = end + 1;
        }
        out.layout.decimal = (points > 0 && commas == 0) ? '.' : ',';
    }
    return out;
}

void GuessPosColumns(SniffedLayout& out) {
    auto& c = out.layout.columns;
    for (int i = 0; i < static_cast<int>(out.header.size()); ++i) {
        const std::string cell = Lower(out.header[static_cast<std::size_t>(i)]);
        // Order matters: "Дата заказа" is a time and "Сумма заказа" an amount, not order ids.
        if (c.refunded < 0 && Mentions(cell, {"возврат", "refund"})) {
            c.refunded = i;
        } else if (c.sold_at < 0 && Mentions(cell, {"дата", "время", "date", "time", "sold_at", "purchased_at"})) {
            c.sold_at = i;
        } else if (c.amount < 0 && Mentions(cell, {"сумма", "amount", "total", "итог"})) {
            c.amount = i;
            if (Mentions(cell, {"коп", "kop"})) {
                out.layout.unit = domain::AmountUnit::InKopecks;
            }
        } else if (c.order_id < 0 && Mentions(cell, {"заказ", "order", "номер чека", "чек"})) {
            c.order_id = i;
        } else if (c.store < 0 && Mentions(cell, {"магазин", "точка", "store", "shop"})) {
            c.store = i;
        }
    }
    const std::array<std::pair<int, const char*>, 4> required{
        {{c.order_id, "order_id"}, {c.store, "store"}, {c.sold_at, "sold_at"}, {c.amount, "amount"}}};
    for (const auto& [column, name] : required) {
        if (column < 0) {
            out.missing.emplace_back(name);
        }
    }
}

std::string LayoutFingerprint(const std::vector<std::string>& header) {
    std::string key;
    for (const auto& cell : header) {
        key += Lower(cell);
        key += '\x1F';
    }
    return key;
}

} // namespace kpd::services
