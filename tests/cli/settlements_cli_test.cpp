// The built partnerctl's settlements and commission commands against a real
// sandbox on a fixed clock (so the simulated months are the same every day):
// sync, list, reconcile a register against a POS export with planted
// discrepancies (and refuse a broken export, naming its lines), approve, and
// the commission check — a month the platform invoiced right matches to the
// kopeck; the month it filed by UTC shows the turnover difference.
#include "run_partnerctl.h"

#include "../settlements/xlsx_test_files.h"
#include "api/platform_client.h"
#include "support/sales_workbook.h"
#include "support/sandbox_process.h"
#include "support/test_env.h"

#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <map>

using kpd::test::CliRun;
using kpd::test::RunPartnerctl;
using nlohmann::json;

namespace {

std::string Show(const CliRun& run) {
    return "exit " + std::to_string(run.exit_code) + "\nstdout:\n" + run.out + "\nstderr:\n" + run.err;
}

kpd::test::SandboxOptions FixedClock() {
    kpd::test::SandboxOptions o;
    o.clock = "2026-11-25T10:00:00+03:00";
    o.extra_args = {"--demo-transactions", "20000"};
    return o;
}

// "23.11.2026 15:30:00" in Moscow time, as a Russian till exports it.
std::string RussianTime(std::int64_t unix) {
    const std::time_t t = static_cast<std::time_t>(unix + 3 * 3600);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%d.%m.%Y %H:%M:%S", &tm);
    return text;
}

// What a shell command prints on stdout.
std::string Capture(const std::string& command) {
    std::string out;
    if (FILE* pipe = popen(command.c_str(), "r")) {
        char buf[256];
        while (std::fgets(buf, sizeof buf, pipe)) out += buf;
        pclose(pipe);
    }
    return out;
}

// 1 234,50 written the Russian way (no thousands separator here).
std::string Roubles(std::int64_t kop) {
    return std::to_string(kop / 100) + "," + (kop % 100 < 10 ? "0" : "") + std::to_string(kop % 100);
}

struct SettlementsCli {
    SettlementsCli() : sandbox(FixedClock()), workspace(kpd::test::FreshDatabaseUrl("cli_settlements")),
                       dir(kpd::test::MakeTempDir("pos")) {}

    // `env` adds to (or replaces) what every run gets.
    CliRun As(const std::string& user, std::vector<std::string> args,
              std::map<std::string, std::string> env = {}) {
        args.insert(args.end(), {"--platform", sandbox.BaseUrl(), "--user", user, "--workspace", workspace});
        env.emplace("PARTNERCTL_PASSWORD", "demo");
        return RunPartnerctl(args, "", env);
    }

    json Json(const std::string& user, std::vector<std::string> args) {
        args.insert(args.end(), {"--format", "json"});
        auto run = As(user, args);
        BOOST_REQUIRE_MESSAGE(run.exit_code == 0, Show(run));
        return json::parse(run.out);
    }

    // The register's purchases as the platform has them, read through the API client.
    std::vector<kpd::domain::SettlementTransaction> Purchases(std::int64_t id) {
        kpd::api::ClientOptions o;
        o.base_url = sandbox.BaseUrl();
        kpd::api::PlatformClient client(o);
        BOOST_REQUIRE(client.SignIn("finance", "demo").Ok());
        std::vector<kpd::domain::SettlementTransaction> out;
        BOOST_REQUIRE(client.StreamSettlementTransactions(id, [&](auto&& t) { out.push_back(t); }).Ok());
        return out;
    }

    // The register of 20.11.2026 (the one both reconciliations check) and its purchases.
    struct Register {
        std::int64_t id = 0;
        std::vector<kpd::domain::SettlementTransaction> purchases;
    };
    Register November20() {
        const auto list = Json("finance", {"settlements", "list", "--from", "2026-11-20", "--to", "2026-11-20"});
        Register reg;
        reg.id = list.at(0).at("id").get<std::int64_t>();
        reg.purchases = Purchases(reg.id);
        BOOST_REQUIRE(reg.purchases.size() > 20u);
        return reg;
    }

