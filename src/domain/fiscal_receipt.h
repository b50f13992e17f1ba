#pragma once
// The QR code of a Russian fiscal receipt (the string every cash register
// prints under the receipt, read by the app's users to claim cashback):
//   t=20261123T1530&s=1234.50&fn=9960440300000000&i=12345&fp=1234567890&n=1
// t  date and time of the receipt, yyyymmddThhmm or yyyymmddThhmmss, the
//    shop's local time (the code carries no offset);
// s  the total in roubles: "1234.50", also "1234.5" (= 1234.50) and "1234"
//    (whole roubles), as registers print all three; never a comma, a sign,
//    an exponent, more than two decimals, or zero;
// fn the fiscal drive's number, exactly 16 digits;
// i  the fiscal document's number, 1 to 10 digits, not 0;
// fp the fiscal sign, 1 to 10 digits;
// n  the operation: 1 sale, 2 sale return, 3 expense, 4 expense return.
// Keys in any order, each exactly once, nothing else (no unknown keys, no
// spaces, no empty values). Strict on purpose: every malformed part is a
// problem of its own naming the part (field = the key), so the sandbox and
// the desk can say exactly what is wrong. Pure, any thread.
#include "domain/money.h"
#include "domain/problem.h"
#include "domain/timestamp.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kpd::domain {

enum class ReceiptOperation { Sale = 1, SaleReturn = 2, Expense = 3, ExpenseReturn = 4 };

// "sale", "sale_return", "expense", "expense_return".
const char* ToString(ReceiptOperation operation);

struct ReceiptDateTime {
    CivilDate date;
    int hour = 0;
    int minute = 0;
    int second = 0;
    bool has_seconds = false; // printed with seconds (yyyymmddThhmmss)
};

struct FiscalReceipt {
    ReceiptDateTime time;
    Kopecks sum_kop = 0;
    std::string fiscal_drive;       // fn, 16 digits
    std::uint64_t document = 0;     // i
    std::uint64_t fiscal_sign = 0;  // fp
    ReceiptOperation operation = ReceiptOperation::Sale;
};

// The longest QR text read at all (real ones are about 80 characters).
inline constexpr std::size_t kMaxReceiptQrLength = 512;

struct ReceiptQrParse {
    std::optional<FiscalReceipt> receipt; // set only when there is no problem
    // Each problem's field is the part's key ("s", "fn"…), or the whole part
    // when it has no key; code is one of: empty, too_long, malformed_part,
    // unknown_key, duplicate_key, empty_value, missing, bad_datetime,
    // no_such_date, bad_sum, zero_sum, bad_fiscal_drive, bad_number,
    // bad_operation. The message is English and starts with the part.
    Problems problems;

    bool Ok() const { return receipt.has_value(); }
};

ReceiptQrParse ParseReceiptQr(std::string_view text);

// The canonical text of a receipt: keys in the order t, s, fn, i, fp, n; the
// sum with two decimals; seconds only when has_seconds. Parses back to the
// same receipt.
std::string FormatReceiptQr(const FiscalReceipt& receipt);

// One line of all the problems, for the places that show a single message
// (the sandbox's 422 at /qr, partnerctl): "s: letters in the sum …; fn: missing".
std::string DescribeReceiptQrProblems(const Problems& problems);

} // namespace kpd::domain
