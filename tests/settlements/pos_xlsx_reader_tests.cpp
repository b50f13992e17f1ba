// The partner's sales export as an XLSX workbook: written here by
// libxlsxwriter (shared and inline strings, numbers, date-formatted numbers,
// dates typed as text, empty cells) or by hand (rich text, error cells, the
// 1904 date system), read through the same mapping and checks as a CSV file;
// every bad cell named; files that are not workbooks refused whole; a
// 100,000-row workbook read and reconciled.
#include "services/pos_file_reader.h"
#include "services/reconciliation_engine.h"
#include "support/test_env.h"
#include "xlsx_test_files.h"

#include <boost/test/unit_test.hpp>

#include <xlsxwriter.h>

#include <fstream>

using namespace kpd::services;
using kpd::domain::ReconClass;

namespace {
std::int64_t Moscow(const std::string& text) { return *kpd::domain::ParseSaleTime(text, 180); }

PosLayout Sniffed(const std::string& path) {
    std::string head;
    const auto sniffed = SniffPosFile(path, head);
    BOOST_REQUIRE_MESSAGE(sniffed.error.empty() && sniffed.missing.empty(), "sniffing failed: " << sniffed.error);
    BOOST_TEST(sniffed.workbook);
    return sniffed.layout;
}

const LineProblem* ProblemAt(const PosReadResult& r, const std::string& cell) {
    for (const auto& p : r.problems) {
        if (p.cell == cell) return &p;
    }
    return nullptr;
}

std::string Dump(const PosReadResult& r) {
    std::string text = "fatal: " + r.fatal;
    for (const auto& p : r.problems) text += "\n" + std::to_string(p.line) + " " + p.cell + " " + p.code + " " + p.message;
    return text;
}
} // namespace

BOOST_AUTO_TEST_SUITE(pos_xlsx_reader)

// As a till's back office exports it: Russian headers, strings shared, a
// date-time cell with a custom format and one with built-in format 22, a
// date typed as text, numbers in roubles, an order number stored as a
// number, empty cells (skipped in the XML: the reference gives the column).
BOOST_AUTO_TEST_CASE(a_workbook_with_shared_strings_numbers_and_dates_reads_whole) {
    const std::string dir = kpd::test::MakeTempDir("xlsx");
    const std::string path = dir + "/kassa.xlsx";
    {
        lxw_workbook* book = workbook_new(path.c_str());
        lxw_worksheet* sheet = workbook_add_worksheet(book, "Продажи");
        workbook_add_worksheet(book, "Итоги"); // a second sheet: the first is read
        lxw_format* when = workbook_add_format(book);
        format_set_num_format(when, "[$-419]dd.mm.yyyy\\ hh:mm:ss");
        lxw_format* builtIn = workbook_add_format(book);
        format_set_num_format_index(builtIn, 22); // m/d/yy h:mm
        lxw_format* money = workbook_add_format(book);
        format_set_num_format(money, "#,##0.00\\ \"₽\"");
        const char* header[] = {"Номер заказа", "Магазин", "Дата продажи", "Сумма, руб.", "Сумма возврата"};
        for (int c = 0; c < 5; ++c) worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), header[c], nullptr);
        lxw_datetime first = {2026, 11, 23, 15, 30, 0};
        worksheet_write_string(sheet, 1, 0, "D-1", nullptr);
        worksheet_write_string(sheet, 1, 1, "Полянка", nullptr);
        worksheet_write_datetime(sheet, 1, 2, &first, when);
        worksheet_write_number(sheet, 1, 3, 1234.5, money);
        worksheet_write_string(sheet, 2, 0, "D-2", nullptr);
        worksheet_write_string(sheet, 2, 1, "Полянка", nullptr); // shared with the row above
        worksheet_write_string(sheet, 2, 2, "23.11.2026 16:00:10", nullptr);
        worksheet_write_number(sheet, 2, 3, 99.9, nullptr);
        worksheet_write_number(sheet, 2, 4, 10, nullptr);
        worksheet_write_blank(sheet, 3, 1, money); // a formatted empty row: skipped
        lxw_datetime third = {2026, 11, 23, 17, 0, 0};
        worksheet_write_number(sheet, 4, 0, 100234, nullptr);
        // column B left empty: C and D must still be read as C and D
        worksheet_write_datetime(sheet, 4, 2, &third, builtIn);
        worksheet_write_number(sheet, 4, 3, 5, nullptr);
        BOOST_REQUIRE(workbook_close(book) == LXW_NO_ERROR);
    }
    const auto layout = Sniffed(path);
    BOOST_TEST(layout.sheet == "Продажи");
    BOOST_TEST(layout.columns.refunded == 4);
    const auto r = ReadPosFile(path, layout);
    BOOST_TEST_REQUIRE(r.Clean(), Dump(r));
    BOOST_TEST(r.data_lines == 3);
    BOOST_TEST_REQUIRE(r.table.Size() == 3u);
    BOOST_TEST(r.table.OrderId(0) == "D-1");
    BOOST_TEST(r.table.Store(0) == "Полянка");
    BOOST_TEST(r.table.At(0) == Moscow("2026-11-23 15:30:00"));
    BOOST_TEST(r.table.Amount(0) == 123450);
    BOOST_TEST(r.table.Refunded(0) == 0);
    BOOST_TEST(r.table.SourceLine(0) == 2);
    BOOST_TEST(r.table.At(1) == Moscow("2026-11-23 16:00:10"));
    BOOST_TEST(r.table.Amount(1) == 9990);
    BOOST_TEST(r.table.Refunded(1) == 1000);
    BOOST_TEST(r.table.OrderId(2) == "100234");
    BOOST_TEST(r.table.Store(2) == "");
    BOOST_TEST(r.table.At(2) == Moscow("2026-11-23 17:00:00"));
    BOOST_TEST(r.table.Amount(2) == 500);
    BOOST_TEST(r.table.SourceLine(2) == 5);
}

