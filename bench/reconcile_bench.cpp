// Reconciliation end to end from files — read the platform's transactions and
// the partner's POS export, parse, match, classify, total — timed against the
// same job done by PostgreSQL (COPY both files, then one query) and by pandas
// (read_csv + merge) on the same files in the same run, printed as ratios.
//
//   reconcile_bench [--rows N] [--dir DIR] [--pg URL] [--no-pandas] [--keep]
//
// The files carry planted discrepancies of every class. Peak memory is our
// process's maximum resident set, read before any peer runs.
#include "bench_clock.h"

#include "services/pos_file_reader.h"
#include "services/reconciliation_engine.h"

#include <libpq-fe.h>
#include <sys/resource.h>

#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <iostream>
#include <random>
#include <initializer_list>
#include <string>
#include <vector>

using namespace kpd;
using bench::Clock;
using bench::Seconds;
using bench::Iso;

namespace {
struct Options {
    std::size_t rows = 1'000'000;
    std::string dir;
    std::string pg;
    bool pandas = true;
    bool keep = false;
};

// Both files in one simple layout so every peer reads them as they are:
// order_id;store;sold_at;amount_kop;refunded_kop (UTC times, header line).
void Generate(const Options& o, const std::string& platformPath, const std::string& posPath) {
    std::ofstream platform(platformPath), pos(posPath);
    const char* header = "order_id;store;sold_at;amount_kop;refunded_kop\n";
    platform << header;
    pos << header;
    std::mt19937_64 rng(42);
    std::uniform_int_distribution<int> roll(0, 999);
    std::uniform_int_distribution<std::int64_t> amount(10'000, 5'000'000);
    const std::int64_t start = 1'790'000'000;
    std::string p, q;
    for (std::size_t i = 0; i < o.rows; ++i) {
        const std::string id = "D" + std::to_string(10'000'000 + i);
        const std::string store = "store-" + std::to_string(i % 211);
        const std::int64_t at = start + static_cast<std::int64_t>(i) * 2;
        const std::int64_t kop = amount(rng);
        const std::int64_t refunded = i % 40 == 0 ? kop / 2 : 0;
        p = id + ';' + store + ';' + Iso(at) + ';' + std::to_string(kop) + ';' + std::to_string(refunded) + '\n';
        platform << p;
        const int r = roll(rng);
        if (r < 10) continue; // missing at the partner
        std::int64_t posKop = kop, posAt = at, posRefunded = refunded;
        if (r < 20) posKop += 100;
        else if (r < 25) posRefunded += 1;
        else if (r < 30) posAt += 7200;
        q = id + ';' + store + ';' + Iso(posAt) + ';' + std::to_string(posKop) + ';' + std::to_string(posRefunded) + '\n';
        pos << q;
        if (r < 35) pos << q; // the till sent it twice
        if (r >= 990) pos << 'X' << id << ';' << store << ';' << Iso(at) << ";700;0\n"; // unknown to the platform
    }
}

// Reads the files through once; returns the seconds it took.
double WarmPageCache(std::initializer_list<std::string> paths) {
    const auto t0 = Clock::now();
    std::vector<char> buffer(1 << 20);
    for (const auto& path : paths) {
        std::ifstream in(path, std::ios::binary);
        while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || in.gcount() > 0) {
        }
    }
    return Seconds(t0);
}

std::int64_t PeakRssMb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

double Ours(const std::string& platformPath, const std::string& posPath, services::ReconResult& result) {
    services::PosLayout layout;
    layout.delimiter = ';';
    layout.unit = domain::AmountUnit::InKopecks;
    layout.utc_offset_minutes = 0;
    layout.columns = {0, 1, 2, 3, 4};
    timespec cpu0{}, cpu1{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu0);
    const auto t0 = Clock::now();
    // The two files are independent: one core each.
    auto platformRead = std::async(std::launch::async, [&] { return services::ReadPosFile(platformPath, layout); });
    auto pos = services::ReadPosFile(posPath, layout);
    auto platform = platformRead.get();
    if (!platform.Clean() || !pos.Clean()) {
        std::cerr << "bench files did not read cleanly: " << platform.fatal << pos.fatal << "\n";
        std::exit(1);
    }
    const double read = Seconds(t0);
    result = services::Reconcile(platform.table, pos.table);
    const double total = Seconds(t0);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu1);
    // CPU time of both threads: on a machine others load, wall time swings.
    const double cpu = static_cast<double>(cpu1.tv_sec - cpu0.tv_sec) + static_cast<double>(cpu1.tv_nsec - cpu0.tv_nsec) / 1e9;
    std::printf("  ours: read %.2f s + match %.2f s (CPU %.2f s)\n", read, total - read, cpu);
    return total;
}

bool Exec(PGconn* c, const std::string& sql) {
    PGresult* r = PQexec(c, sql.c_str());
    const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
    if (!ok) std::cerr << "PostgreSQL: " << PQerrorMessage(c);
    PQclear(r);
    return ok;
}

