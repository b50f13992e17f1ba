#pragma once
// A till's sales export as an XLSX sheet, for the tests that reconcile a
// register against a workbook (partnerctl's and the desk's): the register's
// purchases with the planted discrepancies both expect, and one bad amount
// cell. Header-only: its users link libxlsxwriter through the services layer.
// One thread.
#include "domain/settlement.h"

#include <xlsxwriter.h>

#include <cstddef>
#include <string>
#include <vector>

namespace kpd::test {

// Adds a sheet "Продажи" to `book`: Russian headers, times date-formatted on
// the Moscow wall clock, amounts as numbers in roubles; every purchase but the
// first (missing at the partner), the second's amount 50 ₽ more; then a row of
// `bad_order` whose amount `bad_roubles` has three decimals. Returns that
// amount cell's reference ("D23").
inline std::string AddSalesSheet(lxw_workbook* book, const std::vector<domain::SettlementTransaction>& purchases,
                                 const std::string& bad_order, double bad_roubles) {
    lxw_worksheet* sheet = workbook_add_worksheet(book, "Продажи");
    lxw_format* when = workbook_add_format(book);
    format_set_num_format(when, "dd.mm.yyyy hh:mm:ss");
    const char* header[] = {"Номер заказа", "Магазин", "Дата продажи", "Сумма, руб."};
    for (lxw_col_t c = 0; c < 4; ++c) worksheet_write_string(sheet, 0, c, header[c], nullptr);
    lxw_row_t row = 1;
    for (std::size_t i = 1; i < purchases.size(); ++i, ++row) {
        const auto& t = purchases[i];
        worksheet_write_string(sheet, row, 0, t.order_id.c_str(), nullptr);
        worksheet_write_string(sheet, row, 1, t.store_id.c_str(), nullptr);
        worksheet_write_unixtime(sheet, row, 2, t.purchased_at + 3 * 3600, when); // Moscow wall clock
        worksheet_write_number(sheet, row, 3, static_cast<double>(t.amount_kop + (i == 1 ? 5000 : 0)) / 100, nullptr);
    }
    worksheet_write_string(sheet, row, 0, bad_order.c_str(), nullptr);
    worksheet_write_string(sheet, row, 1, "store-01", nullptr);
    worksheet_write_string(sheet, row, 2, "20.11.2026 12:00", nullptr);
    worksheet_write_number(sheet, row, 3, bad_roubles, nullptr);
    return "D" + std::to_string(row + 1);
}

} // namespace kpd::test