    kpd::test::SandboxProcess sandbox;
    std::string workspace;
    std::string dir;
};
} // namespace

BOOST_FIXTURE_TEST_SUITE(settlements_cli, SettlementsCli)

BOOST_AUTO_TEST_CASE(sync_list_and_approve) {
    const auto synced = Json("finance", {"settlements", "sync"});
    BOOST_TEST(synced.at("registers_listed") == 92);
    BOOST_TEST(synced.at("transactions_loaded") == 20000);
    BOOST_TEST(Json("finance", {"settlements", "sync"}).at("registers_loaded") == 0);

    const auto list = Json("finance", {"settlements", "list", "--from", "2026-11-18", "--to", "2026-11-24"});
    BOOST_TEST_REQUIRE(list.size() == 7u);
    json pending;
    for (const auto& r : list) {
        if (r.at("status") == "pending_review" && !r.at("needs_second_approval").get<bool>()) pending = r;
    }
    BOOST_REQUIRE(pending.is_object());
    const auto id = std::to_string(pending.at("id").get<std::int64_t>());
    const auto approved = As("finance", {"settlements", "approve", id, "--comment", "сверено с кассой"});
    BOOST_TEST(approved.exit_code == 0, Show(approved));
    BOOST_TEST(approved.out.find("approved") != std::string::npos, Show(approved));
    const auto again = As("finance.manager", {"settlements", "approve", id, "--comment", "ещё раз"});
    BOOST_TEST(again.exit_code == 1, Show(again));

    const auto denied = As("marketing", {"settlements", "list"});
    BOOST_TEST(denied.exit_code == 1, Show(denied));
}

BOOST_AUTO_TEST_CASE(a_register_reconciled_against_a_pos_export_with_planted_discrepancies) {
    const auto reg = November20();
    const std::int64_t id = reg.id;
    const auto& purchases = reg.purchases;

    // The till's export: Russian headers, semicolons, decimal commas, Moscow times, a BOM.
    const std::string pos = dir + "/kassa.csv";
    {
        std::ofstream out(pos, std::ios::binary);
        out << "\xEF\xBB\xBFНомер заказа;Магазин;Дата продажи;Сумма, руб.\r\n";
        for (std::size_t i = 0; i < purchases.size(); ++i) {
            const auto& t = purchases[i];
            if (i == 0) continue;                                         // missing at the partner
            const std::int64_t amount = i == 1 ? t.amount_kop + 5000 : t.amount_kop; // amount mismatch
            const std::string line = t.order_id + ";" + t.store_id + ";" + RussianTime(t.purchased_at) + ";" +
                                     Roubles(amount) + "\r\n";
            out << line;
            if (i == 2) out << line;                                      // the till sent it twice
        }
        out << "\"=HYPERLINK(\"\"http://evil.example\"\")\";store-01;20.11.2026 12:00:00;990,00\r\n"; // unknown, and hostile
    }
    const std::string xlsx = dir + "/report.xlsx", csv = dir + "/report.csv";
    const auto report = Json("finance", {"settlements", "reconcile", std::to_string(id), "--pos", pos, "--xlsx", xlsx,
                                         "--csv", csv});
    const auto& totals = report.at("totals");
    BOOST_TEST(totals.at("missing_at_partner").at("rows") == 1);
    BOOST_TEST(totals.at("amount_mismatch").at("rows") == 1);
    BOOST_TEST(totals.at("amount_mismatch").at("partner_kop").get<std::int64_t>() -
                   totals.at("amount_mismatch").at("platform_kop").get<std::int64_t>() ==
               5000);
    BOOST_TEST(totals.at("duplicate").at("rows") == 1);
    BOOST_TEST(totals.at("missing_on_platform").at("rows") == 1);
    BOOST_TEST(totals.at("matched").at("rows").get<std::size_t>() == purchases.size() - 2);
    BOOST_TEST(report.at("discrepancies").size() == 4u);
    bool namesTheUnknownLine = false;
    for (const auto& d : report.at("discrepancies")) {
        if (d.at("class") == "missing_on_platform") namesTheUnknownLine = d.at("pos_line").get<std::size_t>() == purchases.size() + 2;
    }
    BOOST_TEST(namesTheUnknownLine);

    // The CSV: one line per discrepancy after the header; the hostile order id defused.
    std::ifstream csvIn(csv);
    std::string text((std::istreambuf_iterator<char>(csvIn)), std::istreambuf_iterator<char>());
    BOOST_TEST(std::count(text.begin(), text.end(), '\n') == 5);
    BOOST_TEST(text.find("\"'=HYPERLINK(\"\"http://evil.example\"\")\"") != std::string::npos, text);
    BOOST_TEST(text.find(";=HYPERLINK") == std::string::npos);
    BOOST_TEST(text.find("Расхождение суммы") != std::string::npos);

    // The workbook read back: the sheets by class, and the amount difference a number in roubles.
    const std::string script = dir + "/read.py";
    std::ofstream(script) << "import sys, zipfile, re\n"
                             "z = zipfile.ZipFile(sys.argv[1])\n"
                             "book = z.read('xl/workbook.xml').decode()\n"
                             "print(len(re.findall('<sheet ', book)))\n"
                             "print('Расхождение суммы' in book)\n"
                             "sheet = z.read('xl/worksheets/sheet5.xml').decode()\n"
                             "print('<v>50</v>' in sheet)\n";
    const auto readBack = Capture("python3 '" + script + "' '" + xlsx + "'");
    BOOST_TEST(readBack == "8\nTrue\nTrue\n", readBack);
}