bool CopyFile(PGconn* c, const std::string& table, const std::string& path) {
    PGresult* r = PQexec(c, ("COPY " + table + " FROM STDIN (FORMAT csv, DELIMITER ';', HEADER true)").c_str());
    const bool started = PQresultStatus(r) == PGRES_COPY_IN;
    PQclear(r);
    if (!started) return false;
    std::ifstream in(path, std::ios::binary);
    std::vector<char> buf(1 << 20);
    while (in) {
        in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
        if (in.gcount() > 0 && PQputCopyData(c, buf.data(), static_cast<int>(in.gcount())) != 1) return false;
    }
    if (PQputCopyEnd(c, nullptr) != 1) return false;
    r = PQgetResult(c);
    const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    PQclear(r);
    while ((r = PQgetResult(c)) != nullptr) PQclear(r);
    return ok;
}

// COPY both files into unlogged tables, then one query that classifies by
// order id (first row per id on each side, the rest duplicates) and totals.
double Postgres(const std::string& url, const std::string& platformPath, const std::string& posPath) {
    PGconn* c = PQconnectdb(url.c_str());
    if (PQstatus(c) != CONNECTION_OK) {
        std::cerr << "PostgreSQL: " << PQerrorMessage(c);
        PQfinish(c);
        return -1;
    }
    const char* columns = "(order_id text, store text, sold_at timestamp, amount_kop bigint, refunded_kop bigint)";
    Exec(c, "DROP TABLE IF EXISTS bench_platform, bench_pos");
    Exec(c, std::string("CREATE UNLOGGED TABLE bench_platform ") + columns);
    Exec(c, std::string("CREATE UNLOGGED TABLE bench_pos ") + columns);
    const auto t0 = Clock::now();
    if (!CopyFile(c, "bench_platform", platformPath) || !CopyFile(c, "bench_pos", posPath)) {
        std::cerr << "PostgreSQL COPY failed: " << PQerrorMessage(c);
        PQfinish(c);
        return -1;
    }
    const double copy = Seconds(t0);
    const std::string query = R"(
        WITH p AS (SELECT *, row_number() OVER (PARTITION BY order_id ORDER BY ctid) AS n FROM bench_platform),
             q AS (SELECT *, row_number() OVER (PARTITION BY order_id ORDER BY ctid) AS n FROM bench_pos),
             j AS (SELECT CASE
                     WHEN p.n > 1 OR q.n > 1 THEN 'duplicate'
                     WHEN q.order_id IS NULL THEN 'missing_at_partner'
                     WHEN p.order_id IS NULL THEN 'missing_on_platform'
                     WHEN p.amount_kop <> q.amount_kop THEN 'amount_mismatch'
                     WHEN p.refunded_kop <> q.refunded_kop THEN 'refund_mismatch'
                     WHEN abs(extract(epoch FROM p.sold_at - q.sold_at)) > 900 THEN 'date_outside_tolerance'
                     ELSE 'matched' END AS cls, p.amount_kop AS pk, q.amount_kop AS qk
                   FROM (SELECT * FROM p WHERE n = 1) p FULL JOIN (SELECT * FROM q WHERE n = 1) q USING (order_id)
                   UNION ALL SELECT 'duplicate', amount_kop, NULL FROM p WHERE n > 1
                   UNION ALL SELECT 'duplicate', NULL, amount_kop FROM q WHERE n > 1)
        SELECT cls, count(*), coalesce(sum(pk), 0), coalesce(sum(qk), 0) FROM j GROUP BY cls ORDER BY cls)";
    PGresult* r = PQexec(c, query.c_str());
    const double total = Seconds(t0);
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
        std::cerr << "PostgreSQL: " << PQerrorMessage(c);
    } else {
        std::printf("  PostgreSQL: COPY %.2f s + query %.2f s;", copy, total - copy);
        for (int i = 0; i < PQntuples(r); ++i) std::printf(" %s=%s", PQgetvalue(r, i, 0), PQgetvalue(r, i, 1));
        std::printf("\n");
    }
    PQclear(r);
    Exec(c, "DROP TABLE IF EXISTS bench_platform, bench_pos");
    PQfinish(c);
    return total;
}

