// A generated 100,000-row register with discrepancies planted at random; the
// expected count of every class is tallied while planting, independently of
// the engine, and must come out exactly.
#include "services/reconciliation_engine.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <random>

using namespace kpd::services;
using kpd::domain::ReconClass;

namespace {
struct PartnerLine {
    std::string id, store;
    std::int64_t at, amount, refunded;
};

struct Planted {
    SaleTable platform, partner;
    std::array<std::int64_t, kpd::domain::kReconClassCount> expected{};
};

Planted Plant(std::size_t rows, std::uint64_t seed) {
    Planted out;
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<int> percent(0, 999);
    std::vector<PartnerLine> partner;
    const auto expect = [&](ReconClass c) { ++out.expected[static_cast<std::size_t>(c)]; };
    const std::int64_t start = 1'790'000'000;
    for (std::size_t i = 0; i < rows; ++i) {
        const std::string id = "D" + std::to_string(1'000'000 + i);
        const std::string store = "store-" + std::to_string(i % 37);
        const std::int64_t at = start + static_cast<std::int64_t>(i) * 7;
        const std::int64_t amount = 100'000 + static_cast<std::int64_t>(i); // unique: attribute matches are exact
        const std::int64_t refunded = (i % 50 == 0) ? amount / 4 : 0;
        out.platform.Add(id, store, at, amount, refunded, static_cast<std::int64_t>(i) + 2);
        const int roll = percent(rng);
        if (roll < 20) {
            expect(ReconClass::MissingAtPartner);
        } else if (roll < 40) {
            partner.push_back({id, store, at, amount + 100, refunded});
            expect(ReconClass::AmountMismatch);
        } else if (roll < 50) {
            partner.push_back({id, store, at, amount, refunded + 1});
            expect(ReconClass::RefundMismatch);
        } else if (roll < 60) {
            partner.push_back({id, store, at + 3600, amount, refunded});
            expect(ReconClass::DateOutsideTolerance);
        } else if (roll < 70) {
            partner.push_back({id, store, at, amount, refunded});
            partner.push_back({id, store, at + 5, amount, refunded});
            expect(ReconClass::Matched);
            expect(ReconClass::Duplicate);
        } else if (roll < 80) {
            partner.push_back({"", store, at + 120, amount, refunded}); // the till lost the order id
            expect(ReconClass::Matched);
        } else if (roll < 85) {
            out.platform.Add(id, store, at, amount, refunded, static_cast<std::int64_t>(i) + 2);
            partner.push_back({id, store, at, amount, refunded});
            expect(ReconClass::Matched);
            expect(ReconClass::Duplicate);
        } else {
            partner.push_back({id, store, at - 60, amount, refunded});
            expect(ReconClass::Matched);
        }
        if (percent(rng) < 15) {
            partner.push_back({"X" + std::to_string(i), store, at, 7, 0});
            expect(ReconClass::MissingOnPlatform);
        }
    }
    std::shuffle(partner.begin(), partner.end(), rng); // POS exports come in their own order
    for (std::size_t i = 0; i < partner.size(); ++i) {
        const auto& l = partner[i];
        out.partner.Add(l.id, l.store, l.at, l.amount, l.refunded, static_cast<std::int64_t>(i) + 2);
    }
    return out;
}
} // namespace

BOOST_AUTO_TEST_SUITE(generated_reconciliation)

BOOST_AUTO_TEST_CASE(planted_discrepancies_are_found_exactly) {
    const auto planted = Plant(100'000, 20261129);
    const auto r = Reconcile(planted.platform, planted.partner);
    for (std::size_t c = 0; c < kpd::domain::kReconClassCount; ++c) {
        BOOST_TEST(r.totals[c].rows == planted.expected[c], ToString(static_cast<ReconClass>(c)));
    }
    const auto platformRefs = std::count_if(r.rows.begin(), r.rows.end(), [](auto& x) { return x.platform != kNoRow; });
    const auto partnerRefs = std::count_if(r.rows.begin(), r.rows.end(), [](auto& x) { return x.partner != kNoRow; });
    BOOST_TEST(static_cast<std::size_t>(platformRefs) == planted.platform.Size());
    BOOST_TEST(static_cast<std::size_t>(partnerRefs) == planted.partner.Size());
    std::int64_t platformKop = 0;
    for (std::size_t i = 0; i < planted.platform.Size(); ++i) {
        platformKop += planted.platform.Amount(i);
    }
    std::int64_t summed = 0;
    for (const auto& t : r.totals) {
        summed += t.platform_kop;
    }
    BOOST_TEST(summed == platformKop); // every platform kopeck lands in exactly one class
}

BOOST_AUTO_TEST_CASE(forced_hash_collisions_change_nothing) {
    const auto planted = Plant(20'000, 7);
    ReconOptions colliding;
    colliding.hash_bits = 10;
    BOOST_TEST(Reconcile(planted.platform, planted.partner, colliding).totals ==
               Reconcile(planted.platform, planted.partner).totals);
}

BOOST_AUTO_TEST_SUITE_END()
