#include "domain/sale_fields.h"

#include "domain/timestamp.h"

namespace kpd::domain {

namespace {
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::string_view Trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// Length of a digit-group separator at `s[i]`: a space, U+00A0 or U+202F in UTF-8.
std::size_t GroupSeparatorAt(std::string_view s, std::size_t i, char thousands) {
    if (s[i] == ' ' || s[i] == thousands) return 1;
    if (s.compare(i, 2, "\xC2\xA0") == 0) return 2;
    if (s.compare(i, 3, "\xE2\x80\xAF") == 0) return 3;
    return 0;
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int DaysInMonth(int y, int m) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && IsLeap(y) ? 29 : days[m - 1];
}

// Reads exactly `n` digits at `pos`; -1 when they are not all digits.
int Digits(std::string_view s, std::size_t pos, std::size_t n) {
    if (pos + n > s.size()) return -1;
    int v = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (!IsDigit(s[pos + i])) return -1;
        v = v * 10 + (s[pos + i] - '0');
    }
    return v;
}
} // namespace

AmountParse ParseAmount(std::string_view text, char decimal, AmountUnit unit) {
    std::string_view s = Trim(text);
    if (s.empty()) return {std::nullopt, "the amount is empty", "empty"};
    bool negative = false;
    if (s.front() == '-') {
        negative = true;
        s.remove_prefix(1);
    }
    const char thousands = decimal == ',' ? '.' : ',';
    std::int64_t whole = 0;
    int fraction = 0, fractionDigits = 0;
    bool seenDigit = false, inFraction = false, grouped = false;
    int groupDigits = 0; // digits since the last group separator: groups after one hold exactly 3
    const auto badGroups = [&] { return AmountParse{std::nullopt, "\"" + std::string(text) + "\" has digit groups of the wrong size", "digit_groups"}; };
    const auto overCap = [&] {
        return AmountParse{
            std::nullopt,
            "the amount \"" + std::string(text) +
                "\" is over the limit of 100,000,000,000.00 RUB (10^13 kopecks) a line",
            "over_cap"};
    };
    for (std::size_t i = 0; i < s.size();) {
        const char c = s[i];
        if (IsDigit(c)) {
            seenDigit = true;
            if (inFraction) {
                if (++fractionDigits > 2) return {std::nullopt, "more than 2 decimals in \"" + std::string(text) + "\"", "too_many_decimals"};
                fraction = fraction * 10 + (c - '0');
            } else {
                if (whole > kMaxLineKop)
                    return overCap(); // and whole × 10 + 9 still fits
                whole = whole * 10 + (c - '0');
                ++groupDigits;
            }
            ++i;
        } else if (c == decimal && !inFraction && seenDigit) {
            if (grouped && groupDigits != 3) return badGroups();
            inFraction = true;
            ++i;
        } else if (std::size_t n = (!inFraction && seenDigit) ? GroupSeparatorAt(s, i, thousands) : 0; n > 0) {
            if ((grouped && groupDigits != 3) || groupDigits > 3) return badGroups();
            grouped = true;
            groupDigits = 0;
            i += n;
        } else {
            return {std::nullopt, "\"" + std::string(text) + "\" is not a number", "not_a_number"};
        }
    }
    if (!seenDigit) return {std::nullopt, "\"" + std::string(text) + "\" is not a number", "not_a_number"};
    if (grouped && !inFraction && groupDigits != 3) return badGroups();
    if (unit == AmountUnit::InKopecks && inFraction) {
        return {std::nullopt, "an amount in kopecks cannot have decimals: \"" + std::string(text) + "\"", "decimals_in_kopecks"};
    }
    if (fractionDigits == 1) fraction *= 10;
    const Kopecks kop =
        unit == AmountUnit::Roubles ? whole * 100 + fraction : whole; // at most 10^16 + 99
    if (kop > kMaxLineKop)
        return overCap();
    return {negative ? -kop : kop, {}, {}};
}

std::optional<std::int64_t> ParseSaleTime(std::string_view text, int utcOffsetMinutes) {
    const std::string_view s = Trim(text);
    int y, mo, d;
    std::size_t pos;
    if (Digits(s, 0, 4) >= 0 && s.size() >= 10 && s[4] == '-' && s[7] == '-') {
        y = Digits(s, 0, 4), mo = Digits(s, 5, 2), d = Digits(s, 8, 2);
        pos = 10;
    } else if (s.size() >= 10 && s[2] == '.' && s[5] == '.') {
        d = Digits(s, 0, 2), mo = Digits(s, 3, 2), y = Digits(s, 6, 4);
        pos = 10;
    } else {
        return std::nullopt;
    }
    if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > DaysInMonth(y, mo)) return std::nullopt;
    int h = 0, mi = 0, sec = 0;
    if (pos < s.size()) {
        if (s[pos] != ' ' && s[pos] != 'T') return std::nullopt;
        h = Digits(s, pos + 1, 2);
        if (h < 0 || pos + 3 >= s.size() || s[pos + 3] != ':') return std::nullopt;
        mi = Digits(s, pos + 4, 2);
        pos += 6;
        if (pos < s.size() && s[pos] == ':') {
            sec = Digits(s, pos + 1, 2);
            pos += 3;
        }
        if (mi < 0 || sec < 0 || h > 23 || mi > 59 || sec > 59) return std::nullopt;
        if (pos < s.size() && s[pos] == '.') { // fractions of a second are dropped
            ++pos;
            while (pos < s.size() && IsDigit(s[pos])) ++pos;
        }
        if (pos < s.size()) {
            if (s[pos] == 'Z' && pos + 1 == s.size()) {
                utcOffsetMinutes = 0;
            } else if ((s[pos] == '+' || s[pos] == '-') && pos + 6 == s.size() && s[pos + 3] == ':') {
                const int oh = Digits(s, pos + 1, 2), om = Digits(s, pos + 4, 2);
                if (oh < 0 || om < 0 || oh > 23 || om > 59) return std::nullopt;
                utcOffsetMinutes = (s[pos] == '+' ? 1 : -1) * (oh * 60 + om);
            } else {
                return std::nullopt;
            }
        }
    }
    return DaysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 + h * 3600 + mi * 60 + sec -
           static_cast<std::int64_t>(utcOffsetMinutes) * 60;
}

} // namespace kpd::domain
