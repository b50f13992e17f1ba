#include "domain/dolyami_simulation.h"

#include <chrono>
#include <cstdio>
#include <map>
#include <stdexcept>

namespace kpd::domain {

namespace {
constexpr std::int64_t kDay = 86400;
constexpr std::int64_t kMoscow = 3 * 3600;

// splitmix64: tiny, fast, and the same numbers everywhere.
class Prng {
  public:
    explicit Prng(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t Next() {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // Uniform in [lo, hi]; the modulo bias is far below anything a demo shows.
    std::int64_t Between(std::int64_t lo, std::int64_t hi) {
        return lo + static_cast<std::int64_t>(Next() % static_cast<std::uint64_t>(hi - lo + 1));
    }
    bool Percent(int p) { return Between(0, 9999) < p * 100; }

  private:
    std::uint64_t m_state;
};

std::chrono::year_month_day DateOf(std::int64_t dayStart) {
    return std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{(dayStart + kMoscow) / kDay}}};
}

// A purchase price as instalment buyers spend: mostly a few thousand roubles,
// sometimes up to Dolyami's 30,000 ₽ limit, always whole roubles or 90 kopecks.
Kopecks Price(Prng& rng) {
    const std::int64_t band = rng.Between(0, 99);
    const std::int64_t roubles = band < 60 ? rng.Between(1'000, 6'000)
                                 : band < 90 ? rng.Between(6'000, 15'000)
                                             : rng.Between(15'000, 30'000);
    return roubles * 100 + (rng.Percent(40) ? 90 : 0);
}

// `value` in decimal with leading zeros up to `width` digits.
std::string ZeroPadded(std::int64_t value, std::size_t width) {
    std::string digits = std::to_string(value);
    return digits.size() >= width ? digits : std::string(width - digits.size(), '0') + digits;
}
} // namespace

std::string MoscowDate(std::int64_t dayStart) {
    const auto d = DateOf(dayStart);
    return ZeroPadded(static_cast<int>(d.year()), 4) + "-" + ZeroPadded(static_cast<unsigned>(d.month()), 2) + "-" +
           ZeroPadded(static_cast<unsigned>(d.day()), 2);
}

void SimulateRegisters(const SimulationSpec& spec, const BusinessCalendar& calendar,
                       const std::function<void(SimulatedRegister&&)>& sink) {
    Prng rng(spec.seed);
    // Refunds land on the register of the day they are processed.
    std::map<std::int64_t, Kopecks> refundsByDay;
    std::int64_t orderNo = 0;
    // Weekends sell half as much again as weekdays (weights 20 and 13); the
    // counts are cut from the running total so they add up to exactly
    // spec.transactions.
    const auto weekend = [](std::int64_t dayStart) {
        const std::chrono::weekday wd{std::chrono::sys_days{std::chrono::days{(dayStart + kMoscow) / kDay}}};
        return wd == std::chrono::Saturday || wd == std::chrono::Sunday;
    };
    std::int64_t totalWeight = 0;
    for (int d = 0; d < spec.days; ++d) totalWeight += weekend(spec.first_day + d * kDay) ? 20 : 13;
    std::int64_t weightSoFar = 0;
    for (int dayIndex = 0; dayIndex < spec.days; ++dayIndex) {
        const std::int64_t dayStart = spec.first_day + dayIndex * kDay;
        const std::int64_t before = spec.transactions * weightSoFar / totalWeight;
        weightSoFar += weekend(dayStart) ? 20 : 13;
        const std::int64_t count = spec.transactions * weightSoFar / totalWeight - before;

        SimulatedRegister reg;
        reg.business_date = MoscowDate(dayStart);
        const auto d = DateOf(dayStart);
        const CivilDate businessDate{static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                                     static_cast<unsigned>(d.day())};
        const auto payout = calendar.AddBusinessDays(businessDate, 1);
        if (!payout) throw std::runtime_error("Dolyami simulation: " + payout.Error().message);
        reg.payout_date = FormatIsoDate(payout.Value());
        reg.purchases.reserve(static_cast<std::size_t>(count));
        for (std::int64_t i = 0; i < count; ++i) {
            SimulatedPurchase p;
            auto& o = p.order;
            o.order_id = spec.order_prefix + ZeroPadded(++orderNo, 8);
            const std::int64_t store = rng.Between(1, spec.stores);
            o.store_id = "store-" + ZeroPadded(store, 2);
            // Shops open 09:00–22:00 Moscow; store-01 by the station trades round the clock.
            o.purchased_at = store == 1 ? dayStart + rng.Between(0, kDay - 1)
                                        : dayStart + 9 * 3600 + rng.Between(0, 13 * 3600 - 1);
            o.amount_kop = Price(rng);
            o.status = (spec.now - o.purchased_at > 42 * kDay) ? DolyamiOrderStatus::Completed
                                                                : DolyamiOrderStatus::Committed;
            if (rng.Percent(4)) { // about one order in 25 comes back, in full or in part
                const Kopecks amount = rng.Percent(60) ? o.amount_kop : o.amount_kop * rng.Between(10, 90) / 100;
                const std::int64_t at = o.purchased_at + rng.Between(1, 14) * kDay;
                const bool processed = at + kDay <= spec.now;
                o.refunds.push_back({amount, at, processed ? RefundStatus::Processed : RefundStatus::Pending});
                if (processed) {
                    p.refunded_kop = amount;
                    const std::int64_t refundDay = dayStart + ((at - dayStart) / kDay) * kDay;
                    refundsByDay[refundDay] += amount;
                }
            }
            reg.turnover_kop += o.amount_kop;
            reg.purchases.push_back(std::move(p));
        }
        if (auto it = refundsByDay.find(dayStart); it != refundsByDay.end()) {
            reg.refunds_kop = it->second;
            refundsByDay.erase(it);
        }
        reg.payout_kop = reg.turnover_kop - reg.refunds_kop;
        sink(std::move(reg));
    }
}

} // namespace kpd::domain
