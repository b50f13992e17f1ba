#include "domain/timestamp.h"

#include <boost/test/unit_test.hpp>

using namespace kpd::domain;
using namespace std::chrono;

BOOST_AUTO_TEST_SUITE(timestamps)

BOOST_AUTO_TEST_CASE(offsets_are_applied) {
    auto moscow = ParseRfc3339("2026-12-25T10:00:00+03:00");
    auto utc = ParseRfc3339("2026-12-25T07:00:00Z");
    BOOST_REQUIRE(moscow && utc);
    BOOST_TEST(moscow->time_since_epoch().count() == utc->time_since_epoch().count());
    BOOST_TEST(FormatRfc3339(*utc) == "2026-12-25T10:00:00+03:00");
    BOOST_TEST(FormatRfc3339(*utc, minutes{0}) == "2026-12-25T07:00:00Z");
    BOOST_TEST(FormatRfc3339(*utc, minutes{-330}) == "2026-12-25T01:30:00-05:30");
}

BOOST_AUTO_TEST_CASE(fractions_are_dropped_and_day_boundaries_hold) {
    auto t = ParseRfc3339("2026-01-01T00:30:00.123456+03:00");
    BOOST_REQUIRE(t.has_value());
    BOOST_TEST(FormatRfc3339(*t, minutes{0}) == "2025-12-31T21:30:00Z");
}

BOOST_AUTO_TEST_CASE(impossible_or_malformed_instants_are_rejected) {
    BOOST_TEST(!ParseRfc3339("2026-02-30T10:00:00+03:00").has_value());
    BOOST_TEST(!ParseRfc3339("2026-12-25 10:00:00+03:00").has_value());
    BOOST_TEST(!ParseRfc3339("2026-12-25T10:00:00").has_value()); // no offset
    BOOST_TEST(!ParseRfc3339("2026-12-25T24:00:00Z").has_value());
    BOOST_TEST(!ParseRfc3339("2026-12-25T10:00:00+3:00").has_value());
    BOOST_TEST(!ParseRfc3339("2026-12-25T10:00:00Zjunk").has_value());
    BOOST_TEST(!ParseRfc3339("").has_value());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(civil_dates)

BOOST_AUTO_TEST_CASE(days_and_dates_convert_both_ways_across_eras_and_leap_days) {
    using kpd::domain::CivilFromDays;
    using kpd::domain::DaysFromCivil;
    BOOST_TEST(DaysFromCivil(1970, 1, 1) == 0);
    BOOST_TEST(DaysFromCivil(2026, 11, 29) == 20'786);
    BOOST_TEST(DaysFromCivil(2000, 3, 1) - DaysFromCivil(2000, 2, 28) == 2); // 2000 is a leap year
    BOOST_TEST(DaysFromCivil(1900, 3, 1) - DaysFromCivil(1900, 2, 28) == 1); // 1900 is not
    for (std::int64_t d = -800'000; d <= 800'000; d += 997) {
        const auto c = CivilFromDays(d);
        BOOST_TEST(DaysFromCivil(c.year, c.month, c.day) == d);
    }
    const auto c = CivilFromDays(DaysFromCivil(2024, 2, 29));
    BOOST_TEST((c.year == 2024 && c.month == 2u && c.day == 29u));
}

BOOST_AUTO_TEST_CASE(iso_dates_parse_strictly_format_back_and_order_by_the_calendar) {
    using kpd::domain::CivilDate;
    using kpd::domain::ParseIsoDate;
    const auto d = ParseIsoDate("2026-11-23");
    BOOST_TEST_REQUIRE(d.has_value());
    BOOST_TEST((*d == CivilDate{2026, 11, 23}));
    BOOST_TEST(kpd::domain::FormatIsoDate(*d) == "2026-11-23");
    BOOST_TEST(kpd::domain::FormatIsoDate(CivilDate{2027, 1, 4}) == "2027-01-04");
    BOOST_TEST(!ParseIsoDate("2026-02-30"));
    BOOST_TEST(!ParseIsoDate("2026-11-23T00:00"));
    BOOST_TEST(!ParseIsoDate("2026-1-23"));
    BOOST_TEST(!ParseIsoDate("2026/11/23"));
    BOOST_TEST(!ParseIsoDate(""));
    BOOST_TEST(ParseIsoDate("2024-02-29").has_value());
    BOOST_TEST((CivilDate{2026, 12, 31} < CivilDate{2027, 1, 1}));
    BOOST_TEST((CivilDate{2026, 2, 28} < CivilDate{2026, 3, 1}));
    BOOST_TEST((CivilDate{2026, 3, 1} > CivilDate{2026, 2, 28}));
    BOOST_TEST(kpd::domain::DaysFromCivil(CivilDate{2026, 11, 29}) == 20'786);
}

BOOST_AUTO_TEST_SUITE_END()
