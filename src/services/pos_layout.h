#pragma once
// How a partner's own sales export is laid out: delimiter, encoding, number
// and time conventions, and which column holds what. Sniffed from the file's
// first lines and then confirmed by the user; remembered per header so the
// next month's file of the same shape needs no questions.
#include "domain/sale_fields.h"
#include "domain/text_encoding.h"

#include <string>
#include <string_view>
#include <vector>

namespace kpd::services {

// 0-based column numbers; -1 when the file has no such column.
struct PosColumns {
    int order_id = -1;
    int store = -1;
    int sold_at = -1;
    int amount = -1;
    int refunded = -1; // optional: without it, refunds are not compared
};

struct PosLayout {
    char delimiter = ';';
    domain::TextEncoding encoding = domain::TextEncoding::Utf8;
    char decimal = ',';
    domain::AmountUnit unit = domain::AmountUnit::Roubles;
    int utc_offset_minutes = 180; // times without an offset are Moscow time
    bool header = true;
    PosColumns columns;
    std::string sheet; // an XLSX workbook's sheet to read; empty: the first
};

struct SniffedLayout {
    PosLayout layout;
    std::vector<std::string> header; // the first line's cells (UTF-8), for the mapping step
    std::string error;               // the file cannot be read at all (UTF-16, binary)
    std::vector<std::string> missing; // required columns not recognised by name: order_id/store/sold_at/amount
    // An XLSX workbook: no delimiter or encoding to choose, and its first rows
    // (the header's included) as text, each cell in its column, for the mapping step.
    bool workbook = false;
    std::vector<std::vector<std::string>> rows;
};

// Guesses everything from up to the first 64 KiB of a file.
SniffedLayout SniffPosLayout(std::string_view head);

// Which column holds what, from the names in `sniffed.header` (Russian or
// English): sets the layout's columns and unit and lists what is missing.
void GuessPosColumns(SniffedLayout& sniffed);

// A stable key of a header (its cells, lower-cased, joined), under which the
// confirmed layout is remembered.
std::string LayoutFingerprint(const std::vector<std::string>& header);

} // namespace kpd::services
