#include "services/xlsx_sheet_reader.h"

#include "domain/spreadsheet_values.h"

#include <charconv>
#include <cstring>

namespace kpd::services {

namespace {
constexpr std::size_t kMaxRowCells = 16384; // columns A to XFD

std::int64_t ToNumber(const char* text, std::int64_t fallback) {
    if (!text) return fallback;
    std::int64_t value = fallback;
    std::from_chars(text, text + std::strlen(text), value);
    return value;
}

// <sheetData><row r="17"><c r="C17" t="s" s="3"><v>42</v></c>… with t one of
// s (shared string), str (formula string), inlineStr (<is><t>…</t></is> or
// rich runs), n or none (number), b (boolean), e (error), d (ISO date).
class SheetHandler : public XmlPartHandler {
  public:
    SheetHandler(const XlsxWorkbook& workbook, const std::string& sheetName, const XlsxRowSink& onRow)
        : m_workbook(workbook), m_sheetName(sheetName), m_onRow(onRow) {}

    bool StoppedBySink() const { return m_stoppedBySink; }

    void Start(std::string_view name, const char* const* a) override {
        if (name == "c") {
            StartCell(a);
        } else if (name == "v") {
            m_inValue = m_inCell;
        } else if (name == "t") {
            m_inValue = m_inInline && !m_inPhonetic;
        } else if (name == "is") {
            m_inInline = m_inCell;
        } else if (name == "rPh") {
            m_inPhonetic = true;
        } else if (name == "row") {
            m_row = ToNumber(XmlAttribute(a, "r"), m_row + 1);
            m_count = 0;
            m_nextColumn = 0;
        }
    }

    void End(std::string_view name) override {
        if (name == "v" || name == "t") {
            m_inValue = false;
        } else if (name == "c") {
            EndCell();
        } else if (name == "is") {
            m_inInline = false;
        } else if (name == "rPh") {
            m_inPhonetic = false;
        } else if (name == "row") {
            if (m_count > 0 && !m_onRow(m_row, m_cells, m_count)) {
                m_stoppedBySink = true;
                stop = "stopped";
            }
        }
    }

    void Text(std::string_view text) override {
        if (!m_inValue) return;
        std::string& value = m_cells[m_count].text;
        if (value.size() + text.size() > kMaxSharedStringBytes) { // the same limit as a shared string's
            stop = "sheet \"" + m_sheetName + "\" cell " + domain::CellName(m_column, m_row) +
                   ": longer than " + std::to_string(kMaxSharedStringBytes >> 10) +
                   " KiB (a cell holds at most 32,767 characters): the workbook is damaged or "
                   "built to exhaust memory";
            return;
        }
        value += text;
        m_hasValue = true;
    }

  private:
    void StartCell(const char* const* a) {
        if (m_count >= kMaxRowCells) {
            stop = "sheet \"" + m_sheetName + "\" row " + std::to_string(m_row) + ": more than " +
                   std::to_string(kMaxRowCells) +
                   " cells (a sheet has 16,384 columns): the workbook is damaged";
            return;
        }
        m_inCell = true;
        m_hasValue = false;
        const char* ref = XmlAttribute(a, "r");
        m_column = ref ? domain::ColumnOfReference(ref) : m_nextColumn;
        if (m_column < 0) {
            stop = "sheet \"" + m_sheetName + "\" row " + std::to_string(m_row) + ": \"" + ref +
                   "\" is not a cell reference";
            return;
        }
        const char* type = XmlAttribute(a, "t");
        // Expat's attribute values live only during this call: the type is kept as one letter.
        const std::string_view t = type ? std::string_view(type) : std::string_view("n");
        m_type = t == "s" || t == "n" || t == "b" || t == "e" ? t[0] : 't'; // 't': str, inlineStr or d
        m_style = static_cast<std::size_t>(ToNumber(XmlAttribute(a, "s"), 0));
        if (m_cells.size() <= m_count) m_cells.resize(m_count + 1);
        m_cells[m_count].text.clear();
    }

    void EndCell() {
        m_inCell = false;
        m_nextColumn = m_column + 1;
        XlsxCell& cell = m_cells[m_count];
        if (!m_hasValue) return; // a formatted empty cell
        cell.column = m_column;
        if (m_type == 's') {
            const auto index = ToNumber(cell.text.c_str(), -1);
            if (index < 0 || static_cast<std::size_t>(index) >= m_workbook.strings.Size()) {
                stop = "sheet \"" + m_sheetName + "\" cell " + domain::CellName(m_column, m_row) +
                       ": refers to shared string " + cell.text + " of " +
                       std::to_string(m_workbook.strings.Size()) + " (the workbook is damaged)";
                return;
            }
            cell.text = m_workbook.strings.At(static_cast<std::size_t>(index));
            cell.kind = XlsxCellKind::Text;
        } else if (m_type == 'n') {
            cell.kind = m_workbook.IsDateStyle(m_style) ? XlsxCellKind::Date : XlsxCellKind::Number;
        } else if (m_type == 'b') {
            cell.text = cell.text == "1" ? "TRUE" : "FALSE";
            cell.kind = XlsxCellKind::Bool;
        } else if (m_type == 'e') {
            cell.kind = XlsxCellKind::Error;
        } else { // str, inlineStr, d
            cell.kind = XlsxCellKind::Text;
            if (cell.text.find("_x") != std::string::npos) cell.text = domain::DecodeSheetText(cell.text);
        }
        if (cell.kind == XlsxCellKind::Text && cell.text.empty()) return; // an empty string is no value
        ++m_count;
    }

    const XlsxWorkbook& m_workbook;
    const std::string& m_sheetName;
    const XlsxRowSink& m_onRow;
    std::vector<XlsxCell> m_cells; // reused row after row, so their strings keep their buffers
    std::size_t m_count = 0;
    std::int64_t m_row = 0;
    int m_column = 0, m_nextColumn = 0;
    char m_type = 'n'; // s, n, b, e or t (any text)
    std::size_t m_style = 0;
    bool m_inCell = false, m_inValue = false, m_inInline = false, m_inPhonetic = false, m_hasValue = false;
    bool m_stoppedBySink = false;
};
} // namespace

std::string ReadXlsxSheet(XlsxPackage& package, const XlsxWorkbook& workbook, const XlsxSheetInfo& sheet,
                          const XlsxRowSink& onRow,
                          const std::function<bool(std::uint64_t read, std::uint64_t size)>& afterChunk) {
    if (!package.Has(sheet.part)) return "the sheet \"" + sheet.name + "\" (" + sheet.part + ") is missing: the workbook is damaged";
    SheetHandler handler(workbook, sheet.name, onRow);
    const std::uint64_t size = package.SizeOf(sheet.part);
    std::function<bool(std::uint64_t)> chunk;
    if (afterChunk) chunk = [&](std::uint64_t read) { return afterChunk(read, size); };
    auto error = package.Parse(sheet.part, handler, chunk);
    return handler.StoppedBySink() ? std::string() : error;
}

} // namespace kpd::services
