#pragma once
// sRGB colours as the card screen writes them ("#RRGGBB") and the WCAG 2
// contrast between two of them.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kpd::domain {

struct Rgb {
    std::uint8_t r = 0, g = 0, b = 0;
    friend bool operator==(const Rgb&, const Rgb&) = default;
};

// "#RRGGBB" (either case) → colour; anything else → nullopt.
std::optional<Rgb> ParseHexColor(std::string_view text);
std::string ToHex(Rgb color); // "#RRGGBB", upper case

// WCAG 2 relative luminance, 0 (black) … 1 (white).
double RelativeLuminance(Rgb color);

// WCAG 2 contrast ratio, 1 … 21, the same whichever colour comes first.
double ContrastRatio(Rgb a, Rgb b);

} // namespace kpd::domain
