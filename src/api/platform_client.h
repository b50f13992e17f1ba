#pragma once
// PlatformClient: the desk's only way to the platform API.
//
// Thread affinity: one client may be used from one worker thread at a time
// (it keeps one libcurl easy handle for connection reuse); never call it on
// the UI thread. Results are values; no method throws for an HTTP or
// network failure.
#include "api/result.h"
#include "contract/auth.h"
#include "contract/cashback_json.h"
#include "contract/page.h"
#include "domain/asset.h"
#include "domain/audit_entry.h"
#include "domain/cancel_token.h"
#include "domain/card_screen.h"
#include "domain/cashback_flight.h"
#include "domain/dolyami.h"
#include "domain/partner.h"
#include "domain/settlement.h"
#include "domain/user.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kpd::api {

struct ClientOptions {
    std::string base_url = "http://127.0.0.1:8080"; // scheme://host:port, without /v1
    bool verify_tls = true;                           // never off by default
    std::string ca_file;                              // trust this CA bundle in addition
    std::chrono::milliseconds connect_timeout{5000};
    std::chrono::milliseconds request_timeout{30000};
    int max_attempts = 4;                             // for safe retries (GET, POST with Idempotency-Key)
    std::chrono::milliseconds retry_base_delay{200};  // doubled each retry, with jitter
    std::string user_agent = "partner-desk/0.1.0";
    std::chrono::milliseconds max_retry_delay{5000};  // cap of one backoff pause
    // A 429/503 asking to wait longer than this is returned to the caller
    // instead of blocking the worker (RateLimited / Server with the header kept).
    // A 429 is retried whatever the method: the platform refuses it before
    // acting on the request (docs/api/openapi.yaml, "Rate limits").
    std::chrono::milliseconds max_retry_after{30000};
    std::size_t max_response_bytes = 64u << 20;       // larger answers fail as BadResponse
};

// One HTTP request, described as a value (HOUSE-STYLE 8).
// Retried only when safe: GET, or POST/PUT carrying an idempotency_key (the
// same key is sent on every attempt).
struct Request {
    std::string method = "GET";
    std::string path;                         // from contract::endpoints, with query string
    std::string body;                         // JSON text, empty for none
    std::map<std::string, std::string> headers;
    std::optional<std::string> idempotency_key;
    std::optional<std::string> if_match;      // the ETag as sent, quotes included: "\"3\""
    bool authenticated = true;
};

// POST /assets: the asset, and whether this upload created it (201) or the
// platform already had the same bytes for the slot (200, sha256 dedup).
struct UploadedAsset {
    domain::AssetInfo info;
    bool created = false;
};

// GET /assets/{id}/content: the image bytes as the platform keeps them.
struct AssetContent {
    std::string media_type;          // from Content-Type
    std::string sha256;              // from the ETag, quotes removed (may be empty)
    std::vector<std::uint8_t> bytes;
};

// ---- Cashback flights: what the client sends and reads beside the flight --
// The sandbox's clock (GET/POST /sandbox/clock): `now` as it answered it.
struct SandboxClockState {
    domain::Instant now{};
    bool fixed = false; // true: moves only when told (the tests' and demos' clock)
};

struct Response {
    int status = 0;
    std::string body;
    std::map<std::string, std::string> headers; // names lower-case
};

class PlatformClient {
  public:
    explicit PlatformClient(ClientOptions options);
    ~PlatformClient();
    PlatformClient(const PlatformClient&) = delete;
    PlatformClient& operator=(const PlatformClient&) = delete;
    PlatformClient(PlatformClient&&) noexcept;            // a moved-from client may only be destroyed
    PlatformClient& operator=(PlatformClient&&) noexcept;

    const ClientOptions& Options() const;

    // The token that later calls use; Cancel() aborts the transfer under way
    // and any pause before a retry.
    void SetCancelToken(domain::CancelTokenPtr token);
    domain::CancelTokenPtr CancelTokenInUse() const;

