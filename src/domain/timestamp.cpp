#include "domain/timestamp.h"

#include <cstdio>

namespace kpd::domain {

namespace {
bool ReadInt(std::string_view text, std::size_t pos, std::size_t len, int& out) {
    if (pos + len > text.size()) {
        return false;
    }
    int value = 0;
    for (std::size_t i = pos; i < pos + len; ++i) {
        char c = text[i];
        if (c < '0' || c > '9') {
            return false;
        }
        value = value * 10 + (c - '0');
    }
    out = value;
    return true;
}

bool Expect(std::string_view text, std::size_t pos, char c) {
    return pos < text.size() && (text[pos] == c || (c == 'T' && text[pos] == 't'));
}
} // namespace

std::optional<Instant> ParseRfc3339(std::string_view text) {
    using namespace std::chrono;
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    if (!ReadInt(text, 0, 4, y) || !Expect(text, 4, '-') || !ReadInt(text, 5, 2, mo) ||
        !Expect(text, 7, '-') || !ReadInt(text, 8, 2, d) || !Expect(text, 10, 'T') ||
        !ReadInt(text, 11, 2, h) || !Expect(text, 13, ':') || !ReadInt(text, 14, 2, mi) ||
        !Expect(text, 16, ':') || !ReadInt(text, 17, 2, s)) {
        return std::nullopt;
    }
    std::size_t pos = 19;
    if (pos < text.size() && text[pos] == '.') {
        ++pos;
        std::size_t digits = 0;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
            ++pos;
            ++digits;
        }
        if (digits == 0) {
            return std::nullopt;
        }
    }
    minutes offset{0};
    if (pos < text.size() && (text[pos] == 'Z' || text[pos] == 'z')) {
        ++pos;
    } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
        int oh = 0, om = 0;
        if (!ReadInt(text, pos + 1, 2, oh) || !Expect(text, pos + 3, ':') ||
            !ReadInt(text, pos + 4, 2, om) || oh > 23 || om > 59) {
            return std::nullopt;
        }
        offset = minutes{oh * 60 + om};
        if (text[pos] == '-') {
            offset = -offset;
        }
        pos += 6;
    } else {
        return std::nullopt;
    }
    if (pos != text.size() || h > 23 || mi > 59 || s > 60) {
        return std::nullopt;
    }
    year_month_day date{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
    if (!date.ok()) {
        return std::nullopt;
    }
    auto local = sys_days{date} + hours{h} + minutes{mi} + seconds{s};
    return time_point_cast<seconds>(local - offset);
}

std::string FormatRfc3339(Instant instant, std::chrono::minutes offset) {
    using namespace std::chrono;
    auto local = instant + offset;
    auto day_point = floor<days>(local);
    year_month_day date{day_point};
    hh_mm_ss<seconds> tod{local - day_point};
    char buf[40];
    int off = static_cast<int>(offset.count());
    if (off == 0) {
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(date.year()),
                      static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                      static_cast<int>(tod.hours().count()), static_cast<int>(tod.minutes().count()),
                      static_cast<int>(tod.seconds().count()));
    } else {
        char sign = off < 0 ? '-' : '+';
        int a = off < 0 ? -off : off;
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d%c%02d:%02d",
                      static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                      static_cast<unsigned>(date.day()), static_cast<int>(tod.hours().count()),
                      static_cast<int>(tod.minutes().count()), static_cast<int>(tod.seconds().count()),
                      sign, a / 60, a % 60);
    }
    return buf;
}

// Both by eras of 400 years (146,097 days), so no loop over years or months.
CivilDate CivilFromDays(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    CivilDate date;
    date.day = doy - (153 * mp + 2) / 5 + 1;
    date.month = mp < 10 ? mp + 3 : mp - 9;
    date.year = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (date.month <= 2 ? 1 : 0));
    return date;
}

std::int64_t DaysFromCivil(int year, unsigned month, unsigned day) {
    const std::int64_t y = year - (month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::optional<CivilDate> ParseIsoDate(std::string_view text) {
    int y = 0, mo = 0, d = 0;
    if (text.size() != 10 || !ReadInt(text, 0, 4, y) || !Expect(text, 4, '-') || !ReadInt(text, 5, 2, mo) ||
        !Expect(text, 7, '-') || !ReadInt(text, 8, 2, d)) {
        return std::nullopt;
    }
    const std::chrono::year_month_day date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(mo)},
                                           std::chrono::day{static_cast<unsigned>(d)}};
    if (!date.ok()) {
        return std::nullopt;
    }
    return CivilDate{y, static_cast<unsigned>(mo), static_cast<unsigned>(d)};
}

std::string FormatIsoDate(CivilDate date) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", date.year, date.month % 100u, date.day % 100u);
    return buf;
}

} // namespace kpd::domain
