#include "domain/card_screen.h"

#include <array>
#include <utility>

namespace kpd::domain {

namespace {
// One table per enum keeps the JSON names and the enumerators side by side.
template <class E, std::size_t N> using Names = std::array<std::pair<E, std::string_view>, N>;

constexpr Names<BarcodeType, 5> kBarcodeNames{{{BarcodeType::Ean8, "EAN_8"},
                                               {BarcodeType::Ean13, "EAN_13"},
                                               {BarcodeType::Code128, "CODE_128"},
                                               {BarcodeType::UpcA, "UPC_A"},
                                               {BarcodeType::QrCode, "QR_CODE"}}};
constexpr Names<IdentifierKind, 3> kIdentifierNames{{{IdentifierKind::Static, "static"},
                                                     {IdentifierKind::Dynamic, "dynamic"},
                                                     {IdentifierKind::Checkin, "checkin"}}};
constexpr Names<BalanceKind, 3> kBalanceNames{{{BalanceKind::Points, "points"},
                                               {BalanceKind::DiscountPercent, "discount_percent"},
                                               {BalanceKind::None, "none"}}};
constexpr Names<CtaKind, 5> kCtaNames{{{CtaKind::Url, "url"},
                                       {CtaKind::AppLink, "app"},
                                       {CtaKind::OnlineShop, "shop"},
                                       {CtaKind::PromoOffer, "promo_offer"},
                                       {CtaKind::PromoList, "promo_list"}}};
constexpr Names<QuestionKind, 5> kQuestionNames{{{QuestionKind::SingleChoice, "single_choice"},
                                                 {QuestionKind::MultiChoice, "multi_choice"},
                                                 {QuestionKind::Text, "text"},
                                                 {QuestionKind::Date, "date"},
                                                 {QuestionKind::Number, "number"}}};

template <class E, std::size_t N> std::string_view NameOf(const Names<E, N>& names, E value) {
    for (const auto& [e, name] : names) {
        if (e == value) {
            return name;
        }
    }
    return {};
}

template <class E, std::size_t N> std::optional<E> ValueOf(const Names<E, N>& names, std::string_view name) {
    for (const auto& [e, n] : names) {
        if (n == name) {
            return e;
        }
    }
    return std::nullopt;
}
} // namespace

std::string_view ToString(BarcodeType type) { return NameOf(kBarcodeNames, type); }
std::optional<BarcodeType> BarcodeTypeFromString(std::string_view name) { return ValueOf(kBarcodeNames, name); }
std::string_view ToString(IdentifierKind kind) { return NameOf(kIdentifierNames, kind); }
std::optional<IdentifierKind> IdentifierKindFromString(std::string_view name) {
    return ValueOf(kIdentifierNames, name);
}
std::string_view ToString(BalanceKind kind) { return NameOf(kBalanceNames, kind); }
std::optional<BalanceKind> BalanceKindFromString(std::string_view name) { return ValueOf(kBalanceNames, name); }
std::string_view ToString(CtaKind kind) { return NameOf(kCtaNames, kind); }
std::optional<CtaKind> CtaKindFromString(std::string_view name) { return ValueOf(kCtaNames, name); }
std::string_view ToString(QuestionKind kind) { return NameOf(kQuestionNames, kind); }
std::optional<QuestionKind> QuestionKindFromString(std::string_view name) { return ValueOf(kQuestionNames, name); }

} // namespace kpd::domain
