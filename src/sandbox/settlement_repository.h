#pragma once
// Dolyami settlements in the sandbox database: registers with their
// approvals, the purchases on them, disputes, the partner's finance settings
// and commission invoices. Functions take the caller's session inside the
// caller's transaction. Bulk loading (the seed, big generated volumes) goes
// through multi-row INSERTs, which both backends take in one round trip.
#include "domain/dolyami.h"
#include "domain/settlement.h"

#include <soci/soci.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace kpd::sandbox {

struct FinanceSettings {
    domain::Kopecks four_eyes_threshold_kop = 0;
    int commission_rate_bp = 0;
};
std::optional<FinanceSettings> LoadFinanceSettings(soci::session& db, std::int64_t partnerId);
void SaveFinanceSettings(soci::session& db, std::int64_t partnerId, const FinanceSettings& settings);

// Registers with business_date in [from, to] (YYYY-MM-DD, either may be
// empty for open), ordered by date, newest first, after `beforeId` when > 0
// (the cursor is the last register's id), at most `limit`; approvals filled.
std::vector<domain::SettlementRegister> ListRegisters(soci::session& db, std::int64_t partnerId,
                                                      const std::string& from, const std::string& to,
                                                      std::int64_t beforeId, int limit);
std::optional<domain::SettlementRegister> FindRegister(soci::session& db, std::int64_t partnerId,
                                                       std::int64_t registerId);

// Adds a register with the next free id and returns the id.
std::int64_t InsertRegister(soci::session& db, std::int64_t partnerId, const domain::SettlementRegister& reg);

// Appends purchases to a register in batches; `firstSeq` numbers the first.
void InsertTransactions(soci::session& db, std::int64_t partnerId, std::int64_t registerId, std::int64_t firstSeq,
                        const std::vector<domain::SettlementTransaction>& transactions);

// Purchases of a register in seq order after `afterSeq`, at most `limit`;
// `seqs` receives their numbers (the cursor).
std::vector<domain::SettlementTransaction> ListTransactions(soci::session& db, std::int64_t partnerId,
                                                            std::int64_t registerId, std::int64_t afterSeq,
                                                            int limit, std::vector<std::int64_t>& seqs);
// Every purchase of a register in seq order, read by one statement in
// batches and handed to `visit` one by one (the bulk NDJSON download).
void ForEachTransaction(soci::session& db, std::int64_t partnerId, std::int64_t registerId,
                        const std::function<void(const domain::SettlementTransaction&)>& visit);
// Whether each order id is on the register.
std::vector<std::string> OrdersNotOnRegister(soci::session& db, std::int64_t partnerId, std::int64_t registerId,
                                             const std::vector<std::string>& orderIds);

// Records an approval; false when this user approved the register before
// (the table's key refuses it, also when two requests race).
bool AddApproval(soci::session& db, std::int64_t partnerId, std::int64_t registerId,
                 const domain::RegisterApproval& approval);

// Moves the register to `status` when its version is still `expectedVersion`
// (and bumps it); false when another request changed it first.
bool SetRegisterStatus(soci::session& db, std::int64_t partnerId, std::int64_t registerId,
                       std::int64_t expectedVersion, domain::RegisterStatus status);
// Bumps the version alone (a first of two approvals), guarded the same way.
bool TouchRegister(soci::session& db, std::int64_t partnerId, std::int64_t registerId, std::int64_t expectedVersion);

void AddDispute(soci::session& db, std::int64_t partnerId, std::int64_t registerId, std::int64_t userId,
                const domain::RegisterDispute& dispute, const std::string& now);

struct StoredInvoice {
    domain::CommissionInvoice invoice;
    std::string status; // issued | accepted | disputed
};
void SaveInvoice(soci::session& db, std::int64_t partnerId, const StoredInvoice& invoice);
std::optional<StoredInvoice> FindInvoice(soci::session& db, std::int64_t partnerId, const domain::Month& month);
// Moves an issued invoice to `status`; false unless it was issued.
bool SettleInvoice(soci::session& db, std::int64_t partnerId, const domain::Month& month, const std::string& status);

} // namespace kpd::sandbox
