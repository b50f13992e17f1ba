#include "domain/sale_fields.h"
#include "domain/text_encoding.h"

#include <boost/test/unit_test.hpp>

#include <limits>

using namespace kpd::domain;

namespace {
std::optional<Kopecks> Roubles(std::string_view text, char decimal = ',') {
    return ParseAmount(text, decimal, AmountUnit::Roubles).value;
}
} // namespace

BOOST_AUTO_TEST_SUITE(sale_fields)

BOOST_AUTO_TEST_CASE(amounts_in_roubles_as_people_write_them) {
    BOOST_TEST(*Roubles("1234,50") == 123450);
    BOOST_TEST(*Roubles("1234,5") == 123450);
    BOOST_TEST(*Roubles("1 234,05") == 123405);
    BOOST_TEST(*Roubles("1\xC2\xA0" "234,05") == 123405);      // no-break space
    BOOST_TEST(*Roubles("12\xE2\x80\xAF" "345\xE2\x80\xAF" "678") == 1234567800); // narrow no-break space
    BOOST_TEST(*Roubles("1.234,05") == 123405);               // a point between thousands
    BOOST_TEST(*Roubles("1,234.05", '.') == 123405);
    BOOST_TEST(*Roubles("-99,90") == -9990);
    BOOST_TEST(*Roubles("  7 ") == 700);
    BOOST_TEST(*ParseAmount("123450", ',', AmountUnit::InKopecks).value == 123450);
}

BOOST_AUTO_TEST_CASE(bad_amounts_are_refused_with_a_reason) {
    BOOST_TEST(!Roubles("12,345"));    // three decimals
    BOOST_TEST(!Roubles("1234.56"));   // a point with a decimal comma: groups of the wrong size
    BOOST_TEST(!Roubles("12 34,00"));
    BOOST_TEST(!Roubles("abc"));
    BOOST_TEST(!Roubles("12р"));
    BOOST_TEST(!Roubles(""));
    BOOST_TEST(!Roubles("99999999999999999999"));
    BOOST_TEST(!ParseAmount("1,50", ',', AmountUnit::InKopecks).value);
    BOOST_TEST(ParseAmount("abc", ',', AmountUnit::Roubles).error.find("not a number") != std::string::npos);
    // Each kind of mistake has its code, which the desk words in the user's language.
    BOOST_TEST(ParseAmount("abc", ',', AmountUnit::Roubles).code == "not_a_number");
    BOOST_TEST(ParseAmount("  ", ',', AmountUnit::Roubles).code == "empty");
    BOOST_TEST(ParseAmount("1,505", ',', AmountUnit::Roubles).code == "too_many_decimals");
    BOOST_TEST(ParseAmount("1 23,00", ',', AmountUnit::Roubles).code == "digit_groups");
    BOOST_TEST(ParseAmount("1,50", ',', AmountUnit::InKopecks).code == "decimals_in_kopecks");
    BOOST_TEST(ParseAmount("99999999999999999999", ',', AmountUnit::Roubles).code == "over_cap");
    BOOST_TEST(ParseAmount("1,50", ',', AmountUnit::Roubles).code.empty());
}

// One line carries at most 10^13 kop (100 billion roubles) either way:
// 92233720368547759,00 once became -92233720368547757,16 (× 100 wrapped).
BOOST_AUTO_TEST_CASE(an_amount_over_the_line_cap_is_refused_never_wrapped) {
    BOOST_TEST(*Roubles("100000000000,00") == kMaxLineKop);
    BOOST_TEST(*Roubles("-100 000 000 000") == -kMaxLineKop);
    BOOST_TEST(*ParseAmount("10000000000000", ',', AmountUnit::InKopecks).value == kMaxLineKop);
    for (const char* text : {"92233720368547759,00", "100000000000,01", "-100000000000,01",
                             "92233720368547758", "1 000 000 000 000 000 000 000 000,00"}) {
        const auto parsed = ParseAmount(text, ',', AmountUnit::Roubles);
        BOOST_TEST(!parsed.value, text);
        BOOST_TEST(parsed.code == "over_cap", text);
        BOOST_TEST(parsed.error.find("limit") != std::string::npos, text);
    }
    BOOST_TEST(ParseAmount("10000000000001", ',', AmountUnit::InKopecks).code == "over_cap");
    BOOST_TEST(ParseAmount("9223372036854775808", ',', AmountUnit::InKopecks).code == "over_cap");
}

