// partnerctl receipt parse QR: reads the text of a fiscal receipt's QR code
// the way the platform does (domain/fiscal_receipt.h), offline. Every
// malformed part is listed on stderr, each naming its key; exit 1.
#include "cli/commands.h"
#include "cli/console.h"
#include "domain/fiscal_receipt.h"
#include "domain/money.h"

#include <iostream>

namespace kpd::cli {

namespace {
std::string Two(int value) { return (value < 10 ? "0" : "") + std::to_string(value); }
} // namespace

ExitCode RunReceiptParse(const GlobalOptions& options, const std::string& qr) {
    const auto parsed = domain::ParseReceiptQr(qr);
    if (!parsed.Ok()) {
        std::string text = "the receipt QR code is not valid:";
        for (const auto& p : parsed.problems) text += "\n  " + p.message;
        return UsageError(text);
    }
    const auto& r = *parsed.receipt;
    const std::string time = Two(r.time.hour) + ":" + Two(r.time.minute) + (r.time.has_seconds ? ":" + Two(r.time.second) : "");
    if (options.format == OutputFormat::Json) {
        PrintJson({{"date", domain::FormatIsoDate(r.time.date)},
                   {"time", time},
                   {"sum_kop", r.sum_kop},
                   {"fn", r.fiscal_drive},
                   {"i", r.document},
                   {"fp", r.fiscal_sign},
                   {"n", static_cast<int>(r.operation)},
                   {"operation", domain::ToString(r.operation)},
                   {"canonical", domain::FormatReceiptQr(r)}});
    } else {
        std::cout << "Date and time   " << domain::FormatIsoDate(r.time.date) << ' ' << time << '\n'
                  << "Sum             " << domain::FormatRoublesEn(r.sum_kop) << '\n'
                  << "Fiscal drive    " << r.fiscal_drive << '\n'
                  << "Document        " << r.document << '\n'
                  << "Fiscal sign     " << r.fiscal_sign << '\n'
                  << "Operation       " << static_cast<int>(r.operation) << " (" << domain::ToString(r.operation)
                  << ")\n";
    }
    return ExitCode::Ok;
}

} // namespace kpd::cli
