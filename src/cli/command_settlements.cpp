// partnerctl settlements sync|list|reconcile|approve and commission check:
// Dolyami settlements from the command line through the services the desk
// uses. Like the render command, this file adds its own subcommands through
// a hook (AddSettlementCommands in commands.h) so main.cpp stays short.
#include "cli/commands.h"
#include "cli/console.h"
#include "cli/session.h"
#include "cli/text_table.h"
#include "contract/json_parse.h"
#include "contract/json_reader.h"
#include "contract/settlement_json.h"
#include "domain/money.h"
#include "services/bounded_file.h"
#include "services/desk_context.h"
#include "services/pos_xlsx_reader.h"
#include "services/reconciliation_export.h"
#include "services/settlement_checks.h"
#include "services/settlement_sync.h"

#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>

namespace kpd::cli {
namespace {

struct SettlementArgs {
    std::string from, to;
    std::vector<std::int64_t> registers;
    std::string pos, mapping;
    bool skip_bad_lines = false;
    int tolerance_minutes = 15;
    std::string comment;
    std::string month;
    std::string xlsx, csv;
    std::string lang = "ru";
};

// Progress on stderr, at most one line per tenth of the work.
class StderrProgress final : public domain::ProgressSink {
  public:
    void Report(std::int64_t done, std::int64_t total, const std::string& what) override {
        const int tenth = total > 0 ? static_cast<int>(done * 10 / total) : -1;
        if (what != m_what || (tenth != m_tenth && tenth >= 0)) {
            std::cerr << what << (total > 0 ? ": " + std::to_string(done) + " / " + std::to_string(total) : "") << '\n';
            m_what = what;
            m_tenth = tenth;
        }
    }
    void PlatformWait(std::int64_t seconds) override { SayPlatformWait(std::chrono::seconds(seconds)); }

