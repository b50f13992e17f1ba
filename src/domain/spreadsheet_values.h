#pragma once
// How an XLSX sheet (ECMA-376 SpreadsheetML) writes its values, turned into
// what the desk reads: cell references ("C17"), numbers as exact decimal text
// (a sheet stores numbers as text, so money never has to pass through a
// double), which number formats show dates, and Excel's serial date-times.
// Pure functions; any thread.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kpd::domain {

struct CellReference {
    int column = 0;       // 0-based: A is 0, AA is 26
    std::int64_t row = 0; // 1-based, as the sheet numbers rows
};

// "C17" (also "$C$17"); nullopt for anything else. Columns end at XFD (16384).
std::optional<CellReference> ParseCellReference(std::string_view text);
// The column part only ("C" of "C17"): -1 when there is none.
int ColumnOfReference(std::string_view text);
std::string ColumnLetters(int column); // 0 → "A", 27 → "AB"
std::string CellName(int column, std::int64_t row); // "C17"

// A number as the sheet's XML writes it ("1234.5", "-0.25", "1.5E-2",
// "1E+3") as plain decimal text with a point and no exponent ("1234.5",
// "-0.25", "0.015", "1000"); nullopt when the text is not a number or its
// exponent is beyond ±40 (no amount or date needs more).
std::optional<std::string> PlainDecimal(std::string_view number);

// A number cell's value as Excel shows and compares it, as plain decimal
// text. Excel keeps 15 significant digits; text with more is a double's
// print-out (libxlsxwriter writes 94.68 as "94.68000000000001", a sum of
// 0.1 and 0.2 is stored as "0.30000000000000004"), rounded here to 15 digits
// on the text itself, half up ("94.68", "0.3"). Text of up to 15 digits is
// taken exactly as written. Nullopt as for PlainDecimal.
std::optional<std::string> SheetNumberText(std::string_view number);

// A sheet's text as it means it: SpreadsheetML writes characters XML cannot
// carry (control characters such as a line break inside a cell, CR) as
// _xHHHH_, and a literal "_x" that would look like one as _x005F_x
// (ECMA-376 Part 1, ST_Xstring). Anything not of that form stays as it is.
std::string DecodeSheetText(std::string_view text);

// The built-in number formats that show a date or time (14–22, 45–47).
bool IsBuiltInDateFormat(int numFmtId);
// A custom format code shows a date or time when it has d, m, y, h or s
// outside quoted text, [brackets] and escaped characters ("dd.mm.yyyy hh:mm",
// "[$-419]d mmm yyyy" yes; "#,##0.00 \"руб.\"", "[Red]0.00" no).
bool IsDateFormatCode(std::string_view code);

// An Excel serial date-time (days, the fraction the time of day) as seconds
// since 1970-01-01 of the same wall-clock reading (no time zone: the sheet
// has none). The 1900 system counts 1 as 1900-01-01 and keeps Lotus 1-2-3's
// 29 February 1900 as serial 60, which names no real day and fails; the 1904
// system counts 0 as 1904-01-01. Times round to the nearest second. Fails for
// serials before the system's first day, not numbers, or after 9999.
std::optional<std::int64_t> ExcelSerialToWallSeconds(std::string_view number, bool date1904);

// "2026-11-23 15:30:00" of wall-clock seconds since 1970.
std::string FormatWallSeconds(std::int64_t seconds);

} // namespace kpd::domain
