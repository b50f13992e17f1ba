#include "services/settlement_sync.h"

#include <future>
#include <utility>
#include <vector>

namespace kpd::services {

Outcome<SyncReport> SyncSettlements(api::PlatformClient& client, store::Workspace& workspace,
                                    const DeskContext& context, const std::string& from, const std::string& to,
                                    const domain::CancelToken* cancel, domain::ProgressSink& progress) {
    SyncReport report;
    const store::SettlementScope scope{context.platform_url, context.partner_id};
    auto settlements = workspace.Settlements();
    const auto cancelled = [&] { return cancel && cancel->IsCancelled(); };

    progress.Report(0, 0, "registers");
    std::string cursor;
    do {
        auto page = client.ListSettlements(from, to, contract::kMaxPageLimit, cursor);
        if (!page.Ok()) {
            return Outcome<SyncReport>::Failure(page.Error());
        }
        settlements.SaveRegisters(scope, page.Value().items);
        report.registers_listed += static_cast<std::int64_t>(page.Value().items.size());
        cursor = page.Value().next_cursor.value_or("");
        if (cancelled()) {
            report.cancelled = true;
            return Outcome<SyncReport>::Success(report);
        }
    } while (!cursor.empty());

    const auto pending = settlements.RegistersToSync(scope);
    std::int64_t total = 0;
    for (const auto& r : pending) total += r.count;
    if (pending.empty()) {
        return Outcome<SyncReport>::Success(report);
    }
    // Two lanes: a second client on the same session downloads the next
    // register while this thread bulk-loads the current one, so the network
    // and the database work at once.
    api::PlatformClient fetcher(client.Options());
    if (auto session = client.CurrentSession()) fetcher.UseSession(*session);
    using Rows = std::vector<domain::SettlementTransaction>;
    auto fetch = [&fetcher](std::int64_t id) {
        Rows rows;
        auto streamed = fetcher.StreamSettlementTransactions(id, [&](domain::SettlementTransaction&& tx) {
            rows.push_back(std::move(tx));
        });
        return std::make_pair(std::move(streamed), std::move(rows));
    };
    auto next = std::async(std::launch::async, fetch, pending.front().id);
    for (std::size_t i = 0; i < pending.size(); ++i) {
        auto [streamed, rows] = next.get();
        if (!streamed.Ok()) {
            return Outcome<SyncReport>::Failure(streamed.Error()); // nothing of this register was written
        }
        if (cancelled()) {
            report.cancelled = true;
            break;
        }
        if (i + 1 < pending.size()) {
            next = std::async(std::launch::async, fetch, pending[i + 1].id);
        }
        auto load = settlements.BeginLoad(scope, pending[i].id);
        for (const auto& tx : rows) load.Add(tx);
        load.Commit(pending[i].version);
        ++report.registers_loaded;
        report.transactions_loaded += load.Added();
        progress.Report(report.transactions_loaded, total, "purchases");
    }
    if (next.valid()) {
        next.wait(); // a download still running uses `fetcher`, which must outlive it
    }
    return Outcome<SyncReport>::Success(report);
}

} // namespace kpd::services
