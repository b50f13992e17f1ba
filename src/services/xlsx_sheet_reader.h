#pragma once
// One worksheet of an XLSX workbook streamed row by row (expat over the
// sheet's part as it inflates, so a million rows are never held at once):
// each cell with a value, in the column its reference names (empty cells are
// left out of the XML, so position alone cannot tell), its text resolved from
// the shared strings, an inline string or the number as the XML writes it,
// and its kind (a number whose style shows a date is a Date).
// One thread.
#include "services/xlsx_package.h"
#include "services/xlsx_workbook.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace kpd::services {

enum class XlsxCellKind {
    Text,   // a shared or inline string, or a formula's string result
    Number, // the number's text as written ("1234.5", "1.5E-2")
    Date,   // a number whose style shows a date: an Excel serial date-time
    Bool,   // "TRUE" or "FALSE"
    Error,  // a formula's error: "#N/A", "#VALUE!"…
};

struct XlsxCell {
    int column = 0; // 0-based: A is 0
    XlsxCellKind kind = XlsxCellKind::Text;
    std::string text;
};

// Hears each row that has a cell with a value: its number (1-based) and
// `count` cells in the order the sheet lists them. Returns false to stop.
using XlsxRowSink = std::function<bool(std::int64_t row, const std::vector<XlsxCell>& cells, std::size_t count)>;

// Empty when the whole sheet was read (or the sink stopped it), else the
// reason, naming the cell when one is to blame. `afterChunk` hears the sheet
// XML's bytes read so far and its size, and returns false to stop.
std::string ReadXlsxSheet(XlsxPackage& package, const XlsxWorkbook& workbook, const XlsxSheetInfo& sheet,
                          const XlsxRowSink& onRow,
                          const std::function<bool(std::uint64_t read, std::uint64_t size)>& afterChunk = {});

} // namespace kpd::services
