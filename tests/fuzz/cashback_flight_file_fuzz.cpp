// libFuzzer target: a cashback flight written by hand as JSON (services/cashback_flight_file.h:
// partnerctl cashback create FILE). Promises: never throws; every problem has a place and a code,
// sorted by pointer; malformed JSON is named by line and column. Built with clang, ASan and UBSan
// (tests/fuzz/CMakeLists.txt); run by ctest for 20 s and by scripts/fuzz for longer.
#include "fuzz_support.h"
#include "services/cashback_flight_file.h"

#include <algorithm>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const auto file = kpd::services::ReadFlightText(text, "flight.json");
    kpd::fuzz::CheckProblems(file.problems);
    kpd::fuzz::Check(
        std::is_sorted(file.problems.begin(), file.problems.end(),
                       [](const auto& a, const auto& b) { return a.field < b.field; }));
    kpd::fuzz::Check(file.flight.has_value() || !file.problems.empty());
    for (const auto& p : file.problems) {
        if (p.code == "malformed_json")
            kpd::fuzz::Check(p.message.find("line ") != std::string::npos);
    }
    return 0;
}
