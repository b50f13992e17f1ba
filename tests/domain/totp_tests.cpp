#include "domain/totp.h"

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

using namespace kpd::domain;

namespace {
std::vector<std::uint8_t> Ascii(const std::string& text) { return {text.begin(), text.end()}; }
} // namespace

BOOST_AUTO_TEST_SUITE(totp)

// RFC 6238 appendix B: 8-digit codes, 30 s steps, the ASCII seeds of the RFC.
BOOST_AUTO_TEST_CASE(rfc6238_test_vectors) {
    const auto sha1 = Ascii("12345678901234567890");
    const auto sha256 = Ascii("12345678901234567890123456789012");
    const auto sha512 = Ascii("1234567890123456789012345678901234567890123456789012345678901234");
    struct Vector {
        std::int64_t time;
        const char* sha1;
        const char* sha256;
        const char* sha512;
    };
    const Vector vectors[] = {{59, "94287082", "46119246", "90693936"},
                              {1111111109, "07081804", "68084774", "25091201"},
                              {1111111111, "14050471", "67062674", "99943326"},
                              {1234567890, "89005924", "91819424", "93441116"},
                              {2000000000, "69279037", "90698825", "38618901"},
                              {20000000000, "65353130", "77737706", "47863826"}};
    for (const auto& v : vectors) {
        BOOST_TEST(Totp(sha1, v.time, 30, 8) == v.sha1);
        BOOST_TEST(Totp(sha256, v.time, 30, 8, TotpHash::Sha256) == v.sha256);
        BOOST_TEST(Totp(sha512, v.time, 30, 8, TotpHash::Sha512) == v.sha512);
    }
}

BOOST_AUTO_TEST_CASE(shorter_codes_are_the_low_digits_zero_padded) {
    const auto seed = Ascii("12345678901234567890");
    BOOST_TEST(Totp(seed, 1111111109, 30, 6) == "081804");
    BOOST_TEST(Totp(seed, 59, 30, 6) == "287082");
    BOOST_CHECK_THROW(Totp(seed, 59, 30, 0), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(the_code_holds_for_its_step_and_changes_after) {
    const auto seed = Ascii("12345678901234567890");
    BOOST_TEST(Totp(seed, 60, 30, 6) == Totp(seed, 89, 30, 6));
    BOOST_TEST(Totp(seed, 89, 30, 6) != Totp(seed, 90, 30, 6));
    BOOST_TEST(TotpSecondsLeft(60, 30) == 30);
    BOOST_TEST(TotpSecondsLeft(89, 30) == 1);
    BOOST_TEST(TotpSecondsLeft(100, 60) == 20);
}

BOOST_AUTO_TEST_CASE(checkout_codes_follow_the_identifier_kind) {
    const auto seed = Ascii("12345678901234567890");
    CardIdentifier id;
    id.kind = IdentifierKind::Static;
    BOOST_TEST(CheckoutCode(id, "2900001234567", seed, 59) == "2900001234567");

    id.kind = IdentifierKind::Dynamic;
    id.prefix = "77";
    id.totp_interval_seconds = 30;
    id.totp_length = 6;
    BOOST_TEST(CheckoutCode(id, "2900001234567", seed, 59) == "772900001234567287082");

    id.kind = IdentifierKind::Checkin;
    const std::string checkin = CheckoutCode(id, "2900001234567", seed, 59);
    BOOST_TEST(checkin == "7082"); // the 4 low digits of the 30 s code
}

BOOST_AUTO_TEST_SUITE_END()
