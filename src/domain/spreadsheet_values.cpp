#include "domain/spreadsheet_values.h"

#include "domain/timestamp.h"


namespace kpd::domain {

namespace {
constexpr int kMaxColumns = 16384; // XFD, the last column a sheet can have
constexpr int kMaxExponent = 40;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
} // namespace

int ColumnOfReference(std::string_view text) {
    std::size_t i = 0;
    if (i < text.size() && text[i] == '$') ++i;
    int column = 0;
    const std::size_t start = i;
    for (; i < text.size() && i - start < 3; ++i) {
        char c = text[i];
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
        if (c < 'A' || c > 'Z') break;
        column = column * 26 + (c - 'A' + 1);
    }
    if (i == start || column > kMaxColumns) return -1;
    return column - 1;
}

std::optional<CellReference> ParseCellReference(std::string_view text) {
    const int column = ColumnOfReference(text);
    if (column < 0) return std::nullopt;
    std::size_t i = !text.empty() && text[0] == '$' ? 1 : 0;
    while (i < text.size() && ((text[i] >= 'A' && text[i] <= 'Z') || (text[i] >= 'a' && text[i] <= 'z'))) ++i;
    if (i < text.size() && text[i] == '$') ++i;
    if (i >= text.size() || text.size() - i > 7 || text[i] == '0') return std::nullopt; // rows end at 1,048,576
    std::int64_t row = 0;
    for (; i < text.size(); ++i) {
        if (!IsDigit(text[i])) return std::nullopt;
        row = row * 10 + (text[i] - '0');
    }
    return CellReference{column, row};
}

std::string ColumnLetters(int column) {
    std::string letters;
    for (int n = column + 1; n > 0; n = (n - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
    return letters;
}

std::string CellName(int column, std::int64_t row) { return ColumnLetters(column) + std::to_string(row); }

std::optional<std::string> PlainDecimal(std::string_view s) {
    bool negative = false;
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) negative = s[i++] == '-';
    std::string digits;
    long point = 0; // digits before the decimal point, once the exponent is applied
    const std::size_t intStart = i;
    while (i < s.size() && IsDigit(s[i])) digits += s[i++];
    point = static_cast<long>(i - intStart);
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && IsDigit(s[i])) digits += s[i++];
    }
    if (digits.empty()) return std::nullopt;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        bool negativeExponent = false;
        if (i < s.size() && (s[i] == '-' || s[i] == '+')) negativeExponent = s[i++] == '-';
        if (i >= s.size()) return std::nullopt;
        long exponent = 0;
        for (; i < s.size() && IsDigit(s[i]); ++i) {
            exponent = exponent * 10 + (s[i] - '0');
            if (exponent > kMaxExponent) return std::nullopt;
        }
        point += negativeExponent ? -exponent : exponent;
    }
    if (i != s.size()) return std::nullopt;
    // Leading zeros move the point; trailing zeros after it say nothing.
    std::size_t lead = 0;
    while (lead < digits.size() && digits[lead] == '0') ++lead;
    digits.erase(0, lead);
    point -= static_cast<long>(lead);
    while (!digits.empty() && digits.back() == '0' && static_cast<long>(digits.size()) > point) digits.pop_back();
    if (digits.empty()) return std::string("0");
    std::string out = negative ? "-" : "";
    if (point <= 0) {
        out += "0.";
        out.append(static_cast<std::size_t>(-point), '0');
        out += digits;
    } else if (point >= static_cast<long>(digits.size())) {
        out += digits;
        out.append(static_cast<std::size_t>(point) - digits.size(), '0');
    } else {
        out += digits.substr(0, static_cast<std::size_t>(point));
        out += '.';
        out += digits.substr(static_cast<std::size_t>(point));
    }
    return out;
}

std::optional<std::string> SheetNumberText(std::string_view number) {
    constexpr std::size_t kExcelDigits = 15;
    auto plain = PlainDecimal(number);
    if (!plain) return plain;
    const bool negative = plain->front() == '-';
    std::string digits = plain->substr(negative ? 1 : 0);
    const std::size_t dot = digits.find('.');
    std::size_t wholeDigits = dot == std::string::npos ? digits.size() : dot;
    if (dot != std::string::npos) digits.erase(dot, 1);
    const std::size_t first = digits.find_first_not_of('0');
    if (first == std::string::npos || digits.size() - first <= kExcelDigits) return plain;
    // Round half up at the 15th significant digit, on the text.
    const std::size_t keep = first + kExcelDigits;
    const bool up = digits[keep] >= '5';
    digits.resize(keep);
    for (std::size_t i = keep; up; --i) {
        if (i == 0) {
            digits.insert(digits.begin(), '1');
            ++wholeDigits;
            break;
        }
        if (digits[i - 1] == '9') {
            digits[i - 1] = '0';
        } else {
            ++digits[i - 1];
            break;
        }
    }
    if (digits.size() < wholeDigits) digits.append(wholeDigits - digits.size(), '0');
    std::string text = negative ? "-" : "";
    text += digits.substr(0, wholeDigits);
    if (digits.size() > wholeDigits) text += "." + digits.substr(wholeDigits);
    return PlainDecimal(text);
}

