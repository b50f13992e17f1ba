#pragma once
// A scanned receipt as cashback matching sees it: its lines and who scanned
// it (the app user's region and the loyalty cards they hold), and what a
// flight pays on it. The QR string itself is parsed by fiscal_receipt.h.
// Plain data: any thread.
#include "domain/money.h"

#include <cstdint>
#include <string>
#include <vector>

namespace kpd::domain {

// One line of a receipt (`items[]` of POST /sandbox/receipts).
struct ReceiptLine {
    std::string sku;
    std::string name;
    std::string category;
    Kopecks price_kop = 0;     // per item
    std::int64_t quantity = 1; // whole items

    friend bool operator==(const ReceiptLine&, const ReceiptLine&) = default;
};

inline constexpr Kopecks kMaxReceiptLinePriceKop = 1'000'000'000'00; // 1 billion roubles per item
inline constexpr std::int64_t kMaxReceiptLineQuantity = 1'000'000;

struct CashbackReceipt {
    std::vector<ReceiptLine> lines;
    std::string region;                      // the user's region; empty when unknown
    std::vector<std::string> loyalty_cards;  // the cards the user holds
};

// What one flight pays on one receipt, before the platform caps it by the budget left.
struct FlightAccrual {
    std::int64_t flight_id = 0;
    Kopecks cashback_kop = 0;

    friend bool operator==(const FlightAccrual&, const FlightAccrual&) = default;
};

} // namespace kpd::domain
