// libFuzzer target: the bulk reader of a register's purchases (contract/settlement_ndjson.h).
// Promises: a line the fast reader takes, the general decoder reads as the same purchase; a
// purchase it read is written back as a line it reads alike. Built with clang, ASan and UBSan
// (tests/fuzz/CMakeLists.txt); run by ctest for 20 s and by scripts/fuzz for longer.
#include "contract/settlement_json.h"
#include "contract/settlement_ndjson.h"
#include "fuzz_support.h"

using namespace kpd::contract;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view line(reinterpret_cast<const char*>(data), size);
    const auto fast = ReadTransactionLineFast(line);
    if (!fast)
        return 0;
    const nlohmann::json written = ToJson(*fast);
    if (const auto json = kpd::fuzz::ParseJson(line)) {
        kpd::domain::Problems problems;
        const auto general = TransactionFromJson(*json, problems);
        kpd::fuzz::Check(general.has_value() && problems.empty());
        kpd::fuzz::Check(ToJson(*general) == written);
    }
    std::string again;
    AppendTransactionLine(again, *fast);
    kpd::fuzz::Check(!again.empty() && again.back() == '\n');
    again.pop_back();
    const auto reread = ReadTransactionLineFast(again);
    kpd::fuzz::Check(reread.has_value());
    kpd::fuzz::Check(ToJson(*reread) == written);
    return 0;
}
