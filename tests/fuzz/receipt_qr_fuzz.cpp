// libFuzzer target for the fiscal receipt QR parser (domain/fiscal_receipt.h).
// Beyond "no crash, no leak, no undefined behaviour" (ASan and UBSan are on),
// it checks the parser's promises on every input and traps when one breaks:
//  - a result is either a receipt or at least one problem, never both;
//  - every problem has a code and a message that names something;
//  - a receipt's canonical text parses back to the same receipt, and is
//    already canonical (formatting is a fixed point);
//  - the sum is positive, fn has 16 digits, n is 1–4.
// Built with clang (tests/fuzz/CMakeLists.txt), run briefly by ctest.
#include "domain/fiscal_receipt.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

using namespace kpd::domain;

namespace {

void Check(bool ok) {
    if (!ok) __builtin_trap();
}

bool Same(const FiscalReceipt& a, const FiscalReceipt& b) {
    return a.time.date == b.time.date && a.time.hour == b.time.hour && a.time.minute == b.time.minute &&
           a.time.second == b.time.second && a.time.has_seconds == b.time.has_seconds && a.sum_kop == b.sum_kop &&
           a.fiscal_drive == b.fiscal_drive && a.document == b.document && a.fiscal_sign == b.fiscal_sign &&
           a.operation == b.operation;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const ReceiptQrParse parsed = ParseReceiptQr(text);
    Check(parsed.Ok() == parsed.problems.empty());
    for (const auto& p : parsed.problems) {
        Check(!p.code.empty());
        Check(!p.message.empty());
        for (char c : p.message) Check(c != '\n' && c != '\0');
    }
    if (!parsed.Ok()) return 0;
    const FiscalReceipt& r = *parsed.receipt;
    Check(r.sum_kop > 0);
    Check(r.fiscal_drive.size() == 16);
    Check(static_cast<int>(r.operation) >= 1 && static_cast<int>(r.operation) <= 4);
    const std::string canonical = FormatReceiptQr(r);
    const ReceiptQrParse again = ParseReceiptQr(canonical);
    Check(again.Ok());
    Check(Same(r, *again.receipt));
    Check(FormatReceiptQr(*again.receipt) == canonical);
    return 0;
}
