#pragma once
// The fiscal receipt's QR as the scan route needs it, read by the domain's
// strict parser (domain/fiscal_receipt.h): when, how much, which fiscal
// drive, document and sign, which operation; every malformed part a problem
// at /qr with the parser's words. Pure; any thread.
#include "domain/money.h"
#include "domain/problem.h"
#include "domain/timestamp.h"

#include <optional>
#include <string>

namespace kpd::sandbox {

struct ScannedQr {
    domain::CivilDate date;
    int hour = 0, minute = 0, second = 0;
    domain::Kopecks sum_kop = 0;
    std::string fn;
    std::int64_t document = 0; // i
    std::string fiscal_sign;   // fp
    int operation = 1;         // 1 sale, 2 sale return, 3 expense, 4 expense return
};

struct QrReading {
    std::optional<ScannedQr> qr;
    domain::Problems problems; // each at "/qr"
};

QrReading ReadQr(const std::string& text);

} // namespace kpd::sandbox
