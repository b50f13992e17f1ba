// libFuzzer target: the card screen decoders (contract/card_screen_json.h): a screen, its state,
// versions and their page, a rollback, an asset. Built with clang, ASan and UBSan
// (tests/fuzz/CMakeLists.txt); run by ctest for 20 s and by scripts/fuzz for longer. Promises
// checked: contract_fuzz.h.
#include "contract/card_screen_json.h"
#include "contract_fuzz.h"

using namespace kpd::contract;
using namespace kpd::domain;
using nlohmann::json;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::vector<kpd::fuzz::Decoder> decoders = {
        kpd::fuzz::RoundTrip([](const json& j) { return CardScreenFromJson(j); },
                             [](const CardScreen& v) { return ToJson(v); }),
        kpd::fuzz::RoundTrip([](const json& j) { return CardScreenStateFromJson(j); },
                             [](const CardScreenState& v) { return ToJson(v); }),
        kpd::fuzz::RoundTrip([](const json& j) { return CardScreenVersionFromJson(j); },
                             [](const CardScreenVersion& v) { return ToJson(v, true); }),
        kpd::fuzz::RoundTrip([](const json& j) { return CardScreenVersionPageFromJson(j); },
                             [](const Page<CardScreenVersion>& p) {
                                 return PageToJson(p, [](const CardScreenVersion& v) {
                                     return ToJson(v, false);
                                 });
                             }),
        kpd::fuzz::RoundTrip([](const json& j) { return RollbackRequestFromJson(j); },
                             [](const RollbackRequest& v) { return ToJson(v); }),
        kpd::fuzz::RoundTrip([](const json& j) { return AssetInfoFromJson(j); },
                             [](const AssetInfo& v) { return ToJson(v); }),
        [](const json& j) {
            // Two screens read from one document's halves: their diff names only real changes.
            if (!j.is_array() || j.size() != 2)
                return;
            const auto a = CardScreenFromJson(j[0]), b = CardScreenFromJson(j[1]);
            if (!a.Ok() || !b.Ok())
                return;
            kpd::fuzz::Check(DiffCardScreens(*a.value, *a.value).empty());
            for (const auto& change : DiffCardScreens(*a.value, *b.value))
                kpd::fuzz::Check(change.before != change.after);
        },
    };
    return kpd::fuzz::RunDecoders(decoders, data, size);
}