// libxlsxwriter's constant-memory mode writes every string inline
// (<is><t>…</t></is>) instead of sharing it.
BOOST_AUTO_TEST_CASE(inline_strings_read_as_shared_ones_do) {
    const std::string path = kpd::test::MakeTempDir("xlsx") + "/inline.xlsx";
    lxw_workbook_options options = {};
    options.constant_memory = LXW_TRUE;
    lxw_workbook* book = workbook_new_opt(path.c_str(), &options);
    lxw_worksheet* sheet = workbook_add_worksheet(book, nullptr);
    const char* header[] = {"order_id", "store", "sold_at", "amount"};
    for (int c = 0; c < 4; ++c) worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), header[c], nullptr);
    worksheet_write_string(sheet, 1, 0, "A&B <1>", nullptr);
    worksheet_write_string(sheet, 1, 1, "Тверская", nullptr);
    worksheet_write_string(sheet, 1, 2, "2026-11-23T15:30:00+03:00", nullptr);
    worksheet_write_string(sheet, 1, 3, "1 234,50", nullptr);
    BOOST_REQUIRE(workbook_close(book) == LXW_NO_ERROR);
    std::string head;
    BOOST_TEST(SniffPosFile(path, head).layout.decimal == ',');
    const auto r = ReadPosFile(path, Sniffed(path));
    BOOST_TEST_REQUIRE(r.Clean(), Dump(r));
    BOOST_TEST_REQUIRE(r.table.Size() == 1u);
    BOOST_TEST(r.table.OrderId(0) == "A&B <1>");
    BOOST_TEST(r.table.Store(0) == "Тверская");
    BOOST_TEST(r.table.At(0) == Moscow("2026-11-23 15:30:00"));
    BOOST_TEST(r.table.Amount(0) == 123450);
}

