#include "domain/dolyami_simulation.h"
#include "domain/shipped_calendar.h"

#include <boost/test/unit_test.hpp>

#include <set>

using namespace kpd::domain;

namespace {
constexpr std::int64_t kAugust1 = 1'785'531'600; // 2026-08-01T00:00+03:00 (a Saturday)

SimulationSpec Spec(std::int64_t transactions) {
    SimulationSpec s;
    s.seed = 7;
    s.first_day = kAugust1;
    s.days = 92;
    s.transactions = transactions;
    s.now = kAugust1 + 92 * 86400 + 12 * 3600;
    return s;
}
} // namespace

BOOST_AUTO_TEST_SUITE(dolyami_simulation)

BOOST_AUTO_TEST_CASE(registers_add_up_to_the_requested_volume_and_their_own_totals) {
    std::int64_t purchases = 0, days = 0, refunds = 0, refundedOnOrders = 0;
    std::set<std::string> ids;
    std::string lastDate;
    SimulateRegisters(Spec(20'000), kpd::test::ShippedCalendar(), [&](SimulatedRegister&& r) {
        ++days;
        BOOST_TEST(r.business_date > lastDate);
        lastDate = r.business_date;
        Kopecks turnover = 0;
        for (const auto& p : r.purchases) {
            turnover += p.order.amount_kop;
            BOOST_TEST(MoscowDate(p.order.purchased_at - (p.order.purchased_at + 3 * 3600) % 86400) == r.business_date);
            BOOST_TEST(p.refunded_kop <= p.order.amount_kop);
            refundedOnOrders += p.refunded_kop;
            ids.insert(p.order.order_id);
        }
        BOOST_TEST(turnover == r.turnover_kop);
        BOOST_TEST(r.payout_kop == r.turnover_kop - r.refunds_kop);
        BOOST_TEST(r.payout_date > r.business_date);
        purchases += static_cast<std::int64_t>(r.purchases.size());
        refunds += r.refunds_kop;
    });
    BOOST_TEST(days == 92);
    BOOST_TEST(purchases == 20'000);
    BOOST_TEST(ids.size() == 20'000u);
    BOOST_TEST(refunds == refundedOnOrders); // every processed refund lands on exactly one register
    BOOST_TEST(refunds > 0);
    BOOST_TEST(lastDate == "2026-10-31");
}

BOOST_AUTO_TEST_CASE(the_same_seed_gives_the_same_registers) {
    std::vector<Kopecks> a, b;
    SimulateRegisters(Spec(5'000), kpd::test::ShippedCalendar(), [&](SimulatedRegister&& r) { a.push_back(r.payout_kop); });
    SimulateRegisters(Spec(5'000), kpd::test::ShippedCalendar(), [&](SimulatedRegister&& r) { b.push_back(r.payout_kop); });
    BOOST_TEST(a == b);
    auto other = Spec(5'000);
    other.seed = 8;
    std::vector<Kopecks> c;
    SimulateRegisters(other, kpd::test::ShippedCalendar(), [&](SimulatedRegister&& r) { c.push_back(r.payout_kop); });
    BOOST_TEST(a != c);
}

BOOST_AUTO_TEST_CASE(payouts_fall_on_the_next_business_day_of_the_production_calendar) {
    // Friday 2026-10-30 pays on Monday 2026-11-02; Tuesday 2026-11-03 pays on Thursday (4 November is a holiday).
    SimulationSpec s = Spec(100);
    s.first_day = 1'793'307'600; // 2026-10-30T00:00+03:00
    s.days = 5;
    std::vector<std::pair<std::string, std::string>> dates;
    const auto collect = [&](SimulatedRegister&& r) { dates.emplace_back(r.business_date, r.payout_date); };
    SimulateRegisters(s, kpd::test::ShippedCalendar(), collect);
    BOOST_TEST_REQUIRE(dates.size() == 5u);
    BOOST_TEST(dates[0].first == "2026-10-30");
    BOOST_TEST(dates[0].second == "2026-11-02");
    BOOST_TEST(dates[4].first == "2026-11-03");
    BOOST_TEST(dates[4].second == "2026-11-05");

    // Days the decree moved: 31 Dec 2026 is off (from 4 January), so the
    // register of Wednesday 30 Dec pays after the New Year holidays, on
    // Monday 11 Jan 2027; in January 2026, 9 Jan was off (from 3 January).
    dates.clear();
    s.first_day = 1'798'578'000; // 2026-12-30T00:00+03:00
    s.days = 1;
    SimulateRegisters(s, kpd::test::ShippedCalendar(), collect);
    BOOST_TEST_REQUIRE(dates.size() == 1u);
    BOOST_TEST(dates[0].first == "2026-12-30");
    BOOST_TEST(dates[0].second == "2027-01-11");
    dates.clear();
    s.first_day = 1'767'819'600; // 2026-01-08T00:00+03:00
    SimulateRegisters(s, kpd::test::ShippedCalendar(), collect);
    BOOST_TEST_REQUIRE(dates.size() == 1u);
    BOOST_TEST(dates[0].second == "2026-01-12");
}

BOOST_AUTO_TEST_CASE(a_payout_in_a_year_without_calendar_data_is_an_error) {
    SimulationSpec s = Spec(10);
    s.first_day = 1'767'819'600; // 2026-01-08T00:00+03:00
    s.days = 1;
    BusinessCalendar only2025;
    only2025.AddYear(BusinessCalendar::ProvisionalYear(2025));
    BOOST_CHECK_EXCEPTION(SimulateRegisters(s, only2025, [](SimulatedRegister&&) {}), std::runtime_error,
                          [](const std::runtime_error& e) {
                              return std::string(e.what()).find("2026") != std::string::npos;
                          });
}

BOOST_AUTO_TEST_SUITE_END()
