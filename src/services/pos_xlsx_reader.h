#pragma once
// A partner's sales export as an XLSX workbook: one sheet read row by row
// through the same column mapping, the same per-line checks
// (pos_record_importer.h) and into the same SaleTable as a CSV file, so the
// reconciliation and the bad-lines list work alike. Each problem names its
// row and cell ("C17"). Numbers are read as the text the sheet stores, never
// as a double ("1234.5" roubles is 123450 kopecks exactly); a number whose
// style shows a date is an Excel serial date-time, taken as a wall-clock time
// at the layout's UTC offset. Worker thread.
#include "domain/cancel_token.h"
#include "services/pos_layout.h"
#include "services/pos_read_result.h"

#include <string>
#include <string_view>

namespace kpd::services {

// The first bytes of a workbook rather than text: a ZIP archive (XLSX) or an
// OLE2 compound file (.xls or a password-protected workbook, which the
// reader refuses with the reason).
bool LooksLikeWorkbook(std::string_view head);

// `layout.sheet` names the sheet (empty: the first); `header` says whether
// its first row with values holds the column names.
PosReadResult ReadPosXlsx(const std::string& path, const PosLayout& layout, const domain::CancelToken* cancel = nullptr,
                          domain::ProgressSink* progress = nullptr);

// The header (the sheet's first row with values), the first rows as text,
// the columns guessed from the names, and the decimal mark of amounts
// written as text. `error` when the file is not a readable workbook.
SniffedLayout SniffPosXlsx(const std::string& path, const std::string& sheet = "");

} // namespace kpd::services
