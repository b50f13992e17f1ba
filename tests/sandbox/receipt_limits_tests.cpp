// POST /v1/sandbox/receipts against hostile lines: 186 lines whose sum is
// 2^64 + 10,000 kop (it wrapped round to the QR's 100.00 ₽ and was accepted)
// are refused at the first line over the 10^13 kop cap, and the receipt is
// not stored; a NUL byte in a line's name (500, and the SQL text in the log)
// and other control characters are refused at the field's pointer.
#include "cashback_helper.h"

#include <boost/test/unit_test.hpp>

using namespace kpd::sandbox_test;
namespace utf = boost::unit_test;

namespace {
const char* kNow = "20261225T0930"; // the suite's clock stands at 10:00 that day

kpd::test::SandboxOptions ReceiptSandbox() {
    kpd::test::SandboxOptions options;
    options.clock = kClock;
    options.extra_args = {"--scans-per-day", "0", "--demo-transactions", "0"};
    return options;
}

struct LimitsSuite : SuiteSandbox {
    LimitsSuite() : SuiteSandbox(ReceiptSandbox()) {}
};

} // namespace

BOOST_AUTO_TEST_SUITE(receipt_limits, *utf::fixture<LimitsSuite>())

BOOST_AUTO_TEST_CASE(
    lines_that_add_up_past_2_to_the_64_are_refused_at_the_first_line_over_the_cap) {
    // 184 × 10^17 + 46,744,073,709 × 10^6 + 561,616 = 2^64 + 10,000 kop.
    nlohmann::json lines = nlohmann::json::array();
    for (int k = 0; k < 184; ++k)
        lines.push_back(Line("Слиток", "gold", 100'000'000'000, 1'000'000));
    lines.push_back(Line("Слиток", "gold", 46'744'073'709, 1'000'000));
    lines.push_back(Line("Монета", "gold", 561'616, 1));
    BOOST_REQUIRE_EQUAL(lines.size(), 186u);
    const std::string fn = FreshFn();
    const std::string qr = Qr(kNow, 100'00, fn, 1, "1234567890");
    const auto r = Scan(1, qr, lines);
    BOOST_TEST(r.status == 422, r.body);
    BOOST_TEST(r.HasErrorAt("/items/0", "over_cap"), r.body);
    BOOST_TEST(r.HasErrorAt("/items/184", "over_cap"), r.body);
    BOOST_TEST(!r.HasErrorAt("/items/185", "over_cap"), r.body);
    // Nothing was stored: the same document scans once it lists its real lines.
    const auto honest = Scan(1, qr, nlohmann::json::array({Line("Монета", "gold", 100'00, 1)}));
    BOOST_TEST(honest.status == 201, honest.body);

    // At the cap a line is fine; the sum of two then must still match the QR.
    const auto atCap = Scan(2, Qr(kNow, 10'000'000'000'000, FreshFn(), 1, "1234567891"),
                            nlohmann::json::array({Line("Слиток", "gold", 10'000'000, 1'000'000)}));
    BOOST_TEST(atCap.status == 201, atCap.body);
    const auto overCap =
        Scan(2, Qr(kNow, 10'000'000'000'100, FreshFn(), 1, "1234567892"),
             nlohmann::json::array({Line("Слиток", "gold", 10'000'000'001, 1'000)}));
    BOOST_TEST(overCap.status == 422, overCap.body);
    BOOST_TEST(overCap.HasErrorAt("/items/0", "over_cap"), overCap.body);
}

BOOST_AUTO_TEST_CASE(a_nul_byte_or_another_control_character_in_a_line_is_refused_at_its_field) {
    const std::string withNul("Хлеб\0с тмином",
                              std::string("Хлеб").size() + 1 + std::string("с тмином").size());
    BOOST_REQUIRE_EQUAL(withNul.find('\0'), std::string("Хлеб").size());
    const auto lines = nlohmann::json::array(
        {Line(withNul, "bakery", 44'90, 1, "B\t1"), Line("Молоко", "dairy\x7f", 89'90)});
    const auto r = Scan(3, Qr(kNow, 134'80, FreshFn(), 1, "1234567893"), lines);
    BOOST_TEST(r.status == 422, r.body);
    BOOST_TEST(r.HasErrorAt("/items/0/name", "control_character"), r.body);
    BOOST_TEST(r.HasErrorAt("/items/0/sku", "control_character"), r.body);
    BOOST_TEST(r.HasErrorAt("/items/1/category", "control_character"), r.body);
    BOOST_TEST(Api().Get("/v1/health").status == 200);
    const std::string log = Sandbox().Log();
    BOOST_TEST(log.find("INSERT INTO") == std::string::npos, log);
    BOOST_TEST(log.find("failed:") == std::string::npos, log);
}

BOOST_AUTO_TEST_SUITE_END()