// pandas in a child process; its own clock starts after `import pandas`.
double Pandas(const std::string& platformPath, const std::string& posPath, const std::string& dir) {
    const std::string script = dir + "/recon_pandas.py";
    std::ofstream(script) << R"(import sys, time
import numpy as np, pandas as pd
t0 = time.perf_counter()
kw = dict(sep=';', dtype={'order_id': str, 'store': str, 'amount_kop': 'int64', 'refunded_kop': 'int64'}, parse_dates=['sold_at'])
p = pd.read_csv(sys.argv[1], **kw)
q = pd.read_csv(sys.argv[2], **kw)
pd_ = p.duplicated('order_id'); qd = q.duplicated('order_id')
m = p[~pd_].merge(q[~qd], on='order_id', how='outer', suffixes=('_p', '_q'), indicator=True)
cls = np.select([m['_merge'] == 'left_only', m['_merge'] == 'right_only', m.amount_kop_p != m.amount_kop_q,
                 m.refunded_kop_p != m.refunded_kop_q, (m.sold_at_p - m.sold_at_q).abs() > pd.Timedelta(seconds=900)],
                ['missing_at_partner', 'missing_on_platform', 'amount_mismatch', 'refund_mismatch', 'date_outside_tolerance'],
                'matched')
counts = pd.Series(cls).value_counts().to_dict()
counts['duplicate'] = int(pd_.sum() + qd.sum())
print('%.3f' % (time.perf_counter() - t0), ' '.join('%s=%d' % kv for kv in sorted(counts.items())))
)";
    // Debian's interpreter, where python3-pandas lives (a pyenv python3 may come first on PATH).
    const std::string cmd = "/usr/bin/python3 " + script + " " + platformPath + " " + posPath;
    FILE* pipe = popen(cmd.c_str(), "r");
    if (!pipe) return -1;
    char line[1024] = {0};
    const bool got = std::fgets(line, sizeof line, pipe) != nullptr;
    if (pclose(pipe) != 0 || !got) {
        std::cerr << "pandas run failed (is python3-pandas installed?)\n";
        return -1;
    }
    std::printf("  pandas: %s", line);
    return std::atof(line);
}
} // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const auto next = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::cerr << a << " needs a value\n";
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--rows") o.rows = std::stoull(next());
        else if (a == "--dir") o.dir = next();
        else if (a == "--pg") o.pg = next();
        else if (a == "--no-pandas") o.pandas = false;
        else if (a == "--keep") o.keep = true;
        else {
            std::cerr << "usage: reconcile_bench [--rows N] [--dir DIR] [--pg URL] [--no-pandas] [--keep]\n";
            return 2;
        }
    }
    if (o.pg.empty() && std::getenv("KPD_BENCH_PG_URL")) o.pg = std::getenv("KPD_BENCH_PG_URL");
    if (o.dir.empty()) o.dir = std::filesystem::temp_directory_path() / ("kpd-recon-bench-" + std::to_string(o.rows));
    std::filesystem::create_directories(o.dir);
    const std::string platformPath = o.dir + "/platform.csv", posPath = o.dir + "/pos.csv";

    std::printf("reconciliation of %zu x ~%zu rows from files\n", o.rows, o.rows);
    if (!std::filesystem::exists(posPath)) {
        const auto g = Clock::now();
        Generate(o, platformPath, posPath);
        std::printf("  (files generated in %.1f s: %.0f MB + %.0f MB)\n", Seconds(g),
                    static_cast<double>(std::filesystem::file_size(platformPath)) / 1e6,
                    static_cast<double>(std::filesystem::file_size(posPath)) / 1e6);
    }
    // Every reader here (ours, COPY, read_csv) gets the files from the page
    // cache: files made in an earlier run may have left it, and the first
    // reader would pay the disk for all of them.
    const double warm = WarmPageCache({platformPath, posPath});
    std::printf("  (files read once into the page cache first: %.2f s)\n", warm);
    services::ReconResult result;
    const double ours = Ours(platformPath, posPath, result);
    const auto peak = PeakRssMb();
    std::printf("  ours: %.3f s, peak memory %lld MB;", ours, static_cast<long long>(peak));
    for (std::size_t c = 0; c < domain::kReconClassCount; ++c) {
        std::printf(" %s=%lld", std::string(ToString(static_cast<domain::ReconClass>(c))).c_str(),
                    static_cast<long long>(result.totals[c].rows));
    }
    // A digest of every result row (class, both rows, how paired), in order: a
    // change to the engine that moves one pairing shows here, not only in counts.
    // The second digest ignores the rows' order.
    std::uint64_t digest = 0, anyOrder = 0;
    for (const auto& row : result.rows) {
        const std::uint64_t v = (static_cast<std::uint64_t>(row.platform) << 32 | row.partner) ^
                                (static_cast<std::uint64_t>(row.cls) << 8 | row.by_attributes) * 0x9E3779B97F4A7C15ull;
        digest = (digest ^ v) * 0x100000001B3ull;
        anyOrder += (v ^ (v >> 29)) * 0xBF58476D1CE4E5B9ull;
    }
    std::printf("\n  ours: %zu result rows, digest %016llx, in any order %016llx\n", result.rows.size(),
                static_cast<unsigned long long>(digest), static_cast<unsigned long long>(anyOrder));
    if (!o.pg.empty()) {
        const double pg = Postgres(o.pg, platformPath, posPath);
        if (pg > 0) std::printf("RATIO reconcile_%zu vs PostgreSQL COPY+query: %.1fx faster (%.2f s vs %.2f s)\n", o.rows, pg / ours, ours, pg);
    } else {
        std::printf("  (PostgreSQL peer skipped: pass --pg URL or set KPD_BENCH_PG_URL)\n");
    }
    if (o.pandas) {
        const double pd = Pandas(platformPath, posPath, o.dir);
        if (pd > 0) std::printf("RATIO reconcile_%zu vs pandas read_csv+merge: %.1fx faster (%.2f s vs %.2f s)\n", o.rows, pd / ours, ours, pd);
    }
    if (!o.keep) std::filesystem::remove_all(o.dir);
    return 0;
}
