#include "sandbox/settlement_seed.h"

#include "domain/dolyami_simulation.h"
#include "sandbox/settlement_repository.h"

#include <map>
#include <stdexcept>

namespace kpd::sandbox {

namespace {
constexpr std::int64_t kDay = 86400;
constexpr std::int64_t kMoscow = 3 * 3600;

struct DemoUserIds {
    std::int64_t finance = 0, manager = 0;
};

std::int64_t UserIdOf(soci::session& db, std::int64_t partnerId, const std::string& login) {
    std::int64_t id = 0;
    db << "SELECT user_id FROM users WHERE partner_id = :p AND login = :l", soci::into(id), soci::use(partnerId, "p"),
        soci::use(login, "l");
    if (!db.got_data()) {
        throw std::logic_error("the settlement seed needs the demo user " + login);
    }
    return id;
}

// The month of a moment as the platform files it: Moscow time, or (for the
// planted slip) UTC.
domain::Month MonthOf(std::int64_t unix, std::int64_t offsetSeconds) {
    const std::chrono::year_month_day d{std::chrono::sys_days{std::chrono::days{(unix + offsetSeconds) / kDay}}};
    return {static_cast<int>(d.year()), static_cast<int>(static_cast<unsigned>(d.month()))};
}

// The platform's running totals per month, kept twice: by Moscow months and by UTC months.
struct MonthTotals {
    domain::Kopecks turnover = 0, refunds = 0;
};
using Ledger = std::map<std::pair<int, int>, MonthTotals>;

void Book(Ledger& ledger, std::int64_t offset, const domain::SimulatedPurchase& p) {
    const auto& o = p.order;
    if (domain::CountsTowardsTurnover(o.status)) {
        const auto m = MonthOf(o.purchased_at, offset);
        ledger[{m.year, m.month}].turnover += o.amount_kop;
    }
    for (const auto& r : o.refunds) {
        if (r.status == domain::RefundStatus::Processed) {
            const auto m = MonthOf(r.created_at, offset);
            ledger[{m.year, m.month}].refunds += r.amount_kop;
        }
    }
}

} // namespace

domain::CommissionInvoice CommissionInvoiceOf(domain::Month month, domain::Kopecks turnover, domain::Kopecks refunds,
                                              int rateBp) {
    domain::CommissionInvoice i;
    i.month = month;
    i.turnover_kop = turnover;
    i.refunds_kop = refunds;
    i.base_kop = turnover - refunds;
    i.rate_bp = rateBp;
    i.commission_kop = domain::ApplyBasisPoints(i.base_kop, i.rate_bp);
    i.vat_kop = domain::ApplyBasisPoints(i.commission_kop, domain::VatRateBp(month));
    i.total_kop = i.commission_kop + i.vat_kop;
    return i;
}

RegisterRows RegisterRowsOf(const domain::SimulatedRegister& day, domain::Kopecks threshold) {
    RegisterRows rows;
    auto& reg = rows.reg;
    reg.business_date = day.business_date;
    reg.count = static_cast<std::int64_t>(day.purchases.size());
    reg.turnover_kop = day.turnover_kop;
    reg.refunds_kop = day.refunds_kop;
    reg.payout_kop = day.payout_kop;
    reg.payout_date = day.payout_date;
    reg.needs_second_approval = reg.payout_kop > threshold;
    reg.status = domain::RegisterStatus::PendingReview;
    rows.transactions.reserve(day.purchases.size());
    for (const auto& p : day.purchases) {
        domain::SettlementTransaction t;
        t.order_id = p.order.order_id;
        t.store_id = p.order.store_id;
        t.purchased_at = p.order.purchased_at;
        t.amount_kop = p.order.amount_kop;
        t.prepaid_kop = domain::PaymentSchedule(p.order.amount_kop)[0].amount_kop;
        t.status = std::string(ToString(p.order.status));
        t.refunded_kop = p.refunded_kop;
        if (!p.order.refunds.empty()) {
            t.refund_status = p.order.refunds.back().status == domain::RefundStatus::Processed ? "processed" : "pending";
        }
        rows.transactions.push_back(std::move(t));
    }
    return rows;
}

int SeedDemoSettlements(soci::session& db, const SettlementSeedSpec& spec) {
    const std::int64_t now = spec.now.time_since_epoch().count();
    const DemoUserIds users{UserIdOf(db, spec.partner_id, "finance"), UserIdOf(db, spec.partner_id, "finance.manager")};
    // A register above the average day's payout needs four eyes: the busier
    // weekend days do, ordinary weekdays do not (7,000 ₽ is about the average purchase).
    const domain::Kopecks threshold = spec.transactions / spec.days * 700'000;
    SaveFinanceSettings(db, spec.partner_id, {threshold, kDemoCommissionRateBp});

    domain::SimulationSpec sim;
    sim.seed = 20261129;
    const std::int64_t today = ((now + kMoscow) / kDay) * kDay - kMoscow; // 00:00 Moscow today
    sim.first_day = today - spec.days * kDay;
    sim.days = spec.days;
    sim.transactions = spec.transactions;
    sim.now = now;

    Ledger moscow, utc;
    int index = 0;
    if (!spec.calendar) throw std::logic_error("the settlement seed needs the business calendar");
    domain::SimulateRegisters(sim, *spec.calendar, [&](domain::SimulatedRegister&& s) {
        const int age = spec.days - index++; // days before today
        auto rows = RegisterRowsOf(s, threshold);
        auto& reg = rows.reg;
        reg.status = age > 7 ? domain::RegisterStatus::Approved : domain::RegisterStatus::PendingReview;
        if (age == 10) reg.status = domain::RegisterStatus::Disputed;
        const std::int64_t id = InsertRegister(db, spec.partner_id, reg);
        for (const auto& p : s.purchases) {
            Book(moscow, kMoscow, p);
            Book(utc, 0, p);
        }
        const auto& txs = rows.transactions;
        InsertTransactions(db, spec.partner_id, id, 1, txs);

        // Approved the morning after the register day, as finance staff do.
        const std::string approvedAt =
            domain::FormatRfc3339(domain::Instant{std::chrono::seconds{sim.first_day + (index) * kDay + 10 * 3600}});
        if (reg.status == domain::RegisterStatus::Approved) {
            AddApproval(db, spec.partner_id, id, {users.finance, "finance", approvedAt, "Сверено с кассой"});
            if (reg.needs_second_approval) {
                const std::string later = domain::FormatRfc3339(
                    domain::Instant{std::chrono::seconds{sim.first_day + index * kDay + 12 * 3600}});
                AddApproval(db, spec.partner_id, id, {users.manager, "finance.manager", later, "Согласовано"});
            }
        } else if (reg.status == domain::RegisterStatus::Disputed && !txs.empty()) {
            AddDispute(db, spec.partner_id, id, users.finance,
                       {"Заказ пробит дважды на кассе, в реестре сумма больше чека", {txs.front().order_id}},
                       approvedAt);
        }
    });

    // Every month that has ended gets its invoice; the newest of them carries the UTC slip.
    const domain::Month current = MonthOf(now, kMoscow);
    std::vector<domain::Month> ended;
    for (const auto& [key, totals] : moscow) {
        const domain::Month m{key.first, key.second};
        if (m.year * 12 + m.month < current.year * 12 + current.month) ended.push_back(m);
    }
    for (std::size_t i = 0; i < ended.size(); ++i) {
        const auto& m = ended[i];
        const bool slipped = i + 1 == ended.size();
        const auto& totals = slipped ? utc[{m.year, m.month}] : moscow[{m.year, m.month}];
        SaveInvoice(db, spec.partner_id,
                    {CommissionInvoiceOf(m, totals.turnover, totals.refunds, kDemoCommissionRateBp),
                     i + 2 < ended.size() ? "accepted" : "issued"});
    }
    return index;
}

} // namespace kpd::sandbox