// A hidden sheet of lookups before the sales is not what people mean by
// the first sheet: the first visible one is read.
BOOST_AUTO_TEST_CASE(the_first_visible_sheet_is_read) {
    const std::string path = kpd::test::MakeTempDir("xlsx") + "/hidden.xlsx";
    lxw_workbook* book = workbook_new(path.c_str());
    lxw_worksheet* lookups = workbook_add_worksheet(book, "Справочник");
    worksheet_write_string(lookups, 0, 0, "код", nullptr);
    lxw_worksheet* sales = workbook_add_worksheet(book, "Продажи");
    const char* header[] = {"order_id", "store", "sold_at", "amount"};
    const char* row[] = {"D-1", "Юг", "2026-11-23 10:00", "5"};
    for (lxw_col_t c = 0; c < 4; ++c) {
        worksheet_write_string(sales, 0, c, header[c], nullptr);
        worksheet_write_string(sales, 1, c, row[c], nullptr);
    }
    worksheet_activate(sales);
    worksheet_hide(lookups);
    BOOST_REQUIRE(workbook_close(book) == LXW_NO_ERROR);
    const auto layout = Sniffed(path);
    BOOST_TEST(layout.sheet == "Продажи");
    const auto r = ReadPosFile(path, layout);
    BOOST_TEST_REQUIRE(r.Clean(), Dump(r));
    BOOST_TEST(r.table.Size() == 1u);
    BOOST_TEST(r.table.Amount(0) == 500);
    PosLayout named = layout;
    named.sheet = "Нет такого";
    BOOST_TEST(ReadPosFile(path, named).fatal.find("\"Справочник\", \"Продажи\"") != std::string::npos);
}

// What libxlsxwriter never writes: rich text runs (joined) with a phonetic
// guide (left out), _xHHHH_ escapes, a formula's string result, numbers in exponent form,
// cells without references, and the 1904 date system.
BOOST_AUTO_TEST_CASE(rich_text_formula_strings_exponents_and_the_1904_date_system) {
    const std::string path = kpd::test::MakeTempDir("xlsx") + "/handmade.xlsx";
    // 2026-11-23 15:30 is serial 46349.645833… in the 1900 system, 1462 days less in the 1904 one.
    const std::string rows =
        "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c>"
        "<c r=\"D1\" t=\"s\"><v>3</v></c></row>"
        "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>4</v></c><c r=\"B2\" t=\"str\"><f>\"Центр\"</f><v>Центр</v></c>"
        "<c r=\"C2\" s=\"1\"><v>44887.645833333336</v></c><c r=\"D2\"><v>1.2345E+3</v></c></row>"
        "<row><c t=\"inlineStr\"><is><r><t>D-</t></r><r><t>9</t></r></is></c><c t=\"inlineStr\"><is><t>Юг_x000A_2</t></is></c>"
        "<c s=\"1\"><v>44887.5</v></c><c><v>5E-2</v></c></row>";
    const std::string strings =
        "<si><t>Заказ</t></si><si><t>Магазин</t></si><si><t>Дата</t></si><si><t>Сумма</t></si>"
        "<si><r><t>D-</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\">7_x0037_</t></r><rPh sb=\"0\" eb=\"1\"><t>ignored</t></rPh></si>";
    const std::string styles = "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\\ h:mm\"/></numFmts>"
                               "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
                               "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/></cellXfs>";
    kpd::test::WriteHandMadeXlsx(path, rows, strings, styles, true);
    const auto r = ReadPosFile(path, Sniffed(path));
    BOOST_TEST_REQUIRE(r.Clean(), Dump(r));
    BOOST_TEST_REQUIRE(r.table.Size() == 2u);
    BOOST_TEST(r.table.OrderId(0) == "D-77");
    BOOST_TEST(r.table.Store(0) == "Центр");
    BOOST_TEST(r.table.At(0) == Moscow("2026-11-23 15:30:00"));
    BOOST_TEST(r.table.Amount(0) == 123450);
    BOOST_TEST(r.table.OrderId(1) == "D-9");
    BOOST_TEST(r.table.Store(1) == "Юг\n2"); // _x000A_: a line break inside the cell
    BOOST_TEST(r.table.At(1) == Moscow("2026-11-23 12:00:00"));
    BOOST_TEST(r.table.Amount(1) == 5);
    BOOST_TEST(r.table.SourceLine(1) == 3); // a row without r follows the one before
}