  private:
    std::string m_what;
    int m_tenth = -2;
};

// A signed-in session and who it works for, or nullopt with `failure` set.
struct FinanceSession {
    CliSession cli;
    services::DeskContext context;
};
std::optional<FinanceSession> OpenFinanceSession(const GlobalOptions& options, ExitCode& failure) {
    auto cli = OpenSession(options, failure);
    if (!cli) return std::nullopt;
    auto context = services::CurrentContext(cli->client, *cli->workspace);
    if (!context) {
        failure = UsageError("not signed in");
        return std::nullopt;
    }
    return FinanceSession{std::move(*cli), std::move(*context)};
}

// Brings the workspace's registers up to date, progress on stderr; nullopt
// (the reason said, `failure` set) when the platform could not be asked.
std::optional<services::SyncReport> SyncWorkspace(FinanceSession& session, const std::string& from,
                                                  const std::string& to, ExitCode& failure) {
    StderrProgress progress;
    auto outcome = services::SyncSettlements(session.cli.client, *session.cli.workspace, session.context, from, to,
                                             nullptr, progress);
    if (!outcome.Ok()) {
        failure = Fail(*outcome.error);
        return std::nullopt;
    }
    return *outcome.value;
}

nlohmann::json TotalsJson(const domain::ReconTotals& totals) {
    nlohmann::json out = nlohmann::json::object();
    for (std::size_t c = 0; c < domain::kReconClassCount; ++c) {
        out[std::string(ToString(static_cast<domain::ReconClass>(c)))] = {
            {"rows", totals[c].rows}, {"platform_kop", totals[c].platform_kop}, {"partner_kop", totals[c].partner_kop}};
    }
    return out;
}

ExitCode RunSync(const GlobalOptions& options, const SettlementArgs& args) {
    ExitCode failure = ExitCode::Ok;
    auto session = OpenFinanceSession(options, failure);
    if (!session) return failure;
    const auto synced = SyncWorkspace(*session, args.from, args.to, failure);
    if (!synced) return failure;
    const auto& r = *synced;
    if (options.format == OutputFormat::Json) {
        PrintJson({{"registers_listed", r.registers_listed},
                   {"registers_loaded", r.registers_loaded},
                   {"transactions_loaded", r.transactions_loaded}});
    } else {
        std::cout << "Registers: " << r.registers_listed << ", loaded now: " << r.registers_loaded
                  << ", purchases loaded: " << r.transactions_loaded << '\n';
    }
    return ExitCode::Ok;
}

ExitCode RunList(const GlobalOptions& options, const SettlementArgs& args) {
    ExitCode failure = ExitCode::Ok;
    auto cli = OpenSession(options, failure);
    if (!cli) return failure;
    std::vector<domain::SettlementRegister> registers;
    std::string cursor;
    do {
        auto page = cli->client.ListSettlements(args.from, args.to, contract::kMaxPageLimit, cursor);
        if (!page.Ok()) return Fail(page.Error());
        registers.insert(registers.end(), page.Value().items.begin(), page.Value().items.end());
        cursor = page.Value().next_cursor.value_or("");
    } while (!cursor.empty());
    if (options.format == OutputFormat::Json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& r : registers) out.push_back(contract::ToJson(r));
        PrintJson(out);
        return ExitCode::Ok;
    }
    TextTable table({"ID", "DATE", "STATUS", "COUNT", "TURNOVER", "REFUNDS", "PAYOUT", "PAYOUT DATE", "APPROVALS"});
    for (const auto& r : registers) {
        std::string approvals;
        for (const auto& a : r.approvals) approvals += (approvals.empty() ? "" : ", ") + a.login;
        if (r.needs_second_approval) approvals += approvals.empty() ? "(needs 2)" : " (needs 2)";
        table.AddRow({std::to_string(r.id), r.business_date, std::string(ToString(r.status)), std::to_string(r.count),
                      domain::FormatRoublesEn(r.turnover_kop), domain::FormatRoublesEn(r.refunds_kop),
                      domain::FormatRoublesEn(r.payout_kop), r.payout_date, approvals});
    }
    table.Print(std::cout);
    return ExitCode::Ok;
}

// A mapping file: the layout of a partner's export, as JSON
// {"delimiter": ";", "encoding": "utf-8"|"cp1251", "decimal": ",", "unit": "roubles"|"kopecks",
//  "utc_offset_minutes": 180, "header": true, "columns": {"order_id": 0 or "Номер заказа", …},
//  "sheet": "Продажи" (an XLSX workbook's sheet; the first when left out)}.
// Anything left out keeps what sniffing the file found.
constexpr int kMaxColumnIndex = 16383; // XLSX has 16,384 columns

bool ApplyMapping(const std::string& path, const std::string& posPath, services::SniffedLayout& sniffed,
                  services::PosLayout& layout) {
    constexpr std::uintmax_t kMaxMappingFileBytes = 1024 * 1024;
    const auto file = services::ReadBoundedFile(path, kMaxMappingFileBytes);
    if (!file.Ok()) {
        Say(services::DescribeRefusal(file, path, kMaxMappingFileBytes) + " (the mapping file)");
        return false;
    }
    const std::string content = file.Text();
    auto read = contract::ParseJson(content);
    if (!read.Ok()) {
        Say(path + ": the mapping file is not a JSON object (" + contract::DescribeJsonFailure(read) + ")");
        return false;
    }
    auto json = std::move(read.value);
    if (!json.is_object()) {
        Say(path + ": the mapping file is not a JSON object");
        return false;
    }
    // A whole number in [low, high]; 2^63 and past are out of range, never wrapped.
    auto whole = [&](const nlohmann::json& value, std::int64_t low, std::int64_t high) -> std::optional<int> {
        auto number = contract::ReadInt64(value);
        if (!number || *number < low || *number > high) return std::nullopt;
        return static_cast<int>(*number);
    };
    auto text = [&](const char* key) { return json.contains(key) && json[key].is_string() ? json[key].get<std::string>() : ""; };
    if (auto sheet = text("sheet"); !sheet.empty()) {
        if (!sniffed.workbook) {
            Say(path + ": /sheet: " + posPath + " is not an XLSX workbook");
            return false;
        }
        sniffed = services::SniffPosXlsx(posPath, sheet); // that sheet's header names the columns
        if (!sniffed.error.empty()) {
            Say(path + ": /sheet: " + sniffed.error);
            return false;
        }
        layout = sniffed.layout;
    }
    if (auto d = text("delimiter"); !d.empty()) layout.delimiter = d == "\\t" ? '\t' : d[0];
    if (auto e = text("encoding"); !e.empty()) layout.encoding = e == "cp1251" || e == "windows-1251" ? domain::TextEncoding::Cp1251 : domain::TextEncoding::Utf8;
    if (auto d = text("decimal"); !d.empty()) layout.decimal = d[0];
    if (auto u = text("unit"); !u.empty()) layout.unit = u == "kopecks" ? domain::AmountUnit::InKopecks : domain::AmountUnit::Roubles;
    if (json.contains("utc_offset_minutes") && json["utc_offset_minutes"].is_number()) {
        auto minutes = whole(json["utc_offset_minutes"], -24 * 60, 24 * 60);
        if (!minutes) {
            Say(path + ": /utc_offset_minutes: must be a whole number of minutes from -1440 to 1440");
            return false;
        }
        layout.utc_offset_minutes = *minutes;
    }
    if (json.contains("header") && json["header"].is_boolean()) layout.header = json["header"];
    if (json.contains("columns") && json["columns"].is_object()) {
        for (auto& [key, value] : json["columns"].items()) {
            int index = -1;
            if (value.is_number()) {
                auto column = whole(value, -1, kMaxColumnIndex);
                if (!column) {
                    Say(path + ": /columns/" + key + ": a column number must be from 0 to " +
                        std::to_string(kMaxColumnIndex) + " (or -1 for none)");
                    return false;
                }
                index = *column;
            } else if (value.is_string()) {
                const auto it = std::find(sniffed.header.begin(), sniffed.header.end(), value.get<std::string>());
                if (it == sniffed.header.end()) {
                    Say(path + ": /columns/" + key + ": the file has no column \"" + value.get<std::string>() + "\"");
                    return false;
                }
                index = static_cast<int>(it - sniffed.header.begin());
            }
            auto& c = layout.columns;
            int* slot = key == "order_id" ? &c.order_id : key == "store" ? &c.store : key == "sold_at" ? &c.sold_at
                      : key == "amount" ? &c.amount : key == "refunded" ? &c.refunded : nullptr;
            if (!slot) {
                Say(path + ": /columns/" + key + ": unknown column role (order_id, store, sold_at, amount, refunded)");
                return false;
            }
            *slot = index;
        }
    }
    return true;
}

ExitCode RunReconcile(const GlobalOptions& options, const SettlementArgs& args) {
    if (args.registers.empty() && (args.from.empty() || args.to.empty())) {
        return UsageError("name a REGISTER, or a period with --from DATE --to DATE");
    }
    std::string head;
    auto sniffed = services::SniffPosFile(args.pos, head);
    if (!sniffed.error.empty()) {
        return UsageError(sniffed.error.rfind(args.pos, 0) == 0 ? sniffed.error : args.pos + ": " + sniffed.error);
    }
    services::ReconcileRequest request;
    request.layout = sniffed.layout;
    if (!args.mapping.empty() && !ApplyMapping(args.mapping, args.pos, sniffed, request.layout)) return ExitCode::UserError;
    const auto& c = request.layout.columns;
    if (c.order_id < 0 || c.store < 0 || c.sold_at < 0 || c.amount < 0) {
        std::string missing;
        for (const auto& m : sniffed.missing) missing += (missing.empty() ? "" : ", ") + m;
        return UsageError(args.pos + ": cannot tell which column holds " + missing +
                          "; give a --mapping file naming the columns");
    }
    request.register_ids = args.registers;
    request.from = args.from;
    request.to = args.to;
    request.pos_path = args.pos;
    request.skip_bad_lines = args.skip_bad_lines;
    request.options.time_tolerance_seconds = args.tolerance_minutes * 60;

    ExitCode failure = ExitCode::Ok;
    auto session = OpenFinanceSession(options, failure);
    if (!session) return failure;
    // The platform side comes from the workspace: bring it up to date first.
    if (!SyncWorkspace(*session, args.from, args.to, failure)) return failure;
    StderrProgress progress;
    auto outcome = services::ReconcileWithPos(*session->cli.workspace, session->context, request, nullptr, progress);
    if (!outcome.Ok()) {
        if (outcome.error) return Fail(*outcome.error);
        return ProblemsError("Nothing reconciled: the partner file has problems (use --skip-bad-lines to leave those lines out)",
                             outcome.problems);
    }
    const auto& report = **outcome.value;
    const auto labels = args.lang == "en" ? services::ExportLabels{} : services::RussianExportLabels();
    std::string exportError;
    if (!args.xlsx.empty() && !services::ExportReconciliationXlsx(report, args.xlsx, labels, exportError)) {
        return UsageError(exportError);
    }
    if (!args.csv.empty() && !services::ExportReconciliationCsv(report, args.csv, labels, exportError)) {
        return UsageError(exportError);
    }
    if (options.format == OutputFormat::Json) {
        nlohmann::json rows = nlohmann::json::array();
        for (const auto& row : report.result.rows) {
            if (row.cls == domain::ReconClass::Matched) continue;
            nlohmann::json r{{"class", ToString(row.cls)}, {"by_attributes", row.by_attributes}};
            if (row.platform != services::kNoRow) {
                r["order_id"] = report.platform.OrderId(row.platform);
                r["store"] = report.platform.Store(row.platform);
                r["register_id"] = report.platform.SourceLine(row.platform);
                r["platform_amount_kop"] = report.platform.Amount(row.platform);
            }
            if (row.partner != services::kNoRow) {
                if (!r.contains("order_id")) r["order_id"] = report.pos.table.OrderId(row.partner);
                if (!r.contains("store")) r["store"] = report.pos.table.Store(row.partner);
                r["pos_line"] = report.pos.table.SourceLine(row.partner);
                r["partner_amount_kop"] = report.pos.table.Amount(row.partner);
            }
            rows.push_back(r);
        }
        PrintJson({{"registers", report.register_ids},
                   {"pos_lines", report.pos.data_lines},
                   {"skipped_lines", report.pos.problem_lines},
                   {"totals", TotalsJson(report.result.totals)},
                   {"discrepancies", rows}});
        return ExitCode::Ok;
    }
    TextTable table({"CLASS", "ROWS", "PLATFORM", "PARTNER"});
    for (std::size_t k = 0; k < domain::kReconClassCount; ++k) {
        const auto& t = report.result.totals[k];
        table.AddRow({std::string(ToString(static_cast<domain::ReconClass>(k))), std::to_string(t.rows),
                      domain::FormatRoublesEn(t.platform_kop), domain::FormatRoublesEn(t.partner_kop)});
    }
    table.Print(std::cout);
    return ExitCode::Ok;
}

ExitCode RunApprove(const GlobalOptions& options, std::int64_t id, const std::string& comment) {
    ExitCode failure = ExitCode::Ok;
    auto cli = OpenSession(options, failure);
    if (!cli) return failure;
    // One key for the call and its retries: a lost answer is never a second approval.
    auto approved = cli->client.ApproveSettlement(id, comment, api::NewIdempotencyKey());
    if (!approved.Ok()) return Fail(approved.Error());
    const auto& r = approved.Value();
    if (options.format == OutputFormat::Json) {
        PrintJson(contract::ToJson(r));
    } else if (r.status == domain::RegisterStatus::Approved) {
        std::cout << "Register " << r.id << " of " << r.business_date << " approved\n";
    } else {
        std::cout << "Register " << r.id << " of " << r.business_date
                  << ": first approval recorded; the payout is above the four-eyes threshold, so a finance manager "
                     "must approve it too\n";
    }
    return ExitCode::Ok;
}

ExitCode RunCommissionCheck(const GlobalOptions& options, const std::string& monthText) {
    const auto month = domain::ParseMonth(monthText);
    if (!month) return UsageError("MONTH must be YYYY-MM, e.g. 2026-10");
    ExitCode failure = ExitCode::Ok;
    auto session = OpenFinanceSession(options, failure);
    if (!session) return failure;
    if (!SyncWorkspace(*session, "", "", failure)) return failure;
    auto outcome = services::CheckCommission(session->cli.client, *session->cli.workspace, session->context, *month);
    if (!outcome.Ok()) return Fail(*outcome.error);
    const auto& check = *outcome.value;
    if (options.format == OutputFormat::Json) {
        nlohmann::json diffs = nlohmann::json::array();
        for (const auto& d : check.differences) {
            diffs.push_back({{"field", d.field}, {"invoiced", d.invoiced}, {"computed", d.computed},
                             {"difference", d.invoiced - d.computed}});
        }
        nlohmann::json edges = nlohmann::json::array();
        for (const auto& e : check.edge_purchases) {
            edges.push_back({{"order_id", e.order_id},
                             {"amount_kop", e.amount_kop},
                             {"in_month", e.inside},
                             {"utc_disagrees", e.utc_disagrees}});
        }
        PrintJson({{"invoiced", contract::ToJson(check.invoiced)},
                   {"computed", contract::ToJson(check.computed)},
                   {"differences", diffs},
                   {"orders_near_month_edges", edges}});
        return ExitCode::Ok;
    }
    if (check.differences.empty()) {
        std::cout << "The invoice for " << monthText << " matches the desk's computation to the kopeck\n";
        return ExitCode::Ok;
    }
    TextTable table({"FIELD", "INVOICED", "COMPUTED", "DIFFERENCE"});
    for (const auto& d : check.differences) {
        const bool money = d.field != "rate_bp";
        table.AddRow({d.field, money ? domain::FormatRoublesEn(d.invoiced) : std::to_string(d.invoiced),
                      money ? domain::FormatRoublesEn(d.computed) : std::to_string(d.computed),
                      money ? domain::FormatRoublesEn(d.invoiced - d.computed) : std::to_string(d.invoiced - d.computed)});
    }
    table.Print(std::cout);
    if (!check.edge_purchases.empty()) {
        std::cout << check.edge_purchases.size() << " purchases lie within a day of the month's edges "
                  << "(a time-zone slip moves them across); --format json lists them\n";
    }
    return ExitCode::Ok;
}
} // namespace

