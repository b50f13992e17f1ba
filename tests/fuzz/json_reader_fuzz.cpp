// libFuzzer target: the strict JSON field reader (contract/json_reader.h) and its unknown-field
// walk. The first byte picks which fields are looked up (as a decoder would); the rest is the
// document. Promises: every problem at a pointer, a field looked up is never called unknown. Built
// with clang, ASan and UBSan (tests/fuzz/CMakeLists.txt); run by ctest for 20 s and by scripts/fuzz
// for longer.
#include "contract/json_reader.h"
#include "fuzz_support.h"

using namespace kpd::contract;
using nlohmann::json;

namespace {
// Reads the members a decoder might ask for, nested objects and arrays too.
void ReadSome(const json& value, kpd::domain::Problems& problems, const std::string& base,
              unsigned mask, int depth) {
    JsonReader r(value, problems, base);
    if (!r.IsObject() || depth > 8)
        return;
    const bool required = (mask & 1) != 0;
    (void)r.String("name", required);
    (void)r.Int("amount_kop", required);
    (void)r.Bool("active", (mask & 2) != 0);
    if (const auto* a = r.Array("items", (mask & 4) != 0)) {
        for (std::size_t i = 0; i < a->size() && i < 16; ++i) {
            ReadSome((*a)[i], problems, r.Pointer("items") + "/" + std::to_string(i), mask >> 1,
                     depth + 1);
        }
    }
    if (const auto* o = r.Object("theme", (mask & 8) != 0))
        ReadSome(*o, problems, r.Pointer("theme"), mask >> 2, depth + 1);
    for (const auto& [key, member] : value.items()) {
        if ((mask & 16) != 0 && key.size() < 8)
            (void)r.String(key, false);
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0)
        return 0;
    const auto document =
        kpd::fuzz::ParseJson(std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
    if (!document)
        return 0;
    kpd::domain::Problems problems;
    FieldReadLog log;
    ReadSome(*document, problems, "", data[0], 0);
    kpd::fuzz::CheckProblems(problems);
    const auto unknown = UnknownFields(*document, log.Read());
    kpd::fuzz::CheckProblems(unknown);
    for (const auto& p : unknown) {
        kpd::fuzz::Check(p.code == "unknown_field");
        kpd::fuzz::Check(log.Read().count(p.field) == 0);
    }
    kpd::fuzz::Check(
        EscapePointerToken(std::string(reinterpret_cast<const char*>(data), size)).find('/') ==
        std::string::npos);
    return 0;
}
