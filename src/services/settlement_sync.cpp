#include "services/settlement_sync.h"

#include <deque>
#include <future>
#include <memory>
#include <utility>
#include <vector>

namespace kpd::services {

namespace {
// Gives the client `listener` for the sync and its own back afterwards.
class ScopedWaitListener {
  public:
    ScopedWaitListener(api::PlatformClient& client, api::PlatformClient::WaitListener listener)
        : m_client(client), m_previous(client.WaitListenerInUse()) {
        m_client.SetWaitListener(std::move(listener));
    }
    ~ScopedWaitListener() { m_client.SetWaitListener(std::move(m_previous)); }
    ScopedWaitListener(const ScopedWaitListener&) = delete;
    ScopedWaitListener& operator=(const ScopedWaitListener&) = delete;

  private:
    api::PlatformClient& m_client;
    api::PlatformClient::WaitListener m_previous;
};
} // namespace

Outcome<SyncReport> SyncSettlements(api::PlatformClient& client, store::Workspace& workspace,
                                    const DeskContext& context, const std::string& from, const std::string& to,
                                    const domain::CancelToken* cancel, domain::ProgressSink& progress) {
    SyncReport report;
    const store::SettlementScope scope{context.platform_url, context.partner_id};
    // A platform asking to wait is said in the progress (any lane may be told).
    const api::PlatformClient::WaitListener toProgress = [&progress](std::chrono::seconds wait) {
        progress.PlatformWait(wait.count());
    };
    const ScopedWaitListener saying(client, toProgress);
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
    // Three lanes: two more clients on the same session download the next
    // two registers (the platform builds each one's NDJSON before sending it,
    // so one download alone would wait on it) while this thread bulk-loads
    // the current one, so the network, the platform and the database work
    // at once. A client serves one download at a time: register i + 2 goes
    // to the client that finished register i.
    constexpr std::size_t kAhead = 2;
    std::vector<std::unique_ptr<api::PlatformClient>> fetchers;
    for (std::size_t k = 0; k < kAhead; ++k) {
        fetchers.push_back(std::make_unique<api::PlatformClient>(client.Options()));
        if (auto session = client.CurrentSession()) fetchers.back()->UseSession(*session);
        // Cancel stops a download, or its pause before a retry, at once.
        fetchers.back()->SetCancelToken(client.CancelTokenInUse());
        fetchers.back()->SetWaitListener(toProgress);
    }
    using Rows = std::vector<domain::SettlementTransaction>;
    auto fetch = [](api::PlatformClient& fetcher, std::int64_t id) {
        Rows rows;
        auto streamed = fetcher.StreamSettlementTransactions(id, [&](domain::SettlementTransaction&& tx) {
            rows.push_back(std::move(tx));
        });
        return std::make_pair(std::move(streamed), std::move(rows));
    };
    // Declared after the clients: a download still running when this
    // function returns is waited for (a std::async future's destructor
    // waits) before the client it uses goes away.
    std::deque<std::future<std::pair<api::Result<std::int64_t>, Rows>>> downloads;
    const auto start = [&](std::size_t i) {
        downloads.push_back(std::async(std::launch::async, fetch, std::ref(*fetchers[i % kAhead]), pending[i].id));
    };
    for (std::size_t i = 0; i < kAhead && i < pending.size(); ++i) start(i);
    for (std::size_t i = 0; i < pending.size(); ++i) {
        auto [streamed, rows] = downloads.front().get();
        downloads.pop_front();
        if (!streamed.Ok()) {
            return Outcome<SyncReport>::Failure(streamed.Error()); // nothing of this register was written
        }
        if (cancelled()) {
            report.cancelled = true;
            break;
        }
        if (i + kAhead < pending.size()) start(i + kAhead);
        auto load = settlements.BeginLoad(scope, pending[i].id);
        for (const auto& tx : rows) load.Add(tx);
        load.Commit(pending[i].version);
        ++report.registers_loaded;
        report.transactions_loaded += load.Added();
        progress.Report(report.transactions_loaded, total, "purchases");
    }
    return Outcome<SyncReport>::Success(report);
}

} // namespace kpd::services
