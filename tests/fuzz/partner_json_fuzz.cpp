// libFuzzer target: the partner decoder (contract/partner_json.h): GET /partner's answer, PATCH
// /partner's body. Built with clang, ASan and UBSan (tests/fuzz/CMakeLists.txt); run by ctest for
// 20 s and by scripts/fuzz for longer. Promises checked: contract_fuzz.h.
#include "contract/partner_json.h"
#include "contract_fuzz.h"

using namespace kpd::contract;
using nlohmann::json;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::vector<kpd::fuzz::Decoder> decoders = {
        kpd::fuzz::RoundTrip([](const json& j) { return PartnerFromJson(j); },
                             [](const kpd::domain::Partner& v) { return ToJson(v); }),
    };
    return kpd::fuzz::RunDecoders(decoders, data, size);
}