// The sandbox's rehearsal file plants one discrepancy of every kind; the
// reconciliation finds each exactly once.
BOOST_AUTO_TEST_CASE(the_rehearsal_pos_export_has_one_discrepancy_of_every_kind) {
    const auto list = Json("finance", {"settlements", "list", "--from", "2026-11-21", "--to", "2026-11-21"});
    const auto id = list.at(0).at("id").get<std::int64_t>();
    const auto count = list.at(0).at("count").get<std::int64_t>();
    kpd::api::ClientOptions o;
    o.base_url = sandbox.BaseUrl();
    kpd::api::PlatformClient client(o);
    BOOST_REQUIRE(client.SignIn("finance", "demo").Ok());
    kpd::api::Request get;
    get.method = "GET";
    get.path = "/v1/sandbox/pos-export/" + std::to_string(id);
    get.headers["Accept"] = "text/csv";
    auto file = client.Send(get);
    BOOST_REQUIRE(file.Ok());
    const std::string pos = dir + "/rehearsal.csv";
    std::ofstream(pos, std::ios::binary) << file.Value().body;

    const auto report = Json("finance", {"settlements", "reconcile", std::to_string(id), "--pos", pos});
    const auto& totals = report.at("totals");
    for (const char* cls : {"missing_at_partner", "amount_mismatch", "duplicate", "date_outside_tolerance",
                            "refund_mismatch", "missing_on_platform"}) {
        BOOST_TEST(totals.at(cls).at("rows") == 1, cls << ": " << totals.dump());
    }
    BOOST_TEST(totals.at("matched").at("rows").get<std::int64_t>() == count - 4);
}