BOOST_AUTO_TEST_CASE(checked_sums_of_kopecks_say_when_they_would_wrap) {
    Kopecks out = 0;
    BOOST_TEST(CheckedAdd(kMaxLineKop, kMaxLineKop, out));
    BOOST_TEST(out == 2 * kMaxLineKop);
    BOOST_TEST(!CheckedAdd(std::numeric_limits<Kopecks>::max(), 1, out));
    BOOST_TEST(!CheckedSub(std::numeric_limits<Kopecks>::min(), 1, out));
    BOOST_TEST(!CheckedMul(100'000'000'000, 100'000'000, out));
    BOOST_TEST(CheckedMul(100'000'000'000, 1'000'000, out));
    BOOST_TEST(out == 100'000'000'000'000'000);
}

BOOST_AUTO_TEST_CASE(sale_times_in_iso_and_russian_forms) {
    const std::int64_t utc = 1'795'437'000; // 2026-11-23T12:30:00Z
    BOOST_TEST(*ParseSaleTime("2026-11-23 15:30", 180) == utc);
    BOOST_TEST(*ParseSaleTime("2026-11-23T15:30:00", 180) == utc);
    BOOST_TEST(*ParseSaleTime("23.11.2026 15:30:00", 180) == utc);
    BOOST_TEST(*ParseSaleTime("2026-11-23T12:30:00Z", 180) == utc);
    BOOST_TEST(*ParseSaleTime("2026-11-23T17:30:00+05:00", 180) == utc);
    BOOST_TEST(*ParseSaleTime("2026-11-23 15:30:00.250", 180) == utc);
    BOOST_TEST(*ParseSaleTime("2026-11-23", 0) == utc - 12 * 3600 - 30 * 60);
    BOOST_TEST(!ParseSaleTime("2026-02-30 10:00", 180));
    BOOST_TEST(ParseSaleTime("2024-02-29 10:00", 180).has_value());
    BOOST_TEST(!ParseSaleTime("2026-11-23 25:00", 180));
    BOOST_TEST(!ParseSaleTime("23/11/2026 10:00", 180));
    BOOST_TEST(!ParseSaleTime("вчера", 180));
}

BOOST_AUTO_TEST_CASE(encodings_of_russian_exports) {
    BOOST_TEST(Cp1251ToUtf8("\xCC\xE0\xE3\xE0\xE7\xE8\xED") == "Магазин");
    BOOST_TEST(Cp1251ToUtf8("\xA8\xB8") == "Ёё");
    BOOST_TEST(IsValidUtf8("Магазин №1"));
    BOOST_TEST(!IsValidUtf8("\xCC\xE0\xE3"));
    BOOST_TEST(!IsValidUtf8("\xC0\x80"));          // overlong NUL
    BOOST_TEST(!IsValidUtf8("\xED\xA0\x80"));      // a surrogate
    BOOST_TEST((GuessEncoding("Магазин;Сумма\n").encoding == TextEncoding::Utf8));
    BOOST_TEST((GuessEncoding("\xCC\xE0\xE3\xE0\xE7\xE8\xED;1\n").encoding == TextEncoding::Cp1251));
    BOOST_TEST(GuessEncoding("\xEF\xBB\xBFid;sum\n").bom_bytes == 3u);
    BOOST_TEST(!GuessEncoding("\xFF\xFEi\0d\0").error.empty());
    BOOST_TEST(!GuessEncoding(std::string_view("PK\3\4\0\0", 6)).error.empty());
    // A sample cut inside a two-byte character is still UTF-8.
    BOOST_TEST((GuessEncoding("Магазин\xD0").encoding == TextEncoding::Utf8));
}

BOOST_AUTO_TEST_SUITE_END()
