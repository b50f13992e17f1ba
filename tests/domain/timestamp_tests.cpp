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
