#include "domain/money.h"

#include <boost/test/unit_test.hpp>

#include <limits>

using namespace kpd::domain;

BOOST_AUTO_TEST_SUITE(money)

BOOST_AUTO_TEST_CASE(russian_format_uses_narrow_spaces_and_a_comma) {
    BOOST_TEST(FormatRoublesRu(123450) == "1\u202F234,50\u00A0₽");
    BOOST_TEST(FormatRoublesRu(5) == "0,05\u00A0₽");
    BOOST_TEST(FormatRoublesRu(-100000000) == "-1\u202F000\u202F000,00\u00A0₽");
}

BOOST_AUTO_TEST_CASE(english_format) {
    BOOST_TEST(FormatRoublesEn(123456789) == "1,234,567.89 RUB");
    BOOST_TEST(FormatRoublesEn(0) == "0.00 RUB");
}

BOOST_AUTO_TEST_CASE(extreme_values_do_not_overflow) {
    auto text = FormatRoublesEn(std::numeric_limits<Kopecks>::min());
    BOOST_TEST(text == "-92,233,720,368,547,758.08 RUB");
}

BOOST_AUTO_TEST_SUITE_END()
