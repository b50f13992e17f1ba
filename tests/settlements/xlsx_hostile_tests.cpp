// Workbooks built to hurt (issue 11): a ZIP bomb — a megabyte whose one
// shared string inflates to a gigabyte — is refused while it inflates, naming
// the part, and so is a part that inflates past its ratio or size; and the
// reconciliation report never writes a formula-like text cell as it stands:
// read back with the desk's own XLSX reader, "=HYPERLINK(…)" is "'=HYPERLINK(…)".
#include "domain/spreadsheet_values.h"
#include "services/pos_xlsx_reader.h"
#include "services/reconciliation_engine.h"
#include "services/reconciliation_export.h"
#include "services/xlsx_sheet_reader.h"
#include "support/test_env.h"
#include "xlsx_test_files.h"

#include <boost/test/unit_test.hpp>

#include <map>

using namespace kpd::services;

BOOST_AUTO_TEST_SUITE(xlsx_hostile)

BOOST_AUTO_TEST_CASE(a_zip_bomb_in_the_shared_strings_is_refused_naming_the_part) {
    const std::string path = kpd::test::MakeTempDir("xlsx-bomb") + "/bomb.xlsx";
    kpd::test::WriteXlsxBomb(path, "xl/strings.xml", 1ull << 30);
    const SniffedLayout sniffed = SniffPosXlsx(path);
    BOOST_TEST(sniffed.error.find("xl/strings.xml") != std::string::npos, sniffed.error);
    BOOST_TEST(sniffed.error.find("exhaust memory") != std::string::npos, sniffed.error);
}

BOOST_AUTO_TEST_CASE(a_sheet_that_inflates_past_its_ratio_is_refused_while_inflating) {
    // 64 MiB of whitespace inside <sheetData>: no cell, so only the ratio stops it.
    const std::string path = kpd::test::MakeTempDir("xlsx-ratio") + "/ratio.xlsx";
    kpd::test::WriteXlsxBomb(path, "xl/worksheets/data.xml", 64ull << 20);
    PosLayout layout;
    layout.columns = {0, 1, 2, 3, -1};
    const PosReadResult read = ReadPosXlsx(path, layout);
    BOOST_TEST(read.fatal.find("xl/worksheets/data.xml") != std::string::npos, read.fatal);
    BOOST_TEST(read.fatal.find("times its") != std::string::npos, read.fatal);
}

BOOST_AUTO_TEST_CASE(a_long_cell_and_a_long_shared_string_are_refused_by_name) {
    const std::string path = kpd::test::MakeTempDir("xlsx-long") + "/long.xlsx";
    const std::string big(300u << 10, 'x');
    kpd::test::WriteHandMadeXlsx(path, "<row r=\"1\"><c r=\"B1\" t=\"inlineStr\"><is><t>" + big +
                                           "</t></is></c></row>");
    PosLayout layout;
    layout.columns = {0, 1, 2, 3, -1};
    const PosReadResult read = ReadPosXlsx(path, layout);
    BOOST_TEST(read.fatal.find("cell B1") != std::string::npos, read.fatal);

    kpd::test::WriteHandMadeXlsx(path, "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>1</v></c></row>",
                                 "<si><t>short</t></si><si><t>" + big + "</t></si>");
    const SniffedLayout sniffed = SniffPosXlsx(path);
    BOOST_TEST(sniffed.error.find("xl/strings.xml: shared string 1 is longer than") !=
                   std::string::npos,
               sniffed.error);
}

BOOST_AUTO_TEST_CASE(the_xlsx_report_defuses_formula_like_text_as_the_csv_does) {
    const std::vector<std::string> hostile = {
        "=HYPERLINK(\"http://x\",\"y\")", "+1", "-2", "@SUM(A1)", "\tTab", "\rCR", "plain"};
    ReconcileReport report;
    PosReadResult& pos = report.pos;
    for (std::size_t i = 0; i < hostile.size(); ++i) {
        // Orders on the partner's side only (missing on the platform): order id and store are the
        // partner's text.
        pos.table.Add(hostile[i], hostile[(i + 1) % hostile.size()], 1'790'000'000, 100, 0,
                      static_cast<std::int64_t>(i + 2));
    }
    report.result = Reconcile(report.platform, pos.table);
    report.reconciled = true;
    const std::string path = kpd::test::MakeTempDir("xlsx-export") + "/report.xlsx";
    std::string error;
    BOOST_TEST_REQUIRE(ExportReconciliationXlsx(report, path, ExportLabels{}, error), error);

    std::string why;
    auto package = XlsxPackage::Open(path, why);
    BOOST_TEST_REQUIRE(package != nullptr, why);
    XlsxWorkbook workbook;
    BOOST_TEST_REQUIRE(LoadXlsxWorkbook(*package, workbook).empty());
    const XlsxSheetInfo* sheet = FindXlsxSheet(workbook, "Missing on platform", why);
    BOOST_TEST_REQUIRE(sheet != nullptr, why);
    std::map<std::string, std::string> cells; // "A2" → text
    const auto read =
        ReadXlsxSheet(*package, workbook, *sheet,
                      [&](std::int64_t row, const std::vector<XlsxCell>& c, std::size_t count) {
                          for (std::size_t k = 0; k < count; ++k) {
                              if (c[k].kind == XlsxCellKind::Text)
                                  cells[kpd::domain::CellName(c[k].column, row)] = c[k].text;
                          }
                          return true;
                      });
    BOOST_TEST_REQUIRE(read.empty(), read);
    std::size_t checked = 0;
    for (std::int64_t row = 2; row < static_cast<std::int64_t>(hostile.size()) + 2; ++row) {
        for (const char* column : {"A", "B"}) {
            const std::string text = cells[column + std::to_string(row)];
            BOOST_TEST(text == DefuseFormula(text.substr(text.front() == '\'' ? 1 : 0)), text);
            const char first = text.front();
            BOOST_TEST((first != '=' && first != '+' && first != '-' && first != '@' &&
                        first != '\t' && first != '\r'),
                       column << row << ": " << text);
            ++checked;
        }
    }
    BOOST_TEST(checked == hostile.size() * 2);
    BOOST_TEST(cells.count("A1") == 1); // the header row is there too, untouched
}

BOOST_AUTO_TEST_SUITE_END()
