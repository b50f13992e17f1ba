// libFuzzer target: the sniffing of a CSV sales export's layout (services/pos_layout.h
// SniffPosLayout, GuessPosColumns, LayoutFingerprint) from its first bytes. Promises: either a
// reason the file cannot be read or a layout whose columns lie inside the header; the fingerprint
// of a header is stable. Built with clang, ASan and UBSan (tests/fuzz/CMakeLists.txt); run by ctest
// for 20 s and by scripts/fuzz for longer.
#include "fuzz_support.h"
#include "services/pos_layout.h"

using namespace kpd::services;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view head(reinterpret_cast<const char*>(data), size);
    SniffedLayout sniffed = SniffPosLayout(head);
    if (!sniffed.error.empty())
        return 0;
    GuessPosColumns(sniffed);
    const auto width = static_cast<int>(sniffed.header.size());
    const auto& c = sniffed.layout.columns;
    for (int column : {c.order_id, c.store, c.sold_at, c.amount, c.refunded}) {
        kpd::fuzz::Check(column >= -1 && column < std::max(width, 1));
    }
    for (const auto& m : sniffed.missing) {
        kpd::fuzz::Check(m == "order_id" || m == "store" || m == "sold_at" || m == "amount");
    }
    kpd::fuzz::Check(LayoutFingerprint(sniffed.header) == LayoutFingerprint(sniffed.header));
    return 0;
}
