#include "sandbox/cashback_repository.h"

#include "contract/json_parse.h"
#include "store/database.h"
#include "store/soci_optional.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace kpd::sandbox {

namespace {
const char* kFlightColumns = "partner_id, flight_id, version, status, definition, budget_kop, accrued_kop, starts_on, "
                             "ends_on, submitted_on, finish_reason, created_at, updated_at";

// A row as SOCI reads it; the definition arrives as text.
struct FlightRow {
    StoredFlight flight;
    std::string definition;

    StoredFlight Take() {
        // The sandbox wrote the definition itself: one that does not read back is a broken
        // database.
        auto parsed = contract::ParseJson(definition);
        if (!parsed.Ok()) {
            throw std::runtime_error("a stored cashback flight definition is " +
                                     contract::DescribeJsonFailure(parsed));
        }
        flight.definition = std::move(parsed.value);
        return std::move(flight);
    }
};

// SELECT <columns> FROM cashback_flights <tail> into a row, with the uses
// the tail names (SOCI binds them all when the statement is made).
template <typename... Uses>
soci::statement PrepareFlights(soci::session& db, FlightRow& r, const std::string& tail, Uses... uses) {
    auto& f = r.flight;
    return ((db.prepare << "SELECT " << kFlightColumns << " FROM cashback_flights " << tail, soci::into(f.partner_id),
             soci::into(f.id), soci::into(f.version), soci::into(f.status), soci::into(r.definition),
             soci::into(f.budget_kop), soci::into(f.accrued_kop), soci::into(f.starts_on), soci::into(f.ends_on),
             soci::into(f.submitted_on), soci::into(f.finish_reason), soci::into(f.created_at),
             soci::into(f.updated_at)),
            ..., uses);
}
} // namespace

namespace {
bool FromSequence(soci::session& db, const std::string& kind) {
    return kind == "receipt" && store::BackendOf(db) == store::Backend::Postgresql;
}
} // namespace

std::int64_t NextId(soci::session& db, const std::string& kind) {
    return NextIds(db, kind, 1).front();
}

std::vector<std::int64_t> NextIds(soci::session& db, const std::string& kind, std::int64_t n) {
    std::vector<std::int64_t> ids;
    ids.reserve(static_cast<std::size_t>(n));
    if (FromSequence(db, kind)) {
        std::int64_t id = 0;
        soci::statement st =
            (db.prepare << "SELECT nextval('receipt_ids') FROM generate_series(1, :n) ORDER BY 1",
             soci::into(id), soci::use(n, "n"));
        st.execute();
        while (st.fetch())
            ids.push_back(id);
        return ids;
    }
    std::int64_t last = 0;
    db << "UPDATE id_counters SET last_id = last_id + :n WHERE name = :k RETURNING last_id",
        soci::into(last), soci::use(n, "n"), soci::use(kind, "k");
    if (!db.got_data()) {
        throw std::logic_error("no id counter " + kind);
    }
    for (std::int64_t id = last - n + 1; id <= last; ++id)
        ids.push_back(id);
    return ids;
}

std::int64_t InsertFlight(soci::session& db, const StoredFlight& f) {
    const std::int64_t id = NextId(db, "cashback_flight");
    const std::string definition = f.definition.dump();
    db << "INSERT INTO cashback_flights (" << kFlightColumns
       << ") VALUES (:p, :id, 1, :status, :def, :budget, :accrued, :starts, :ends, :submitted, :reason, :created, "
          ":updated)",
        soci::use(f.partner_id, "p"), soci::use(id, "id"), soci::use(f.status, "status"), soci::use(definition, "def"),
        soci::use(f.budget_kop, "budget"), soci::use(f.accrued_kop, "accrued"), soci::use(f.starts_on, "starts"),
        soci::use(f.ends_on, "ends"), soci::use(f.submitted_on, "submitted"), soci::use(f.finish_reason, "reason"),
        soci::use(f.created_at, "created"), soci::use(f.updated_at, "updated");
    return id;
}

