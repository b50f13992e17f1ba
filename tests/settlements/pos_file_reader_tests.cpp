// The partner's POS export: layouts sniffed from real-looking headers, and
// every bad line reported with its number, nothing taken from a bad file.
#include "services/pos_file_reader.h"
#include "support/test_env.h"

#include <boost/test/unit_test.hpp>

#include <fstream>

using namespace kpd::services;

namespace {
PosLayout Layout(const std::string& text) {
    const auto sniffed = SniffPosLayout(text);
    BOOST_REQUIRE_MESSAGE(sniffed.error.empty() && sniffed.missing.empty(), "sniffing failed: " << sniffed.error);
    return sniffed.layout;
}

// A problem at this line and column (and with this code, when one is given:
// the code is what the desk words in the user's language).
bool HasProblem(const PosReadResult& r, std::int64_t line, const std::string& column, const std::string& code = "") {
    for (const auto& p : r.problems) {
        if (p.line == line && p.column == column && (code.empty() || p.code == code)) return true;
    }
    return false;
}
} // namespace

BOOST_AUTO_TEST_SUITE(pos_file_reader)

BOOST_AUTO_TEST_CASE(a_russian_export_with_quotes_and_a_bom_reads_whole) {
    const std::string text = "\xEF\xBB\xBFНомер заказа;Магазин;Дата продажи;Сумма, руб.;Сумма возврата\r\n"
                             "D-1;\"Полянка; Тверская\";23.11.2026 15:30;1 234,50;\r\n"
                             "D-2;\"Магазин \"\"Центр\"\"\";23.11.2026 16:00:10;99,90;10,00\r\n"
                             "\"D-3\";\"Два\nэтажа\";2026-11-23 17:00;5;\r\n";
    const auto layout = Layout(text);
    BOOST_TEST(layout.delimiter == ';');
    BOOST_TEST(layout.decimal == ',');
    BOOST_TEST(layout.columns.refunded == 4);
    const auto r = ReadPosBytes(text, layout);
    BOOST_TEST_REQUIRE(r.Clean());
    BOOST_TEST_REQUIRE(r.table.Size() == 3u);
    BOOST_TEST(r.table.Store(0) == "Полянка; Тверская");
    BOOST_TEST(r.table.Amount(0) == 123450);
    BOOST_TEST(r.table.Refunded(0) == 0);
    BOOST_TEST(r.table.Store(1) == "Магазин \"Центр\"");
    BOOST_TEST(r.table.Refunded(1) == 1000);
    BOOST_TEST(r.table.Store(2) == "Два\nэтажа");
    BOOST_TEST(r.table.SourceLine(2) == 4); // the record starts on line 4 and spans two lines
    BOOST_TEST(r.table.At(1) - r.table.At(0) == 30 * 60 + 10);
}

// The unquoted fast path reads sixteen bytes at a time: a quote after a
// few cells of a long line, a quote on a short last line without a line
// break, and CRLF endings must read as the slow path reads them.
BOOST_AUTO_TEST_CASE(quotes_late_in_a_line_and_on_a_short_last_line) {
    const std::string text = "order_id;store;sold_at;amount;refunded\r\n"
                             "D-1000000001;store-1;2026-11-23 15:30:00;150000;0\r\n"
                             "D-1000000002;store-2;2026-11-23 15:31:00;250000;\"1 000\"\r\n"
                             "D-3;\"s;3\";2026-11-23 15:32;1;0";
    auto layout = Layout(text);
    layout.unit = kpd::domain::AmountUnit::InKopecks;
    layout.utc_offset_minutes = 0;
    const auto r = ReadPosBytes(text, layout);
    BOOST_TEST_REQUIRE(r.Clean());
    BOOST_TEST_REQUIRE(r.table.Size() == 3u);
    BOOST_TEST(r.table.OrderId(0) == "D-1000000001");
    BOOST_TEST(r.table.Refunded(0) == 0); // not "0\r"
    BOOST_TEST(r.table.Store(1) == "store-2");
    BOOST_TEST(r.table.Refunded(1) == 1000);
    BOOST_TEST(r.table.OrderId(2) == "D-3");
    BOOST_TEST(r.table.Store(2) == "s;3");
    BOOST_TEST(r.table.At(1) - r.table.At(0) == 60);
    BOOST_TEST(r.table.SourceLine(2) == 4);
}

BOOST_AUTO_TEST_CASE(a_cp1251_export_with_commas_and_decimal_points) {
    const std::string text = "order_id,store,sold_at,amount\n"
                             "A-1,\xCC\xE0\xE3\xE0\xE7\xE8\xED 1,2026-11-23 10:00,12.50\n"
                             "A-2,\xCC\xE0\xE3\xE0\xE7\xE8\xED 2,2026-11-23 10:05,7.00\n";
    const auto layout = Layout(text);
    BOOST_TEST((layout.encoding == kpd::domain::TextEncoding::Cp1251));
    BOOST_TEST(layout.delimiter == ',');
    BOOST_TEST(layout.decimal == '.');
    BOOST_TEST(layout.columns.refunded == -1);
    const auto r = ReadPosBytes(text, layout);
    BOOST_TEST_REQUIRE(r.Clean());
    BOOST_TEST(r.table.Store(0) == "Магазин 1");
    BOOST_TEST(r.table.Amount(0) == 1250);
    BOOST_TEST(!r.table.KnowsRefund(0));
}

