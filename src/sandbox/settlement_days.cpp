#include "sandbox/settlement_days.h"

#include "domain/dolyami_simulation.h"
#include "sandbox/settlement_repository.h"
#include "sandbox/settlement_seed.h"

#include <algorithm>
#include <vector>

namespace kpd::sandbox {

namespace {
constexpr std::int64_t kDay = 86400;
constexpr std::int64_t kMoscow = 3 * 3600;

// 00:00 Moscow of the day `unix` falls in, in Unix seconds.
std::int64_t MoscowDayStart(std::int64_t unix) { return ((unix + kMoscow) / kDay) * kDay - kMoscow; }

std::int64_t DayStartOf(const domain::CivilDate& d) {
    return domain::DaysFromCivil(d.year, d.month, d.day) * kDay - kMoscow;
}

std::int64_t MonthStart(const domain::Month& m) {
    return domain::DaysFromCivil(m.year, static_cast<unsigned>(m.month), 1) * kDay - kMoscow;
}

domain::Month NextMonth(const domain::Month& m) {
    return m.month == 12 ? domain::Month{m.year + 1, 1} : domain::Month{m.year, m.month + 1};
}

domain::Month MonthOfDay(std::int64_t dayStart) {
    const auto d = domain::CivilFromDays((dayStart + kMoscow) / kDay);
    return {d.year, static_cast<int>(d.month)};
}

std::vector<std::int64_t> PartnersWithSettlements(soci::session& db) {
    std::vector<std::int64_t> ids;
    std::int64_t id = 0;
    soci::statement st = (db.prepare << "SELECT partner_id FROM finance_settings ORDER BY partner_id", soci::into(id));
    st.execute();
    while (st.fetch()) ids.push_back(id);
    return ids;
}

// About as many purchases as the partner's last week of registers had a day.
std::int64_t RecentDailyCount(soci::session& db, std::int64_t partnerId) {
    long long sum = 0, days = 0;
    db << "SELECT CAST(COALESCE(SUM(tx_count), 0) AS BIGINT), COUNT(*) FROM (SELECT tx_count FROM "
          "settlement_registers WHERE partner_id = :p ORDER BY business_date DESC LIMIT 7) recent",
        soci::into(sum), soci::into(days), soci::use(partnerId, "p");
    return days == 0 ? 0 : sum / days;
}

// The month's invoice from what the sandbox holds: turnover of the counted
// purchases made in the Moscow month, refunds of the month's registers.
void IssueInvoice(soci::session& db, std::int64_t partnerId, const domain::Month& month, int rateBp) {
    const long long from = MonthStart(month), to = MonthStart(NextMonth(month));
    const std::string firstDay = domain::ToString(month) + "-01", nextFirstDay = domain::ToString(NextMonth(month)) + "-01";
    long long turnover = 0, refunds = 0;
    db << "SELECT CAST(COALESCE(SUM(amount_kop), 0) AS BIGINT) FROM settlement_transactions WHERE partner_id = :p "
          "AND purchased_at >= :a AND purchased_at < :b AND status IN ('committed', 'completed')",
        soci::into(turnover), soci::use(partnerId, "p"), soci::use(from, "a"), soci::use(to, "b");
    db << "SELECT CAST(COALESCE(SUM(refunds_kop), 0) AS BIGINT) FROM settlement_registers WHERE partner_id = :p "
          "AND business_date >= :a AND business_date < :b",
        soci::into(refunds), soci::use(partnerId, "p"), soci::use(firstDay, "a"), soci::use(nextFirstDay, "b");
    SaveInvoice(db, partnerId, {CommissionInvoiceOf(month, turnover, refunds, rateBp), "issued"});
}
} // namespace

int AddSettlementDaysPassed(soci::session& db, domain::Instant through, domain::Instant asOf,
                            const domain::BusinessCalendar& calendar) {
    const std::int64_t nowSeconds = asOf.time_since_epoch().count();
    const std::int64_t today = MoscowDayStart(std::min(through, asOf).time_since_epoch().count());
    const std::int64_t window = MoscowDayStart(nowSeconds) - kMaxSimulatedSettlementDays * kDay;
    int added = 0;
    for (const std::int64_t partnerId : PartnersWithSettlements(db)) {
        const auto settings = LoadFinanceSettings(db, partnerId);
        std::string newest;
        soci::indicator newestInd = soci::i_null;
        db << "SELECT MAX(business_date) FROM settlement_registers WHERE partner_id = :p", soci::into(newest, newestInd),
            soci::use(partnerId, "p");
        const auto newestDate = newestInd == soci::i_ok ? domain::ParseIsoDate(newest) : std::nullopt;
        if (!settings || !newestDate) continue; // nothing to continue from
        const std::int64_t perDay = std::max<std::int64_t>(RecentDailyCount(db, partnerId), 1);
        const std::int64_t firstNew = std::max(DayStartOf(*newestDate) + kDay, window);
        for (std::int64_t day = firstNew; day < today; day += kDay) {
            domain::SimulationSpec sim;
            sim.seed = 0x5E77'1E00ull + static_cast<std::uint64_t>(partnerId) * 100'003u +
                       static_cast<std::uint64_t>(day / kDay);
            const std::string date = domain::MoscowDate(day);
            sim.order_prefix = "PLK-" + date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2) + "-";
            sim.first_day = day;
            sim.days = 1;
            sim.transactions = perDay;
            sim.now = nowSeconds;
            domain::SimulateRegisters(sim, calendar, [&](domain::SimulatedRegister&& simulated) {
                auto rows = RegisterRowsOf(simulated, settings->four_eyes_threshold_kop);
                const std::int64_t id = InsertRegister(db, partnerId, rows.reg);
                InsertTransactions(db, partnerId, id, 1, rows.transactions);
                ++added;
            });
        }
        // Every month that has ended since the newest register's month gets its invoice once.
        const domain::Month current = MonthOfDay(today);
        for (domain::Month m = MonthOfDay(DayStartOf(*newestDate));
             m.year * 12 + m.month < current.year * 12 + current.month; m = NextMonth(m)) {
            if (!FindInvoice(db, partnerId, m)) IssueInvoice(db, partnerId, m, settings->commission_rate_bp);
        }
    }
    return added;
}

} // namespace kpd::sandbox
