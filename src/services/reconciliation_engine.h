#pragma once
// Matches the platform's Dolyami transactions with the partner's own sales
// records and sorts every row into a class (domain/reconciliation.h):
//  1. by order id — a hash join, each half of the hash range on its own
//     thread: the partner's ids go into a table, the platform's rows look
//     theirs up in file order; the first row of an id on each side pairs up,
//     later rows with the same id are duplicates on their side;
//  2. partner rows without an order id are then matched to the platform rows
//     still unmatched by store + amount + the nearest time within tolerance.
// Pure computation over two SaleTables; runs on the caller's thread, checks
// the cancel token between phases and reports progress.
#include "domain/cancel_token.h"
#include "domain/reconciliation.h"
#include "services/sale_table.h"

#include <cstdint>
#include <vector>

namespace kpd::services {

struct ReconOptions {
    // How far apart the platform's and the partner's times of one sale may be
    // (tills and the platform keep their own clocks; a register closes at midnight).
    std::int64_t time_tolerance_seconds = 15 * 60;
    // Bits of the order-id hash the engine keys by. Always 64 in use; tests
    // lower it to force many ids into one hash run and check that collisions
    // never pair two different orders.
    int hash_bits = 64;
};

inline constexpr std::uint32_t kNoRow = 0xFFFFFFFFu;

struct ReconRow {
    domain::ReconClass cls = domain::ReconClass::Matched;
    bool by_attributes = false;          // paired by store + amount + time, not by order id
    std::uint32_t platform = kNoRow;     // row in the platform table, or kNoRow
    std::uint32_t partner = kNoRow;      // row in the partner table, or kNoRow
};

struct ReconResult {
    std::vector<ReconRow> rows; // every row of both tables appears exactly once
    domain::ReconTotals totals;
    bool cancelled = false;
    // A class's total would have left Kopecks (never with lines within
    // kMaxLineKop unless there are some 920,000 of them at the cap): the
    // totals are then not to be used, and the caller says so.
    bool totals_overflow = false;
};

ReconResult Reconcile(const SaleTable& platform, const SaleTable& partner, const ReconOptions& options = {},
                      const domain::CancelToken* cancel = nullptr, domain::ProgressSink* progress = nullptr);

} // namespace kpd::services