// Found by the pos_csv fuzzer: in Windows-1251 the order id and the store
// were converted into one buffer when their columns were 8 apart (or the
// same), so the order id read freed memory. Each keeps its own text now.
BOOST_AUTO_TEST_CASE(a_cp1251_order_id_survives_the_store_conversion_whatever_their_columns) {
    std::string text;
    const std::string longId =
        "\xC7\xC0\xCA\xC0\xC7-0000000000000000000000000001"; // "ЗАКАЗ-0…01", on the heap
    text += longId + ";a;b;c;d;e;f;g;\xCC\xE0\xE3\xE0\xE7\xE8\xED \xB9 1 \xED\xE0 "
                     "\xD2\xE2\xE5\xF0\xF1\xEA\xEE\xE9;"
                     "2026-11-23 10:00;12,50\n";
    PosLayout layout;
    layout.encoding = kpd::domain::TextEncoding::Cp1251;
    layout.header = false;
    layout.columns = {0, 8, 9, 10, -1};
    const auto r = ReadPosBytes(text, layout);
    BOOST_TEST_REQUIRE(r.Clean());
    BOOST_TEST(r.table.OrderId(0) == "ЗАКАЗ-0000000000000000000000000001");
    BOOST_TEST(r.table.Store(0) == "Магазин № 1 на Тверской");

    layout.columns = {0, 0, 9, 10, -1}; // one column as both
    const auto same = ReadPosBytes(text, layout);
    BOOST_TEST_REQUIRE(same.Clean());
    BOOST_TEST(same.table.OrderId(0) == same.table.Store(0));
    BOOST_TEST(same.table.OrderId(0) == "ЗАКАЗ-0000000000000000000000000001");
}

// The bad file: a broken quote, a non-numeric amount — each named by line.
BOOST_AUTO_TEST_CASE(bad_lines_are_listed_with_their_numbers_and_the_file_is_not_clean) {
    const std::string text = "Заказ;Магазин;Дата;Сумма\n"
                             "D-1;Центр;23.11.2026 10:00;100,00\n"
                             "D-2;Цен\"тр;23.11.2026 10:00;100,00\n"
                             "D-3;Центр;23.11.2026 10:00;сто рублей\n"
                             "D-4;Центр;30.02.2026 10:00;100,00\n"
                             "D-5;Центр\n"
                             "D-6;Центр;23.11.2026 10:00;100,00\n";
    const auto r = ReadPosBytes(text, Layout(text));
    BOOST_TEST(!r.Clean());
    BOOST_TEST(r.problem_lines == 4);
    BOOST_TEST(r.data_lines == 6);
    BOOST_TEST(HasProblem(r, 3, "", "quote_in_value"));
    BOOST_TEST(HasProblem(r, 4, "amount", "not_a_number"));
    BOOST_TEST(HasProblem(r, 5, "sold_at", "not_a_time"));
    BOOST_TEST(HasProblem(r, 6, "", "column_count"));
    BOOST_TEST(r.table.Size() == 2u); // only the good lines, for a user who chooses to skip the rest
    BOOST_TEST(r.table.SourceLine(1) == 7);
}

BOOST_AUTO_TEST_CASE(a_quote_never_closed_stops_the_read_and_names_its_line) {
    const std::string text = "Заказ;Магазин;Дата;Сумма\nD-1;Центр;23.11.2026 "
                             "10:00;1\nD-2;\"Центр;23.11.2026 10:00;1\nD-3;x;y;z\n";
    const auto r = ReadPosBytes(text, Layout(text));
    BOOST_TEST(!r.Clean());
    BOOST_TEST(r.fatal.find("line 3") != std::string::npos, r.fatal);
    BOOST_TEST(HasProblem(r, 3, "", "quote_not_closed"));
}

BOOST_AUTO_TEST_CASE(files_in_an_unknown_encoding_are_refused_by_name) {
    const std::string utf16("\xFF\xFEN\0o\0", 6);
    BOOST_TEST(!SniffPosLayout(utf16).error.empty());
    const auto r = ReadPosBytes(utf16, PosLayout{});
    BOOST_TEST(r.fatal.find("UTF-16") != std::string::npos, r.fatal);
    BOOST_TEST(r.table.Size() == 0u);

    // Declared UTF-8 but holding Windows-1251 bytes on one line: that line is named.
    PosLayout utf8;
    utf8.columns = {0, 1, 2, 3, -1};
    const auto mixed = ReadPosBytes("id;store;at;sum\nD-1;\xCC\xE0\xE3;2026-11-23 10:00;1\n", utf8);
    BOOST_TEST(HasProblem(mixed, 2, "", "not_utf8"));
}

BOOST_AUTO_TEST_CASE(a_file_on_disk_reads_through_its_mapping) {
    const auto dir = kpd::test::MakeTempDir("pos");
    const std::string path = dir + "/pos.csv";
    {
        std::ofstream out(path, std::ios::binary);
        out << "order_id;store;sold_at;amount_kop\n";
        for (int i = 0; i < 100000; ++i) {
            out << "D-" << i << ";s" << i % 7 << ";2026-11-23 10:00;" << i << "\n";
        }
    }
    std::string error;
    const auto layout = Layout(ReadFileHead(path, 65536, error));
    BOOST_TEST((layout.unit == kpd::domain::AmountUnit::InKopecks));
    const auto r = ReadPosFile(path, layout);
    BOOST_TEST_REQUIRE(r.Clean());
    BOOST_TEST(r.table.Size() == 100000u);
    BOOST_TEST(r.table.Amount(99999) == 99999);
    BOOST_TEST(!ReadPosFile(dir + "/missing.csv", layout).fatal.empty());
}

BOOST_AUTO_TEST_SUITE_END()
