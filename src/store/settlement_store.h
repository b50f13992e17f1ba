#pragma once
// SettlementStore: the Dolyami registers and purchases the desk copied from
// the platform, per platform + partner, for offline browsing and for
// reconciliation. Purchases arrive by the hundred thousand, so they are bulk
// loaded: batched prepared inserts on SQLite, COPY through libpq on
// PostgreSQL, each register's purchases replaced in one transaction.
//
// Thread affinity: any thread; each call (and each RegisterLoad) leases its
// own session. Methods throw StoreError on a database failure.
#include "domain/settlement.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace soci {
class session;
}

namespace kpd::store {

class Workspace;

struct SettlementScope {
    std::string platform_url;
    std::int64_t partner_id = 0;
};

struct RegisterToSync {
    std::int64_t id = 0;
    std::int64_t version = 0;
    std::int64_t count = 0;
};

// Replaces one register's purchases: Add them all, then Commit. Destroyed
// without Commit, it rolls back and the register keeps what it had.
class RegisterLoad {
  public:
    RegisterLoad(Workspace& workspace, SettlementScope scope, std::int64_t registerId);
    ~RegisterLoad();
    RegisterLoad(const RegisterLoad&) = delete;
    RegisterLoad& operator=(const RegisterLoad&) = delete;

    void Add(const domain::SettlementTransaction& tx);
    // Writes what is buffered and marks the register synced at `version`.
    void Commit(std::int64_t version);
    std::int64_t Added() const { return m_added; }

  private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    std::int64_t m_added = 0;
};

class SettlementStore {
  public:
    explicit SettlementStore(Workspace& workspace) : m_workspace(workspace) {}

    // Inserts or updates registers as the platform lists them; their purchases stay.
    void SaveRegisters(const SettlementScope& scope, const std::vector<domain::SettlementRegister>& registers);
    // Registers with business_date in [from, to] (empty = open), newest first.
    std::vector<domain::SettlementRegister> Registers(const SettlementScope& scope, const std::string& from = "",
                                                      const std::string& to = "");
    // Registers whose purchases are missing or older than the register's version.
    std::vector<RegisterToSync> RegistersToSync(const SettlementScope& scope);
    std::int64_t TransactionCount(const SettlementScope& scope, std::int64_t registerId);
    // A register's purchases in the platform's order.
    std::vector<domain::SettlementTransaction> Transactions(const SettlementScope& scope, std::int64_t registerId);

    RegisterLoad BeginLoad(const SettlementScope& scope, std::int64_t registerId) {
        return RegisterLoad(m_workspace, scope, registerId);
    }

  private:
    Workspace& m_workspace;
};

} // namespace kpd::store
