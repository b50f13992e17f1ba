#include "domain/color.h"

#include <boost/test/unit_test.hpp>

using namespace kpd::domain;

BOOST_AUTO_TEST_SUITE(colors)

BOOST_AUTO_TEST_CASE(hex_colours_parse_in_either_case_and_print_upper_case) {
    BOOST_TEST((ParseHexColor("#1a2B3c") == Rgb{0x1A, 0x2B, 0x3C}));
    BOOST_TEST(ToHex(Rgb{0x1A, 0x2B, 0x3C}) == "#1A2B3C");
    BOOST_TEST(!ParseHexColor("1A2B3C"));
    BOOST_TEST(!ParseHexColor("#1A2B3"));
    BOOST_TEST(!ParseHexColor("#1A2B3G"));
    BOOST_TEST(!ParseHexColor("red"));
}

// Reference values from the WCAG 2 definitions: black on white is 21:1,
// #767676 is the lightest grey that passes AA on white (4.54:1) and #777777
// the darkest that fails (4.48:1).
BOOST_AUTO_TEST_CASE(contrast_matches_known_wcag_values) {
    const Rgb white{255, 255, 255}, black{0, 0, 0};
    BOOST_TEST(RelativeLuminance(white) == 1.0, boost::test_tools::tolerance(1e-9));
    BOOST_TEST(RelativeLuminance(black) == 0.0, boost::test_tools::tolerance(1e-9));
    BOOST_TEST(ContrastRatio(black, white) == 21.0, boost::test_tools::tolerance(1e-9));
    BOOST_TEST(ContrastRatio(*ParseHexColor("#767676"), white) == 4.54, boost::test_tools::tolerance(0.003));
    BOOST_TEST(ContrastRatio(*ParseHexColor("#777777"), white) == 4.48, boost::test_tools::tolerance(0.003));
    BOOST_TEST(ContrastRatio(white, *ParseHexColor("#777777")) == ContrastRatio(*ParseHexColor("#777777"), white));
    // Pure red on white is a classic near-miss: 4.0:1.
    BOOST_TEST(ContrastRatio(Rgb{255, 0, 0}, white) == 4.0, boost::test_tools::tolerance(0.01));
    BOOST_TEST(ContrastRatio(white, white) == 1.0, boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_SUITE_END()
