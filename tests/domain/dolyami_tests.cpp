#include "domain/commission_check.h"
#include "domain/dolyami.h"

#include <boost/test/unit_test.hpp>

using namespace kpd::domain;

namespace {
// 2026-10-15 12:00 Moscow, and the edges of October 2026 in Moscow time.
constexpr std::int64_t kMidOctober = 1'792'054'800;
constexpr std::int64_t kOctoberStart = 1'790'802'000; // 2026-10-01T00:00+03:00
constexpr std::int64_t kNovemberStart = 1'793'480'400; // 2026-11-01T00:00+03:00

} // namespace

BOOST_AUTO_TEST_SUITE(dolyami)

BOOST_AUTO_TEST_CASE(four_quarters_every_two_weeks_summing_to_the_price) {
    const auto s = PaymentSchedule(100'001);
    BOOST_TEST(s[0].amount_kop == 25'001);
    BOOST_TEST(s[1].amount_kop == 25'000);
    BOOST_TEST(s[3].day_offset == 42);
    Kopecks sum = 0;
    for (const auto& part : s) sum += part.amount_kop;
    BOOST_TEST(sum == 100'001);
    BOOST_TEST(PaymentSchedule(3)[0].amount_kop == 3);
}

BOOST_AUTO_TEST_CASE(months_are_moscow_calendar_months) {
    const Month oct{2026, 10};
    BOOST_TEST(InMonth(oct, kOctoberStart));
    BOOST_TEST(!InMonth(oct, kOctoberStart - 1));      // 30 September 23:59:59 in Moscow
    BOOST_TEST(InMonth(oct, kNovemberStart - 1));
    BOOST_TEST(!InMonth(oct, kNovemberStart));
    BOOST_TEST((ParseMonth("2026-10") == oct));
    BOOST_TEST(!ParseMonth("2026-13"));
    BOOST_TEST(!ParseMonth("2026-1"));
    BOOST_TEST(ToString(Month{2026, 3}) == "2026-03");
    BOOST_TEST(VatRateBp(Month{2025, 12}) == 2000);
    BOOST_TEST(VatRateBp(Month{2026, 1}) == 2200);
}

BOOST_AUTO_TEST_CASE(basis_points_round_half_away_from_zero_exactly) {
    BOOST_TEST(ApplyBasisPoints(10'000, 350) == 350);
    BOOST_TEST(ApplyBasisPoints(1, 5000) == 1);   // 0.5 → 1
    BOOST_TEST(ApplyBasisPoints(1, 4999) == 0);
    BOOST_TEST(ApplyBasisPoints(-1, 5000) == -1);
    // A chain's year of turnover does not overflow on the way.
    BOOST_TEST(ApplyBasisPoints(9'000'000'000'000'000, 10'000) == 9'000'000'000'000'000);
}

BOOST_AUTO_TEST_CASE(the_commission_counts_committed_purchases_of_the_month_net_of_the_months_refunds) {
    // Refunds count in the month their register falls in, whenever the
    // purchase was: the 300 ₽ refund of a September purchase is October's.
    const std::vector<SettlementTransaction> txs{
        {"D-1", "store-1", kMidOctober, 1'000'000, 250'000, "committed", 0, {}},
        {"D-2", "store-1", kMidOctober, 200'000, 50'000, "canceled", 0, {}},
        {"D-3", "store-1", kMidOctober, 50'000, 12'500, "completed", 15'000, {}},
        {"D-4", "store-1", kOctoberStart - 10 * 86400, 30'000, 7'500, "committed", 30'000, {}},
        {"D-5", "store-1", kNovemberStart, 70'000, 17'500, "committed", 0, {}},
    };
    SettlementRegister oct15, oct16, nov2;
    oct15.business_date = "2026-10-15";
    oct15.refunds_kop = 30'000;
    oct16.business_date = "2026-10-16";
    oct16.refunds_kop = 10'000; // D-3's processed part; its pending 50 ₽ is on no register yet
    nov2.business_date = "2026-11-02";
    nov2.refunds_kop = 5'000;
    const auto inv = ComputeCommissionFromRegisters(Month{2026, 10}, 350, {oct15, oct16, nov2}, txs);
    BOOST_TEST(inv.turnover_kop == 1'050'000);
    BOOST_TEST(inv.refunds_kop == 40'000);
    BOOST_TEST(inv.base_kop == 1'010'000);
    BOOST_TEST(inv.rate_bp == 350);
    BOOST_TEST(inv.commission_kop == 35'350); // 3.5 %
    BOOST_TEST(inv.vat_kop == 7'777);         // 22 % of 353.50 ₽ = 77.77 ₽
    BOOST_TEST(inv.total_kop == 43'127);

    auto invoiced = inv;
    invoiced.vat_kop = 7'070; // the old 20 %
    invoiced.total_kop = 42'420;
    const auto diff = CompareInvoices(invoiced, inv);
    BOOST_TEST_REQUIRE(diff.size() == 2u);
    BOOST_TEST(diff[0].field == "vat_kop");
    BOOST_TEST(diff[0].invoiced - diff[0].computed == -707);
    BOOST_TEST(diff[1].field == "total_kop");

    // December 2025 still pays 20 % VAT on the same base.
    const auto dec = ComputeCommissionFromRegisters(Month{2025, 12}, 350, {}, {});
    BOOST_TEST(dec.vat_kop == 0);
    BOOST_TEST(VatRateBp(dec.month) == 2000);
}

BOOST_AUTO_TEST_CASE(order_status_names_are_dolyamis) {
    BOOST_TEST(ToString(DolyamiOrderStatus::WaitForCommit) == "wait_for_commit");
    BOOST_TEST((DolyamiOrderStatusFromString("completed") == DolyamiOrderStatus::Completed));
    BOOST_TEST(!DolyamiOrderStatusFromString("done"));
    BOOST_TEST(!CountsTowardsTurnover(DolyamiOrderStatus::Rejected));
    BOOST_TEST(!CountsTowardsTurnover(DolyamiOrderStatus::Approved)); // approved but never committed: no sale yet
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(commission_from_registers)

BOOST_AUTO_TEST_CASE(turnover_from_purchases_refunds_from_registers_and_the_edges_listed) {
    // 2026-10-31 23:30 Moscow is October either way; 2026-11-01 01:30 Moscow is
    // November in Moscow but 31 October 22:30 in UTC: the slip a UTC month makes.
    const std::int64_t lateOctober = 1'793'478'600;  // 2026-10-31T23:30+03:00
    const std::int64_t earlyNovember = 1'793'485'800; // 2026-11-01T01:30+03:00
    const std::vector<SettlementTransaction> txs{
        {"A", "s", 1'792'054'800, 100'000, 25'000, "committed", 0, {}},
        {"B", "s", lateOctober, 50'000, 12'500, "completed", 0, {}},
        {"C", "s", earlyNovember, 70'000, 17'500, "committed", 0, {}},
        {"D", "s", 1'792'054'800, 90'000, 22'500, "canceled", 0, {}},
    };
    SettlementRegister oct15, nov1;
    oct15.business_date = "2026-10-15";
    oct15.refunds_kop = 10'000;
    nov1.business_date = "2026-11-01";
    nov1.refunds_kop = 5'000;
    const auto inv = ComputeCommissionFromRegisters(Month{2026, 10}, 350, {oct15, nov1}, txs);
    BOOST_TEST(inv.turnover_kop == 150'000);
    BOOST_TEST(inv.refunds_kop == 10'000);
    BOOST_TEST(inv.commission_kop == 4'900);
    BOOST_TEST(inv.vat_kop == 1'078);

    const auto edges = PurchasesNearMonthEdges(Month{2026, 10}, txs);
    BOOST_TEST_REQUIRE(edges.size() == 2u);
    // C first: by UTC it is still October, the slip an invoice filed by UTC makes.
    BOOST_TEST(edges[0].order_id == "C");
    BOOST_TEST(!edges[0].inside);
    BOOST_TEST(edges[0].utc_disagrees);
    BOOST_TEST(edges[1].order_id == "B");
    BOOST_TEST(edges[1].inside);
    BOOST_TEST(!edges[1].utc_disagrees);
}

BOOST_AUTO_TEST_SUITE_END()
