#pragma once
// Reads a partner's sales export (CSV in UTF-8 or Windows-1251, any of the
// usual delimiters, RFC 4180 quotes with line breaks inside them; an XLSX
// workbook goes to pos_xlsx_reader.h) into a SaleTable, streaming through a
// memory map. Every bad line is reported with its line number and column (a
// sheet's: its row and cell). Worker thread.
#include "domain/cancel_token.h"
#include "services/pos_layout.h"
#include "services/pos_read_result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kpd::services {

// From bytes already in memory (tests, pasted text); `bytes` includes any BOM.
PosReadResult ReadPosBytes(std::string_view bytes, const PosLayout& layout,
                           const domain::CancelToken* cancel = nullptr, domain::ProgressSink* progress = nullptr);

// From a file, mapped rather than read, so a 300 MB export costs no copy.
PosReadResult ReadPosFile(const std::string& path, const PosLayout& layout,
                          const domain::CancelToken* cancel = nullptr, domain::ProgressSink* progress = nullptr);

// The first `limit` bytes of a file, for SniffPosLayout; empty with `error` when unreadable.
std::string ReadFileHead(const std::string& path, std::size_t limit, std::string& error);

// The layout of a CSV file or an XLSX workbook (told apart by their first
// bytes), for the mapping step; `head` gets a CSV file's first 64 KiB (empty
// for a workbook, whose first rows are in the result's `rows`).
SniffedLayout SniffPosFile(const std::string& path, std::string& head);

} // namespace kpd::services
