#pragma once
// Cashback flights in the sandbox database: the partner's flights (their
// editable part as the contract's JSON, the columns the platform guards
// beside it), the budget's guarded accrual, and each flight's daily series.
// Functions take the caller's session inside the caller's transaction and
// open none of their own; any thread with its own session may call them.
#include <nlohmann/json.hpp>
#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kpd::sandbox {

// A flight as stored. `definition` is the flight JSON of POST/PUT (the
// platform's members id, status, … are not in it); the other members are the
// platform's. Dates are YYYY-MM-DD; `status` is the stored status (see
// cashback_status.h for the one the API shows).
struct StoredFlight {
    std::int64_t partner_id = 0;
    std::int64_t id = 0;
    std::int64_t version = 1;
    std::string status = "draft";
    nlohmann::json definition = nlohmann::json::object();
    std::int64_t budget_kop = 0;
    std::int64_t accrued_kop = 0; // net of reversals
    std::string starts_on, ends_on;
    std::optional<std::string> submitted_on, finish_reason;
    std::string created_at, updated_at;
};

// The next id of a kind ("cashback_flight", "receipt", "withdrawal"): one
// counter row each, so ids are unique across partners on both backends.
// Receipts on PostgreSQL come from the sequence receipt_ids instead: every
// scan takes an id, and a counter row would hold each scan's transaction
// behind the one before it (SQLite serialises its writers anyway).
std::int64_t NextId(soci::session& db, const std::string& kind);
// `n` (>= 1) new ids of a kind, ascending (consecutive unless concurrent
// scans took some between them on PostgreSQL).
std::vector<std::int64_t> NextIds(soci::session& db, const std::string& kind, std::int64_t n);

// Inserts a new flight with the next id (version 1); returns the id.
std::int64_t InsertFlight(soci::session& db, const StoredFlight& flight);
std::optional<StoredFlight> FindFlight(soci::session& db, std::int64_t partnerId, std::int64_t flightId);
// The partner's flights newest first with id < beforeId (all when <= 0), at most `limit`.
std::vector<StoredFlight> ListFlights(soci::session& db, std::int64_t partnerId, std::int64_t beforeId, int limit);

// Replaces a draft's editable part when its version is still `expectedVersion`
// and it is still a draft (bumps the version); false otherwise.
bool UpdateDraft(soci::session& db, const StoredFlight& flight, std::int64_t expectedVersion);

// Moves the flight to `status` (with submitted_on and finish_reason as given)
// when its stored status is still `fromStatus` and version `expectedVersion`;
// bumps the version. False when another request changed it first.
bool MoveFlight(soci::session& db, const StoredFlight& flight, const std::string& fromStatus,
                std::int64_t expectedVersion);

// Every partner's flights that run on `day` by their stored status and dates
// (scheduled or live, starts_on <= day <= ends_on, budget not spent).
std::vector<StoredFlight> ListRunningFlights(soci::session& db, const std::string& day);
// Partners that have a flight running on `day`.
std::vector<std::int64_t> PartnersWithRunningFlights(soci::session& db, const std::string& day);

// Adds up to `wanted` kopecks to the flight's accrued total, never beyond its
// budget: a guarded UPDATE (accrued_kop + x <= budget_kop) that, when the
// whole amount no longer fits, takes what is left, so concurrent scans on
// either backend can never pass the budget. A flight whose budget fills is
// finished (budget_spent) in the same statement. Returns what was granted
// (0 when nothing is left or the flight stopped running meanwhile).
std::int64_t AccrueWithinBudget(soci::session& db, std::int64_t partnerId, std::int64_t flightId,
                                std::int64_t wanted, const std::string& now);
// Gives `amount` back to the flight's budget (a return receipt).
void ReverseAccrual(soci::session& db, std::int64_t partnerId, std::int64_t flightId, std::int64_t amount);

// One day of a flight's series: adds to its counters (creating the row).
struct DailyDelta {
    std::int64_t scanned = 0, matched = 0, accrued_kop = 0, reversed_kop = 0;
};
void AddDaily(soci::session& db, std::int64_t partnerId, std::int64_t flightId, const std::string& day,
              const DailyDelta& delta);

struct DailyRow {
    std::string day;
    DailyDelta counts;
};
// The flight's series by day, oldest first.
std::vector<DailyRow> ListDaily(soci::session& db, std::int64_t partnerId, std::int64_t flightId);

} // namespace kpd::sandbox
