#pragma once
// The reconciliation report as finance staff file it: an XLSX workbook (a
// summary sheet and one sheet per class, amounts as numbers in roubles with
// kopecks) and a CSV of every discrepancy. Text cells that a spreadsheet
// would run as a formula (starting with = + - @, a tab or a line break) are
// defused with a leading apostrophe, in the CSV and in the XLSX alike: there
// every text is a string cell, which no spreadsheet evaluates as it stands,
// but one edit of the cell or a save as CSV would make it live.
// Worker thread (writes files).
#include "services/settlement_checks.h"

#include <string>

namespace kpd::services {

// Words of the report in the user's language.
struct ExportLabels {
    std::string summary = "Summary";
    std::string class_names[domain::kReconClassCount] = {
        "Matched", "Missing at partner", "Missing on platform", "Amount mismatch",
        "Duplicate", "Refund mismatch", "Date outside tolerance"};
    std::string rows = "Rows", platform = "Platform, RUB", partner = "Partner, RUB", difference = "Difference, RUB";
    std::string order = "Order", store = "Store", register_id = "Register", pos_line = "POS line",
                platform_time = "Platform time", partner_time = "Partner time", matched_by = "Matched by",
                by_attributes = "store + amount + time", by_order = "order id";
};
ExportLabels RussianExportLabels();

// False with `error` when the file cannot be written.
bool ExportReconciliationXlsx(const ReconcileReport& report, const std::string& path, const ExportLabels& labels,
                              std::string& error);
bool ExportReconciliationCsv(const ReconcileReport& report, const std::string& path, const ExportLabels& labels,
                             std::string& error);

// A text cell made safe for a spreadsheet (see above): the one function both exports use.
std::string DefuseFormula(const std::string& text);

} // namespace kpd::services
