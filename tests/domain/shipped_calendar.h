#pragma once
// The business calendar as shipped (resources/calendar/ru.txt of the source
// tree), read once per test process, for suites whose dates follow it.
#include "domain/business_calendar.h"

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <sstream>

namespace kpd::test {

inline const domain::BusinessCalendar& ShippedCalendar() {
    static const domain::BusinessCalendar calendar = [] {
        std::ifstream in(KPD_SOURCE_DIR "/resources/calendar/ru.txt", std::ios::binary);
        BOOST_TEST_REQUIRE(static_cast<bool>(in));
        std::ostringstream text;
        text << in.rdbuf();
        auto parsed = domain::BusinessCalendar::Parse(text.str());
        for (const auto& p : parsed.problems) BOOST_TEST_MESSAGE("ru.txt:" << p.line << ": " << p.message);
        BOOST_TEST_REQUIRE(parsed.calendar.has_value());
        return *parsed.calendar;
    }();
    return calendar;
}

} // namespace kpd::test
