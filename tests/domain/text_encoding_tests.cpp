// ValidUtf8: text from outside (an HTTP header, a path) made safe to store
// and to dump as JSON, one U+FFFD per ill-formed part.
#include "domain/text_encoding.h"

#include <boost/test/unit_test.hpp>

#include <string>

using kpd::domain::IsValidUtf8;
using kpd::domain::ValidUtf8;

namespace {
const std::string kReplacement = "\xEF\xBF\xBD";
}

BOOST_AUTO_TEST_SUITE(valid_utf8)

BOOST_AUTO_TEST_CASE(valid_text_comes_back_unchanged) {
    const std::string text = "kpd-desk/1.0 Лента \xF0\x9F\x98\x80";
    BOOST_TEST(ValidUtf8(text) == text);
}

BOOST_AUTO_TEST_CASE(stray_bytes_each_become_one_replacement) {
    BOOST_TEST(ValidUtf8("\xff\xfe") == kReplacement + kReplacement);
    BOOST_TEST(ValidUtf8("a\x80z") == "a" + kReplacement + "z");
}

BOOST_AUTO_TEST_CASE(a_cut_sequence_is_one_replacement_and_the_next_character_survives) {
    // E2 82 is the start of U+20AC cut short; "A" follows.
    BOOST_TEST(ValidUtf8("\xE2\x82" "A") == kReplacement + "A");
    // A cut at the very end.
    BOOST_TEST(ValidUtf8("ok\xD0") == "ok" + kReplacement);
}

BOOST_AUTO_TEST_CASE(overlong_forms_surrogates_and_values_past_10ffff_are_replaced) {
    BOOST_TEST(ValidUtf8("\xC0\xAF") == kReplacement + kReplacement);                  // overlong '/'
    BOOST_TEST(ValidUtf8("\xED\xA0\x80") == kReplacement + kReplacement + kReplacement); // U+D800
    BOOST_TEST(ValidUtf8("\xF4\x90\x80\x80") ==
               kReplacement + kReplacement + kReplacement + kReplacement); // U+110000
}

BOOST_AUTO_TEST_CASE(the_result_is_always_valid) {
    std::string all;
    for (int i = 0; i < 256; ++i) {
        all += static_cast<char>(i);
        all += static_cast<char>(255 - i);
    }
    BOOST_TEST(!IsValidUtf8(all));
    BOOST_TEST(IsValidUtf8(ValidUtf8(all)));
}

BOOST_AUTO_TEST_SUITE_END()