    // Told, on the calling thread, how long the platform asked to wait
    // (Retry-After of a 429 or 503, at least a second) before the client
    // pauses to send the request again, and told 0 when the pause is over or
    // was cancelled, so a progress text can say "the platform asks to wait N s".
    using WaitListener = std::function<void(std::chrono::seconds)>;
    void SetWaitListener(WaitListener listener);
    const WaitListener& WaitListenerInUse() const;

    // POST /auth/token. On success the client keeps the token and, in memory
    // only, the credentials so that an expired token is renewed transparently.
    Result<contract::TokenResponse> SignIn(const std::string& login, const std::string& password);
    // Adopts a token kept from an earlier session (e.g. from the secret store).
    void UseToken(const std::string& access_token, const std::string& expires_at);
    // Adopts a whole remembered session (token, user and partner), e.g. when
    // the desk resumes from its secret store; no credentials are kept.
    void UseSession(contract::TokenResponse session);
    void SignOut();
    std::optional<contract::TokenResponse> CurrentSession() const;

    Result<domain::Partner> GetPartner();
    Result<contract::Page<domain::User>> ListUsers(int limit = contract::kDefaultPageLimit,
                                                   const std::string& cursor = "");
    Result<domain::User> GetUser(std::int64_t id);
    Result<domain::User> CreateUser(const domain::NewUser& user, const std::string& idempotency_key);
    // PUT with If-Match: `expected_version` is the user's version the change starts from.
    Result<domain::User> SetUserRoles(std::int64_t id, domain::RoleSet roles, std::int64_t expected_version);
    Result<domain::User> DisableUser(std::int64_t id, const std::string& idempotency_key);
    Result<domain::User> EnableUser(std::int64_t id, const std::string& idempotency_key);
    Result<contract::Page<domain::AuditEntry>> ListAudit(int limit = contract::kDefaultPageLimit,
                                                        const std::string& cursor = "");

    // ---- The card screen (/card-screen) and its images (/assets) ----------
    // The state; its `version` is the one the ETag names (what If-Match sends).
    Result<domain::CardScreenState> GetCardScreen();
    // PUT /card-screen/draft with If-Match `expected_version`. A 412 leaves the
    // platform's state in the error: CurrentCardScreenOf reads it.
    Result<domain::CardScreenState> PutCardScreenDraft(const domain::CardScreen& draft,
                                                       std::int64_t expected_version);
    Result<domain::CardScreenState> PublishCardScreen(std::int64_t expected_version,
                                                      const std::string& idempotency_key);
    Result<contract::Page<domain::CardScreenVersion>>
    ListCardScreenVersions(int limit = contract::kDefaultPageLimit, const std::string& cursor = "");
    Result<domain::CardScreenVersion> GetCardScreenVersion(std::int64_t number);
    // Publishes version `number` again as a new publication; the draft stays.
    Result<domain::CardScreenState> RollbackCardScreen(std::int64_t number, std::int64_t expected_version,
                                                       const std::string& idempotency_key);
    // `media_type` is sent as Content-Type ("image/png" or "image/jpeg").
    Result<UploadedAsset> UploadAsset(domain::ImageSlot slot, const std::vector<std::uint8_t>& bytes,
                                      const std::string& media_type, const std::string& idempotency_key);
    Result<domain::AssetInfo> GetAsset(const std::string& id);
    Result<AssetContent> GetAssetContent(const std::string& id);

    // ---- Dolyami settlements (/settlements, /commission-invoices) ----------
    // Registers with business_date in [from, to] (YYYY-MM-DD; empty = open), newest first.
    Result<contract::Page<domain::SettlementRegister>> ListSettlements(const std::string& from, const std::string& to,
                                                                       int limit = contract::kDefaultPageLimit,
                                                                       const std::string& cursor = "");
    Result<domain::SettlementRegister> GetSettlement(std::int64_t id);
    // Every purchase of a register as NDJSON (gzip on the wire); `line` is
    // called with each parsed purchase in order. Returns the row count.
    Result<std::int64_t> StreamSettlementTransactions(
        std::int64_t id, const std::function<void(domain::SettlementTransaction&&)>& line);
    Result<domain::SettlementRegister> ApproveSettlement(std::int64_t id, const std::string& comment,
                                                         const std::string& idempotency_key);
    Result<domain::SettlementRegister> DisputeSettlement(std::int64_t id, const domain::RegisterDispute& dispute,
                                                         const std::string& idempotency_key);
    Result<domain::CommissionInvoice> GetCommissionInvoice(const domain::Month& month);