void AddSettlementCommands(CLI::App& app, const GlobalOptions& options, std::function<ExitCode()>& run) {
    static SettlementArgs args; // lives as long as the parser that points into it
    auto* settlements = app.add_subcommand("settlements", "Dolyami settlement registers (finance roles)")
                             ->require_subcommand(1);
    settlements->fallthrough();
    auto period = [&](CLI::App* cmd) {
        cmd->add_option("--from", args.from, "First business date, YYYY-MM-DD");
        cmd->add_option("--to", args.to, "Last business date, YYYY-MM-DD");
    };
    auto* sync = settlements->add_subcommand("sync", "Copy registers and their purchases into the workspace");
    period(sync);
    sync->callback([&] { run = [&] { return RunSync(options, args); }; });

    auto* list = settlements->add_subcommand("list", "The platform's registers, newest first");
    period(list);
    list->callback([&] { run = [&] { return RunList(options, args); }; });

    auto* reconcile = settlements->add_subcommand(
        "reconcile", "Reconcile a register (or every register of a period) against your POS export");
    reconcile->add_option("register", args.registers, "Register id(s)");
    period(reconcile);
    reconcile->add_option("--pos", args.pos, "Your sales export (CSV: any delimiter, UTF-8 or Windows-1251; or an XLSX workbook)")->required();
    reconcile->add_option("--mapping", args.mapping, "JSON file naming the export's columns and conventions");
    reconcile->add_flag("--skip-bad-lines", args.skip_bad_lines, "Reconcile without the lines the file gets wrong");
    reconcile->add_option("--tolerance-minutes", args.tolerance_minutes, "How far apart the two times of a sale may be")
        ->capture_default_str();
    reconcile->add_option("--xlsx", args.xlsx, "Also write the report as an XLSX workbook");
    reconcile->add_option("--csv", args.csv, "Also write every discrepancy as CSV (safe against formula injection)");
    reconcile->add_option("--lang", args.lang, "Language of the exported report: ru or en")
        ->check(CLI::IsMember({"ru", "en"}))
        ->capture_default_str();
    reconcile->callback([&] { run = [&] { return RunReconcile(options, args); }; });

    static std::int64_t approveId = 0;
    auto* approve = settlements->add_subcommand("approve", "Approve a register (four eyes above the threshold)");
    approve->add_option("register", approveId, "Register id")->required();
    approve->add_option("--comment", args.comment, "What you checked")->required();
    approve->callback([&] { run = [&] { return RunApprove(options, approveId, args.comment); }; });

    auto* commission = app.add_subcommand("commission", "Dolyami's monthly commission")->require_subcommand(1);
    commission->fallthrough();
    auto* check = commission->add_subcommand("check", "Recompute a month's commission and compare with the invoice");
    check->add_option("month", args.month, "YYYY-MM")->required();
    check->callback([&] { run = [&] { return RunCommissionCheck(options, args.month); }; });
}

} // namespace kpd::cli
