#include "contract/settlement_ndjson.h"

#include "domain/dolyami.h"
#include "domain/text_encoding.h"
#include "domain/timestamp.h"

#include <charconv>

namespace kpd::contract {

namespace {
constexpr std::int64_t kMoscow = 3 * 3600;

void Two(std::string& out, unsigned v) {
    out += static_cast<char>('0' + v / 10);
    out += static_cast<char>('0' + v % 10);
}

void Date(std::string& out, std::int64_t moscowSeconds) {
    std::int64_t days = moscowSeconds / 86400;
    if (moscowSeconds < 0 && moscowSeconds % 86400 != 0) --days;
    const auto date = domain::CivilFromDays(days);
    out += std::to_string(date.year);
    out += '-';
    Two(out, date.month);
    out += '-';
    Two(out, date.day);
}

void Number(std::string& out, std::int64_t v) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

// JSON string escaping for the few characters that need it.
void Text(std::string& out, const std::string& s) {
    out += '"';
    for (char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                static const char* hex = "0123456789abcdef";
                out += "\\u00";
                out += hex[(c >> 4) & 0xF];
                out += hex[c & 0xF];
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

// The fast reader: expects `"key":` at `pos` and moves past it.
bool Expect(std::string_view line, std::size_t& pos, std::string_view token) {
    if (line.compare(pos, token.size(), token) != 0) return false;
    pos += token.size();
    return true;
}

bool ReadNumber(std::string_view line, std::size_t& pos, std::int64_t& v) {
    const auto r = std::from_chars(line.data() + pos, line.data() + line.size(), v);
    if (r.ec != std::errc()) return false;
    pos = static_cast<std::size_t>(r.ptr - line.data());
    return true;
}

// A string without escapes (the fast path gives up on any backslash).
bool ReadPlainText(std::string_view line, std::size_t& pos, std::string& out) {
    if (pos >= line.size() || line[pos] != '"') return false;
    const std::size_t end = line.find('"', pos + 1);
    if (end == std::string_view::npos) return false;
    const std::string_view body = line.substr(pos + 1, end - pos - 1);
    if (body.find('\\') != std::string_view::npos) return false;
    // What a general parser would refuse (raw control characters, bytes that
    // are not UTF-8) takes the long way and is refused there.
    for (char c : body) {
        if (static_cast<unsigned char>(c) < 0x20) return false;
    }
    if (!domain::IsValidUtf8(body)) return false;
    out.assign(body);
    pos = end + 1;
    return true;
}

// "YYYY-MM-DDTHH:MM:SS+03:00" → Unix seconds.
bool ReadMoscowTime(std::string_view line, std::size_t& pos, std::int64_t& unix) {
    if (line.size() < pos + 27 || line[pos] != '"' || line.compare(pos + 20, 7, "+03:00\"") != 0) return false;
    const std::string_view t = line.substr(pos + 1, 19);
    // The separators too: "10&00:00" is no time (found by fuzz_settlement_ndjson).
    if (t[4] != '-' || t[7] != '-' || t[10] != 'T' || t[13] != ':' || t[16] != ':') return false;
    auto num = [&](std::size_t at, std::size_t n) {
        int v = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const char c = t[at + i];
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    };
    const int y = num(0, 4), mo = num(5, 2), d = num(8, 2), h = num(11, 2), mi = num(14, 2), s = num(17, 2);
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > kDays[mo - 1] + (mo == 2 && leap ? 1 : 0) || h < 0 || h > 23 ||
        mi < 0 || mi > 59 || s < 0 || s > 59) {
        return false;
    }
    const std::int64_t days = domain::DaysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
    unix = days * 86400 + h * 3600 + mi * 60 + s - kMoscow;
    pos += 27;
    return true;
}
} // namespace

void AppendTransactionLine(std::string& out, const domain::SettlementTransaction& t) {
    out += "{\"order_id\":";
    Text(out, t.order_id);
    out += ",\"store_id\":";
    Text(out, t.store_id);
    out += ",\"purchased_at\":\"";
    const std::int64_t local = t.purchased_at + kMoscow;
    Date(out, local);
    std::int64_t secondOfDay = local % 86400;
    if (secondOfDay < 0) secondOfDay += 86400;
    out += 'T';
    Two(out, static_cast<unsigned>(secondOfDay / 3600));
    out += ':';
    Two(out, static_cast<unsigned>(secondOfDay / 60 % 60));
    out += ':';
    Two(out, static_cast<unsigned>(secondOfDay % 60));
    out += "+03:00\",\"amount_kop\":";
    Number(out, t.amount_kop);
    out += ",\"prepaid_kop\":";
    Number(out, t.prepaid_kop);
    out += ",\"status\":";
    Text(out, t.status);
    out += ",\"refunded_kop\":";
    Number(out, t.refunded_kop);
    out += ",\"refund_status\":";
    if (t.refund_status) {
        Text(out, *t.refund_status);
    } else {
        out += "null";
    }
    out += ",\"payment_schedule\":[";
    const auto schedule = domain::PaymentSchedule(t.amount_kop);
    for (std::size_t i = 0; i < schedule.size(); ++i) {
        out += i == 0 ? "{\"due_date\":\"" : ",{\"due_date\":\"";
        Date(out, local + schedule[i].day_offset * 86400);
        out += "\",\"amount_kop\":";
        Number(out, schedule[i].amount_kop);
        out += '}';
    }
    out += "]}\n";
}

std::optional<domain::SettlementTransaction> ReadTransactionLineFast(std::string_view line) {
    domain::SettlementTransaction t;
    std::size_t pos = 0;
    if (!Expect(line, pos, "{\"order_id\":") || !ReadPlainText(line, pos, t.order_id) ||
        !Expect(line, pos, ",\"store_id\":") || !ReadPlainText(line, pos, t.store_id) ||
        !Expect(line, pos, ",\"purchased_at\":") || !ReadMoscowTime(line, pos, t.purchased_at) ||
        !Expect(line, pos, ",\"amount_kop\":") || !ReadNumber(line, pos, t.amount_kop) ||
        !Expect(line, pos, ",\"prepaid_kop\":") || !ReadNumber(line, pos, t.prepaid_kop) ||
        !Expect(line, pos, ",\"status\":") || !ReadPlainText(line, pos, t.status) ||
        !Expect(line, pos, ",\"refunded_kop\":") || !ReadNumber(line, pos, t.refunded_kop) ||
        !Expect(line, pos, ",\"refund_status\":")) {
        return std::nullopt;
    }
    if (Expect(line, pos, "null")) {
        t.refund_status.reset();
    } else {
        std::string status;
        if (!ReadPlainText(line, pos, status)) return std::nullopt;
        t.refund_status = std::move(status);
    }
    // The schedule is derived from the amount and date; it is checked to be present, not re-read.
    if (!Expect(line, pos, ",\"payment_schedule\":[") || line.size() < 2 || line.substr(line.size() - 2) != "]}") {
        return std::nullopt;
    }
    return t;
}

} // namespace kpd::contract
