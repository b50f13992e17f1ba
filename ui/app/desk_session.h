#pragma once
// DeskSession: one signed-in session of the desk — the platform, the user and
// the services (src/services) the pages call. The pages reach every use case
// through the methods below, each a direct call of a service; nothing here
// speaks HTTP or SQL.
//
// Thread affinity: Info() and AccessToken() from any thread (fixed after
// Open). Every other method is for a worker thread (TaskRunner), never the
// UI thread; calls are serialised inside (the platform client serves one
// thread at a time), and each takes the task's CancelToken.
#include "api/result.h"
#include "contract/page.h"
#include "domain/asset.h"
#include "domain/audit_entry.h"
#include "domain/cancel_token.h"
#include "domain/card_screen.h"
#include "domain/cashback_flight.h"
#include "domain/partner.h"
#include "domain/roles.h"
#include "domain/settlement.h"
#include "services/cashback_calendar.h"
#include "services/cashback_flights.h"
#include "services/settlement_checks.h"
#include "services/settlement_sync.h"
#include "domain/user.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kpd::ui {

struct SessionInfo {
    std::string platform_url;
    std::string login;
    std::string user_name;
    domain::RoleSet roles;
    std::int64_t partner_id = 0;
    std::string partner_name;
    std::string expires_at; // RFC 3339
    std::int64_t user_id = 0;
};

struct OpenRequest {
    std::string platform_url;
    std::string login;
    std::string password;
    std::string workspace_url; // empty: the default workspace file
    // Instead of the password: a token kept from an earlier run (secret store).
    std::string kept_token;
    std::string kept_expires_at;
};

class DeskSession;

struct OpenOutcome {
    std::shared_ptr<DeskSession> session;   // set on success
    std::optional<api::ApiError> error;     // the platform's or the network's answer
    std::string failure;                    // anything else (e.g. the workspace cannot be opened), English
    std::string failure_code;               // its services::Message code, for the UI's words
};

// The answer to a change of roles: on a stale version `current` is the user
// as the platform has it now (nothing was overwritten).
struct RolesChange {
    api::Result<domain::User> result;
    std::optional<domain::User> current;
};

// The answer to a change that goes through the workspace outbox.
struct UserChange {
    api::Result<domain::User> result;
    // The platform did not answer: the change waits in the outbox and is sent
    // again (with the same idempotency key) on the next refresh.
    bool queued = false;
};

// Data read from the platform, or from the workspace cache when offline.
template <class T> struct Loaded {
    std::optional<T> value;
    bool from_cache = false;                // offline: `value` is what the desk saw at `fetched_at`
    std::string fetched_at;                 // RFC 3339, when from_cache
    std::optional<api::ApiError> error;     // why the platform did not answer (with or without a cached value)
};

// The card screen as the designer opens it: the platform's state (or the
// cached one offline), the edit kept in the workspace and not yet sent (with
// the platform version it started from), and the screens' images.
struct CardScreenLoad {
    Loaded<domain::CardScreenState> state;
    std::optional<domain::CardScreen> kept_draft;
    std::int64_t kept_base_version = 0;
    std::string kept_at; // RFC 3339
    std::map<std::string, domain::AssetInfo> assets;            // by asset id
    std::map<std::string, std::vector<std::uint8_t>> images;    // the bytes, by asset id
};

// The answer to saving, publishing or rolling back the card screen: on a stale
// version (412) `current` is the platform's state now and nothing was overwritten.
struct CardScreenChange {
    api::Result<domain::CardScreenState> result{api::ApiError{}};
    std::optional<domain::CardScreenState> current;
};

// An image chosen from a file for a slot: checked by the slot rules, then uploaded.
struct ImageUpload {
    api::Result<domain::AssetInfo> result{api::ApiError{}};
    std::vector<std::uint8_t> bytes;
};

