// Hand-built cases, one or two rows each, for every class the engine knows.
#include "services/reconciliation_engine.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

using namespace kpd::services;
using kpd::domain::ReconClass;

namespace {
constexpr std::int64_t kNoon = 1'790'000'000; // a moment in 2026, UTC

struct Sides {
    SaleTable platform, partner;
};

const ReconRow& RowOfPlatform(const ReconResult& r, std::uint32_t p) {
    return *std::find_if(r.rows.begin(), r.rows.end(), [&](const ReconRow& x) { return x.platform == p; });
}
const ReconRow& RowOfPartner(const ReconResult& r, std::uint32_t q) {
    return *std::find_if(r.rows.begin(), r.rows.end(), [&](const ReconRow& x) { return x.partner == q; });
}

// Every row of both tables appears in exactly one result row.
void CheckCoverage(const Sides& s, const ReconResult& r) {
    std::vector<int> p(s.platform.Size()), q(s.partner.Size());
    for (const auto& row : r.rows) {
        if (row.platform != kNoRow) ++p.at(row.platform);
        if (row.partner != kNoRow) ++q.at(row.partner);
    }
    BOOST_TEST(std::all_of(p.begin(), p.end(), [](int n) { return n == 1; }));
    BOOST_TEST(std::all_of(q.begin(), q.end(), [](int n) { return n == 1; }));
}
} // namespace

BOOST_AUTO_TEST_SUITE(reconciliation_engine)

BOOST_AUTO_TEST_CASE(the_same_order_on_both_sides_is_matched) {
    Sides s;
    s.platform.Add("D-1", "store-1", kNoon, 150000, 0, 2);
    s.partner.Add("D-1", "store-1", kNoon + 60, 150000, 0, 2);
    const auto r = Reconcile(s.platform, s.partner);
    CheckCoverage(s, r);
    BOOST_TEST_REQUIRE(r.rows.size() == 1u);
    BOOST_TEST((r.rows[0].cls == ReconClass::Matched));
    BOOST_TEST(!r.rows[0].by_attributes);
    BOOST_TEST(TotalOf(r.totals, ReconClass::Matched).platform_kop == 150000);
    BOOST_TEST(TotalOf(r.totals, ReconClass::Matched).partner_kop == 150000);
}

// Ids are compared by their lengths' own paths (under 4, 4–7, 8–16 bytes
// with two overlapping words, longer): an id that differs from another in
// one byte anywhere never pairs with it, and equal ids of every length do.
BOOST_AUTO_TEST_CASE(ids_of_every_length_pair_only_with_their_equal) {
    Sides s;
    std::vector<std::string> ids;
    for (std::size_t length = 1; length <= 40; ++length) {
        std::string id(length, 'A');
        for (std::size_t i = 0; i < length; ++i) id[i] = static_cast<char>('A' + (i * 7 + length) % 26);
        ids.push_back(id);
    }
    std::uint32_t row = 0;
    for (const auto& id : ids) {
        s.platform.Add(id, "store-1", kNoon, 1000, 0, 2 + row);
        s.partner.Add(id, "store-1", kNoon, 1000, 0, 2 + row);
        ++row;
    }
    // The same ids with one byte changed, at each position in turn: none pairs.
    for (const auto& id : ids) {
        for (std::size_t at = 0; at < id.size(); ++at) {
            std::string other = id;
            other[at] = '0';
            s.partner.Add(other, "store-2", kNoon, 1000, 0, 2 + row++);
        }
    }
    const auto r = Reconcile(s.platform, s.partner);
    CheckCoverage(s, r);
    for (std::uint32_t p = 0; p < ids.size(); ++p) {
        const auto& paired = RowOfPlatform(r, p);
        BOOST_TEST((paired.cls == ReconClass::Matched));
        BOOST_TEST(paired.partner == p);
    }
    BOOST_TEST(TotalOf(r.totals, ReconClass::Matched).rows == ids.size());
    BOOST_TEST(TotalOf(r.totals, ReconClass::MissingOnPlatform).rows == s.partner.Size() - ids.size());
}

// A row's source line is kept even where lines were skipped between rows.
BOOST_AUTO_TEST_CASE(source_lines_survive_gaps_between_rows) {
    SaleTable t;
    const std::int64_t lines[] = {2, 3, 4, 9, 10, 12, 13, 14, 4000000000};
    for (const auto line : lines) t.Add("D-" + std::to_string(line), "store-1", kNoon, 100, 0, line);
    for (std::size_t row = 0; row < std::size(lines); ++row) BOOST_TEST(t.SourceLine(row) == lines[row]);
}

