#include "domain/fiscal_receipt.h"

#include <array>

namespace kpd::domain {

namespace {

constexpr std::array<std::string_view, 6> kKeys = {"t", "s", "fn", "i", "fp", "n"};

bool AllDigits(std::string_view text) {
    if (text.empty()) return false;
    for (char c : text) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

// Digits only, at most 18 of them (fits in 63 bits); checked by the caller.
std::uint64_t DigitsValue(std::string_view text) {
    std::uint64_t value = 0;
    for (char c : text) value = value * 10 + static_cast<std::uint64_t>(c - '0');
    return value;
}

// A value quoted for a message; control and non-ASCII bytes are shown as \xNN
// so a message never carries broken UTF-8 or a line break.
std::string Quoted(std::string_view text) {
    static const char* const hex = "0123456789ABCDEF";
    std::string out = "'";
    for (char ch : text.substr(0, 40)) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x20 && c < 0x7F) {
            out += ch;
        } else {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 0xF];
        }
    }
    if (text.size() > 40) out += "…";
    return out + "'";
}

struct Parser {
    Problems problems;
    FiscalReceipt receipt;

    void Add(std::string field, std::string code, std::string message) {
        problems.push_back({std::move(field), std::move(code), std::move(message)});
    }

    void Time(std::string_view v) {
        const bool shapeOk = (v.size() == 13 || v.size() == 15) && v[8] == 'T' && AllDigits(v.substr(0, 8)) &&
                             AllDigits(v.substr(9));
        if (!shapeOk) {
            Add("t", "bad_datetime",
                "t: " + Quoted(v) + " is not a date and time yyyymmddThhmm or yyyymmddThhmmss (e.g. 20261123T1530)");
            return;
        }
        const auto num = [&](std::size_t at, std::size_t n) { return static_cast<int>(DigitsValue(v.substr(at, n))); };
        ReceiptDateTime t;
        const int year = num(0, 4), month = num(4, 2), day = num(6, 2);
        t.hour = num(9, 2);
        t.minute = num(11, 2);
        t.has_seconds = v.size() == 15;
        t.second = t.has_seconds ? num(13, 2) : 0;
        t.date = {year, static_cast<unsigned>(month), static_cast<unsigned>(day)};
        const bool dateOk = month >= 1 && month <= 12 && day >= 1 && year >= 1 &&
                            CivilFromDays(DaysFromCivil(t.date)) == t.date;
        if (!dateOk) {
            Add("t", "no_such_date",
                "t: " + Quoted(v) + " names a day that does not exist (" + std::string(v.substr(0, 4)) + "-" +
                    std::string(v.substr(4, 2)) + "-" + std::string(v.substr(6, 2)) + ")");
            return;
        }
        if (t.hour > 23 || t.minute > 59 || t.second > 59) {
            Add("t", "bad_datetime", "t: " + Quoted(v) + " has a time of day that does not exist");
            return;
        }
        receipt.time = t;
    }

    void Sum(std::string_view v) {
        const auto dot = v.find('.');
        const std::string_view whole = v.substr(0, dot);
        const std::string_view frac = dot == std::string_view::npos ? std::string_view() : v.substr(dot + 1);
        const std::string hint = " (expected roubles with up to two decimals after a dot, e.g. 1234.50)";
        bool hasLetter = false;
        for (char c : v) hasLetter = hasLetter || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (hasLetter) {
            Add("s", "bad_sum", "s: letters in the sum " + Quoted(v) + hint);
            return;
        }
        if (!AllDigits(whole) || (dot != std::string_view::npos && (!AllDigits(frac) || frac.size() > 2))) {
            Add("s", "bad_sum", "s: " + Quoted(v) + " is not a sum" + hint);
            return;
        }
        if (whole.size() > 12) {
            Add("s", "bad_sum", "s: " + Quoted(v) + " is larger than any receipt");
            return;
        }
        Kopecks kop = static_cast<Kopecks>(DigitsValue(whole)) * 100;
        if (frac.size() == 1) kop += static_cast<Kopecks>(frac[0] - '0') * 10;
        if (frac.size() == 2) kop += static_cast<Kopecks>(DigitsValue(frac));
        if (kop == 0) {
            Add("s", "zero_sum", "s: the sum is zero");
            return;
        }
        receipt.sum_kop = kop;
    }

    void Drive(std::string_view v) {
        if (v.size() != 16 || !AllDigits(v)) {
            Add("fn", "bad_fiscal_drive",
                "fn: " + Quoted(v) + " is not a fiscal drive number (exactly 16 digits)");
            return;
        }
        receipt.fiscal_drive = std::string(v);
    }

    // i and fp: 1 to 10 digits; i is never 0.
    std::optional<std::uint64_t> Number(const char* key, std::string_view v, bool nonZero) {
        const std::string name = key;
        if (!AllDigits(v) || v.size() > 10) {
            Add(name, "bad_number", name + ": " + Quoted(v) + " is not a number of 1 to 10 digits");
            return std::nullopt;
        }
        const std::uint64_t value = DigitsValue(v);
        if (nonZero && value == 0) {
            Add(name, "bad_number", name + ": the document number is 0");
            return std::nullopt;
        }
        return value;
    }

