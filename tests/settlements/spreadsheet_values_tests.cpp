// How a sheet writes values, read exactly: cell references, numbers as
// decimal text (never through a double), date formats, Excel serial dates
// in both date systems with the 1900 leap-year bug.
#include "domain/spreadsheet_values.h"
#include "domain/timestamp.h"

#include <boost/test/unit_test.hpp>

using namespace kpd::domain;

namespace {
std::int64_t Wall(int y, unsigned m, unsigned d, int hh = 0, int mm = 0, int ss = 0) {
    return DaysFromCivil(y, m, d) * 86400 + hh * 3600 + mm * 60 + ss;
}
} // namespace

BOOST_AUTO_TEST_SUITE(spreadsheet_values)

BOOST_AUTO_TEST_CASE(cell_references_and_column_letters) {
    BOOST_TEST(ParseCellReference("C17")->column == 2);
    BOOST_TEST(ParseCellReference("C17")->row == 17);
    BOOST_TEST(ParseCellReference("$AB$3")->column == 27);
    BOOST_TEST(ParseCellReference("XFD1048576")->column == 16383);
    BOOST_TEST(!ParseCellReference("XFE1"));
    BOOST_TEST(!ParseCellReference("C0"));
    BOOST_TEST(!ParseCellReference("17"));
    BOOST_TEST(!ParseCellReference("C1x"));
    BOOST_TEST(ColumnOfReference("AA") == 26);
    BOOST_TEST(ColumnLetters(0) == "A");
    BOOST_TEST(ColumnLetters(25) == "Z");
    BOOST_TEST(ColumnLetters(26) == "AA");
    BOOST_TEST(ColumnLetters(16383) == "XFD");
    BOOST_TEST(CellName(3, 5) == "D5");
}

BOOST_AUTO_TEST_CASE(numbers_become_plain_decimal_text) {
    BOOST_TEST(*PlainDecimal("1234.5") == "1234.5");
    BOOST_TEST(*PlainDecimal("1234.50") == "1234.5");
    BOOST_TEST(*PlainDecimal("-0.25") == "-0.25");
    BOOST_TEST(*PlainDecimal("1.2345E+3") == "1234.5");
    BOOST_TEST(*PlainDecimal("5E-2") == "0.05");
    BOOST_TEST(*PlainDecimal("1E+15") == "1000000000000000");
    BOOST_TEST(*PlainDecimal("0.1") == "0.1"); // as written: no binary 0.1000000000000000055
    BOOST_TEST(*PlainDecimal("100") == "100");
    BOOST_TEST(*PlainDecimal("0") == "0");
    BOOST_TEST(*PlainDecimal("-0.0") == "0");
    BOOST_TEST(*PlainDecimal("12.345") == "12.345");
    BOOST_TEST(!PlainDecimal(""));
    BOOST_TEST(!PlainDecimal("1,5"));
    BOOST_TEST(!PlainDecimal("1E"));
    BOOST_TEST(!PlainDecimal("1E+400"));
    BOOST_TEST(!PlainDecimal("#N/A"));
}

BOOST_AUTO_TEST_CASE(a_double_printed_with_more_digits_than_excel_keeps_is_rounded_to_fifteen) {
    BOOST_TEST(*SheetNumberText("94.68000000000001") == "94.68");
    BOOST_TEST(*SheetNumberText("95.09999999999999") == "95.1");
    BOOST_TEST(*SheetNumberText("0.30000000000000004") == "0.3");
    BOOST_TEST(*SheetNumberText("1234.5") == "1234.5");
    BOOST_TEST(*SheetNumberText("12.345") == "12.345");      // typed so: three decimals stay three
    BOOST_TEST(*SheetNumberText("123456789012.345") == "123456789012.345"); // 15 digits, exact
    BOOST_TEST(*SheetNumberText("1.2345E+3") == "1234.5");
    BOOST_TEST(*SheetNumberText("-99.99999999999999") == "-100"); // the carry runs through every 9
    BOOST_TEST(*SheetNumberText("1234567890123456789") == "1234567890123460000");
    BOOST_TEST(*SheetNumberText("0.000012345678901234567") == "0.0000123456789012346");
    BOOST_TEST(!SheetNumberText("x"));
}