BOOST_AUTO_TEST_CASE(an_order_on_one_side_only_is_missing_on_the_other) {
    Sides s;
    s.platform.Add("D-1", "store-1", kNoon, 1000, 0, 2);
    s.partner.Add("D-2", "store-1", kNoon, 2000, 0, 2);
    const auto r = Reconcile(s.platform, s.partner);
    CheckCoverage(s, r);
    BOOST_TEST((RowOfPlatform(r, 0).cls == ReconClass::MissingAtPartner));
    BOOST_TEST((RowOfPartner(r, 0).cls == ReconClass::MissingOnPlatform));
    BOOST_TEST(TotalOf(r.totals, ReconClass::MissingAtPartner).platform_kop == 1000);
    BOOST_TEST(TotalOf(r.totals, ReconClass::MissingOnPlatform).partner_kop == 2000);
}

BOOST_AUTO_TEST_CASE(amounts_refunds_and_times_that_differ) {
    Sides s;
    s.platform.Add("A", "s", kNoon, 1000, 0, 2);     // amount differs
    s.partner.Add("A", "s", kNoon, 1001, 0, 2);
    s.platform.Add("R", "s", kNoon, 5000, 2000, 3);  // refund differs
    s.partner.Add("R", "s", kNoon, 5000, 0, 3);
    s.platform.Add("T", "s", kNoon, 700, 0, 4);      // 16 minutes apart
    s.partner.Add("T", "s", kNoon + 16 * 60, 700, 0, 4);
    s.platform.Add("U", "s", kNoon, 900, 300, 5);    // the POS does not say: refunds not compared
    s.partner.Add("U", "s", kNoon, 900, -1, 5);
    const auto r = Reconcile(s.platform, s.partner);
    CheckCoverage(s, r);
    BOOST_TEST((RowOfPlatform(r, 0).cls == ReconClass::AmountMismatch));
    BOOST_TEST((RowOfPlatform(r, 1).cls == ReconClass::RefundMismatch));
    BOOST_TEST((RowOfPlatform(r, 2).cls == ReconClass::DateOutsideTolerance));
    BOOST_TEST((RowOfPlatform(r, 3).cls == ReconClass::Matched));
    BOOST_TEST(TotalOf(r.totals, ReconClass::AmountMismatch).partner_kop -
                   TotalOf(r.totals, ReconClass::AmountMismatch).platform_kop ==
               1);

    ReconOptions wide;
    wide.time_tolerance_seconds = 20 * 60;
    BOOST_TEST((RowOfPlatform(Reconcile(s.platform, s.partner, wide), 2).cls == ReconClass::Matched));
}

BOOST_AUTO_TEST_CASE(a_second_row_with_the_same_id_is_a_duplicate_on_its_side) {
    Sides s;
    s.platform.Add("D-1", "s", kNoon, 1000, 0, 2);
    s.partner.Add("D-1", "s", kNoon, 1000, 0, 2);
    s.partner.Add("D-1", "s", kNoon + 5, 1000, 0, 3); // the till sent it twice
    s.platform.Add("D-2", "s", kNoon, 3000, 0, 3);
    s.platform.Add("D-2", "s", kNoon, 3000, 0, 4);
    const auto r = Reconcile(s.platform, s.partner);
    CheckCoverage(s, r);
    BOOST_TEST((RowOfPartner(r, 0).cls == ReconClass::Matched)); // the first line pairs
    BOOST_TEST((RowOfPartner(r, 1).cls == ReconClass::Duplicate));
    BOOST_TEST((RowOfPlatform(r, 1).cls == ReconClass::MissingAtPartner));
    BOOST_TEST((RowOfPlatform(r, 2).cls == ReconClass::Duplicate));
    BOOST_TEST(TotalOf(r.totals, ReconClass::Duplicate).rows == 2);
}

