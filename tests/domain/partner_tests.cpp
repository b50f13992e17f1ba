#include "domain/partner.h"

#include <boost/test/unit_test.hpp>

using namespace kpd::domain;

BOOST_AUTO_TEST_SUITE(partner)

BOOST_AUTO_TEST_CASE(inn_check_digits_are_verified) {
    // Published INNs of large Russian companies (10 digits) and a valid 12-digit one.
    BOOST_TEST(IsValidInn("7707083893")); // Sberbank
    BOOST_TEST(IsValidInn("7728168971")); // Alfa-Bank
    BOOST_TEST(IsValidInn("500100732259"));
    BOOST_TEST(!IsValidInn("7707083894")); // last digit changed
    BOOST_TEST(!IsValidInn("500100732258"));
    BOOST_TEST(!IsValidInn("770708389"));  // 9 digits
    BOOST_TEST(!IsValidInn("77070838a3"));
    BOOST_TEST(!IsValidInn(""));
}

BOOST_AUTO_TEST_CASE(hex_colours) {
    BOOST_TEST(IsHexColor("#00A3FF"));
    BOOST_TEST(IsHexColor("#abcdef"));
    BOOST_TEST(!IsHexColor("00A3FF"));
    BOOST_TEST(!IsHexColor("#00A3F"));
    BOOST_TEST(!IsHexColor("#00A3FG"));
}

BOOST_AUTO_TEST_CASE(luhn) {
    BOOST_TEST(PassesLuhn("4561261212345467"));
    BOOST_TEST(!PassesLuhn("4561261212345464"));
    BOOST_TEST(PassesLuhn("79927398713"));
    BOOST_TEST(!PassesLuhn("7992739871a"));
}

BOOST_AUTO_TEST_CASE(program_kinds_round_trip) {
    BOOST_TEST(ToString(ProgramKind::Discount) == "discount");
    BOOST_TEST((ProgramKindFromString("bonus") == ProgramKind::Bonus));
    BOOST_TEST(!ProgramKindFromString("points").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