    void Operation(std::string_view v) {
        if (v.size() != 1 || v[0] < '1' || v[0] > '4') {
            Add("n", "bad_operation",
                "n: " + Quoted(v) + " is not an operation (1 sale, 2 sale return, 3 expense, 4 expense return)");
            return;
        }
        receipt.operation = static_cast<ReceiptOperation>(v[0] - '0');
    }
};

} // namespace

const char* ToString(ReceiptOperation operation) {
    switch (operation) {
    case ReceiptOperation::Sale: return "sale";
    case ReceiptOperation::SaleReturn: return "sale_return";
    case ReceiptOperation::Expense: return "expense";
    case ReceiptOperation::ExpenseReturn: return "expense_return";
    }
    return "unknown";
}

ReceiptQrParse ParseReceiptQr(std::string_view text) {
    Parser p;
    ReceiptQrParse result;
    if (text.empty()) {
        p.Add("", "empty", "the receipt QR text is empty");
        result.problems = std::move(p.problems);
        return result;
    }
    if (text.size() > kMaxReceiptQrLength) {
        p.Add("", "too_long",
              "the receipt QR text is " + std::to_string(text.size()) + " characters long, more than " +
                  std::to_string(kMaxReceiptQrLength));
        result.problems = std::move(p.problems);
        return result;
    }
    std::array<std::optional<std::string_view>, kKeys.size()> values;
    std::size_t pos = 0;
    int partNo = 0;
    while (true) {
        const std::size_t amp = text.find('&', pos);
        const std::string_view part = text.substr(pos, amp == std::string_view::npos ? std::string_view::npos : amp - pos);
        ++partNo;
        const std::size_t eq = part.find('=');
        if (part.empty()) {
            p.Add("", "malformed_part", "part " + std::to_string(partNo) + " is empty (two '&' in a row, or one at an end)");
        } else if (eq == std::string_view::npos) {
            p.Add(std::string(part.substr(0, 40)), "malformed_part",
                  "part " + std::to_string(partNo) + " " + Quoted(part) + " has no '=' (expected key=value)");
        } else {
            const std::string_view key = part.substr(0, eq), value = part.substr(eq + 1);
            std::size_t k = 0;
            while (k < kKeys.size() && kKeys[k] != key) ++k;
            const std::string name(key.substr(0, 40));
            if (k == kKeys.size()) {
                p.Add(name, "unknown_key",
                      (key.empty() ? std::string("part ") + std::to_string(partNo) + " has no key"
                                   : "unknown key " + Quoted(key)) +
                          " (the keys are t, s, fn, i, fp, n)");
            } else if (values[k]) {
                p.Add(name, "duplicate_key", name + ": given twice");
            } else if (value.empty()) {
                values[k] = value;
                p.Add(name, "empty_value", name + ": the value is empty");
            } else {
                values[k] = value;
            }
        }
        if (amp == std::string_view::npos) break;
        pos = amp + 1;
    }
    const char* const names[] = {"the date and time", "the sum", "the fiscal drive number", "the document number",
                                 "the fiscal sign", "the operation"};
    for (std::size_t k = 0; k < kKeys.size(); ++k) {
        const std::string name(kKeys[k]);
        if (!values[k]) {
            p.Add(name, "missing", name + ": missing (" + names[k] + ")");
            continue;
        }
        const std::string_view v = *values[k];
        if (v.empty()) continue; // already reported
        switch (k) {
        case 0: p.Time(v); break;
        case 1: p.Sum(v); break;
        case 2: p.Drive(v); break;
        case 3:
            if (auto n = p.Number("i", v, true)) p.receipt.document = *n;
            break;
        case 4:
            if (auto n = p.Number("fp", v, false)) p.receipt.fiscal_sign = *n;
            break;
        default: p.Operation(v); break;
        }
    }
    if (p.problems.empty()) {
        result.receipt = p.receipt;
    }
    result.problems = std::move(p.problems);
    return result;
}

std::string FormatReceiptQr(const FiscalReceipt& r) {
    const auto pad = [](long long value, std::size_t width) {
        std::string digits = std::to_string(value);
        return digits.size() >= width ? digits : std::string(width - digits.size(), '0') + digits;
    };
    const auto& t = r.time;
    std::string text = "t=" + pad(t.date.year, 4) + pad(t.date.month, 2) + pad(t.date.day, 2) + "T" + pad(t.hour, 2) +
                       pad(t.minute, 2) + (t.has_seconds ? pad(t.second, 2) : std::string());
    text += "&s=" + std::to_string(r.sum_kop / 100) + "." + pad(r.sum_kop % 100, 2);
    text += "&fn=" + r.fiscal_drive;
    text += "&i=" + std::to_string(r.document);
    text += "&fp=" + std::to_string(r.fiscal_sign);
    text += "&n=" + std::to_string(static_cast<int>(r.operation));
    return text;
}

std::string DescribeReceiptQrProblems(const Problems& problems) {
    std::string text;
    for (const auto& p : problems) {
        if (!text.empty()) text += "; ";
        text += p.message;
    }
    return text;
}

} // namespace kpd::domain
