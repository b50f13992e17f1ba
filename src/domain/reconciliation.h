#pragma once
// The classes a reconciliation of Dolyami transactions against the partner's
// own sales records sorts every row into, and the totals per class. Values
// only; the engine that computes them is services/reconciliation_engine.h.
#include "domain/money.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace kpd::domain {

enum class ReconClass : std::uint8_t {
    Matched,              // the same order on both sides, amounts, refunds and time agree
    MissingAtPartner,     // on the platform's register, not in the partner's records
    MissingOnPlatform,    // in the partner's records, not on the register
    AmountMismatch,       // the same order with different amounts
    Duplicate,            // a second row with an order id already seen on the same side
    RefundMismatch,       // amounts agree, refunded amounts do not
    DateOutsideTolerance, // amounts agree, the sale times differ by more than the tolerance
};
inline constexpr std::size_t kReconClassCount = 7;

// JSON and CLI names: "matched", "missing_at_partner", …
std::string_view ToString(ReconClass cls);
std::optional<ReconClass> ReconClassFromString(std::string_view name);

// Per class: how many rows, and the kopecks each side holds in them.
struct ReconClassTotal {
    std::int64_t rows = 0;
    Kopecks platform_kop = 0;
    Kopecks partner_kop = 0;

    friend bool operator==(const ReconClassTotal&, const ReconClassTotal&) = default;
};
using ReconTotals = std::array<ReconClassTotal, kReconClassCount>;

inline const ReconClassTotal& TotalOf(const ReconTotals& totals, ReconClass cls) {
    return totals[static_cast<std::size_t>(cls)];
}

} // namespace kpd::domain
