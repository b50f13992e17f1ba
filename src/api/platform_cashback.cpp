// PlatformClient's calls for cashback flights (/cashback-flights) and the
// sandbox routes that make them visible in tests and demos (its clock, its
// simulated receipt scans). Lifecycle POSTs carry the caller's
// Idempotency-Key, so a retry after a lost answer is applied once; the draft
// PUT is guarded by If-Match instead. A flight's `version` is taken from the
// ETag, which is what If-Match must echo.
#include "api/error_mapping.h"
#include "api/platform_client.h"
#include "api/request_helpers.h"
#include "api/url.h"
#include "contract/cashback_json.h"
#include "contract/endpoints.h"
#include "contract/json_parse.h"
#include "contract/json_reader.h"

namespace kpd::api {

namespace {

namespace ep = contract::endpoints;
using detail::Call;
using detail::JsonCall;

const std::string kFlights = std::string(ep::kApiPrefix) + "/cashback-flights";
const std::string kReceipts = std::string(ep::kApiPrefix) + "/sandbox/receipts";

std::string FlightPath(std::int64_t id) {
    return kFlights + "/" + std::to_string(id);
}

Result<domain::CashbackFlight> ReadFlight(const Result<Response>& response) {
    auto flight = ReadBody<domain::CashbackFlight>(
        response, [](const nlohmann::json& json) { return contract::FlightFromJson(json); });
    if (flight.Ok()) {
        if (auto tagged = detail::VersionFromETag(response.Value())) {
            flight.Value().version = *tagged;
        }
    }
    return flight;
}

contract::Parsed<SandboxClockState> ClockFromJson(const nlohmann::json& json) {
    domain::Problems problems;
    contract::JsonReader r(json, problems);
    SandboxClockState clock;
    if (auto now = r.String("now")) {
        if (auto parsed = domain::ParseRfc3339(*now)) {
            clock.now = *parsed;
        } else {
            r.Fail("/now", "format", "now must be an RFC 3339 instant");
        }
    }
    clock.fixed = r.Bool("fixed", false).value_or(false);
    if (!problems.empty())
        return contract::Parsed<SandboxClockState>::Failure(std::move(problems));
    return contract::Parsed<SandboxClockState>::Success(clock);
}

Result<SandboxClockState> ReadClock(const Result<Response>& response) {
    return ReadBody<SandboxClockState>(response, ClockFromJson);
}

// The sandbox's own routes answer anyone: a script or a test may move the
// clock without signing in; a signed-in client still sends its token.
Request SandboxCall(Request request, const PlatformClient& client) {
    request.authenticated = client.CurrentSession().has_value();
    return request;
}

// The problem body of an error answer as JSON, or null.
nlohmann::json ProblemBody(const ApiError& error) {
    if (error.body.empty())
        return nullptr;
    auto json = contract::ParseJsonOrDiscarded(error.body);
    return json.is_discarded() || !json.is_object() ? nlohmann::json(nullptr) : json;
}

} // namespace

Result<contract::Page<domain::CashbackFlight>>
PlatformClient::ListCashbackFlights(int limit, const std::string& cursor) {
    const std::string path =
        WithQuery(kFlights, {{"limit", std::to_string(limit)}, {"cursor", cursor}});
    return ReadBody<contract::Page<domain::CashbackFlight>>(
        Send(Call("GET", path)),
        [](const nlohmann::json& json) { return contract::FlightPageFromJson(json); });
}

Result<domain::CashbackFlight>
PlatformClient::CreateCashbackFlight(const domain::CashbackFlight& flight,
                                     const std::string& idempotency_key) {
    Request r = JsonCall("POST", kFlights, contract::ToNewFlightJson(flight));
    r.idempotency_key = idempotency_key;
    return ReadFlight(Send(r));
}

Result<domain::CashbackFlight> PlatformClient::GetCashbackFlight(std::int64_t id) {
    return ReadFlight(Send(Call("GET", FlightPath(id))));
}

Result<domain::CashbackFlight>
PlatformClient::PutCashbackFlight(const domain::CashbackFlight& flight,
                                  std::int64_t expected_version) {
    Request r = JsonCall("PUT", FlightPath(flight.id), contract::ToNewFlightJson(flight));
    r.if_match = ETagForVersion(expected_version);
    return ReadFlight(Send(r));
}

Result<domain::CashbackFlight>
PlatformClient::SubmitCashbackFlight(std::int64_t id, const std::string& idempotency_key) {
    Request r = JsonCall("POST", FlightPath(id) + "/submit", nlohmann::json::object());
    r.idempotency_key = idempotency_key;
    return ReadFlight(Send(r));
}

Result<domain::CashbackFlight>
PlatformClient::ChangeCashbackFlight(std::int64_t id, domain::FlightAction action,
                                     const std::string& idempotency_key) {
    Request r = JsonCall("POST", FlightPath(id) + "/" + std::string(domain::ToString(action)),
                         nlohmann::json::object());
    r.idempotency_key = idempotency_key;
    return ReadFlight(Send(r));
}

Result<domain::FlightReport> PlatformClient::GetCashbackFlightReport(std::int64_t id) {
    return ReadBody<domain::FlightReport>(
        Send(Call("GET", FlightPath(id) + "/report")),
        [](const nlohmann::json& json) { return contract::FlightReportFromJson(json); });
}

Result<std::int64_t>
PlatformClient::EstimateCashbackAudience(const domain::FlightTargeting& targeting) {
    // A question, not a change: safe to ask again, so it may be retried like a GET.
    Request r = JsonCall("POST", kFlights + "/audience-estimate", contract::ToJson(targeting));
    r.idempotency_key = NewIdempotencyKey();
    auto estimate = ReadBody<contract::AudienceEstimate>(Send(r), [](const nlohmann::json& json) {
        return contract::AudienceEstimateFromJson(json);
    });
    if (!estimate.Ok())
        return estimate.Error();
    return estimate.Value().users;
}

Result<SandboxClockState> PlatformClient::GetSandboxClock() {
    return ReadClock(Send(SandboxCall(Call("GET", ep::kSandboxClock), *this)));
}

Result<SandboxClockState> PlatformClient::SetSandboxClock(domain::Instant now) {
    const nlohmann::json body{{"now", domain::FormatRfc3339(now)}};
    return ReadClock(Send(SandboxCall(JsonCall("POST", ep::kSandboxClock, body), *this)));
}

Result<SandboxClockState> PlatformClient::AdvanceSandboxClock(std::int64_t seconds) {
    const nlohmann::json body{{"advance_seconds", seconds}};
    return ReadClock(Send(SandboxCall(JsonCall("POST", ep::kSandboxClock, body), *this)));
}

Result<contract::GenerateReceiptsAnswer>
PlatformClient::GenerateReceipts(std::int64_t count, const std::string& idempotency_key) {
    Request r = SandboxCall(JsonCall("POST", kReceipts + "/generate",
                                     contract::ToJson(contract::GenerateReceiptsRequest{count})),
                            *this);
    r.idempotency_key = idempotency_key;
    return ReadBody<contract::GenerateReceiptsAnswer>(Send(r), [](const nlohmann::json& json) {
        return contract::GenerateReceiptsAnswerFromJson(json);
    });
}

Result<contract::ReceiptScanAnswer>
PlatformClient::ScanReceipt(const contract::ReceiptScanRequest& receipt,
                            const std::string& idempotency_key) {
    Request r = SandboxCall(JsonCall("POST", kReceipts, contract::ToJson(receipt)), *this);
    r.idempotency_key = idempotency_key;
    return ReadBody<contract::ReceiptScanAnswer>(Send(r), [](const nlohmann::json& json) {
        return contract::ReceiptScanAnswerFromJson(json);
    });
}

std::optional<domain::CashbackFlight> CurrentFlightOf(const ApiError& error) {
    if (error.kind != ApiErrorKind::PreconditionFailed)
        return std::nullopt;
    auto json = ProblemBody(error);
    if (!json.is_object() || !json.contains("current"))
        return std::nullopt;
    auto parsed = contract::FlightFromJson(json["current"]);
    return parsed.Ok() ? parsed.value : std::nullopt;
}

std::optional<domain::CivilDate> EarliestStartOf(const ApiError& error) {
    auto json = ProblemBody(error);
    if (!json.is_object())
        return std::nullopt;
    auto read = [](const nlohmann::json& holder) -> std::optional<domain::CivilDate> {
        if (!holder.is_object() || !holder.contains("earliest_starts_on") ||
            !holder["earliest_starts_on"].is_string()) {
            return std::nullopt;
        }
        return domain::ParseIsoDate(holder["earliest_starts_on"].get<std::string>());
    };
    if (auto date = read(json))
        return date;
    // Also accepted beside the field problem it explains.
    if (json.contains("errors") && json["errors"].is_array()) {
        for (const auto& problem : json["errors"]) {
            if (auto date = read(problem))
                return date;
        }
    }
    return std::nullopt;
}

} // namespace kpd::api
