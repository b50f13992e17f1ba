#include "domain/fiscal_receipt.h"

#include <boost/test/unit_test.hpp>

using namespace kpd::domain;

namespace {

const char* const kGood = "t=20261123T1530&s=1234.50&fn=9960440300000000&i=12345&fp=1234567890&n=1";

FiscalReceipt Good(std::string_view text) {
    const auto parsed = ParseReceiptQr(text);
    for (const auto& p : parsed.problems) BOOST_TEST_MESSAGE(p.field << " " << p.code << ": " << p.message);
    BOOST_REQUIRE(parsed.Ok());
    BOOST_TEST(parsed.problems.empty());
    return *parsed.receipt;
}

// The only problem of `text`: its part, code and some words of its message.
void OneProblem(std::string_view text, const std::string& field, const std::string& code, const std::string& words) {
    const auto parsed = ParseReceiptQr(text);
    BOOST_TEST(!parsed.Ok(), text);
    BOOST_REQUIRE_MESSAGE(parsed.problems.size() == 1u, text << ": " << DescribeReceiptQrProblems(parsed.problems));
    BOOST_TEST(parsed.problems[0].field == field, text);
    BOOST_TEST(parsed.problems[0].code == code, text);
    BOOST_TEST(parsed.problems[0].message.find(words) != std::string::npos,
               text << " → " << parsed.problems[0].message);
}

// kGood with one part replaced (or removed when `with` is empty).
std::string Replace(const std::string& key, const std::string& with) {
    std::string text = std::string("&") + kGood; // so "&n=" is not found inside "fn="
    const auto at = text.find("&" + key + "=") + 1;
    const auto end = text.find('&', at);
    const auto to = end == std::string::npos ? text.size() : end + 1;
    std::string replacement = with.empty() ? "" : with + (end == std::string::npos ? "" : "&");
    text.replace(at, to - at, replacement);
    if (with.empty() && !text.empty() && text.back() == '&') text.pop_back();
    return text.substr(1);
}

} // namespace

BOOST_AUTO_TEST_SUITE(fiscal_receipt_qr)

BOOST_AUTO_TEST_CASE(the_usual_form_reads_every_field) {
    const auto r = Good(kGood);
    BOOST_TEST(FormatIsoDate(r.time.date) == "2026-11-23");
    BOOST_TEST(r.time.hour == 15);
    BOOST_TEST(r.time.minute == 30);
    BOOST_TEST(r.time.second == 0);
    BOOST_TEST(!r.time.has_seconds);
    BOOST_TEST(r.sum_kop == 123450);
    BOOST_TEST(r.fiscal_drive == "9960440300000000");
    BOOST_TEST(r.document == 12345u);
    BOOST_TEST(r.fiscal_sign == 1234567890u);
    BOOST_TEST(std::string(ToString(r.operation)) == ToString(ReceiptOperation::Sale));
    BOOST_TEST(FormatReceiptQr(r) == kGood);
}

BOOST_AUTO_TEST_CASE(seconds_any_order_and_every_operation) {
    const auto r = Good("n=4&fp=7&i=1&fn=0000000000000001&s=0.01&t=20240229T235959");
    BOOST_TEST(FormatIsoDate(r.time.date) == "2024-02-29");
    BOOST_TEST(r.time.second == 59);
    BOOST_TEST(r.time.has_seconds);
    BOOST_TEST(r.sum_kop == 1);
    BOOST_TEST(std::string(ToString(r.operation)) == ToString(ReceiptOperation::ExpenseReturn));
    BOOST_TEST(FormatReceiptQr(r) == "t=20240229T235959&s=0.01&fn=0000000000000001&i=1&fp=7&n=4");
    BOOST_TEST(std::string(ToString(Good(Replace("n", "n=2")).operation)) == ToString(ReceiptOperation::SaleReturn));
    BOOST_TEST(std::string(ToString(Good(Replace("n", "n=3")).operation)) == ToString(ReceiptOperation::Expense));
    BOOST_TEST(std::string(ToString(ReceiptOperation::SaleReturn)) == "sale_return");
}

BOOST_AUTO_TEST_CASE(sums_in_whole_roubles_and_with_one_decimal_are_accepted) {
    BOOST_TEST(Good(Replace("s", "s=1234")).sum_kop == 123400);
    BOOST_TEST(Good(Replace("s", "s=1234.5")).sum_kop == 123450);
    BOOST_TEST(Good(Replace("s", "s=1234.05")).sum_kop == 123405);
    BOOST_TEST(Good(Replace("s", "s=999999999999.99")).sum_kop == 99999999999999);
}

BOOST_AUTO_TEST_CASE(a_missing_fn_is_named) {
    OneProblem(Replace("fn", ""), "fn", "missing", "fn: missing (the fiscal drive number)");
    OneProblem(Replace("t", ""), "t", "missing", "t: missing");
    OneProblem(Replace("n", ""), "n", "missing", "n: missing");
}

BOOST_AUTO_TEST_CASE(letters_in_the_sum_are_named) {
    OneProblem(Replace("s", "s=12a4.50"), "s", "bad_sum", "s: letters in the sum '12a4.50'");
    OneProblem(Replace("s", "s=1e3"), "s", "bad_sum", "letters in the sum");
}