// Each bad cell is named in the same list a CSV file's bad lines go to, the
// good rows still read; the caller imports nothing unless told to skip.
BOOST_AUTO_TEST_CASE(a_bad_amount_a_bad_date_and_an_error_cell_are_named_by_cell) {
    const std::string path = kpd::test::MakeTempDir("xlsx") + "/bad.xlsx";
    {
        lxw_workbook* book = workbook_new(path.c_str());
        lxw_worksheet* sheet = workbook_add_worksheet(book, nullptr);
        lxw_format* when = workbook_add_format(book);
        format_set_num_format(when, "dd.mm.yyyy hh:mm");
        const char* header[] = {"Заказ", "Магазин", "Дата", "Сумма"};
        for (int c = 0; c < 4; ++c) worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), header[c], nullptr);
        lxw_datetime at = {2026, 11, 23, 10, 0, 0};
        for (lxw_row_t row = 1; row <= 4; ++row) {
            worksheet_write_string(sheet, row, 0, ("D-" + std::to_string(row)).c_str(), nullptr);
            worksheet_write_string(sheet, row, 1, "Центр", nullptr);
            worksheet_write_datetime(sheet, row, 2, &at, when);
            worksheet_write_number(sheet, row, 3, 100, nullptr);
        }
        worksheet_write_number(sheet, 2, 3, 12.345, nullptr);                  // D3: three decimals
        worksheet_write_string(sheet, 3, 2, "31.02.2026 10:00", nullptr);       // C4: no such day
        worksheet_write_formula_str(sheet, 4, 3, "=1/0", nullptr, "#DIV/0!");   // D5: a formula's string
        BOOST_REQUIRE(workbook_close(book) == LXW_NO_ERROR);
    }
    const auto r = ReadPosFile(path, Sniffed(path));
    BOOST_TEST(!r.Clean());
    BOOST_TEST(r.fatal.empty(), r.fatal);
    BOOST_TEST(r.problem_lines == 3);
    BOOST_TEST(r.data_lines == 4);
    BOOST_TEST(r.table.Size() == 1u);
    const auto* amount = ProblemAt(r, "D3");
    BOOST_TEST_REQUIRE(amount != nullptr, Dump(r));
    BOOST_TEST(amount->line == 3);
    BOOST_TEST(amount->column == "amount");
    BOOST_TEST(amount->code == "too_many_decimals");
    const auto* date = ProblemAt(r, "C4");
    BOOST_TEST_REQUIRE(date != nullptr, Dump(r));
    BOOST_TEST(date->line == 4);
    BOOST_TEST(date->code == "not_a_time");
    BOOST_TEST(date->message.find("31.02.2026") != std::string::npos);
    const auto* formula = ProblemAt(r, "D5");
    BOOST_TEST_REQUIRE(formula != nullptr, Dump(r));
    BOOST_TEST(formula->code == "not_a_number");

    // An error value (t="e") in a mapped column is its own problem, named by cell.
    const std::string errors = kpd::test::MakeTempDir("xlsx") + "/errors.xlsx";
    kpd::test::WriteHandMadeXlsx(errors,
                                 "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>order_id</t></is></c>"
                                 "<c r=\"B1\" t=\"inlineStr\"><is><t>store</t></is></c>"
                                 "<c r=\"C1\" t=\"inlineStr\"><is><t>sold_at</t></is></c>"
                                 "<c r=\"D1\" t=\"inlineStr\"><is><t>amount</t></is></c></row>"
                                 "<row r=\"2\"><c r=\"A2\" t=\"e\"><f>VLOOKUP(1,X:Y,2)</f><v>#N/A</v></c>"
                                 "<c r=\"B2\" t=\"inlineStr\"><is><t>s</t></is></c>"
                                 "<c r=\"C2\" t=\"inlineStr\"><is><t>2026-11-23 10:00</t></is></c><c r=\"D2\"><v>1</v></c></row>");
    const auto e = ReadPosFile(errors, Sniffed(errors));
    BOOST_TEST(e.problem_lines == 1);
    BOOST_TEST(e.table.Size() == 0u);
    const auto* na = ProblemAt(e, "A2");
    BOOST_TEST_REQUIRE(na != nullptr, Dump(e));
    BOOST_TEST(na->code == "cell_error");
    BOOST_TEST(na->column == "order_id");
    BOOST_TEST(na->message.find("#N/A") != std::string::npos);
}

