// libFuzzer target: the user decoders (contract/user_json.h): a user, a page of users, a new user,
// a roles change. Built with clang, ASan and UBSan (tests/fuzz/CMakeLists.txt); run by ctest for 20
// s and by scripts/fuzz for longer. Promises checked: contract_fuzz.h.
#include "contract/user_json.h"
#include "contract_fuzz.h"

using namespace kpd::contract;
using kpd::domain::User;
using nlohmann::json;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::vector<kpd::fuzz::Decoder> decoders = {
        kpd::fuzz::RoundTrip([](const json& j) { return UserFromJson(j); },
                             [](const User& v) { return ToJson(v); }),
        kpd::fuzz::RoundTrip([](const json& j) { return UserPageFromJson(j); },
                             [](const Page<User>& p) {
                                 return PageToJson(p, [](const User& v) { return ToJson(v); });
                             }),
        kpd::fuzz::RoundTrip([](const json& j) { return NewUserFromJson(j); },
                             [](const kpd::domain::NewUser& v) { return ToJson(v); }),
        kpd::fuzz::RoundTrip([](const json& j) { return RolesChangeFromJson(j); },
                             [](const RolesChange& v) { return ToJson(v); }),
    };
    return kpd::fuzz::RunDecoders(decoders, data, size);
}
