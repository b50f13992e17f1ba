#include "domain/money.h"

namespace kpd::domain {

namespace {
std::string Format(Kopecks amount, const std::string& group, char decimal) {
    bool negative = amount < 0;
    // Work in unsigned so the most negative value does not overflow.
    auto magnitude = negative ? 0ull - static_cast<unsigned long long>(amount)
                              : static_cast<unsigned long long>(amount);
    std::string whole = std::to_string(magnitude / 100);
    std::string grouped;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i != 0 && (whole.size() - i) % 3 == 0) {
            grouped += group;
        }
        grouped += whole[i];
    }
    unsigned kop = static_cast<unsigned>(magnitude % 100);
    std::string out = negative ? "-" : "";
    out += grouped;
    out += decimal;
    out += static_cast<char>('0' + kop / 10);
    out += static_cast<char>('0' + kop % 10);
    return out;
}
} // namespace

std::string FormatRoublesRu(Kopecks amount) {
    return Format(amount, "\u202F", ',') + "\u00A0₽";
}

std::string FormatRoublesEn(Kopecks amount) {
    return Format(amount, ",", '.') + " RUB";
}

} // namespace kpd::domain
