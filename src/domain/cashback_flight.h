#pragma once
// A cashback flight: an offer the app's users see in the catalog, which
// receipt lines it pays cashback on, to whom, with what budget and between
// which dates, and where it is in its lifecycle. One value shared by the
// sandbox (which keeps and runs flights), the client, the desk and the CLI;
// src/contract/cashback_json.h maps it to the JSON of /v1/cashback-flights,
// whose field names it follows so every problem's JSON pointer names the field
// the user edits. Plain data and pure functions: any thread.
#include "domain/money.h"
#include "domain/timestamp.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kpd::domain {

// JSON "draft", "scheduled", "live", "paused", "stopped", "finished".
enum class FlightStatus {
    Draft,     // being edited; the only status PUT accepts
    Scheduled, // submitted, waiting for starts_on
    Live,      // matching receipts and accruing
    Paused,    // live but not accruing, by the partner's choice
    Stopped,   // stopped by the partner: final
    Finished,  // ends_on passed or the budget is spent: final (see finish_reason)
};
std::string_view ToString(FlightStatus status);
std::optional<FlightStatus> FlightStatusFromString(std::string_view name);

// JSON "ended", "budget_spent".
enum class FinishReason { Ended, BudgetSpent };
std::string_view ToString(FinishReason reason);
std::optional<FinishReason> FinishReasonFromString(std::string_view name);

// What the app's catalog shows.
struct FlightOffer {
    std::string brand;
    std::string title;       // at most kMaxFlightTitleChars characters
    std::string description; // at most kMaxFlightDescriptionChars characters
    std::optional<std::string> image_asset_id;

    friend bool operator==(const FlightOffer&, const FlightOffer&) = default;
};

// A receipt line matches when its SKU is listed, or its category is listed,
// or its name contains a keyword (case-insensitive, Cyrillic and Latin).
struct FlightMatch {
    std::vector<std::string> skus;
    std::vector<std::string> keywords;
    std::vector<std::string> categories;

    friend bool operator==(const FlightMatch&, const FlightMatch&) = default;
};

// Exactly one of the two is set in a valid flight (ValidateFlight says so when
// not): a share of the line in basis points (1 % = 100 bp), or a fixed amount
// per item. Both optional here so a wrong request can be represented and told.
struct FlightCashback {
    std::optional<std::int64_t> percent_bp;
    std::optional<Kopecks> fixed_kop;

    friend bool operator==(const FlightCashback&, const FlightCashback&) = default;
};

// Who may get the cashback: an empty list means everyone. A user qualifies
// when they hold any of the loyalty cards and live in any of the regions.
struct FlightTargeting {
    std::vector<std::string> loyalty_cards;
    std::vector<std::string> regions;

    friend bool operator==(const FlightTargeting&, const FlightTargeting&) = default;
};

struct CashbackFlight {
    std::int64_t id = 0;      // set by the platform
    std::int64_t version = 0; // the ETag; bumped by every change
    FlightStatus status = FlightStatus::Draft;
    FlightOffer offer;
    FlightMatch match;
    FlightCashback cashback;
    Kopecks cap_per_receipt_kop = 0; // a flight's lines on one receipt pay at most this
    FlightTargeting targeting;
    Kopecks budget_kop = 0; // accruals never pass it
    CivilDate starts_on;    // first day of accruals (Moscow)
    CivilDate ends_on;      // last day of accruals, inclusive
    std::optional<CivilDate> submitted_on; // the platform's Moscow date of submission
    Kopecks accrued_kop = 0;               // net of reversals by return receipts
    std::optional<FinishReason> finish_reason; // set exactly when status is Finished
    std::string created_at; // RFC 3339, set by the platform
    std::string updated_at; // RFC 3339, set by the platform

    friend bool operator==(const CashbackFlight&, const CashbackFlight&) = default;
};

inline constexpr std::size_t kMaxFlightTitleChars = 60;
inline constexpr std::size_t kMaxFlightDescriptionChars = 500;
inline constexpr int kMinStartBusinessDays = 5; // after the day of submission

// ---- Lifecycle ----------------------------------------------------------------

// What the partner can do to a flight (JSON and route names "submit", "pause", "resume", "stop").
enum class FlightAction { Submit, Pause, Resume, Stop };
std::string_view ToString(FlightAction action);
std::optional<FlightAction> FlightActionFromString(std::string_view name);

// The status `action` leads to from `from`, or nullopt when it is not allowed
// (the platform answers 409 invalid_transition, or flight_not_draft for submit):
// submit: draft → scheduled; pause: live → paused; resume: paused → live;
// stop: scheduled, live, paused → stopped. Stopped and finished are final.
// The start date and the rules are checked separately (cashback_rules.h).
std::optional<FlightStatus> ApplyAction(FlightStatus from, FlightAction action);

// The actions allowed from `status`, in the order above (for the desk's buttons).
std::vector<FlightAction> AllowedActions(FlightStatus status);

// The status the flight has on Moscow date `today` as time passes without
// anyone acting: scheduled becomes live on starts_on; scheduled, live and
// paused become finished (ended) after ends_on; live and paused become
// finished (budget_spent) once accrued_kop reaches budget_kop. Draft, stopped
// and finished stay as they are. Returns the flight with status and
// finish_reason updated (nothing else changes).
CashbackFlight StatusOn(CashbackFlight flight, CivilDate today);

// Whether the flight accrues on `today`: StatusOn(...) is live.
bool AccruesOn(const CashbackFlight& flight, CivilDate today);

} // namespace kpd::domain