BOOST_AUTO_TEST_CASE(malformed_sums_are_named) {
    for (const char* bad : {"s=1234,50", "s=-5", "s=+5", "s=1234.", "s=.50", "s=1.234", "s=1 234.50", "s=1..2"}) {
        OneProblem(Replace("s", bad), "s", "bad_sum", "is not a sum");
    }
    OneProblem(Replace("s", "s=0.00"), "s", "zero_sum", "s: the sum is zero");
    OneProblem(Replace("s", "s=1234567890123"), "s", "bad_sum", "larger than any receipt");
}

BOOST_AUTO_TEST_CASE(thirtieth_of_february_is_named) {
    OneProblem(Replace("t", "t=20260230T1200"), "t", "no_such_date", "(2026-02-30)");
    OneProblem(Replace("t", "t=20250229T1200"), "t", "no_such_date", "does not exist");
    OneProblem(Replace("t", "t=20261300T1200"), "t", "no_such_date", "does not exist");
    OneProblem(Replace("t", "t=00001123T1200"), "t", "no_such_date", "does not exist");
}

BOOST_AUTO_TEST_CASE(malformed_times_are_named) {
    OneProblem(Replace("t", "t=20261123T2460"), "t", "bad_datetime", "time of day");
    OneProblem(Replace("t", "t=20261123T235960"), "t", "bad_datetime", "time of day");
    for (const char* bad : {"t=20261123 1530", "t=2026-11-23T15:30", "t=20261123T153", "t=20261123t1530",
                            "t=20261123T1530001", "t=2026112T1530"}) {
        OneProblem(Replace("t", bad), "t", "bad_datetime", "yyyymmddThhmm");
    }
}

BOOST_AUTO_TEST_CASE(fiscal_drive_document_sign_and_operation_are_checked) {
    OneProblem(Replace("fn", "fn=996044030000000"), "fn", "bad_fiscal_drive", "exactly 16 digits");
    OneProblem(Replace("fn", "fn=99604403000000000"), "fn", "bad_fiscal_drive", "exactly 16 digits");
    OneProblem(Replace("fn", "fn=996044030000000X"), "fn", "bad_fiscal_drive", "'996044030000000X'");
    OneProblem(Replace("i", "i=12a"), "i", "bad_number", "i: '12a'");
    OneProblem(Replace("i", "i=0"), "i", "bad_number", "document number is 0");
    OneProblem(Replace("i", "i=12345678901"), "i", "bad_number", "1 to 10 digits");
    OneProblem(Replace("fp", "fp=12345678901"), "fp", "bad_number", "fp: '12345678901'");
    OneProblem(Replace("fp", "fp=-1"), "fp", "bad_number", "1 to 10 digits");
    OneProblem(Replace("n", "n=5"), "n", "bad_operation", "1 sale, 2 sale return");
    OneProblem(Replace("n", "n=0"), "n", "bad_operation", "n: '0'");
    OneProblem(Replace("n", "n=11"), "n", "bad_operation", "is not an operation");
}

BOOST_AUTO_TEST_CASE(unknown_duplicate_empty_and_keyless_parts_are_named) {
    OneProblem(std::string(kGood) + "&x=1", "x", "unknown_key", "unknown key 'x'");
    OneProblem(std::string(kGood) + "&T=1", "T", "unknown_key", "unknown key 'T'");
    OneProblem(std::string(kGood) + "&n=2", "n", "duplicate_key", "n: given twice");
    OneProblem(Replace("fp", "fp="), "fp", "empty_value", "fp: the value is empty");
    OneProblem(std::string(kGood) + "&", "", "malformed_part", "part 7 is empty");
    OneProblem(std::string("&") + kGood, "", "malformed_part", "part 1 is empty");
    OneProblem(std::string(kGood) + "&junk", "junk", "malformed_part", "has no '='");
    OneProblem(std::string(kGood) + "&=5", "", "unknown_key", "part 7 has no key");
    // A space is not trimmed: the key " t" is unknown, so t is missing too.
    const auto spaced = ParseReceiptQr(std::string(" ") + kGood);
    BOOST_REQUIRE(spaced.problems.size() == 2u);
    BOOST_TEST(spaced.problems[0].message.find("unknown key ' t'") != std::string::npos);
    BOOST_TEST(spaced.problems[1].message == "t: missing (the date and time)");
}

BOOST_AUTO_TEST_CASE(every_malformed_part_is_reported_not_only_the_first) {
    const auto parsed = ParseReceiptQr("t=20260230T1200&s=abc&i=0&n=9&zz=1");
    BOOST_TEST(!parsed.Ok());
    std::vector<std::string> fields;
    for (const auto& p : parsed.problems) fields.push_back(p.field);
    BOOST_TEST((fields == std::vector<std::string>{"zz", "t", "s", "fn", "i", "fp", "n"}));
    const std::string line = DescribeReceiptQrProblems(parsed.problems);
    BOOST_TEST(line.find("s: letters in the sum 'abc'") != std::string::npos);
    BOOST_TEST(line.find("; fn: missing") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(empty_and_oversized_texts_are_refused) {
    OneProblem("", "", "empty", "empty");
    OneProblem(std::string(kMaxReceiptQrLength + 1, 'a'), "", "too_long", "more than 512");
    // Bytes that are not printable ASCII are shown escaped, never raw.
    const auto parsed = ParseReceiptQr(Replace("s", "s=12\n3"));
    BOOST_REQUIRE(parsed.problems.size() == 1u);
    BOOST_TEST(parsed.problems[0].message.find("'12\\x0A3'") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