// A kopecks column with decimals, and a number-formatted time: named too.
BOOST_AUTO_TEST_CASE(amounts_in_kopecks_and_numbers_that_are_not_dates) {
    const std::string path = kpd::test::MakeTempDir("xlsx") + "/kop.xlsx";
    kpd::test::WriteHandMadeXlsx(path,
                                 "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Заказ</t></is></c>"
                                 "<c r=\"B1\" t=\"inlineStr\"><is><t>Магазин</t></is></c>"
                                 "<c r=\"C1\" t=\"inlineStr\"><is><t>Время</t></is></c>"
                                 "<c r=\"D1\" t=\"inlineStr\"><is><t>Сумма, коп.</t></is></c></row>"
                                 "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\"><v>7</v></c>"
                                 "<c r=\"C2\" t=\"inlineStr\"><is><t>23.11.2026 10:00</t></is></c><c r=\"D2\"><v>12345</v></c></row>"
                                 "<row r=\"3\"><c r=\"A3\"><v>2</v></c><c r=\"B3\"><v>7</v></c>"
                                 "<c r=\"C3\"><v>46349.5</v></c><c r=\"D3\"><v>10.5</v></c></row>");
    const auto layout = Sniffed(path);
    BOOST_TEST((layout.unit == kpd::domain::AmountUnit::InKopecks));
    const auto r = ReadPosFile(path, layout);
    BOOST_TEST_REQUIRE(r.table.Size() == 1u, Dump(r));
    BOOST_TEST(r.table.Amount(0) == 12345);
    BOOST_TEST(r.table.Store(0) == "7");
    BOOST_TEST(ProblemAt(r, "C3") != nullptr, Dump(r)); // a plain number, not a date-formatted cell
    BOOST_TEST_REQUIRE(ProblemAt(r, "D3") != nullptr, Dump(r));
    BOOST_TEST(ProblemAt(r, "D3")->code == "decimals_in_kopecks");
}

