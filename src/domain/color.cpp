#include "domain/color.h"

#include <cmath>
#include <cstdio>

namespace kpd::domain {

namespace {
int HexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// sRGB channel (0–255) to linear light, the WCAG 2 formula.
double Linear(std::uint8_t channel) {
    const double c = channel / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}
} // namespace

std::optional<Rgb> ParseHexColor(std::string_view text) {
    if (text.size() != 7 || text[0] != '#') {
        return std::nullopt;
    }
    std::uint8_t channels[3];
    for (int i = 0; i < 3; ++i) {
        const int hi = HexDigit(text[1 + 2 * i]);
        const int lo = HexDigit(text[2 + 2 * i]);
        if (hi < 0 || lo < 0) {
            return std::nullopt;
        }
        channels[i] = static_cast<std::uint8_t>(hi * 16 + lo);
    }
    return Rgb{channels[0], channels[1], channels[2]};
}

std::string ToHex(Rgb color) {
    char text[8];
    std::snprintf(text, sizeof text, "#%02X%02X%02X", color.r, color.g, color.b);
    return text;
}

double RelativeLuminance(Rgb color) {
    return 0.2126 * Linear(color.r) + 0.7152 * Linear(color.g) + 0.0722 * Linear(color.b);
}

double ContrastRatio(Rgb a, Rgb b) {
    const double la = RelativeLuminance(a);
    const double lb = RelativeLuminance(b);
    const double lighter = la > lb ? la : lb;
    const double darker = la > lb ? lb : la;
    return (lighter + 0.05) / (darker + 0.05);
}

} // namespace kpd::domain