    // ---- Cashback flights (/cashback-flights) -------------------------------
    // Newest first. A flight's `version` is the one its ETag names.
    Result<contract::Page<domain::CashbackFlight>> ListCashbackFlights(int limit = contract::kDefaultPageLimit,
                                                                       const std::string& cursor = "");
    // `flight` without id and status; 201 with the stored flight.
    Result<domain::CashbackFlight> CreateCashbackFlight(const domain::CashbackFlight& flight,
                                                        const std::string& idempotency_key);
    Result<domain::CashbackFlight> GetCashbackFlight(std::int64_t id);
    // PUT with If-Match `expected_version`; a draft only (409 flight_not_draft).
    // A 412 carries the flight as it is now: CurrentFlightOf reads it.
    Result<domain::CashbackFlight> PutCashbackFlight(const domain::CashbackFlight& flight,
                                                     std::int64_t expected_version);
    // The platform checks the rules and the start date against its own clock:
    // too early is a 422 whose problem names the earliest allowed date
    // (EarliestStartOf reads it).
    Result<domain::CashbackFlight> SubmitCashbackFlight(std::int64_t id, const std::string& idempotency_key);
    // POST /cashback-flights/{id}/<action> (submit, pause, resume, stop).
    Result<domain::CashbackFlight> ChangeCashbackFlight(std::int64_t id, domain::FlightAction action,
                                                        const std::string& idempotency_key);
    Result<domain::FlightReport> GetCashbackFlightReport(std::int64_t id);
    // How many of the platform's app users the targeting reaches.
    Result<std::int64_t> EstimateCashbackAudience(const domain::FlightTargeting& targeting);

    // ---- The sandbox's own routes (tests and demos; a real platform answers 404)
    Result<SandboxClockState> GetSandboxClock();
    Result<SandboxClockState> SetSandboxClock(domain::Instant now);
    // Advancing over whole Moscow days also simulates those days' scans.
    Result<SandboxClockState> AdvanceSandboxClock(std::int64_t seconds);
    // Simulated app users scan `count` receipts dated the sandbox's today.
    Result<contract::GenerateReceiptsAnswer> GenerateReceipts(std::int64_t count, const std::string& idempotency_key);
    // One receipt scanned by a simulated app user (422 with /qr for a bad QR).
    Result<contract::ReceiptScanAnswer> ScanReceipt(const contract::ReceiptScanRequest& receipt,
                                                    const std::string& idempotency_key);

    // The general call under all of the above: auth header, retries where
    // safe, token renewal on 401 token_expired, problem+json mapped to ApiError.
    Result<Response> Send(const Request& request);

  private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// A fresh random idempotency key (UUID v4 text).
std::string NewIdempotencyKey();

// The entity tag of a version as the platform writes it: "\"3\"".
std::string ETagForVersion(std::int64_t version);

// On a 412 `version_mismatch` the problem body carries `current`: the user as
// it is now, so a caller can show what changed and retry from that version.
std::optional<domain::User> CurrentUserOf(const ApiError& error);

// The same for the card screen: the state `current` of a 412 on
// PUT /card-screen/draft, publish or rollback.
std::optional<domain::CardScreenState> CurrentCardScreenOf(const ApiError& error);

// The flight `current` of a 412 on PUT /cashback-flights/{id}.
std::optional<domain::CashbackFlight> CurrentFlightOf(const ApiError& error);

// The earliest allowed start a `starts_too_early` refusal of submit names
// (`earliest_starts_on` of the problem body).
std::optional<domain::CivilDate> EarliestStartOf(const ApiError& error);

} // namespace kpd::api
