#pragma once
// What of an XLSX workbook a sheet's cells need besides the sheet itself:
// the sheets by name (xl/workbook.xml and its relationships), the date
// system (workbookPr date1904), which cell styles show dates (xl/styles.xml)
// and the shared strings (xl/sharedStrings.xml, rich text runs joined, the
// phonetic guides left out). Loaded once per read; then read-only.
#include "services/xlsx_package.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kpd::services {

struct XlsxSheetInfo {
    std::string name; // as the workbook's tab shows it
    std::string part; // "xl/worksheets/sheet1.xml"
    bool hidden = false; // state="hidden" or "veryHidden": no tab shows it
};

// What one shared string and all of them may take (the bytes as the XML
// holds them): Excel's own limit is 32,767 characters a cell, which even
// written as _xHHHH_ escapes stays under kMaxSharedStringBytes; the total
// leaves room for millions of order ids. Beyond either the workbook is
// refused, naming the part: it is damaged or built to exhaust memory.
inline constexpr std::size_t kMaxSharedStringBytes = 256u << 10;
inline constexpr std::uint64_t kMaxSharedStringsTotal = 512ull
                                                        << 20; // bytes, and 8 more per string
// How many sheets, relationships, number formats or cell formats a workbook may list.
inline constexpr std::size_t kMaxWorkbookItems = 1u << 16;

// A workbook's strings back to back: a million order ids cost no million
// small strings.
class XlsxSharedStrings {
  public:
    void Append(std::string_view text) {
        m_bytes += text;
        m_ends.push_back(m_bytes.size());
    }
    std::size_t Size() const { return m_ends.size(); }
    std::string_view At(std::size_t i) const {
        const std::size_t begin = i == 0 ? 0 : m_ends[i - 1];
        return std::string_view(m_bytes).substr(begin, m_ends[i] - begin);
    }

  private:
    std::string m_bytes;
    std::vector<std::size_t> m_ends;
};

struct XlsxWorkbook {
    std::vector<XlsxSheetInfo> sheets; // worksheets in the workbook's order (chart sheets left out)
    bool date1904 = false;
    std::vector<bool> date_styles; // by a cell's style index (its s attribute): does it show a date?
    XlsxSharedStrings strings;

    bool IsDateStyle(std::size_t style) const { return style < date_styles.size() && date_styles[style]; }
};

// Empty on success, else why the workbook cannot be read (naming the part).
std::string LoadXlsxWorkbook(XlsxPackage& package, XlsxWorkbook& workbook);

// The sheet named `name`, or when `name` is empty the first the workbook's
// tabs show (a hidden sheet of lookups before it is not what people mean);
// nullptr with `error` listing the sheets there are.
const XlsxSheetInfo* FindXlsxSheet(const XlsxWorkbook& workbook, const std::string& name, std::string& error);

} // namespace kpd::services