BOOST_AUTO_TEST_CASE(escaped_characters_in_sheet_text) {
    BOOST_TEST(DecodeSheetText("Центр_x000D__x000A_Юг") == "Центр\r\nЮг");
    BOOST_TEST(DecodeSheetText("a_x005F_x000A_b") == "a_x000A_b"); // an escaped "_x": the text it stands for is literal
    BOOST_TEST(DecodeSheetText("_x0416_") == "Ж");
    BOOST_TEST(DecodeSheetText("order_x12") == "order_x12");
    BOOST_TEST(DecodeSheetText("_xZZZZ_") == "_xZZZZ_");
    BOOST_TEST(DecodeSheetText("_xD800_") == "_xD800_");
}

BOOST_AUTO_TEST_CASE(date_formats_built_in_and_custom) {
    for (int id : {14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47}) BOOST_TEST(IsBuiltInDateFormat(id), id);
    for (int id : {0, 1, 2, 4, 10, 13, 23, 44, 48, 49}) BOOST_TEST(!IsBuiltInDateFormat(id), id);
    BOOST_TEST(IsDateFormatCode("dd.mm.yyyy hh:mm"));
    BOOST_TEST(IsDateFormatCode("[$-419]d mmmm yyyy"));
    BOOST_TEST(IsDateFormatCode("hh:mm:ss"));
    BOOST_TEST(IsDateFormatCode("YYYY-MM-DD"));
    BOOST_TEST(!IsDateFormatCode("General"));
    BOOST_TEST(!IsDateFormatCode("#,##0.00\\ \"руб.\""));
    BOOST_TEST(!IsDateFormatCode("#,##0.00 \"days\""));
    BOOST_TEST(!IsDateFormatCode("[Red]0.00;[Blue]-0.00"));
    BOOST_TEST(!IsDateFormatCode("0.00\\h"));
    BOOST_TEST(!IsDateFormatCode("_-* #,##0.00_-"));
}

BOOST_AUTO_TEST_CASE(serial_dates_in_the_1900_system_keep_the_leap_year_bug) {
    BOOST_TEST(*ExcelSerialToWallSeconds("1", false) == Wall(1900, 1, 1));
    BOOST_TEST(*ExcelSerialToWallSeconds("59", false) == Wall(1900, 2, 28));
    BOOST_TEST(!ExcelSerialToWallSeconds("60", false)); // 29 February 1900, which never was
    BOOST_TEST(!ExcelSerialToWallSeconds("60.5", false));
    BOOST_TEST(*ExcelSerialToWallSeconds("61", false) == Wall(1900, 3, 1));
    BOOST_TEST(*ExcelSerialToWallSeconds("45000", false) == Wall(2023, 3, 15));
    BOOST_TEST(*ExcelSerialToWallSeconds("46349.645833333336", false) == Wall(2026, 11, 23, 15, 30));
    BOOST_TEST(*ExcelSerialToWallSeconds("46349.5", false) == Wall(2026, 11, 23, 12));
    BOOST_TEST(*ExcelSerialToWallSeconds("4.6349645833333336E+4", false) == Wall(2026, 11, 23, 15, 30));
    BOOST_TEST(*ExcelSerialToWallSeconds("46349.999999999", false) == Wall(2026, 11, 24)); // rounds into the next day
    BOOST_TEST(*ExcelSerialToWallSeconds("2958465", false) == Wall(9999, 12, 31));
    BOOST_TEST(!ExcelSerialToWallSeconds("2958466", false));
    BOOST_TEST(!ExcelSerialToWallSeconds("0.5", false)); // a time without a day
    BOOST_TEST(!ExcelSerialToWallSeconds("-1", false));
    BOOST_TEST(!ExcelSerialToWallSeconds("abc", false));
}

BOOST_AUTO_TEST_CASE(serial_dates_in_the_1904_system) {
    BOOST_TEST(*ExcelSerialToWallSeconds("0", true) == Wall(1904, 1, 1));
    BOOST_TEST(*ExcelSerialToWallSeconds("44887.645833333336", true) == Wall(2026, 11, 23, 15, 30));
    BOOST_TEST(FormatWallSeconds(Wall(2026, 11, 23, 15, 30, 5)) == "2026-11-23 15:30:05");
    BOOST_TEST(FormatWallSeconds(Wall(1900, 1, 1)) == "1900-01-01 00:00:00");
}

BOOST_AUTO_TEST_SUITE_END()