std::optional<StoredFlight> FindFlight(soci::session& db, std::int64_t partnerId, std::int64_t flightId) {
    FlightRow r;
    auto st = PrepareFlights(db, r, "WHERE partner_id = :p AND flight_id = :f", soci::use(partnerId, "p"),
                             soci::use(flightId, "f"));
    st.execute();
    if (!st.fetch()) {
        return std::nullopt;
    }
    return r.Take();
}

std::vector<StoredFlight> ListFlights(soci::session& db, std::int64_t partnerId, std::int64_t beforeId, int limit) {
    const std::int64_t before = beforeId > 0 ? beforeId : std::numeric_limits<std::int64_t>::max();
    FlightRow r;
    auto st = PrepareFlights(db, r, "WHERE partner_id = :p AND flight_id < :b ORDER BY flight_id DESC LIMIT :l",
                             soci::use(partnerId, "p"), soci::use(before, "b"), soci::use(limit, "l"));
    st.execute();
    std::vector<StoredFlight> out;
    while (st.fetch()) {
        out.push_back(r.Take());
    }
    return out;
}

bool UpdateDraft(soci::session& db, const StoredFlight& f, std::int64_t expectedVersion) {
    const std::string definition = f.definition.dump();
    soci::statement st =
        (db.prepare << "UPDATE cashback_flights SET definition = :def, budget_kop = :budget, starts_on = :starts, "
                       "ends_on = :ends, updated_at = :updated, version = version + 1 WHERE partner_id = :p AND "
                       "flight_id = :f AND version = :v AND status = 'draft'",
         soci::use(definition, "def"), soci::use(f.budget_kop, "budget"), soci::use(f.starts_on, "starts"),
         soci::use(f.ends_on, "ends"), soci::use(f.updated_at, "updated"), soci::use(f.partner_id, "p"),
         soci::use(f.id, "f"), soci::use(expectedVersion, "v"));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

bool MoveFlight(soci::session& db, const StoredFlight& f, const std::string& fromStatus, std::int64_t expectedVersion) {
    soci::statement st =
        (db.prepare << "UPDATE cashback_flights SET status = :s, submitted_on = :submitted, finish_reason = :reason, "
                       "updated_at = :updated, version = version + 1 WHERE partner_id = :p AND flight_id = :f AND "
                       "version = :v AND status = :from",
         soci::use(f.status, "s"), soci::use(f.submitted_on, "submitted"), soci::use(f.finish_reason, "reason"),
         soci::use(f.updated_at, "updated"), soci::use(f.partner_id, "p"), soci::use(f.id, "f"),
         soci::use(expectedVersion, "v"), soci::use(fromStatus, "from"));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

std::vector<StoredFlight> ListRunningFlights(soci::session& db, const std::string& day) {
    FlightRow r;
    auto st = PrepareFlights(db, r,
                             "WHERE status IN ('scheduled', 'live') AND starts_on <= :d1 AND ends_on >= :d2 AND "
                             "accrued_kop < budget_kop ORDER BY partner_id, flight_id",
                             soci::use(day, "d1"), soci::use(day, "d2"));
    st.execute();
    std::vector<StoredFlight> out;
    while (st.fetch()) {
        out.push_back(r.Take());
    }
    return out;
}

std::vector<std::int64_t> PartnersWithRunningFlights(soci::session& db, const std::string& day) {
    std::vector<std::int64_t> out;
    std::int64_t id = 0;
    soci::statement st = (db.prepare << "SELECT DISTINCT partner_id FROM cashback_flights WHERE status IN "
                                        "('scheduled', 'live') AND starts_on <= :d1 AND ends_on >= :d2 AND "
                                        "accrued_kop < budget_kop ORDER BY partner_id",
                          soci::into(id), soci::use(day, "d1"), soci::use(day, "d2"));
    st.execute();
    while (st.fetch()) {
        out.push_back(id);
    }
    return out;
}

std::int64_t AccrueWithinBudget(soci::session& db, std::int64_t partnerId, std::int64_t flightId, std::int64_t wanted,
                                const std::string& now) {
    // Each failed round means another scan took part of the budget since we
    // looked, so what is left only shrinks and the loop ends; the bound is a
    // guard against a logic error, not a limit that matters in practice.
    for (int round = 0; round < 1000 && wanted > 0; ++round) {
        // Named placeholders appear once each: SOCI's PostgreSQL backend
        // numbers every occurrence as a parameter of its own.
        soci::statement st = (db.prepare << "UPDATE cashback_flights SET accrued_kop = accrued_kop + :x WHERE "
                                            "partner_id = :p AND flight_id = :f AND status IN ('scheduled', 'live') "
                                            "AND accrued_kop + :x2 <= budget_kop",
                              soci::use(wanted, "x"), soci::use(partnerId, "p"), soci::use(flightId, "f"),
                              soci::use(wanted, "x2"));
        st.execute(true);
        if (st.get_affected_rows() == 1) {
            // The row stays locked by this transaction (or the whole database
            // on SQLite), so the budget is still exactly as this update left it.
            db << "UPDATE cashback_flights SET status = 'finished', finish_reason = 'budget_spent', "
                  "version = version + 1, updated_at = :now WHERE partner_id = :p AND flight_id = :f AND "
                  "accrued_kop = budget_kop",
                soci::use(now, "now"), soci::use(partnerId, "p"), soci::use(flightId, "f");
            return wanted;
        }
        std::int64_t left = 0;
        std::string status;
        db << "SELECT budget_kop - accrued_kop, status FROM cashback_flights WHERE partner_id = :p AND flight_id = :f",
            soci::into(left), soci::into(status), soci::use(partnerId, "p"), soci::use(flightId, "f");
        if (!db.got_data() || left <= 0 || (status != "scheduled" && status != "live")) {
            return 0;
        }
        wanted = std::min(wanted, left);
    }
    return 0;
}

void ReverseAccrual(soci::session& db, std::int64_t partnerId, std::int64_t flightId, std::int64_t amount) {
    db << "UPDATE cashback_flights SET accrued_kop = accrued_kop - :x WHERE partner_id = :p AND flight_id = :f AND "
          "accrued_kop >= :x2",
        soci::use(amount, "x"), soci::use(partnerId, "p"), soci::use(flightId, "f"), soci::use(amount, "x2");
}

void AddDaily(soci::session& db, std::int64_t partnerId, std::int64_t flightId, const std::string& day,
              const DailyDelta& d) {
    db << "INSERT INTO cashback_daily (partner_id, flight_id, day, scanned, matched, accrued_kop, reversed_kop) "
          "VALUES (:p, :f, :d, :s, :m, :a, :r) ON CONFLICT (partner_id, flight_id, day) DO UPDATE SET "
          "scanned = cashback_daily.scanned + excluded.scanned, matched = cashback_daily.matched + excluded.matched, "
          "accrued_kop = cashback_daily.accrued_kop + excluded.accrued_kop, "
          "reversed_kop = cashback_daily.reversed_kop + excluded.reversed_kop",
        soci::use(partnerId, "p"), soci::use(flightId, "f"), soci::use(day, "d"), soci::use(d.scanned, "s"),
        soci::use(d.matched, "m"), soci::use(d.accrued_kop, "a"), soci::use(d.reversed_kop, "r");
}

std::vector<DailyRow> ListDaily(soci::session& db, std::int64_t partnerId, std::int64_t flightId) {
    std::vector<DailyRow> out;
    DailyRow r;
    soci::statement st =
        (db.prepare << "SELECT day, scanned, matched, accrued_kop, reversed_kop FROM cashback_daily WHERE "
                       "partner_id = :p AND flight_id = :f ORDER BY day",
         soci::into(r.day), soci::into(r.counts.scanned), soci::into(r.counts.matched),
         soci::into(r.counts.accrued_kop), soci::into(r.counts.reversed_kop), soci::use(partnerId, "p"),
         soci::use(flightId, "f"));
    st.execute();
    while (st.fetch()) {
        out.push_back(r);
    }
    return out;
}

} // namespace kpd::sandbox