BOOST_AUTO_TEST_CASE(rows_without_an_order_id_match_by_store_amount_and_nearest_time) {
    Sides s;
    s.platform.Add("D-1", "store-1", kNoon, 1000, 0, 2);
    s.platform.Add("D-2", "store-1", kNoon + 600, 1000, 0, 3);
    s.platform.Add("D-3", "store-2", kNoon, 1000, 0, 4);
    s.partner.Add("", "store-1", kNoon + 590, 1000, 0, 2); // nearest is D-2
    s.partner.Add("", "store-1", kNoon + 30, 1000, 0, 3);  // then D-1
    s.partner.Add("", "store-1", kNoon, 1000, 0, 4);       // nothing left in store-1
    s.partner.Add("", "store-3", kNoon, 1000, 0, 5);       // no such store on the register
    const auto r = Reconcile(s.platform, s.partner);
    CheckCoverage(s, r);
    BOOST_TEST(RowOfPartner(r, 0).platform == 1u);
    BOOST_TEST(RowOfPartner(r, 0).by_attributes);
    BOOST_TEST((RowOfPartner(r, 0).cls == ReconClass::Matched));
    BOOST_TEST(RowOfPartner(r, 1).platform == 0u);
    BOOST_TEST((RowOfPartner(r, 2).cls == ReconClass::MissingOnPlatform));
    BOOST_TEST((RowOfPartner(r, 3).cls == ReconClass::MissingOnPlatform));
    BOOST_TEST((RowOfPlatform(r, 2).cls == ReconClass::MissingAtPartner));
}

BOOST_AUTO_TEST_CASE(different_ids_that_share_a_hash_are_still_told_apart) {
    // With a 1-bit hash every id lands in one of two runs: only comparing the
    // ids themselves can keep these orders apart.
    Sides s;
    for (int i = 0; i < 40; ++i) {
        s.platform.Add("D-" + std::to_string(i), "s", kNoon, 100 + i, 0, i + 2);
        if (i % 4 != 0) {
            s.partner.Add("D-" + std::to_string(i), "s", kNoon, 100 + i + (i % 4 == 1 ? 1 : 0), 0, i + 2);
        }
    }
    s.partner.Add("D-7", "s", kNoon, 107, 0, 99);
    ReconOptions colliding;
    colliding.hash_bits = 1;
    const auto r = Reconcile(s.platform, s.partner, colliding);
    CheckCoverage(s, r);
    BOOST_TEST(r.totals == Reconcile(s.platform, s.partner).totals);
    BOOST_TEST(TotalOf(r.totals, ReconClass::MissingAtPartner).rows == 10);
    BOOST_TEST(TotalOf(r.totals, ReconClass::AmountMismatch).rows == 10);
    BOOST_TEST(TotalOf(r.totals, ReconClass::Matched).rows == 20);
    BOOST_TEST(TotalOf(r.totals, ReconClass::Duplicate).rows == 1);
    for (const auto& row : r.rows) {
        if (row.platform != kNoRow && row.partner != kNoRow) {
            BOOST_TEST(s.platform.OrderId(row.platform) == s.partner.OrderId(row.partner));
        }
    }
}

BOOST_AUTO_TEST_CASE(a_cancelled_run_stops_and_says_so) {
    Sides s;
    for (int i = 0; i < 1000; ++i) {
        s.platform.Add("D-" + std::to_string(i), "s", kNoon, 100, 0, i + 2);
    }
    kpd::domain::CancelToken cancel;
    cancel.Cancel();
    const auto r = Reconcile(s.platform, s.partner, {}, &cancel);
    BOOST_TEST(r.cancelled);
    BOOST_TEST(r.rows.empty());
}

// Class totals are checked sums: amounts that would wrap (the engine takes
// any table; the readers cap each line at 10^13 kop) set totals_overflow in
// whichever half of the hash range they fall, never a wrapped total.
BOOST_AUTO_TEST_CASE(totals_that_would_wrap_are_flagged_not_wrapped) {
    constexpr std::int64_t kHuge = 5'000'000'000'000'000'000; // 5 × 10^18: two pass 2^63
    for (const char* second : {"M-2", "M-3", "M-4", "M-5"}) { // ids in either half
        Sides s;
        s.partner.Add("M-1", "store-1", kNoon, kHuge, 0, 2);
        s.partner.Add(second, "store-1", kNoon, kHuge, 0, 3);
        const auto r = Reconcile(s.platform, s.partner);
        BOOST_TEST(r.totals_overflow, second);
        BOOST_TEST(TotalOf(r.totals, ReconClass::MissingOnPlatform).rows == 2);
    }
    Sides fine;
    fine.partner.Add("M-1", "store-1", kNoon, kHuge, 0, 2);
    fine.partner.Add("M-2", "store-1", kNoon, -kHuge, 0, 3);
    const auto r = Reconcile(fine.platform, fine.partner);
    BOOST_TEST(!r.totals_overflow);
    BOOST_TEST(TotalOf(r.totals, ReconClass::MissingOnPlatform).partner_kop == 0);
}

BOOST_AUTO_TEST_SUITE_END()
