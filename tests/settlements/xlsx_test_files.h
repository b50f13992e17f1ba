#pragma once
// Workbooks for the XLSX tests: whole ones written by libxlsxwriter (as the
// desk's own export writes them), and hand-made packages (a ZIP of given
// parts, written with libzip) for what libxlsxwriter never writes: rich text
// with phonetic guides, error cells, the 1904 date system, cells without
// references, archives that are not workbooks.
#include <cstdint>
#include <map>
#include <string>

namespace kpd::test {

// A ZIP archive of these parts (name → bytes).
void WriteZip(const std::string& path, const std::map<std::string, std::string>& parts);

// A one-sheet workbook of the given sheetData rows (the XML inside
// <sheetData>), shared strings (the <si> items) and styles (numFmts and
// cellXfs XML); `date1904` sets the workbook's date system.
void WriteHandMadeXlsx(const std::string& path, const std::string& rows,
                       const std::string& sharedItems = "", const std::string& styles = "",
                       bool date1904 = false);

// The hand-made workbook with one part made huge as it is zipped (level 9
// deflate of one repeated byte, about 1,000 to 1, generated as libzip reads
// it): "xl/strings.xml" gets one shared string of `bytes` letters,
// "xl/worksheets/data.xml" `bytes` spaces inside its sheetData.
void WriteXlsxBomb(const std::string& path, const std::string& part, std::uint64_t bytes);

} // namespace kpd::test
