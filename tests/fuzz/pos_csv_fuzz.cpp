// libFuzzer target: a partner's CSV sales export (services/pos_file_reader.h ReadPosBytes) under a
// layout taken from the first bytes (delimiter, encoding, decimal mark, unit, header, columns).
// Promises: each bad line is named by a line of the file and a code; the good lines and the bad add
// up to the records read. Built with clang, ASan and UBSan (tests/fuzz/CMakeLists.txt); run by
// ctest for 20 s and by scripts/fuzz for longer.
#include "fuzz_support.h"
#include "services/pos_file_reader.h"

#include <algorithm>

using namespace kpd::services;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 4)
        return 0;
    static const char delimiters[] = {';', ',', '\t', '|'};
    PosLayout layout;
    layout.delimiter = delimiters[data[0] & 3];
    layout.encoding =
        (data[0] & 4) ? kpd::domain::TextEncoding::Cp1251 : kpd::domain::TextEncoding::Utf8;
    layout.decimal = (data[0] & 8) ? '.' : ',';
    layout.unit =
        (data[0] & 16) ? kpd::domain::AmountUnit::InKopecks : kpd::domain::AmountUnit::Roubles;
    layout.header = (data[0] & 32) != 0;
    layout.utc_offset_minutes = (static_cast<int>(data[1]) - 128) * 10;
    // Four required columns out of the first six, and maybe a refund column.
    layout.columns = {data[2] % 6, (data[2] / 6) % 6, data[3] % 6, (data[3] / 6) % 6,
                      (data[3] & 0x80) ? 5 : -1};
    const std::string_view bytes(reinterpret_cast<const char*>(data) + 4, size - 4);
    const PosReadResult read = ReadPosBytes(bytes, layout);
    const auto lines = static_cast<std::int64_t>(std::count(bytes.begin(), bytes.end(), '\n')) + 1;
    kpd::fuzz::Check(read.problem_lines >= 0 && read.problem_lines <= read.data_lines);
    kpd::fuzz::Check(read.problems.size() <= kMaxListedProblems);
    for (const auto& p : read.problems) {
        kpd::fuzz::Check(p.line >= 1 && p.line <= lines);
        kpd::fuzz::Check(!p.code.empty() && !p.message.empty());
    }
    if (read.fatal.empty()) {
        kpd::fuzz::Check(static_cast<std::int64_t>(read.table.Size()) + read.problem_lines ==
                         read.data_lines);
    }
    return 0;
}
