// libFuzzer target: the sign-in decoders (contract/auth.h): POST /auth/token's body and answer, and
// a roles array. Built with clang, ASan and UBSan (tests/fuzz/CMakeLists.txt); run by ctest for 20
// s and by scripts/fuzz for longer. Promises checked: contract_fuzz.h.
#include "contract/auth.h"
#include "contract_fuzz.h"

using namespace kpd::contract;
using nlohmann::json;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::vector<kpd::fuzz::Decoder> decoders = {
        kpd::fuzz::RoundTrip([](const json& j) { return TokenRequestFromJson(j); },
                             [](const TokenRequest& v) { return ToJson(v); }),
        kpd::fuzz::RoundTrip([](const json& j) { return TokenResponseFromJson(j); },
                             [](const TokenResponse& v) { return ToJson(v); }),
        [](const json& j) {
            kpd::domain::Problems problems;
            const auto roles = RolesFromJson(j, problems, "/roles");
            kpd::fuzz::CheckProblems(problems);
            if (problems.empty()) {
                kpd::domain::Problems again;
                kpd::fuzz::Check(RolesFromJson(RolesToJson(roles), again, "/roles") == roles &&
                                 again.empty());
            }
        },
    };
    return kpd::fuzz::RunDecoders(decoders, data, size);
}
