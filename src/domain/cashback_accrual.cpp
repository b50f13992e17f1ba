#include "domain/cashback_accrual.h"

#include <algorithm>
#include <limits>

namespace kpd::domain {

namespace {
constexpr Kopecks kMaxKopecks = std::numeric_limits<Kopecks>::max();
constexpr std::int64_t kBasisPoints = 10'000;

Kopecks MultiplySaturating(std::int64_t a, std::int64_t b) {
    std::int64_t out = 0;
    return __builtin_mul_overflow(a, b, &out) ? kMaxKopecks : out;
}
} // namespace

Kopecks AddKopecks(Kopecks a, Kopecks b) {
    Kopecks out = 0;
    return __builtin_add_overflow(a, b, &out) ? kMaxKopecks : out;
}

Kopecks LineCashback(const FlightCashback& cashback, Kopecks price_kop, std::int64_t quantity) {
    if (price_kop < 0 || quantity <= 0) {
        return 0;
    }
    if (cashback.percent_bp) {
        const Kopecks amount = MultiplySaturating(price_kop, quantity);
        const std::int64_t bp = *cashback.percent_bp;
        if (bp <= 0) {
            return 0;
        }
        // floor(amount × bp / 10000) without forming amount × bp, which could
        // overflow: amount = q × 10000 + r gives q × bp + floor(r × bp / 10000).
        const Kopecks whole = MultiplySaturating(amount / kBasisPoints, bp);
        // (r × bp only saturates for a bp far outside the valid 1..10000.)
        return AddKopecks(whole, MultiplySaturating(amount % kBasisPoints, bp) / kBasisPoints);
    }
    if (cashback.fixed_kop && *cashback.fixed_kop > 0) {
        return MultiplySaturating(*cashback.fixed_kop, quantity);
    }
    return 0;
}

bool IsTargeted(const FlightTargeting& targeting, const CashbackReceipt& receipt) {
    const auto has = [](const std::vector<std::string>& list, const std::string& value) {
        return std::find(list.begin(), list.end(), value) != list.end();
    };
    if (!targeting.regions.empty() && !has(targeting.regions, receipt.region)) {
        return false;
    }
    if (!targeting.loyalty_cards.empty() &&
        std::none_of(receipt.loyalty_cards.begin(), receipt.loyalty_cards.end(),
                     [&](const std::string& card) { return has(targeting.loyalty_cards, card); })) {
        return false;
    }
    return true;
}

} // namespace kpd::domain
