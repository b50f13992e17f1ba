#pragma once
// ReconciliationStore: reconciliation runs kept in the workspace with their
// discrepancies, and the user's notes per order (which outlive any one run).
// Every note change is written to the local audit log in the same transaction.
//
// Thread affinity: any thread; each call leases its own session. Methods
// throw StoreError on a database failure.
#include "domain/reconciliation.h"
#include "store/audit_log.h"
#include "store/settlement_store.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kpd::store {

struct StoredDiscrepancy {
    domain::ReconClass cls = domain::ReconClass::Matched;
    std::string order_id;
    std::string store_id;
    std::optional<std::int64_t> register_id;
    std::optional<std::int64_t> pos_line;
    std::optional<domain::Kopecks> platform_kop;
    std::optional<domain::Kopecks> partner_kop;
};

struct ReconRun {
    std::int64_t id = 0;
    std::string created_at, created_by;
    std::string registers; // e.g. "41,42,43"
    std::string pos_file;
    domain::ReconTotals totals;
};

class ReconciliationStore {
  public:
    explicit ReconciliationStore(Workspace& workspace) : m_workspace(workspace) {}

    // Saves a run and its discrepancies in one transaction; returns the run's id.
    std::int64_t SaveRun(const SettlementScope& scope, const ReconRun& run,
                         const std::vector<StoredDiscrepancy>& discrepancies);
    std::vector<ReconRun> Runs(const SettlementScope& scope);
    std::vector<StoredDiscrepancy> Discrepancies(std::int64_t runId);

    // Sets (or, with empty text, removes) the note on an order, audited.
    void SetNote(const SettlementScope& scope, const std::string& orderId, const std::string& text,
                 const NewAuditRecord& audit);
    std::map<std::string, std::string> Notes(const SettlementScope& scope);

  private:
    Workspace& m_workspace;
};

} // namespace kpd::store
