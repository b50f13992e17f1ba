#include "services/reconciliation_export.h"

#include "domain/timestamp.h"

#include <xlsxwriter.h>

#include <chrono>
#include <fstream>
#include <optional>

namespace kpd::services {

namespace {
// One discrepancy (or match) as the report shows it.
struct ReportRow {
    std::string order, store, platformTime, partnerTime, matchedBy;
    std::int64_t registerId = -1, posLine = -1;
    std::optional<domain::Kopecks> platform, partner;
};

std::string Moscow(std::int64_t unix) {
    return domain::FormatRfc3339(domain::Instant{std::chrono::seconds{unix}}).substr(0, 19);
}

ReportRow RowOf(const ReconcileReport& r, const ReconRow& row, const ExportLabels& labels) {
    ReportRow out;
    if (row.platform != kNoRow) {
        out.order = std::string(r.platform.OrderId(row.platform));
        out.store = std::string(r.platform.Store(row.platform));
        out.registerId = r.platform.SourceLine(row.platform);
        out.platform = r.platform.Amount(row.platform);
        out.platformTime = Moscow(r.platform.At(row.platform));
    }
    if (row.partner != kNoRow) {
        if (out.order.empty()) out.order = std::string(r.pos.table.OrderId(row.partner));
        if (out.store.empty()) out.store = std::string(r.pos.table.Store(row.partner));
        out.posLine = r.pos.table.SourceLine(row.partner);
        out.partner = r.pos.table.Amount(row.partner);
        out.partnerTime = Moscow(r.pos.table.At(row.partner));
    }
    if (row.platform != kNoRow && row.partner != kNoRow) {
        out.matchedBy = row.by_attributes ? labels.by_attributes : labels.by_order;
    }
    return out;
}

double Roubles(domain::Kopecks kop) { return static_cast<double>(kop) / 100.0; }

// partner − platform. The report's amounts are within the line cap and its
// totals did not overflow (ReconcileWithPos refuses both), so this holds;
// checked all the same, a difference that would wrap is left out.
std::optional<domain::Kopecks> Difference(domain::Kopecks partner, domain::Kopecks platform) {
    domain::Kopecks out = 0;
    if (!domain::CheckedSub(partner, platform, out))
        return std::nullopt;
    return out;
}

// "1234,50" for the CSV (Russian spreadsheets read a decimal comma).
std::string CsvMoney(domain::Kopecks kop) {
    const bool negative = kop < 0;
    // In unsigned, so the most negative value has a magnitude too.
    const auto m = negative ? 0ull - static_cast<unsigned long long>(kop)
                            : static_cast<unsigned long long>(kop);
    std::string cents = std::to_string(m % 100);
    return (negative ? "-" : "") + std::to_string(m / 100) + "," + (cents.size() < 2 ? "0" : "") + cents;
}

std::string DifferenceText(domain::Kopecks partner, domain::Kopecks platform) {
    const auto d = Difference(partner, platform);
    return d ? CsvMoney(*d) : "";
}

std::string CsvText(const std::string& text) {
    const std::string safe = DefuseFormula(text);
    std::string out = "\"";
    for (char c : safe) {
        out += c;
        if (c == '"') out += '"';
    }
    return out + "\"";
}
} // namespace

ExportLabels RussianExportLabels() {
    ExportLabels l;
    l.summary = "Сводка";
    const char* names[] = {"Совпадения",         "Нет у партнёра",        "Нет на платформе", "Расхождение суммы",
                           "Дубли",              "Расхождение возврата",  "Дата вне допуска"};
    for (std::size_t i = 0; i < domain::kReconClassCount; ++i) l.class_names[i] = names[i];
    l.rows = "Строк";
    l.platform = "Платформа, ₽";
    l.partner = "Партнёр, ₽";
    l.difference = "Разница, ₽";
    l.order = "Заказ";
    l.store = "Магазин";
    l.register_id = "Реестр";
    l.pos_line = "Строка файла";
    l.platform_time = "Время на платформе";
    l.partner_time = "Время у партнёра";
    l.matched_by = "Сопоставлено по";
    l.by_attributes = "магазину, сумме и времени";
    l.by_order = "номеру заказа";
    return l;
}

std::string DefuseFormula(const std::string& text) {
    if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\t' ||
                          text[0] == '\r' || text[0] == '\n')) {
        return "'" + text;
    }
    return text;
}

namespace {
// A text cell of the partner's or the platform's data, defused as in the CSV:
// a string cell is never evaluated where it is, but it becomes a live formula
// once someone edits it or saves the sheet as CSV.
void WriteText(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t column, const std::string& text) {
    worksheet_write_string(sheet, row, column, DefuseFormula(text).c_str(), nullptr);
}
} // namespace

