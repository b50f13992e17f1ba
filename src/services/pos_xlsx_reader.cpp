#include "services/pos_xlsx_reader.h"

#include "domain/spreadsheet_values.h"
#include "services/pos_record_importer.h"
#include "services/xlsx_sheet_reader.h"

#include <algorithm>
#include <cstring>

namespace kpd::services {

namespace {
constexpr std::size_t kSniffRows = 21;    // the header and 20 rows to guess the decimal mark from
constexpr std::size_t kPreviewRows = 6;   // shown in the mapping step
constexpr int kSniffColumns = 256;        // enough of a sales export's width
constexpr std::int64_t kCancelEvery = 1 << 16;

// A number's text with the layout's decimal mark, for the amount parser.
std::string NumberText(const std::string& number, char decimal) {
    std::string plain = domain::SheetNumberText(number).value_or(number);
    if (decimal != '.') std::replace(plain.begin(), plain.end(), '.', decimal);
    return plain;
}

// A cell as people would read it: dates as "2026-11-23 15:30:00", numbers plain.
std::string DisplayText(const XlsxCell& cell, bool date1904) {
    switch (cell.kind) {
    case XlsxCellKind::Date:
        if (const auto wall = domain::ExcelSerialToWallSeconds(cell.text, date1904)) return domain::FormatWallSeconds(*wall);
        return cell.text;
    case XlsxCellKind::Number:
        return domain::SheetNumberText(cell.text).value_or(cell.text);
    default:
        return cell.text;
    }
}

const char* RoleOfColumn(const PosColumns& c, int column) {
    if (column == c.order_id) return "order_id";
    if (column == c.store) return "store";
    if (column == c.sold_at) return "sold_at";
    if (column == c.amount) return "amount";
    if (column == c.refunded) return "refunded";
    return nullptr;
}

struct OpenedWorkbook {
    std::unique_ptr<XlsxPackage> package;
    XlsxWorkbook workbook;
    const XlsxSheetInfo* sheet = nullptr;
};

// Empty on success, else the reason (starting with the path).
std::string OpenWorkbook(const std::string& path, const std::string& sheetName, OpenedWorkbook& opened) {
    std::string error;
    opened.package = XlsxPackage::Open(path, error);
    if (!opened.package) return error;
    if (auto why = LoadXlsxWorkbook(*opened.package, opened.workbook); !why.empty()) return path + ": " + why;
    opened.sheet = FindXlsxSheet(opened.workbook, sheetName, error);
    if (!opened.sheet) return path + ": " + error;
    return {};
}
} // namespace

bool LooksLikeWorkbook(std::string_view head) {
    return head.rfind("PK\x03\x04", 0) == 0 || head.rfind("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 0) == 0;
}

PosReadResult ReadPosXlsx(const std::string& path, const PosLayout& layout, const domain::CancelToken* cancel,
                          domain::ProgressSink* progress) {
    PosReadResult out;
    OpenedWorkbook opened;
    if (auto error = OpenWorkbook(path, layout.sheet, opened); !error.empty()) {
        out.fatal = error;
        return out;
    }
    const auto& c = layout.columns;
    const int needed = std::max({c.order_id, c.store, c.sold_at, c.amount, c.refunded});
    if (needed < 0) {
        out.fatal = "no column is chosen for the order number, store, time of sale or amount";
        return out;
    }
    const bool date1904 = opened.workbook.date1904;
    PosRecordImporter importer(layout, out, true);
    // One text per column the record reads, reused row after row.
    std::vector<std::string> texts(static_cast<std::size_t>(needed) + 1);
    std::vector<std::string_view> views(texts.size());
    bool headerPending = layout.header;
    std::int64_t sinceCheck = 0;
    const auto onRow = [&](std::int64_t row, const std::vector<XlsxCell>& cells, std::size_t count) {
        if (headerPending) {
            headerPending = false;
            return true;
        }
        for (auto& t : texts) t.clear();
        bool errorCell = false;
        for (std::size_t k = 0; k < count; ++k) {
            const XlsxCell& cell = cells[k];
            const char* role = cell.column <= needed ? RoleOfColumn(c, cell.column) : nullptr;
            if (!role) continue; // a column the mapping does not read
            std::string& text = texts[static_cast<std::size_t>(cell.column)];
            const bool amount = cell.column == c.amount || cell.column == c.refunded;
            switch (cell.kind) {
            case XlsxCellKind::Error:
                importer.Problem(row, role, "cell_error", "the cell holds the formula error " + cell.text);
                errorCell = true;
                break;
            case XlsxCellKind::Number:
            case XlsxCellKind::Date:
                if (cell.kind == XlsxCellKind::Date && cell.column == c.sold_at) {
                    text = DisplayText(cell, date1904);
                } else {
                    text = amount ? NumberText(cell.text, layout.decimal) : DisplayText(cell, date1904);
                }
                break;
            default:
                text = cell.text;
                break;
            }
        }
        if (errorCell) {
            ++out.data_lines;
            ++out.problem_lines;
        } else {
            for (std::size_t i = 0; i < texts.size(); ++i) views[i] = texts[i];
            importer.Record(views, row);
        }
        if (++sinceCheck == kCancelEvery) {
            sinceCheck = 0;
            if (cancel && cancel->IsCancelled()) {
                out.cancelled = true;
                return false;
            }
        }
        return true;
    };
    const auto afterChunk = [&](std::uint64_t read, std::uint64_t size) {
        if (progress) progress->Report(static_cast<std::int64_t>(read), static_cast<std::int64_t>(size), "reading");
        return !(cancel && cancel->IsCancelled());
    };
    const std::string error = ReadXlsxSheet(*opened.package, opened.workbook, *opened.sheet, onRow, afterChunk);
    if (!error.empty()) {
        out.fatal = path + ": " + error;
        return out;
    }
    if (cancel && cancel->IsCancelled()) out.cancelled = true;
    if (progress) progress->Report(1, 1, "read");
    return out;
}

SniffedLayout SniffPosXlsx(const std::string& path, const std::string& sheetName) {
    SniffedLayout out;
    out.workbook = true;
    OpenedWorkbook opened;
    if (auto error = OpenWorkbook(path, sheetName, opened); !error.empty()) {
        out.error = error;
        return out;
    }
    out.layout.sheet = opened.sheet->name;
    std::vector<std::vector<std::string>> rows;
    std::vector<std::vector<bool>> numeric; // which cells were numbers, not text
    const auto onRow = [&](std::int64_t, const std::vector<XlsxCell>& cells, std::size_t count) {
        auto& row = rows.emplace_back();
        auto& isNumber = numeric.emplace_back();
        for (std::size_t k = 0; k < count; ++k) {
            const XlsxCell& cell = cells[k];
            if (cell.column >= kSniffColumns) continue;
            const auto column = static_cast<std::size_t>(cell.column);
            if (row.size() <= column) {
                row.resize(column + 1);
                isNumber.resize(column + 1);
            }
            row[column] = DisplayText(cell, opened.workbook.date1904);
            isNumber[column] = cell.kind != XlsxCellKind::Text;
        }
        return rows.size() < kSniffRows;
    };
    if (auto error = ReadXlsxSheet(*opened.package, opened.workbook, *opened.sheet, onRow); !error.empty()) {
        out.error = path + ": " + error;
        return out;
    }
    if (rows.empty()) {
        out.error = path + ": the sheet \"" + opened.sheet->name + "\" is empty";
        return out;
    }
    out.header = rows.front();
    GuessPosColumns(out);
    // Amounts stored as numbers have no decimal mark; those typed as text
    // decide it like a CSV file's: a comma unless they show a point and no comma.
    const int amount = out.layout.columns.amount;
    std::size_t commas = 0, points = 0;
    for (std::size_t r = 1; amount >= 0 && r < rows.size(); ++r) {
        const auto column = static_cast<std::size_t>(amount);
        if (column >= rows[r].size() || numeric[r][column]) continue;
        commas += rows[r][column].find(',') != std::string::npos;
        points += rows[r][column].find('.') != std::string::npos;
    }
    out.layout.decimal = (points > 0 && commas == 0) ? '.' : ',';
    rows.resize(std::min(rows.size(), kPreviewRows));
    out.rows = std::move(rows);
    return out;
}

} // namespace kpd::services