// The same export as an XLSX workbook whose sales are on its second sheet
// (named in the mapping file): times as date-formatted cells, amounts as
// numbers in roubles, one amount with three decimals named by its cell.
BOOST_AUTO_TEST_CASE(a_register_reconciled_against_an_xlsx_export) {
    const auto reg = November20();
    const std::int64_t id = reg.id;
    const auto& purchases = reg.purchases;
    const std::string pos = dir + "/kassa.xlsx";
    lxw_workbook* book = workbook_new(pos.c_str());
    worksheet_write_string(workbook_add_worksheet(book, "Титул"), 0, 0, "Выгрузка продаж за 20.11.2026", nullptr);
    const std::string badCell = kpd::test::AddSalesSheet(book, purchases, "D-BAD", 1.234);
    BOOST_REQUIRE(workbook_close(book) == LXW_NO_ERROR);
    const std::string mapping = dir + "/mapping.json";
    std::ofstream(mapping) << R"({"sheet": "Продажи"})";

    const auto refused = As("finance", {"settlements", "reconcile", std::to_string(id), "--pos", pos, "--mapping", mapping});
    BOOST_TEST(refused.exit_code == 1, Show(refused));
    BOOST_TEST(refused.err.find("line " + badCell.substr(1) + " amount " + badCell) != std::string::npos, Show(refused));
    BOOST_TEST(refused.out.empty(), Show(refused));

    const auto report = Json("finance", {"settlements", "reconcile", std::to_string(id), "--pos", pos, "--mapping",
                                         mapping, "--skip-bad-lines"});
    const auto& totals = report.at("totals");
    BOOST_TEST(report.at("skipped_lines") == 1);
    BOOST_TEST(report.at("pos_lines").get<std::size_t>() == purchases.size());
    BOOST_TEST(totals.at("missing_at_partner").at("rows") == 1);
    BOOST_TEST(totals.at("amount_mismatch").at("rows") == 1);
    BOOST_TEST(totals.at("missing_on_platform").at("rows") == 0);
    BOOST_TEST(totals.at("date_outside_tolerance").at("rows") == 0);
    BOOST_TEST(totals.at("matched").at("rows").get<std::size_t>() == purchases.size() - 2);

    // An old .xls under the name of a workbook: one clear reason.
    const std::string xls = dir + "/old.xlsx";
    std::ofstream(xls, std::ios::binary) << std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) << std::string(4088, '\0');
    const auto old = As("finance", {"settlements", "reconcile", std::to_string(id), "--pos", xls});
    BOOST_TEST(old.exit_code == 1, Show(old));
    BOOST_TEST(old.err.find("Excel 97") != std::string::npos, Show(old));
}

// Issue 11: a 1 MB workbook whose one shared string inflates to 1 GiB took
// partnerctl to 4.2 GB. It is refused while inflating, naming the part, and
// the run stays small.
BOOST_AUTO_TEST_CASE(an_xlsx_zip_bomb_is_refused_naming_the_part_in_little_memory) {
    const std::string bomb = dir + "/bomb.xlsx";
    kpd::test::WriteXlsxBomb(bomb, "xl/strings.xml", 1ull << 30);
    std::map<std::string, std::string> env;
    // Under the asan preset, ASan keeps freed blocks in a quarantine of up to
    // 256 MiB, so the peak would measure ASan rather than the reader: a small
    // quarantine for this one run (ignored by a plain build).
    if (const char* asan = std::getenv("ASAN_OPTIONS")) {
        env["ASAN_OPTIONS"] = std::string(asan) + ":quarantine_size_mb=8";
    }
    const auto run = As("finance", {"settlements", "reconcile", "1", "--pos", bomb}, env);
    BOOST_TEST(run.exit_code == 1, Show(run));
    BOOST_TEST(run.err.find("xl/strings.xml") != std::string::npos, Show(run));
    BOOST_TEST(run.out.empty(), Show(run));
    BOOST_TEST(run.max_rss_kb > 0);
    BOOST_TEST(run.max_rss_kb < 100 * 1024, "peak memory " << run.max_rss_kb << " KiB");
}

