#include "domain/commission_check.h"

#include "domain/timestamp.h"

#include <algorithm>

namespace kpd::domain {

namespace {
bool Counts(const std::string& status) {
    const auto s = DolyamiOrderStatusFromString(status);
    return s && CountsTowardsTurnover(*s);
}

// Whether the moment falls in the month by UTC calendar (the slip to look for).
bool InUtcMonth(Month month, std::int64_t unix) {
    const std::int64_t days = unix >= 0 ? unix / 86400 : -((-unix + 86399) / 86400);
    const auto date = CivilFromDays(days);
    return date.year == month.year && static_cast<int>(date.month) == month.month;
}

bool DateInMonth(Month month, const std::string& date) { return date.size() >= 7 && date.substr(0, 7) == ToString(month); }
} // namespace

CommissionInvoice ComputeCommissionFromRegisters(Month month, int rateBp, const std::vector<SettlementRegister>& registers,
                                                 const std::vector<SettlementTransaction>& transactions) {
    CommissionInvoice inv;
    inv.month = month;
    inv.rate_bp = rateBp;
    for (const auto& t : transactions) {
        if (Counts(t.status) && InMonth(month, t.purchased_at)) inv.turnover_kop += t.amount_kop;
    }
    for (const auto& r : registers) {
        if (DateInMonth(month, r.business_date)) inv.refunds_kop += r.refunds_kop;
    }
    inv.base_kop = inv.turnover_kop - inv.refunds_kop;
    inv.commission_kop = ApplyBasisPoints(inv.base_kop, rateBp);
    inv.vat_kop = ApplyBasisPoints(inv.commission_kop, VatRateBp(month));
    inv.total_kop = inv.commission_kop + inv.vat_kop;
    return inv;
}

std::vector<EdgePurchase> PurchasesNearMonthEdges(Month month, const std::vector<SettlementTransaction>& transactions) {
    constexpr std::int64_t kDay = 86400;
    // The month's first moment is where InMonth turns true; find both edges from the purchases' own side.
    const Month next = month.month == 12 ? Month{month.year + 1, 1} : Month{month.year, month.month + 1};
    std::vector<EdgePurchase> out;
    for (const auto& t : transactions) {
        if (!Counts(t.status)) continue;
        const bool inside = InMonth(month, t.purchased_at);
        const bool nearStart = inside != InMonth(month, t.purchased_at - kDay) || inside != InMonth(month, t.purchased_at + kDay);
        const bool nearNext = InMonth(next, t.purchased_at + kDay) && !InMonth(next, t.purchased_at);
        if (nearStart || nearNext) {
            out.push_back({t.order_id, t.purchased_at, t.amount_kop, inside, inside != InUtcMonth(month, t.purchased_at)});
        }
    }
    std::stable_partition(out.begin(), out.end(), [](const EdgePurchase& e) { return e.utc_disagrees; });
    return out;
}

} // namespace kpd::domain