// The answer to a settlements use case that may fail on the platform, on the
// workspace, or with problems to fix (a POS file's bad lines).
template <class T> struct SettlementAnswer {
    std::optional<T> value;
    domain::Problems problems;          // local problems (e.g. "line 12 amount")
    std::optional<api::ApiError> error; // the platform's or the network's answer
    std::string failure;                // the workspace failed (English)
};

// A register's reconciliation: the report and the user's notes per order.
struct ReconcileAnswer {
    std::shared_ptr<services::ReconcileReport> report;
    std::map<std::string, std::string> notes; // by order id
};

// The business calendar the cashback editor counts the earliest start by, and
// the day a submission made now would count from (the platform's Moscow date).
struct CashbackCalendar {
    services::DeskCalendar calendar;
    domain::CivilDate today;
};

// The answer to saving, submitting, pausing, resuming or stopping a flight.
struct FlightChange {
    std::optional<domain::CashbackFlight> flight; // as the platform has it now, on success
    domain::Problems problems;                    // what to fix (the desk's checks or the platform's 422)
    std::optional<api::ApiError> error;           // why the platform did not do it
    std::optional<domain::CivilDate> earliest_starts_on; // a refused start: the earliest allowed day
    std::optional<domain::CashbackFlight> current;       // a stale save (412): the flight as it is now
    bool queued = false; // the platform's answer is unknown: it waits in the outbox and is sent again
};

class DeskSession {
  public:
    ~DeskSession();

    // Worker thread: signs in (with the password, or by resuming the kept
    // token when the password is empty) and opens the workspace.
    static OpenOutcome Open(const OpenRequest& request, domain::CancelTokenPtr cancel);

    const SessionInfo& Info() const { return m_info; }
    std::string AccessToken() const;
    // False when the platform could not be reached at sign-in and the desk
    // opened offline on the session this workspace remembers.
    bool IsOnlineSession() const;
    bool IsPartnerAdmin() const { return m_info.roles.Has(domain::Role::PartnerAdmin); }

    Loaded<domain::Partner> LoadPartnerProfile(domain::CancelTokenPtr cancel);
    Loaded<std::vector<domain::User>> ListUsers(domain::CancelTokenPtr cancel, domain::ProgressSink* progress);
    UserChange CreateUser(const domain::NewUser& user, domain::CancelTokenPtr cancel);
    RolesChange SetUserRoles(const domain::User& user, domain::RoleSet roles, domain::CancelTokenPtr cancel);
    UserChange SetUserDisabled(const domain::User& user, bool disabled, domain::CancelTokenPtr cancel);
    // Sends again what waits in the outbox; returns how many are still waiting.
    int ResendPending(domain::CancelTokenPtr cancel);
    Loaded<std::vector<domain::AuditEntry>> ListAudit(domain::CancelTokenPtr cancel, domain::ProgressSink* progress);

    // The card screen designer (services/card_screen*).
    bool CanEditCardScreen() const {
        return m_info.roles.Has(domain::Role::Marketing) || m_info.roles.Has(domain::Role::PartnerAdmin);
    }
    CardScreenLoad LoadCardScreen(domain::CancelTokenPtr cancel, domain::ProgressSink* progress);
    // Keeps the edit in the workspace (nothing is sent); false when the workspace refused it.
    bool KeepCardScreenDraft(const domain::CardScreen& screen, std::int64_t base_version);
    void ForgetCardScreenDraft();
    CardScreenChange SaveCardScreenDraft(const domain::CardScreen& screen, std::int64_t expected_version,
                                         domain::CancelTokenPtr cancel);
    CardScreenChange PublishCardScreen(std::int64_t expected_version, domain::CancelTokenPtr cancel);
    api::Result<std::vector<domain::CardScreenVersion>> ListCardScreenVersions(domain::CancelTokenPtr cancel);
    api::Result<domain::CardScreenVersion> LoadCardScreenVersion(std::int64_t number, domain::CancelTokenPtr cancel);
    CardScreenChange RollbackCardScreen(std::int64_t number, std::int64_t expected_version,
                                        domain::CancelTokenPtr cancel);
    // Reads the file, checks it by the slot rules (problems at `field`: nothing sent), uploads it.
    ImageUpload UploadCardImage(domain::ImageSlot slot, const std::string& field, const std::string& path,
                                domain::CancelTokenPtr cancel);
    // The bytes of one image (from the workspace cache or the platform).
    api::Result<std::vector<std::uint8_t>> LoadCardImage(const std::string& asset_id, domain::CancelTokenPtr cancel);