std::string DecodeSheetText(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    const auto hex = [](char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && text[i + 6] == '_') {
            int code = 0;
            bool ok = true;
            for (std::size_t k = i + 2; k < i + 6 && ok; ++k) {
                const int digit = hex(text[k]);
                ok = digit >= 0;
                code = code * 16 + digit;
            }
            if (ok && (code < 0xD800 || code > 0xDFFF)) { // a lone surrogate cannot be UTF-8: kept as written
                if (code < 0x80) {
                    out += static_cast<char>(code);
                } else if (code < 0x800) {
                    out += static_cast<char>(0xC0 | (code >> 6));
                    out += static_cast<char>(0x80 | (code & 0x3F));
                } else {
                    out += static_cast<char>(0xE0 | (code >> 12));
                    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
                    out += static_cast<char>(0x80 | (code & 0x3F));
                }
                i += 6;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

bool IsBuiltInDateFormat(int id) { return (id >= 14 && id <= 22) || (id >= 45 && id <= 47); }

bool IsDateFormatCode(std::string_view code) {
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (c == '"') { // quoted text, shown as it is
            const std::size_t close = code.find('"', i + 1);
            if (close == std::string_view::npos) return false;
            i = close;
        } else if (c == '[') { // a colour, a condition, a locale or currency
            const std::size_t close = code.find(']', i + 1);
            if (close == std::string_view::npos) return false;
            i = close;
        } else if (c == '\\' || c == '_' || c == '*') { // an escaped character, a space as wide as one, a fill
            ++i;
        } else {
            switch (c) {
            case 'd': case 'D': case 'm': case 'M': case 'y': case 'Y':
            case 'h': case 'H': case 's': case 'S':
                return true;
            default:
                break;
            }
        }
    }
    return false;
}

std::optional<std::int64_t> ExcelSerialToWallSeconds(std::string_view number, bool date1904) {
    const auto plain = PlainDecimal(number);
    if (!plain || plain->front() == '-') return std::nullopt;
    const std::size_t dot = plain->find('.');
    const std::string whole = plain->substr(0, dot);
    if (whole.size() > 7) return std::nullopt; // 9999-12-31 is serial 2,958,465
    std::int64_t days = std::stoll(whole);
    // The fraction of a day to the nearest second in integers: its first 12
    // digits (a 10^-7 second) decide it, and 10^12 × 86400 fits 64 bits.
    std::int64_t seconds = 0;
    if (dot != std::string::npos) {
        const std::string fraction = plain->substr(dot + 1, 12);
        std::int64_t numerator = 0, denominator = 1;
        for (char c : fraction) {
            numerator = numerator * 10 + (c - '0');
            denominator *= 10;
        }
        seconds = (numerator * 86400 + denominator / 2) / denominator;
    }
    if (seconds == 86400) {
        ++days;
        seconds = 0;
    }
    std::int64_t unixDays = 0;
    if (date1904) {
        unixDays = DaysFromCivil(1904, 1, 1) + days;
    } else if (days >= 1 && days < 60) {
        unixDays = DaysFromCivil(1899, 12, 31) + days;
    } else if (days > 60) {
        unixDays = DaysFromCivil(1899, 12, 30) + days; // one less for the 29 February 1900 that never was
    } else {
        return std::nullopt; // 0 ("1900-01-00", a time alone) or 60 (the 29 February 1900 that never was)
    }
    if (CivilFromDays(unixDays).year > 9999) return std::nullopt;
    return unixDays * 86400 + seconds;
}

std::string FormatWallSeconds(std::int64_t seconds) {
    const std::int64_t days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
    const std::int64_t inDay = seconds - days * 86400;
    const CivilDate date = CivilFromDays(days);
    // Digits by hand: a million sale times through snprintf cost a twentieth of reading a sheet.
    std::string text = "0000-00-00 00:00:00";
    const auto put = [&text](std::size_t at, std::int64_t value, int width) {
        for (int k = width - 1; k >= 0; --k, value /= 10) text[at + static_cast<std::size_t>(k)] = static_cast<char>('0' + value % 10);
    };
    put(0, date.year, 4);
    put(5, date.month, 2);
    put(8, date.day, 2);
    put(11, inDay / 3600, 2);
    put(14, inDay / 60 % 60, 2);
    put(17, inDay % 60, 2);
    return text;
}

} // namespace kpd::domain
