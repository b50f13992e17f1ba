#pragma once
// What the platform does when an app user scans a receipt: a sale is matched
// against every partner's live flights that reach the user (region, loyalty
// cards held) and whose dates hold the receipt's date; each match accrues its
// cashback (rules of domain/cashback_*: per line, summed per flight, capped
// per receipt) within what is left of the flight's budget, credits the
// user's wallet and counts in the flight's daily series. A sale return
// takes back what its returned lines had earned. One ScanSession serves one
// request (a single scan, or a generated batch of one day) inside the
// request's transaction, on the thread that owns the session.
#include "domain/cashback_flight.h"
#include "domain/cashback_matcher.h"
#include "domain/cashback_receipt.h"
#include "domain/problem.h"
#include "domain/timestamp.h"
#include "sandbox/cashback_repository.h"
#include "sandbox/receipt_repository.h"

#include <soci/soci.h>

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kpd::sandbox {

struct ScanOutcome {
    std::vector<domain::FlightAccrual> accruals; // negative for a return
    bool matched = false;                        // some flight's rules matched a line
    domain::Kopecks accrued_kop = 0;             // granted in total (negative for a return)
};

class ScanSession {
  public:
    // `day` is the Moscow date the receipts are scanned on; `now` the RFC 3339
    // instant recorded with budget changes.
    ScanSession(soci::session& db, domain::CivilDate day, std::string now);

    // The live flights of the day (all partners).
    const std::vector<domain::CashbackFlight>& Flights() const { return m_flights; }
    std::int64_t PartnerOf(std::size_t flightIndex) const { return m_partners[flightIndex]; }

    // A sale already stored (receipt and lines): matches and accrues.
    ScanOutcome Sale(const StoredReceipt& receipt, const std::vector<domain::ReceiptLine>& lines);

    // A sale return of `returned` lines of `original`, in two steps so that
    // nothing is written before the answer is known (an answer with an
    // Idempotency-Key is kept even when it is an error). PrepareReturn locks
    // the sale's lines (concurrent returns of one sale queue here on both
    // backends), matches each returned line to a line of the sale with the
    // same SKU, name and price and enough items left, and answers the
    // problems at /items/k (none: the plan is kept). ApplyReturn then marks
    // the lines returned and takes back what they had earned.
    domain::Problems PrepareReturn(const StoredReceipt& original,
                                             const std::vector<domain::ReceiptLine>& returned);
    ScanOutcome ApplyReturn(const StoredReceipt& original);

    // Writes the daily counters gathered so far (call once, at the end).
    void Flush();

  private:
    void Count(std::int64_t partnerId, std::int64_t flightId, const DailyDelta& delta);

    soci::session& m_db;
    domain::CivilDate m_day;
    std::string m_dayText;
    std::string m_now;
    std::vector<domain::CashbackFlight> m_flights;
    std::vector<std::int64_t> m_partners; // by flight index
    std::optional<domain::FlightMatcher> m_matcher; // built at the first sale
    std::vector<StoredLine> m_saleLines;            // of the prepared return's sale
    std::vector<std::int64_t> m_taking;             // items the prepared return takes, by sale line
    std::map<std::pair<std::int64_t, std::int64_t>, DailyDelta> m_daily;
};

} // namespace kpd::sandbox
