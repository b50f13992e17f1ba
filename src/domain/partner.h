#pragma once
// The partner (a retail chain or brand) as the platform knows it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kpd::domain {

enum class ProgramKind { Bonus, Discount }; // "bonus" points or "discount" percent

std::string_view ToString(ProgramKind kind);
std::optional<ProgramKind> ProgramKindFromString(std::string_view name);

// How the partner's loyalty card numbers look.
struct CardNumberFormat {
    int length = 13;
    std::string prefix;
    bool luhn = false;
};

struct Partner {
    std::int64_t id = 0;
    std::string name;
    std::string inn;           // taxpayer number, 10 digits for a company
    std::string brand_color;   // "#RRGGBB"
    std::string accent_color;  // "#RRGGBB"
    std::optional<std::string> logo_asset_id;
    ProgramKind program_kind = ProgramKind::Bonus;
    CardNumberFormat card_number_format;
};

// INN with its check digits (10 digits for organisations, 12 for individuals).
bool IsValidInn(std::string_view inn);

// "#RRGGBB" with hexadecimal digits.
bool IsHexColor(std::string_view color);

// Luhn check over an all-digit string.
bool PassesLuhn(std::string_view digits);

} // namespace kpd::domain
