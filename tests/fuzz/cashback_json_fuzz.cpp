// libFuzzer target: the cashback decoders (contract/cashback_json.h): flights, pages, reports,
// targeting, receipts, wallets. Built with clang, ASan and UBSan (tests/fuzz/CMakeLists.txt); run
// by ctest for 20 s and by scripts/fuzz for longer. Promises checked: contract_fuzz.h.
#include "contract/cashback_json.h"
#include "contract_fuzz.h"

using namespace kpd::contract;
using namespace kpd::domain;
using nlohmann::json;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using kpd::fuzz::RoundTrip;
    static const std::vector<kpd::fuzz::Decoder> decoders = {
        RoundTrip([](const json& j) { return FlightFromJson(j); },
                  [](const CashbackFlight& v) { return ToJson(v); }),
        RoundTrip([](const json& j) { return FlightPageFromJson(j); },
                  [](const Page<CashbackFlight>& p) {
                      return PageToJson(p, [](const CashbackFlight& v) { return ToJson(v); });
                  }),
        RoundTrip([](const json& j) { return NewFlightFromJson(j); },
                  [](const CashbackFlight& v) { return ToNewFlightJson(v); }),
        RoundTrip([](const json& j) { return FlightReportFromJson(j); },
                  [](const FlightReport& v) { return ToJson(v); }),
        RoundTrip([](const json& j) { return TargetingFromJson(j); },
                  [](const FlightTargeting& v) { return ToJson(v); }),
        RoundTrip([](const json& j) { return AudienceEstimateFromJson(j); },
                  [](const AudienceEstimate& v) { return ToJson(v); }),
        RoundTrip([](const json& j) { return ReceiptScanRequestFromJson(j); },
                  [](const ReceiptScanRequest& v) { return ToJson(v); }),
        RoundTrip([](const json& j) { return ReceiptScanAnswerFromJson(j); },
                  [](const ReceiptScanAnswer& v) { return ToJson(v); }),
        RoundTrip([](const json& j) { return GenerateReceiptsRequestFromJson(j); },
                  [](const GenerateReceiptsRequest& v) { return ToJson(v); }),
        RoundTrip([](const json& j) { return GenerateReceiptsAnswerFromJson(j); },
                  [](const GenerateReceiptsAnswer& v) { return ToJson(v); }),
        RoundTrip([](const json& j) { return WalletFromJson(j); },
                  [](const Wallet& v) { return ToJson(v); }),
        RoundTrip([](const json& j) { return WithdrawRequestFromJson(j); },
                  [](const WithdrawRequest& v) { return ToJson(v); }),
    };
    return kpd::fuzz::RunDecoders(decoders, data, size);
}
