// PlatformClient's calls for Dolyami settlements. Approvals and disputes
// carry the caller's Idempotency-Key, so a retry after a lost answer is
// applied once; the bulk download asks for NDJSON (libcurl accepts gzip) and
// hands each purchase on as soon as its line is read.
#include "api/error_mapping.h"
#include "api/platform_client.h"
#include "api/request_helpers.h"
#include "api/url.h"
#include "contract/endpoints.h"
#include "contract/json_parse.h"
#include "contract/settlement_json.h"
#include "contract/settlement_ndjson.h"

namespace kpd::api {

namespace {
namespace ep = contract::endpoints;
using detail::Call;
using detail::JsonCall;

contract::Parsed<domain::SettlementRegister> ReadRegister(const nlohmann::json& json) {
    return contract::RegisterFromJson(json);
}
} // namespace

Result<contract::Page<domain::SettlementRegister>> PlatformClient::ListSettlements(const std::string& from,
                                                                                   const std::string& to, int limit,
                                                                                   const std::string& cursor) {
    const std::string path = WithQuery(
        ep::kSettlements, {{"from", from}, {"to", to}, {"limit", std::to_string(limit)}, {"cursor", cursor}});
    return ReadBody<contract::Page<domain::SettlementRegister>>(
        Send(Call("GET", path)), [](const nlohmann::json& json) { return contract::RegisterPageFromJson(json); });
}

Result<domain::SettlementRegister> PlatformClient::GetSettlement(std::int64_t id) {
    return ReadBody<domain::SettlementRegister>(Send(Call("GET", ep::Settlement(id))), ReadRegister);
}

Result<std::int64_t> PlatformClient::StreamSettlementTransactions(
    std::int64_t id, const std::function<void(domain::SettlementTransaction&&)>& line) {
    Request r = Call("GET", ep::Settlement(id) + "/transactions");
    r.headers["Accept"] = "application/x-ndjson";
    auto response = Send(r);
    if (!response.Ok()) {
        return response.Error();
    }
    const std::string& body = response.Value().body;
    std::int64_t rows = 0;
    std::size_t start = 0;
    while (start < body.size()) {
        std::size_t end = body.find('\n', start);
        if (end == std::string::npos) end = body.size();
        if (end > start) {
            // The sandbox's own layout reads without a general JSON parser; anything else takes the long way.
            if (auto fast = contract::ReadTransactionLineFast(std::string_view(body).substr(start, end - start))) {
                line(std::move(*fast));
                ++rows;
                start = end + 1;
                continue;
            }
            auto json =
                contract::ParseJsonOrDiscarded(std::string_view(body).substr(start, end - start));
            domain::Problems problems;
            auto tx = json.is_discarded() ? std::nullopt : contract::TransactionFromJson(json, problems);
            if (!tx) {
                ApiError error;
                error.kind = ApiErrorKind::BadResponse;
                error.code = "bad_ndjson";
                error.message = "line " + std::to_string(rows + 1) + " of register " + std::to_string(id) +
                               " is not a purchase" + (problems.empty() ? "" : ": " + problems.front().field + " " +
                                                                                  problems.front().message);
                return error;
            }
            line(std::move(*tx));
            ++rows;
        }
        start = end + 1;
    }
    return rows;
}

Result<domain::SettlementRegister> PlatformClient::ApproveSettlement(std::int64_t id, const std::string& comment,
                                                                     const std::string& idempotency_key) {
    Request r = Call("POST", ep::Settlement(id) + "/approve");
    r.body = contract::DumpJson(contract::ToJson(contract::ApproveRequest{comment}));
    r.idempotency_key = idempotency_key;
    return ReadBody<domain::SettlementRegister>(Send(r), ReadRegister);
}

Result<domain::SettlementRegister> PlatformClient::DisputeSettlement(std::int64_t id,
                                                                     const domain::RegisterDispute& dispute,
                                                                     const std::string& idempotency_key) {
    Request r = Call("POST", ep::Settlement(id) + "/dispute");
    r.body = contract::DumpJson(contract::ToJson(dispute));
    r.idempotency_key = idempotency_key;
    return ReadBody<domain::SettlementRegister>(Send(r), ReadRegister);
}

Result<domain::CommissionInvoice> PlatformClient::GetCommissionInvoice(const domain::Month& month) {
    return ReadBody<domain::CommissionInvoice>(
        Send(Call("GET", WithQuery(ep::kCommissionInvoices, {{"month", ToString(month)}}))),
        [](const nlohmann::json& json) { return contract::CommissionInvoiceFromJson(json); });
}

} // namespace kpd::api
