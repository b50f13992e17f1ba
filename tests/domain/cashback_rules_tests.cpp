#include "domain/cashback_rules.h"
#include "domain/cashback_sample.h"

#include "support/problem_checks.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>

using namespace kpd::domain;
using kpd::test::HasProblemAt;
using kpd::test::Dump;

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

namespace {
// 2026 as decree No. 1466 of 24.09.2025 makes its last weeks (31 December a
// day off moved from Sunday 4 January), 2027 as the Labour Code alone makes it.
// Written here by hand, independently of resources/calendar/ru.txt.
BusinessCalendar TwoYears() {
    auto parsed = BusinessCalendar::Parse("year 2026 official decree 1466 2025-09-24\n"
                                          "off 2026-11-04 Unity Day\n"
                                          "off 2026-12-31 moved from Sunday 4 January\n");
    BOOST_REQUIRE(parsed.calendar.has_value());
    auto calendar = std::move(*parsed.calendar);
    calendar.AddYear(BusinessCalendar::ProvisionalYear(2027));
    return calendar;
}
} // namespace

BOOST_AUTO_TEST_SUITE(cashback_start_date)

BOOST_AUTO_TEST_CASE(the_earliest_start_is_five_business_days_after_submission) {
    const auto calendar = TwoYears();
    BOOST_TEST((EarliestStart(calendar, {2026, 11, 23}).Value() == CivilDate{2026, 11, 30})); // Monday → Monday
    BOOST_TEST((EarliestStart(calendar, {2026, 11, 28}).Value() == CivilDate{2026, 12, 4}));  // Saturday → Friday
    // Across Unity Day, Wednesday 4 November: Monday 2 → Tuesday 10.
    BOOST_TEST((EarliestStart(calendar, {2026, 11, 2}).Value() == CivilDate{2026, 11, 10}));
    BOOST_TEST(CheckStartDate(calendar, {2026, 11, 23}, {2026, 11, 30}).empty());
    BOOST_TEST(CheckStartDate(calendar, {2026, 11, 23}, {2026, 12, 31}).empty());
    const auto early = CheckStartDate(calendar, {2026, 11, 23}, {2026, 11, 27});
    BOOST_TEST_REQUIRE(early.size() == 1u);
    BOOST_TEST(early[0].field == "/starts_on");
    BOOST_TEST(early[0].code == "starts_too_early");
    BOOST_TEST(early[0].message.find("2026-11-30") != std::string::npos, early[0].message);
}

BOOST_AUTO_TEST_CASE(a_friday_before_the_new_year_holidays_cannot_start_five_calendar_days_later) {
    const auto calendar = TwoYears();
    // Friday 25 December 2026: 28, 29, 30 December, then 31 December and 1–10
    // January are off; 11 and 12 January 2027 are the 4th and 5th business days.
    const auto problems = CheckStartDate(calendar, {2026, 12, 25}, {2026, 12, 30});
    BOOST_TEST_REQUIRE(problems.size() == 1u);
    BOOST_TEST(problems[0].code == "starts_too_early");
    BOOST_TEST(problems[0].message.find("2027-01-12") != std::string::npos, problems[0].message);
    BOOST_TEST((EarliestStart(calendar, {2026, 12, 25}).Value() == CivilDate{2027, 1, 12}));
    BOOST_TEST(!CheckStartDate(calendar, {2026, 12, 25}, {2027, 1, 11}).empty());
    BOOST_TEST(CheckStartDate(calendar, {2026, 12, 25}, {2027, 1, 12}).empty());
}

BOOST_AUTO_TEST_CASE(a_year_without_data_is_an_error_never_a_guess) {
    const auto calendar = TwoYears();
    const auto earliest = EarliestStart(calendar, {2027, 12, 28}); // the 5th business day is in 2028
    BOOST_TEST(!earliest.Ok());
    BOOST_TEST(earliest.Error().code == "calendar_unknown");
    const auto problems = CheckStartDate(calendar, {2027, 12, 28}, {2028, 2, 1});
    BOOST_TEST_REQUIRE(problems.size() == 1u);
    BOOST_TEST(problems[0].field == "/starts_on");
    BOOST_TEST(problems[0].code == "calendar_unknown");
}

BOOST_AUTO_TEST_SUITE_END()
