// libFuzzer target: the audit decoders (contract/audit_json.h): GET /audit's page and one entry.
// Built with clang, ASan and UBSan (tests/fuzz/CMakeLists.txt); run by ctest
// for 20 s and by scripts/fuzz for longer. Promises checked: contract_fuzz.h.
#include "contract/audit_json.h"
#include "contract_fuzz.h"

using namespace kpd::contract;
using kpd::domain::AuditEntry;
using nlohmann::json;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::vector<kpd::fuzz::Decoder> decoders = {
        kpd::fuzz::RoundTrip([](const json& j) { return AuditPageFromJson(j); },
                             [](const Page<AuditEntry>& p) {
                                 return PageToJson(p,
                                                   [](const AuditEntry& v) { return ToJson(v); });
                             }),
        [](const json& j) {
            kpd::domain::Problems problems;
            const auto entry = AuditEntryFromJson(j, problems, "/items/0");
            kpd::fuzz::CheckProblems(problems);
            if (entry && problems.empty()) {
                kpd::domain::Problems again;
                const auto read = AuditEntryFromJson(ToJson(*entry), again);
                kpd::fuzz::Check(read && again.empty() && ToJson(*read) == ToJson(*entry));
            }
        },
    };
    return kpd::fuzz::RunDecoders(decoders, data, size);
}
