#include "domain/text_encoding.h"

#include <array>
#include <cstdint>

namespace kpd::domain {

namespace {
// Code points of Windows-1251 bytes 0x80-0xFF.
constexpr std::array<std::uint16_t, 128> kCp1251High{
    0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021,
    0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,
    0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0xFFFD, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,
    0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7,
    0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
    0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7,
    0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
    0x0410, 0x0411, 0x0412, 0x0413, 0x0414, 0x0415, 0x0416, 0x0417,
    0x0418, 0x0419, 0x041A, 0x041B, 0x041C, 0x041D, 0x041E, 0x041F,
    0x0420, 0x0421, 0x0422, 0x0423, 0x0424, 0x0425, 0x0426, 0x0427,
    0x0428, 0x0429, 0x042A, 0x042B, 0x042C, 0x042D, 0x042E, 0x042F,
    0x0430, 0x0431, 0x0432, 0x0433, 0x0434, 0x0435, 0x0436, 0x0437,
    0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E, 0x043F,
    0x0440, 0x0441, 0x0442, 0x0443, 0x0444, 0x0445, 0x0446, 0x0447,
    0x0448, 0x0449, 0x044A, 0x044B, 0x044C, 0x044D, 0x044E, 0x044F};

void AppendUtf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}
} // namespace

bool IsValidUtf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t n;
        std::uint32_t cp;
        if ((c & 0xE0) == 0xC0) {
            n = 1, cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            n = 2, cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            n = 3, cp = c & 0x07;
        } else {
            return false;
        }
        if (i + n >= s.size()) {
            return false;
        }
        for (std::size_t k = 1; k <= n; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) {
                return false;
            }
            cp = (cp << 6) | (cc & 0x3F);
        }
        // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
        if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF)) {
            return false;
        }
        i += n + 1;
    }
    return true;
}

namespace {
// How many bytes a well-formed sequence starting with `lead` has (0: none
// does), and the range its second byte must be in (Unicode table 3-7).
struct LeadByte {
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;
};

LeadByte ReadLead(unsigned char c) {
    if (c >= 0xC2 && c <= 0xDF)
        return {2};
    if (c == 0xE0)
        return {3, 0xA0, 0xBF};
    if (c == 0xED)
        return {3, 0x80, 0x9F}; // no surrogates
    if (c >= 0xE1 && c <= 0xEF)
        return {3};
    if (c == 0xF0)
        return {4, 0x90, 0xBF};
    if (c >= 0xF1 && c <= 0xF3)
        return {4};
    if (c == 0xF4)
        return {4, 0x80, 0x8F}; // nothing past U+10FFFF
    return {};
}
} // namespace

std::string ValidUtf8(std::string_view s) {
    if (IsValidUtf8(s)) {
        return std::string(s);
    }
    std::string out;
    out.reserve(s.size() + 8);
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            out += s[i++];
            continue;
        }
        const LeadByte lead = ReadLead(c);
        std::size_t k = 1; // bytes of the sequence that are well-formed so far
        while (lead.length > 0 && k < lead.length && i + k < s.size()) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            const unsigned char low = k == 1 ? lead.low : 0x80, high = k == 1 ? lead.high : 0xBF;
            if (cc < low || cc > high) {
                break;
            }
            ++k;
        }
        if (lead.length > 0 && k == lead.length) {
            out.append(s.substr(i, k));
        } else {
            out += "\xEF\xBF\xBD"; // U+FFFD for the maximal subpart read
        }
        i += k;
    }
    return out;
}

std::string Cp1251ToUtf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() * 2);
    for (char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x80) {
            out += ch;
        } else {
            AppendUtf8(out, kCp1251High[c - 0x80]);
        }
    }
    return out;
}

EncodingGuess GuessEncoding(std::string_view head) {
    EncodingGuess g;
    const auto starts = [&](std::string_view prefix) { return head.substr(0, prefix.size()) == prefix; };
    if (starts("\xEF\xBB\xBF")) {
        g.bom_bytes = 3;
    } else if (starts("\xFF\xFE") || starts("\xFE\xFF")) {
        g.error = "the file is in UTF-16; save it as UTF-8 or Windows-1251 (CSV)";
        return g;
    }
    if (head.find('\0') != std::string_view::npos) {
        g.error = "the file holds NUL bytes: it is not a text file in UTF-8 or Windows-1251 (an Excel .xls, UTF-16 or an archive?)";
        return g;
    }
    // A cut in the middle of a multi-byte character at the end of the sample is not evidence against UTF-8.
    std::string_view body = head.substr(g.bom_bytes);
    std::size_t cut = body.size();
    for (std::size_t k = 0; k < 3 && cut > 0; ++k) {
        const auto c = static_cast<unsigned char>(body[cut - 1]);
        if ((c & 0xC0) == 0x80) {
            --cut;
            continue;
        }
        if (c >= 0xC0) {
            --cut;
        }
        break;
    }
    g.encoding = (g.bom_bytes > 0 || IsValidUtf8(body.substr(0, cut))) ? TextEncoding::Utf8 : TextEncoding::Cp1251;
    return g;
}

} // namespace kpd::domain
