// libFuzzer target: the problem+json decoder (contract/problem_details.h), as the client reads
// every refusal. Built with clang, ASan and UBSan (tests/fuzz/CMakeLists.txt); run by ctest for 20
// s and by scripts/fuzz for longer. Promises checked: contract_fuzz.h.
#include "contract/problem_details.h"
#include "contract_fuzz.h"

using namespace kpd::contract;
using nlohmann::json;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::vector<kpd::fuzz::Decoder> decoders = {
        kpd::fuzz::RoundTrip([](const json& j) { return ProblemDetailsFromJson(j); },
                             [](const ProblemDetails& v) { return ToJson(v); }),
        [](const json& j) {
            // Any status a server could answer has a title (an empty one for an unknown status is
            // fine).
            if (j.is_number_integer())
                (void)StatusTitle(j.get<int>());
        },
    };
    return kpd::fuzz::RunDecoders(decoders, data, size);
}
