#include "domain/cashback_rules.h"
#include "domain/cashback_sample.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>

using namespace kpd::domain;

namespace {
bool HasProblemAt(const Problems& problems, const std::string& field, const std::string& code) {
    return std::any_of(problems.begin(), problems.end(),
                       [&](const Problem& p) { return p.field == field && p.code == code; });
}

std::string Dump(const Problems& problems) {
    std::string out;
    for (const auto& p : problems) {
        out += p.field + " " + p.code + "; ";
    }
    return out;
}
} // namespace

BOOST_AUTO_TEST_SUITE(cashback_rules)

BOOST_AUTO_TEST_CASE(the_sample_flight_keeps_every_rule) {
    const auto problems = ValidateFlight(SampleFlight());
    BOOST_TEST(problems.empty(), Dump(problems));
}

BOOST_AUTO_TEST_CASE(brand_and_title_are_required_and_lengths_count_characters_not_bytes) {
    auto f = SampleFlight();
    f.offer.brand.clear();
    f.offer.title.clear();
    auto problems = ValidateFlight(f);
    BOOST_TEST(HasProblemAt(problems, "/offer/brand", "required"), Dump(problems));
    BOOST_TEST(HasProblemAt(problems, "/offer/title", "required"), Dump(problems));
    BOOST_TEST(problems.size() == 2u, Dump(problems));

    f = SampleFlight();
    std::string title;
    for (int i = 0; i < 60; ++i) {
        title += "ж"; // 60 characters, 120 bytes: allowed
    }
    f.offer.title = title;
    f.offer.description = std::string(500, 'x');
    BOOST_TEST(ValidateFlight(f).empty(), Dump(ValidateFlight(f)));
    f.offer.title += "ж";
    f.offer.description += "ё";
    problems = ValidateFlight(f);
    BOOST_TEST(HasProblemAt(problems, "/offer/title", "too_long"), Dump(problems));
    BOOST_TEST(HasProblemAt(problems, "/offer/description", "too_long"), Dump(problems));
    BOOST_TEST(problems.size() == 2u, Dump(problems));
}

BOOST_AUTO_TEST_CASE(a_flight_must_say_what_it_matches_and_no_entry_may_be_empty) {
    auto f = SampleFlight();
    f.match = {};
    auto problems = ValidateFlight(f);
    BOOST_TEST(HasProblemAt(problems, "/match", "required"), Dump(problems));
    f.match.keywords = {"кефир", ""};
    f.match.categories = {""};
    f.targeting.regions = {"RU-MOW", ""};
    f.targeting.loyalty_cards = {""};
    problems = ValidateFlight(f);
    BOOST_TEST(!HasProblemAt(problems, "/match", "required"), Dump(problems));
    BOOST_TEST(HasProblemAt(problems, "/match/keywords/1", "required"), Dump(problems));
    BOOST_TEST(HasProblemAt(problems, "/match/categories/0", "required"), Dump(problems));
    BOOST_TEST(HasProblemAt(problems, "/targeting/regions/1", "required"), Dump(problems));
    BOOST_TEST(HasProblemAt(problems, "/targeting/loyalty_cards/0", "required"), Dump(problems));
    BOOST_TEST(problems.size() == 4u, Dump(problems));
    f = SampleFlight();
    f.match = {{"4600000000001"}, {}, {}}; // a SKU alone is enough
    BOOST_TEST(ValidateFlight(f).empty());
}

BOOST_AUTO_TEST_CASE(cashback_is_exactly_one_of_a_percentage_and_a_fixed_amount_in_range) {
    auto f = SampleFlight();
    f.cashback = {};
    BOOST_TEST(HasProblemAt(ValidateFlight(f), "/cashback", "one_of"));
    f.cashback = {500, 5000};
    BOOST_TEST(HasProblemAt(ValidateFlight(f), "/cashback", "one_of"));
    for (std::int64_t bp : {1, 10'000}) {
        f.cashback = {bp, std::nullopt};
        BOOST_TEST(ValidateFlight(f).empty(), bp);
    }
    for (std::int64_t bp : {0, -5, 10'001}) {
        f.cashback = {bp, std::nullopt};
        const auto problems = ValidateFlight(f);
        BOOST_TEST(HasProblemAt(problems, "/cashback/percent_bp", "out_of_range"), bp);
        BOOST_TEST(problems.size() == 1u, Dump(problems));
    }
    f.cashback = {std::nullopt, 1};
    BOOST_TEST(ValidateFlight(f).empty());
    f.cashback = {std::nullopt, 0};
    BOOST_TEST(HasProblemAt(ValidateFlight(f), "/cashback/fixed_kop", "out_of_range"));
}

BOOST_AUTO_TEST_CASE(money_must_be_above_zero_and_the_flight_must_not_end_before_it_starts) {
    auto f = SampleFlight();
    f.budget_kop = 0;
    f.cap_per_receipt_kop = -1;
    f.starts_on = {2026, 12, 10};
    f.ends_on = {2026, 12, 9};
    auto problems = ValidateFlight(f);
    BOOST_TEST(HasProblemAt(problems, "/budget_kop", "out_of_range"), Dump(problems));
    BOOST_TEST(HasProblemAt(problems, "/cap_per_receipt_kop", "out_of_range"), Dump(problems));
    BOOST_TEST(HasProblemAt(problems, "/ends_on", "before_start"), Dump(problems));
    BOOST_TEST(problems.size() == 3u, Dump(problems));
    f = SampleFlight();
    f.budget_kop = -100;
    BOOST_TEST(HasProblemAt(ValidateFlight(f), "/budget_kop", "out_of_range"));
    f = SampleFlight();
    f.ends_on = f.starts_on; // a one-day flight
    BOOST_TEST(ValidateFlight(f).empty());
}

BOOST_AUTO_TEST_SUITE_END()
