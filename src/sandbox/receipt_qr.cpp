#include "sandbox/receipt_qr.h"

#include "domain/fiscal_receipt.h"

namespace kpd::sandbox {

QrReading ReadQr(const std::string& text) {
    QrReading out;
    const auto parsed = domain::ParseReceiptQr(text);
    // The parser names the QR's part in each problem (its field is the key,
    // its message starts with the part); in the request they are all at /qr.
    for (const auto& p : parsed.problems) {
        out.problems.push_back({"/qr", p.code, p.message});
    }
    if (!parsed.receipt) {
        return out;
    }
    const auto& r = *parsed.receipt;
    ScannedQr q;
    q.date = r.time.date;
    q.hour = r.time.hour;
    q.minute = r.time.minute;
    q.second = r.time.second;
    q.sum_kop = r.sum_kop;
    q.fn = r.fiscal_drive;
    q.document = static_cast<std::int64_t>(r.document);
    q.fiscal_sign = std::to_string(r.fiscal_sign);
    q.operation = static_cast<int>(r.operation);
    out.qr = q;
    return out;
}

} // namespace kpd::sandbox