// Not a workbook: one clear reason, nothing read.
BOOST_AUTO_TEST_CASE(files_that_are_not_xlsx_are_refused_whole) {
    const std::string dir = kpd::test::MakeTempDir("xlsx");
    const PosLayout layout = [] {
        PosLayout l;
        l.columns = {0, 1, 2, 3, -1};
        return l;
    }();
    const auto refusal = [&](const std::string& path) {
        const auto r = ReadPosFile(path, layout);
        BOOST_TEST(r.table.Size() == 0u);
        std::string head;
        const auto sniffed = SniffPosFile(path, head);
        BOOST_TEST(!sniffed.error.empty());
        return r.fatal;
    };
    kpd::test::WriteZip(dir + "/notes.zip", {{"notes.txt", "hello"}});
    BOOST_TEST(refusal(dir + "/notes.zip").find("no xl/workbook.xml") != std::string::npos);

    std::string ole(4096, '\0');
    ole.replace(0, 8, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
    std::ofstream(dir + "/old.xls", std::ios::binary) << ole;
    BOOST_TEST(refusal(dir + "/old.xls").find(".xls") != std::string::npos);

    std::string encrypted = ole;
    const char16_t name[] = u"EncryptedPackage";
    std::string utf16;
    for (char16_t c : std::u16string_view(name)) utf16 += {static_cast<char>(c), '\0'};
    encrypted.replace(1024, utf16.size(), utf16);
    std::ofstream(dir + "/secret.xlsx", std::ios::binary) << encrypted;
    BOOST_TEST(refusal(dir + "/secret.xlsx").find("password") != std::string::npos);

    // The file is scanned a MiB at a time: a stream name split across two
    // chunks is still found.
    std::string straddling = ole + std::string((1u << 20) - ole.size() - 10, '\0');
    straddling += utf16 + std::string(4096, '\0');
    std::ofstream(dir + "/split.xlsx", std::ios::binary) << straddling;
    BOOST_TEST(refusal(dir + "/split.xlsx").find("password") != std::string::npos);

    std::ofstream(dir + "/cut.xlsx", std::ios::binary) << std::string("PK\x03\x04 a cut-off archive");
    BOOST_TEST(refusal(dir + "/cut.xlsx").find("not an XLSX workbook") != std::string::npos);

    kpd::test::WriteHandMadeXlsx(dir + "/damaged.xlsx", "<row r=\"1\"><c r=\"A1\"><v>1</v></row>");
    BOOST_TEST(refusal(dir + "/damaged.xlsx").find("xl/worksheets/data.xml line 1") != std::string::npos);
}

// 100,000 rows through libxlsxwriter's constant-memory mode, read and
// reconciled against the platform's side with four planted discrepancies.
BOOST_AUTO_TEST_CASE(a_hundred_thousand_rows_read_and_reconciled) {
    constexpr int kRows = 100000;
    const std::int64_t start = Moscow("2026-11-20 08:00:00");
    SaleTable platform;
    for (int i = 0; i < kRows; ++i) {
        platform.Add("D-" + std::to_string(i), "store-" + std::to_string(i % 50), start + i * 3, 1000 + i % 9000, -1, 1);
    }
    const std::string path = kpd::test::MakeTempDir("xlsx") + "/big.xlsx";
    {
        lxw_workbook_options options = {};
        options.constant_memory = LXW_TRUE;
        lxw_workbook* book = workbook_new_opt(path.c_str(), &options);
        lxw_worksheet* sheet = workbook_add_worksheet(book, nullptr);
        lxw_format* when = workbook_add_format(book);
        format_set_num_format(when, "dd.mm.yyyy hh:mm:ss");
        const char* header[] = {"Номер заказа", "Магазин", "Дата продажи", "Сумма"};
        for (int c = 0; c < 4; ++c) worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), header[c], nullptr);
        lxw_row_t row = 1;
        const auto write = [&](const std::string& id, const std::string& store, std::int64_t at, std::int64_t kop) {
            worksheet_write_string(sheet, row, 0, id.c_str(), nullptr);
            worksheet_write_string(sheet, row, 1, store.c_str(), nullptr);
            worksheet_write_unixtime(sheet, row, 2, at + 3 * 3600, when); // the till's wall clock, Moscow
            worksheet_write_number(sheet, row, 3, static_cast<double>(kop) / 100, nullptr);
            ++row;
        };
        for (int i = 0; i < kRows; ++i) {
            if (i == 0) continue; // missing at the partner
            const std::int64_t kop = 1000 + i % 9000 + (i == 1 ? 5000 : 0);
            write("D-" + std::to_string(i), "store-" + std::to_string(i % 50), start + i * 3, kop);
            if (i == 2) write("D-2", "store-2", start + 6, 1002); // the till sent it twice
        }
        write("X-1", "store-x", start - 86400, 99900); // missing on the platform
        BOOST_REQUIRE(workbook_close(book) == LXW_NO_ERROR);
    }
    const auto r = ReadPosFile(path, Sniffed(path));
    BOOST_TEST_REQUIRE(r.Clean(), Dump(r));
    BOOST_TEST(r.data_lines == kRows + 1);
    BOOST_TEST(r.table.Size() == static_cast<std::size_t>(kRows + 1));
    BOOST_TEST(r.table.Amount(0) == 1000 + 1 + 5000);
    BOOST_TEST(r.table.At(2) == start + 6);
    const auto result = Reconcile(platform, r.table);
    using kpd::domain::TotalOf;
    BOOST_TEST(TotalOf(result.totals, ReconClass::Matched).rows == kRows - 2);
    BOOST_TEST(TotalOf(result.totals, ReconClass::MissingAtPartner).rows == 1);
    BOOST_TEST(TotalOf(result.totals, ReconClass::AmountMismatch).rows == 1);
    BOOST_TEST(TotalOf(result.totals, ReconClass::Duplicate).rows == 1);
    BOOST_TEST(TotalOf(result.totals, ReconClass::MissingOnPlatform).rows == 1);
    BOOST_TEST(TotalOf(result.totals, ReconClass::DateOutsideTolerance).rows == 0);
}

BOOST_AUTO_TEST_SUITE_END()