// 92233720368547759,00 ₽ once came out × 100 wrapped, as -92233720368547757,16,
// with exit 0 and the class totals wrapped too: now it is a bad line over
// the 10^13 kop cap, named by line and field, and nothing wraps.
BOOST_AUTO_TEST_CASE(an_amount_over_the_line_cap_is_a_bad_line_and_nothing_wraps) {
    const auto reg = November20();
    const std::string pos = dir + "/huge.csv";
    std::int64_t platformSum = 0;
    {
        std::ofstream out(pos, std::ios::binary);
        out << "Номер заказа;Магазин;Дата продажи;Сумма, руб.\r\n";
        for (const auto& t : reg.purchases) {
            platformSum += t.amount_kop;
            out << t.order_id << ";" << t.store_id << ";" << RussianTime(t.purchased_at) << ";"
                << Roubles(t.amount_kop) << "\r\n";
        }
        out << "D-HUGE;store-01;20.11.2026 12:00:00;92233720368547759,00\r\n";
    }
    const std::size_t hugeLine = reg.purchases.size() + 2;
    const auto refused =
        As("finance", {"settlements", "reconcile", std::to_string(reg.id), "--pos", pos});
    BOOST_TEST(refused.exit_code == 1, Show(refused));
    BOOST_TEST(refused.err.find("line " + std::to_string(hugeLine) + " amount") !=
                   std::string::npos,
               Show(refused));
    BOOST_TEST(refused.err.find("over the limit") != std::string::npos, Show(refused));
    BOOST_TEST(refused.out.empty(), Show(refused));

    const std::string csv = dir + "/huge-report.csv";
    const auto report = Json("finance", {"settlements", "reconcile", std::to_string(reg.id),
                                         "--pos", pos, "--skip-bad-lines", "--csv", csv});
    BOOST_TEST(report.at("skipped_lines") == 1);
    const auto& totals = report.at("totals");
    BOOST_TEST(totals.at("matched").at("rows").get<std::size_t>() == reg.purchases.size());
    BOOST_TEST(totals.at("matched").at("partner_kop").get<std::int64_t>() == platformSum);
    BOOST_TEST(totals.at("missing_on_platform").at("rows") == 0);
    for (const auto& [cls, t] : totals.items()) {
        BOOST_TEST(t.at("partner_kop").get<std::int64_t>() >= 0, cls);
        BOOST_TEST(t.at("platform_kop").get<std::int64_t>() >= 0, cls);
    }
    std::ifstream csvIn(csv);
    const std::string text((std::istreambuf_iterator<char>(csvIn)),
                           std::istreambuf_iterator<char>());
    BOOST_TEST(text.find("92233720368547") == std::string::npos, text);
}

BOOST_AUTO_TEST_CASE(a_broken_pos_export_is_refused_with_its_line_numbers) {
    const std::string pos = dir + "/broken.csv";
    std::ofstream(pos) << "Заказ;Магазин;Дата;Сумма\n"
                          "D-1;Центр;20.11.2026 10:00;100,00\n"
                          "D-2;Цен\"тр;20.11.2026 10:00;100,00\n"
                          "D-3;Центр;20.11.2026 10:00;сто\n";
    const auto run = As("finance", {"settlements", "reconcile", "--from", "2026-11-20", "--to", "2026-11-20", "--pos", pos});
    BOOST_TEST(run.exit_code == 1, Show(run));
    BOOST_TEST(run.err.find("line 3") != std::string::npos, Show(run));
    BOOST_TEST(run.err.find("line 4") != std::string::npos, Show(run));
    BOOST_TEST(run.out.empty(), Show(run));

    const std::string utf16 = dir + "/utf16.csv";
    std::ofstream(utf16, std::ios::binary) << std::string("\xFF\xFEN\0o\0", 6);
    const auto refused = As("finance", {"settlements", "reconcile", "1", "--pos", utf16});
    BOOST_TEST(refused.exit_code == 1, Show(refused));
    BOOST_TEST(refused.err.find("UTF-16") != std::string::npos, Show(refused));
}

BOOST_AUTO_TEST_CASE(the_commission_check_agrees_to_the_kopeck_or_shows_the_slip) {
    const auto september = Json("finance", {"commission", "check", "2026-09"});
    BOOST_TEST(september.at("differences").empty(), september.dump(2));

    // October's invoice was filed by UTC months: purchases of 1 November before
    // 03:00 Moscow moved into it.
    const auto october = Json("finance", {"commission", "check", "2026-10"});
    bool turnover = false;
    for (const auto& d : october.at("differences")) turnover = turnover || d.at("field") == "turnover_kop";
    BOOST_TEST(turnover, october.dump(2));
    BOOST_TEST_REQUIRE(!october.at("orders_near_month_edges").empty());
    // The purchases a UTC month moves across the edge are listed first.
    BOOST_TEST(october.at("orders_near_month_edges").at(0).at("utc_disagrees") == true);

    const auto bad = As("finance", {"commission", "check", "10.2026"});
    BOOST_TEST(bad.exit_code == 1, Show(bad));
}

BOOST_AUTO_TEST_SUITE_END()
