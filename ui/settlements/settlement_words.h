#pragma once
// Words for the settlements pages (HOUSE-STYLE 7, 13): register states,
// reconciliation classes, invoice fields, what an approval will do, the
// platform's refusals of approvals and disputes, and money in the UI
// language. UI thread only (uses the translations).
#include "api/api_error.h"
#include "domain/money.h"
#include "domain/reconciliation.h"
#include "domain/settlement.h"

#include <wx/string.h>

#include <string>

namespace kpd::ui {

wxString RegisterStatusName(domain::RegisterStatus status);
wxString ReconClassName(domain::ReconClass cls);
// "turnover_kop" → "Turnover"
wxString InvoiceFieldName(const std::string& field);
// What an approval by this user does now (DecideApproval), as a sentence.
wxString ApprovalOutcomeWords(domain::ApprovalOutcome outcome);
// An approval's or dispute's failure: the four-eyes refusals by their codes, else DescribeApiError.
wxString DescribeSettlementError(const api::ApiError& error);
// Dolyami's order state ("committed", …) in words; unknown states as they are.
wxString OrderStatusName(const std::string& status);
// A POS column role ("order_id", "amount", …) as the mapping step names it.
wxString PosColumnName(const std::string& role);
// What is wrong with a bad line of a sales export, by its code
// (services/pos_file_reader.h); the reader's English words otherwise.
wxString PosProblemWords(const std::string& code, const std::string& englishMessage);

// "1 234,50 ₽" in Russian, "1,234.50 RUB" in English.
wxString Money(domain::Kopecks amount);
// "2026-11-20" → "20.11.2026" in Russian; unchanged in English.
wxString DateWords(const std::string& isoDate);

} // namespace kpd::ui
