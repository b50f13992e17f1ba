#pragma once
// What a flight pays on a receipt, in whole kopecks: per line, a percentage
// rounded down (floor(price_kop × quantity × percent_bp / 10000)) or a fixed
// amount per item (fixed_kop × quantity); a flight's lines on one receipt
// summed, then capped by cap_per_receipt_kop. The platform then caps by the
// budget left (never beyond it): that is the sandbox's guarded UPDATE, not here.
// Arithmetic saturates at the largest Kopecks instead of overflowing (the
// cap brings it back down). Pure functions: any thread.
#include "domain/cashback_flight.h"
#include "domain/cashback_receipt.h"

namespace kpd::domain {

// The cashback one line earns under `cashback` (0 when neither kind is set).
Kopecks LineCashback(const FlightCashback& cashback, Kopecks price_kop, std::int64_t quantity);
inline Kopecks LineCashback(const FlightCashback& cashback, const ReceiptLine& line) {
    return LineCashback(cashback, line.price_kop, line.quantity);
}

// a + b, saturating at the largest Kopecks (both non-negative).
Kopecks AddKopecks(Kopecks a, Kopecks b);

// The receipt's total for one flight: the sum of its lines' cashback, at most the cap.
inline Kopecks CapPerReceipt(Kopecks lines_sum, Kopecks cap_per_receipt_kop) {
    return lines_sum < cap_per_receipt_kop ? lines_sum : cap_per_receipt_kop;
}

// Whether the receipt's user is among the flight's audience: every
// non-empty list must hold the user's region or one of their loyalty cards.
bool IsTargeted(const FlightTargeting& targeting, const CashbackReceipt& receipt);

} // namespace kpd::domain
