#pragma once
// The demo chain's Dolyami settlements: three months of daily registers made
// by the simulation (domain/dolyami_simulation.h), the older ones approved
// by the finance users (with the second approval of the finance manager where
// the payout is above the four-eyes threshold), one disputed, the last week
// pending review; and a commission invoice for every month that has ended.
// The latest invoice counts orders by UTC month instead of Moscow month, a
// time-zone slip the desk's commission check is there to catch. Part of
// SeedDemo's transaction, or alone for a big generated volume; one thread.
#include "domain/business_calendar.h"
#include "domain/dolyami_simulation.h"
#include "domain/settlement.h"
#include "domain/timestamp.h"

#include <soci/soci.h>

#include <cstdint>
#include <vector>

namespace kpd::sandbox {

inline constexpr std::int64_t kDemoTransactions = 200'000;
inline constexpr int kDemoCommissionRateBp = 350;

struct SettlementSeedSpec {
    std::int64_t partner_id = 1;
    std::int64_t transactions = kDemoTransactions;
    int days = 92;
    domain::Instant now{};
    // Payout dates are the next business day of this calendar (the file the
    // sandbox loaded at start); required.
    const domain::BusinessCalendar* calendar = nullptr;
};

// A simulated day as the platform stores it: the register (pending review;
// four eyes when its payout is above `threshold`) and its purchases.
struct RegisterRows {
    domain::SettlementRegister reg;
    std::vector<domain::SettlementTransaction> transactions;
};
RegisterRows RegisterRowsOf(const domain::SimulatedRegister& day, domain::Kopecks threshold);

// The month's invoice for a turnover and refunds: commission at `rateBp`, VAT
// at the month's rate (dolyami.h), each rounded to the kopeck.
domain::CommissionInvoice CommissionInvoiceOf(domain::Month month, domain::Kopecks turnover, domain::Kopecks refunds,
                                              int rateBp);

// Returns the number of registers written.
int SeedDemoSettlements(soci::session& db, const SettlementSeedSpec& spec);

} // namespace kpd::sandbox
