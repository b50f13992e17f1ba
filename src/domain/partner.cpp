#include "domain/partner.h"

#include <array>

namespace kpd::domain {

std::string_view ToString(ProgramKind kind) {
    return kind == ProgramKind::Bonus ? "bonus" : "discount";
}

std::optional<ProgramKind> ProgramKindFromString(std::string_view name) {
    if (name == "bonus") {
        return ProgramKind::Bonus;
    }
    if (name == "discount") {
        return ProgramKind::Discount;
    }
    return std::nullopt;
}

namespace {
bool AllDigits(std::string_view s) {
    for (char c : s) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return !s.empty();
}

// The INN check digit: weighted sum mod 11, then mod 10 (Federal Tax Service rule).
int CheckDigit(std::string_view digits, const int* weights, std::size_t count) {
    int sum = 0;
    for (std::size_t i = 0; i < count; ++i) {
        sum += (digits[i] - '0') * weights[i];
    }
    return sum % 11 % 10;
}
} // namespace

bool IsValidInn(std::string_view inn) {
    if (!AllDigits(inn)) {
        return false;
    }
    if (inn.size() == 10) {
        static constexpr std::array<int, 9> w{2, 4, 10, 3, 5, 9, 4, 6, 8};
        return CheckDigit(inn, w.data(), w.size()) == inn[9] - '0';
    }
    if (inn.size() == 12) {
        static constexpr std::array<int, 10> w11{7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
        static constexpr std::array<int, 11> w12{3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
        return CheckDigit(inn, w11.data(), w11.size()) == inn[10] - '0' &&
               CheckDigit(inn, w12.data(), w12.size()) == inn[11] - '0';
    }
    return false;
}

bool IsHexColor(std::string_view color) {
    if (color.size() != 7 || color[0] != '#') {
        return false;
    }
    for (char c : color.substr(1)) {
        bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (!hex) {
            return false;
        }
    }
    return true;
}

bool PassesLuhn(std::string_view digits) {
    if (!AllDigits(digits)) {
        return false;
    }
    int sum = 0;
    bool dbl = false;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        int d = *it - '0';
        if (dbl) {
            d *= 2;
            if (d > 9) {
                d -= 9;
            }
        }
        sum += d;
        dbl = !dbl;
    }
    return sum % 10 == 0;
}

} // namespace kpd::domain