    // Dolyami settlements (services/settlement_sync, settlement_checks).
    bool MaySeeSettlements() const { return domain::MaySeeSettlements(m_info.roles); }
    // Registers and purchases from the platform into the workspace (resumable, cancellable).
    SettlementAnswer<services::SyncReport> SyncSettlements(domain::CancelTokenPtr cancel,
                                                           domain::ProgressSink& progress);
    // What the workspace holds (works offline), newest first.
    SettlementAnswer<std::vector<domain::SettlementRegister>> StoredRegisters();
    SettlementAnswer<std::vector<domain::SettlementTransaction>> StoredPurchases(std::int64_t registerId);
    // Reconciles against the POS file; a finished run is kept in the workspace.
    SettlementAnswer<ReconcileAnswer> Reconcile(const services::ReconcileRequest& request,
                                                domain::CancelTokenPtr cancel, domain::ProgressSink& progress);
    // Empty text removes the note; false with `failure` when the workspace refused it.
    bool SetReconciliationNote(const std::string& orderId, const std::string& text, std::string& failure);
    // One idempotency key per decision: a retry of a lost answer is never a second approval.
    api::Result<domain::SettlementRegister> ApproveRegister(std::int64_t id, const std::string& comment,
                                                            const std::string& key, domain::CancelTokenPtr cancel);
    api::Result<domain::SettlementRegister> DisputeRegister(std::int64_t id, const domain::RegisterDispute& dispute,
                                                            const std::string& key, domain::CancelTokenPtr cancel);
    SettlementAnswer<services::CommissionCheck> CheckCommission(const domain::Month& month,
                                                                domain::CancelTokenPtr cancel);

    // Cashback flights (services/cashback_*). Readers: marketing, partner
    // admin, viewer; editors: marketing, partner admin (the platform enforces).
    bool MaySeeCashback() const;
    bool CanEditCashback() const;
    CashbackCalendar LoadCashbackCalendar(domain::CancelTokenPtr cancel);
    // Every flight, newest first (offline: the copy the workspace kept).
    Loaded<std::vector<domain::CashbackFlight>> ListCashbackFlights(domain::CancelTokenPtr cancel);
    api::Result<domain::CashbackFlight> LoadCashbackFlight(std::int64_t id, domain::CancelTokenPtr cancel);
    // Creates the draft when its id is 0, else replaces it (If-Match its version).
    FlightChange SaveCashbackFlight(const domain::CashbackFlight& flight, domain::CancelTokenPtr cancel);
    // Submits a saved draft (the desk checks the start date first, then the platform against its clock).
    FlightChange SubmitCashbackFlight(const domain::CashbackFlight& flight, domain::CancelTokenPtr cancel);
    FlightChange ChangeCashbackFlight(std::int64_t id, domain::FlightAction action, domain::CancelTokenPtr cancel);
    api::Result<services::FlightReportView> LoadCashbackReport(std::int64_t id, domain::CancelTokenPtr cancel);
    api::Result<std::int64_t> EstimateCashbackAudience(const domain::FlightTargeting& targeting,
                                                       domain::CancelTokenPtr cancel);

    // UI or worker thread: forgets the token (the platform has no sign-out call).
    void SignOut();

  private:
    struct Impl;
    explicit DeskSession(std::unique_ptr<Impl> impl, SessionInfo info);

    std::unique_ptr<Impl> m_impl;
    SessionInfo m_info;
};

} // namespace kpd::ui
