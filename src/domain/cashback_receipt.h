#pragma once
// A scanned receipt as cashback matching sees it: its lines and who scanned
// it (the app user's region and the loyalty cards they hold), and what a
// flight pays on it. The QR string itself is parsed by fiscal_receipt.h.
// Plain data: any thread.
#include "domain/money.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
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

// price_kop × quantity when it is within kMaxLineKop (domain/money.h);
// nullopt when it is over (or negative past it), never a wrapped product.
inline std::optional<Kopecks> LineAmount(const ReceiptLine& line) {
    Kopecks amount = 0;
    if (!CheckedMul(line.price_kop, line.quantity, amount) || !WithinLineCap(amount))
        return std::nullopt;
    return amount;
}

// Whether `text` holds a C0 control character (U+0000 to U+001F: NUL, tab,
// line breaks…) or DEL: none belongs in a receipt line's text.
inline bool HasControlCharacter(std::string_view text) {
    for (const char c : text) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
            return true;
    }
    return false;
}

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