bool ExportReconciliationXlsx(const ReconcileReport& report, const std::string& path, const ExportLabels& labels,
                              std::string& error) {
    lxw_workbook* book = workbook_new(path.c_str());
    if (!book) {
        error = path + ": cannot create the workbook";
        return false;
    }
    lxw_format* money = workbook_add_format(book);
    format_set_num_format(money, "#,##0.00");
    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);

    lxw_worksheet* summary = workbook_add_worksheet(book, labels.summary.c_str());
    const std::string heads[] = {labels.rows, labels.platform, labels.partner, labels.difference};
    for (int c = 0; c < 4; ++c) worksheet_write_string(summary, 0, static_cast<lxw_col_t>(c + 1), heads[c].c_str(), bold);
    worksheet_set_column(summary, 0, 0, 26, nullptr);
    worksheet_set_column(summary, 1, 4, 16, nullptr);
    for (std::size_t k = 0; k < domain::kReconClassCount; ++k) {
        const auto& t = report.result.totals[k];
        const auto row = static_cast<lxw_row_t>(k + 1);
        worksheet_write_string(summary, row, 0, labels.class_names[k].c_str(), nullptr);
        worksheet_write_number(summary, row, 1, static_cast<double>(t.rows), nullptr);
        worksheet_write_number(summary, row, 2, Roubles(t.platform_kop), money);
        worksheet_write_number(summary, row, 3, Roubles(t.partner_kop), money);
        if (const auto d = Difference(t.partner_kop, t.platform_kop)) {
            worksheet_write_number(summary, row, 4, Roubles(*d), money);
        }
    }

    const std::string columns[] = {labels.order,    labels.store,         labels.register_id,  labels.pos_line,
                                   labels.platform, labels.partner,       labels.difference,   labels.platform_time,
                                   labels.partner_time, labels.matched_by};
    lxw_worksheet* sheets[domain::kReconClassCount];
    lxw_row_t next[domain::kReconClassCount];
    for (std::size_t k = 0; k < domain::kReconClassCount; ++k) {
        sheets[k] = workbook_add_worksheet(book, labels.class_names[k].c_str());
        for (int c = 0; c < 10; ++c) worksheet_write_string(sheets[k], 0, static_cast<lxw_col_t>(c), columns[c].c_str(), bold);
        worksheet_set_column(sheets[k], 0, 9, 18, nullptr);
        worksheet_freeze_panes(sheets[k], 1, 0);
        next[k] = 1;
    }
    for (const auto& row : report.result.rows) {
        const auto k = static_cast<std::size_t>(row.cls);
        const auto r = RowOf(report, row, labels);
        lxw_worksheet* s = sheets[k];
        const lxw_row_t at = next[k]++;
        WriteText(s, at, 0, r.order);
        WriteText(s, at, 1, r.store);
        if (r.registerId >= 0) worksheet_write_number(s, at, 2, static_cast<double>(r.registerId), nullptr);
        if (r.posLine >= 0) worksheet_write_number(s, at, 3, static_cast<double>(r.posLine), nullptr);
        if (r.platform) worksheet_write_number(s, at, 4, Roubles(*r.platform), money);
        if (r.partner) worksheet_write_number(s, at, 5, Roubles(*r.partner), money);
        if (r.platform && r.partner) {
            if (const auto d = Difference(*r.partner, *r.platform))
                worksheet_write_number(s, at, 6, Roubles(*d), money);
        }
        if (!r.platformTime.empty()) WriteText(s, at, 7, r.platformTime);
        if (!r.partnerTime.empty()) WriteText(s, at, 8, r.partnerTime);
        if (!r.matchedBy.empty()) WriteText(s, at, 9, r.matchedBy);
    }
    const lxw_error closed = workbook_close(book);
    if (closed != LXW_NO_ERROR) {
        error = path + ": " + lxw_strerror(closed);
        return false;
    }
    return true;
}

bool ExportReconciliationCsv(const ReconcileReport& report, const std::string& path, const ExportLabels& labels,
                             std::string& error) {
    std::ofstream out(path, std::ios::binary);
    if (!out) {
        error = path + ": cannot create the file";
        return false;
    }
    out << "\xEF\xBB\xBF"; // a BOM, so spreadsheets take the file as UTF-8
    out << CsvText("class") << ';' << CsvText(labels.order) << ';' << CsvText(labels.store) << ';'
        << CsvText(labels.register_id) << ';' << CsvText(labels.pos_line) << ';' << CsvText(labels.platform) << ';'
        << CsvText(labels.partner) << ';' << CsvText(labels.difference) << ';' << CsvText(labels.platform_time) << ';'
        << CsvText(labels.partner_time) << ';' << CsvText(labels.matched_by) << "\r\n";
    for (const auto& row : report.result.rows) {
        if (row.cls == domain::ReconClass::Matched) continue;
        const auto r = RowOf(report, row, labels);
        out << CsvText(labels.class_names[static_cast<std::size_t>(row.cls)]) << ';'
            << CsvText(r.order) << ';' << CsvText(r.store) << ';'
            << (r.registerId >= 0 ? std::to_string(r.registerId) : "") << ';'
            << (r.posLine >= 0 ? std::to_string(r.posLine) : "") << ';'
            << (r.platform ? CsvMoney(*r.platform) : "") << ';'
            << (r.partner ? CsvMoney(*r.partner) : "") << ';'
            << (r.platform && r.partner ? DifferenceText(*r.partner, *r.platform) : "") << ';'
            << CsvText(r.platformTime) << ';' << CsvText(r.partnerTime) << ';'
            << CsvText(r.matchedBy) << "\r\n";
    }
    out.close();
    if (!out) {
        error = path + ": writing failed";
        return false;
    }
    return true;
}

} // namespace kpd::services
