// libFuzzer target: the settlement decoders (contract/settlement_json.h): registers, transactions,
// approvals, disputes, invoices. Built with clang, ASan and UBSan (tests/fuzz/CMakeLists.txt); run
// by ctest for 20 s and by scripts/fuzz for longer. Promises checked: contract_fuzz.h.
#include "contract/settlement_json.h"
#include "contract_fuzz.h"

using namespace kpd::contract;
using namespace kpd::domain;
using nlohmann::json;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using kpd::fuzz::RoundTrip;
    static const std::vector<kpd::fuzz::Decoder> decoders = {
        RoundTrip([](const json& j) { return RegisterFromJson(j); },
                  [](const SettlementRegister& v) { return ToJson(v); }),
        RoundTrip([](const json& j) { return RegisterPageFromJson(j); },
                  [](const Page<SettlementRegister>& p) {
                      return PageToJson(p, [](const SettlementRegister& v) { return ToJson(v); });
                  }),
        RoundTrip([](const json& j) { return TransactionPageFromJson(j); },
                  [](const Page<SettlementTransaction>& p) {
                      return PageToJson(p,
                                        [](const SettlementTransaction& v) { return ToJson(v); });
                  }),
        RoundTrip([](const json& j) { return ApproveRequestFromJson(j); },
                  [](const ApproveRequest& v) { return ToJson(v); }),
        RoundTrip([](const json& j) { return RegisterDisputeFromJson(j); },
                  [](const RegisterDispute& v) { return ToJson(v); }),
        RoundTrip([](const json& j) { return CommissionInvoiceFromJson(j); },
                  [](const CommissionInvoice& v) { return ToJson(v); }),
    };
    return kpd::fuzz::RunDecoders(decoders, data, size);
}
