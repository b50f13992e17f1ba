// Settlement sync into the SQLite workspace — list the registers, download
// each one's purchases as gzip NDJSON from a real platform-sandbox, bulk load
// them — against `sqlite3 .import` of the same rows as CSV into the same
// table, measured in the same run and printed as a ratio.
//
//   sync_bench [--transactions N]     (default 1,000,000)
//
// The sandbox's seeding of N purchases is not measured.
#include "bench_clock.h"

#include "api/platform_client.h"
#include "services/desk_context.h"
#include "services/sign_in.h"
#include "services/settlement_sync.h"
#include "store/workspace.h"
#include "support/sandbox_process.h"
#include "support/test_env.h"

#include <soci/soci.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>

using namespace kpd;
using bench::Clock;
using bench::Seconds;

namespace {
// CPU seconds (user + system): this process, its running children (the
// sandbox, from /proc), and the children it has waited for (sqlite3). On a
// machine others load, wall time swings; CPU time says what the work cost.
double OwnCpu() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}
double WaitedChildrenCpu() {
    rusage u{};
    getrusage(RUSAGE_CHILDREN, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}
double RunningChildrenCpu() {
    const std::string self = std::to_string(getpid());
    std::ifstream children("/proc/" + self + "/task/" + self + "/children");
    double total = 0;
    for (long pid = 0; children >> pid;) {
        std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
        std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
        std::istringstream fields(text.substr(text.rfind(')') + 2));
        std::string field;
        double ticks = 0;
        for (int i = 3; i <= 15 && fields >> field; ++i) {
            if (i == 14 || i == 15) ticks += std::stod(field); // utime, stime
        }
        total += ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
    }
    return total;
}
} // namespace

int main(int argc, char** argv) {
    std::string transactions = "1000000";
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--transactions" && i + 1 < argc) {
            transactions = argv[++i];
        } else {
            std::cerr << "usage: sync_bench [--transactions N]\n";
            return 2;
        }
    }
    const std::string dir = test::MakeTempDir("sync-bench");
    test::SandboxOptions options;
    options.db_url = "sqlite:" + dir + "/platform.db";
    options.extra_args = {"--demo-transactions", transactions, "--threads", "4"};
    options.allow_prism = false;
    std::printf("settlement sync of %s purchases into a SQLite workspace\n", transactions.c_str());
    const auto seedStart = Clock::now();
    test::SandboxProcess sandbox(options);
    std::printf("  (sandbox seeded in %.1f s)\n", Seconds(seedStart));

    store::Workspace workspace("sqlite:" + dir + "/workspace.db");
    api::ClientOptions clientOptions;
    clientOptions.base_url = sandbox.BaseUrl();
    clientOptions.request_timeout = std::chrono::milliseconds(300'000);
    api::PlatformClient client(clientOptions);
    if (!services::SignIn(client, workspace, "finance", "demo").Ok()) {
        std::cerr << "sign-in failed\n";
        return 1;
    }
    const auto context = services::CurrentContext(client, workspace);
    domain::NullProgress quiet;
    const double desk0 = OwnCpu(), sandbox0 = RunningChildrenCpu();
    const auto t0 = Clock::now();
    auto outcome = services::SyncSettlements(client, workspace, *context, "", "", nullptr, quiet);
    const double ours = Seconds(t0);
    const double deskCpu = OwnCpu() - desk0, sandboxCpu = RunningChildrenCpu() - sandbox0;
    if (!outcome.Ok()) {
        std::cerr << "sync failed: " << (outcome.error ? outcome.error->message : "") << "\n";
        return 1;
    }
    std::printf("  ours: %.2f s for %lld purchases of %lld registers (%.0f rows/s)\n", ours,
                static_cast<long long>(outcome.value->transactions_loaded),
                static_cast<long long>(outcome.value->registers_loaded),
                static_cast<double>(outcome.value->transactions_loaded) / ours);
    std::printf("  ours: CPU %.2f s in the desk + %.2f s in the sandbox\n", deskCpu, sandboxCpu);

    // The peer: the same rows as CSV, imported by the sqlite3 shell into the same table.
    const std::string csv = dir + "/purchases.csv";
    {
        auto sql = store::OpenSession("sqlite:" + dir + "/workspace.db");
        std::ofstream out(csv);
        std::string url, order, store, status, refundStatus;
        long long partner = 0, reg = 0, seq = 0, at = 0, amount = 0, prepaid = 0, refunded = 0;
        soci::indicator ind = soci::i_ok;
        soci::statement st = (sql->prepare << "SELECT platform_url, partner_id, register_id, seq, order_id, store_id, "
                                              "purchased_at, amount_kop, prepaid_kop, status, refunded_kop, "
                                              "refund_status FROM settlement_transactions",
                              soci::into(url), soci::into(partner), soci::into(reg), soci::into(seq), soci::into(order),
                              soci::into(store), soci::into(at), soci::into(amount), soci::into(prepaid),
                              soci::into(status), soci::into(refunded), soci::into(refundStatus, ind));
        st.execute();
        while (st.fetch()) {
            out << url << ',' << partner << ',' << reg << ',' << seq << ',' << order << ',' << store << ',' << at << ','
                << amount << ',' << prepaid << ',' << status << ',' << refunded << ','
                << (ind == soci::i_ok ? refundStatus : "") << '\n';
        }
    }
    const std::string peerDb = dir + "/peer.db";
    {
        store::Workspace fresh("sqlite:" + peerDb); // the same schema, empty
    }
    const std::string script = dir + "/import.sql";
    std::ofstream(script) << ".mode csv\n.import " << csv << " settlement_transactions\n";
    const double peer0 = WaitedChildrenCpu();
    const auto t1 = Clock::now();
    const int rc = std::system(("sqlite3 " + peerDb + " < " + script).c_str());
    const double peer = Seconds(t1);
    const double peerCpu = WaitedChildrenCpu() - peer0;
    if (rc != 0) {
        std::cerr << "sqlite3 .import failed\n";
        return 1;
    }
    std::printf("  sqlite3 .import of the same rows as CSV: %.2f s (CPU %.2f s)\n", peer, peerCpu);
    std::printf("RATIO sync_%s vs sqlite3 .import: %.2fx its time (target: within 2x; and under 5 s: %.2f s)\n",
                transactions.c_str(), ours / peer, ours);
    std::filesystem::remove_all(dir);
    return 0;
}
