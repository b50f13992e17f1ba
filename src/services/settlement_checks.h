#pragma once
// Finance checks over the settlements the desk copied (settlement_sync.h):
//  - a register, or every register of a period, reconciled against the
//    partner's own POS/ERP export (pos_file_reader.h, reconciliation_engine.h);
//  - the month's commission invoice compared with the desk's own computation.
// Both read the workspace; the commission check also asks the platform for
// the invoice. Worker thread; progress on that thread.
#include "api/platform_client.h"
#include "domain/commission_check.h"
#include "services/desk_context.h"
#include "services/outcome.h"
#include "services/pos_file_reader.h"
#include "services/reconciliation_engine.h"
#include "store/workspace.h"

#include <memory>
#include <string>
#include <vector>

namespace kpd::services {

struct ReconcileRequest {
    std::vector<std::int64_t> register_ids; // these registers, or…
    std::string from, to;                   // …every register with business_date in [from, to]
    std::string pos_path;
    PosLayout layout;
    bool skip_bad_lines = false; // false: a POS file with any bad line is not reconciled at all
    ReconOptions options;
};

struct ReconcileReport {
    std::vector<std::int64_t> register_ids;
    SaleTable platform; // the registers' purchases, in the result's row numbering
    PosReadResult pos;  // the partner's file as read (its problems, if any)
    ReconResult result;
    bool reconciled = false; // false: the file had problems (listed in pos) and skipping was not chosen
};

// Registers must have been synced; `problems` name the file's lines when it is not clean.
Outcome<std::shared_ptr<ReconcileReport>> ReconcileWithPos(store::Workspace& workspace, const DeskContext& context,
                                                           const ReconcileRequest& request,
                                                           const domain::CancelToken* cancel,
                                                           domain::ProgressSink& progress);

// Keeps a finished reconciliation in the workspace: its totals and every row
// that is not a match. Returns the run's id.
std::int64_t SaveReconciliation(store::Workspace& workspace, const DeskContext& context, const ReconcileReport& report);

// The user's note on an order found by reconciliations (empty text removes it); audited.
void SetReconciliationNote(store::Workspace& workspace, const DeskContext& context, const std::string& orderId,
                           const std::string& text);

struct CommissionCheck {
    domain::CommissionInvoice invoiced;
    domain::CommissionInvoice computed;
    std::vector<domain::InvoiceDifference> differences;
    std::vector<domain::EdgePurchase> edge_purchases; // listed when turnover differs
};

Outcome<CommissionCheck> CheckCommission(api::PlatformClient& client, store::Workspace& workspace,
                                         const DeskContext& context, const domain::Month& month);

} // namespace kpd::services
