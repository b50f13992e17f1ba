#pragma once
// The month's Dolyami commission recomputed by the desk from what it copied:
// turnover from the purchases themselves (counted statuses, purchased in the
// Moscow month), refunds from the registers of the month (each register
// carries the refunds processed on its business day). Compared with the
// platform's invoice field by field (dolyami.h: CompareInvoices), and the
// purchases near the month's edges listed, since a time-zone slip moves them
// across.
#include "domain/dolyami.h"
#include "domain/settlement.h"

#include <string>
#include <vector>

namespace kpd::domain {

CommissionInvoice ComputeCommissionFromRegisters(Month month, int rateBp,
                                                 const std::vector<SettlementRegister>& registers,
                                                 const std::vector<SettlementTransaction>& transactions);

// Purchases within a day of the month's first or last moment (Moscow time),
// with the side of the edge they fall on: the orders behind a turnover
// difference. Those a UTC month would file on the other side come first.
struct EdgePurchase {
    std::string order_id;
    std::int64_t purchased_at = 0;
    Kopecks amount_kop = 0;
    bool inside = false;       // in the month by Moscow time
    bool utc_disagrees = false; // in UTC it falls on the other side of the edge: what a time-zone slip moves
};
std::vector<EdgePurchase> PurchasesNearMonthEdges(Month month, const std::vector<SettlementTransaction>& transactions);

} // namespace kpd::domain
