// POST /v1/sandbox/clock under stress: a move beyond 20 years either way is
// refused at its field and the clock stays; a move whose transaction fails
// leaves the clock, and so every token, where they were; a long move (40
// days, simulated day by day) lets health checks, sign-ins and signed-in
// reads through while it runs; SIGTERM in the middle of a move stops the
// sandbox gracefully within 5 s, also inside a day of 100,000 scans.
#include "cashback_helper.h"
#include "http_helper.h"

#include "store/database.h"

#include <boost/test/unit_test.hpp>

#include <atomic>
#include <chrono>
#include <thread>

using namespace kpd::sandbox_test;
namespace utf = boost::unit_test;

namespace {
kpd::test::SandboxOptions QuietSandbox(std::vector<std::string> extra = {}) {
    kpd::test::SandboxOptions options;
    options.clock = kClock;
    options.extra_args = {"--demo-transactions", "2000"};
    options.extra_args.insert(options.extra_args.end(), extra.begin(), extra.end());
    return options;
}

std::string ClockNow() {
    const auto r = Api().Get("/v1/sandbox/clock");
    BOOST_REQUIRE_EQUAL(r.status, 200);
    return r.json.at("now");
}

int ClockEntries() {
    int n = 0;
    for (const auto& e : AuditEntries())
        n += e.at("action") == "sandbox.clock";
    return n;
}

// Every insert into the audit log fails while armed: the last step of any
// clock move (its audit entries) then fails, as a full disk or a lost
// connection would make it.
void FailAuditInserts(soci::session& db, bool on) {
    const bool pg = kpd::store::BackendOf(db) == kpd::store::Backend::Postgresql;
    if (!on) {
        db << "DROP TRIGGER kpd_test_fail_audit" << (pg ? " ON audit_entries" : "");
        return;
    }
    if (pg) {
        db << "CREATE OR REPLACE FUNCTION kpd_test_fail() RETURNS trigger LANGUAGE plpgsql AS "
              "$$ BEGIN RAISE EXCEPTION 'injected failure'; END $$";
        db << "CREATE TRIGGER kpd_test_fail_audit BEFORE INSERT ON audit_entries FOR EACH ROW "
              "EXECUTE FUNCTION "
              "kpd_test_fail()";
    } else {
        db << "CREATE TRIGGER kpd_test_fail_audit BEFORE INSERT ON audit_entries BEGIN SELECT "
              "RAISE(ABORT, "
              "'injected failure'); END";
    }
}

// Starts moving the clock on a thread; Done() once it has answered.
class BackgroundMove {
  public:
    explicit BackgroundMove(std::int64_t seconds)
        : m_thread([this, seconds] {
              m_reply = Direct().Json("POST", "/v1/sandbox/clock", {{"advance_seconds", seconds}});
              m_done = true;
          }) {}
    ~BackgroundMove() {
        if (m_thread.joinable())
            m_thread.join();
    }
    bool Done() const { return m_done; }
    const Reply& Wait() {
        m_thread.join();
        return m_reply;
    }

  private:
    Reply m_reply;
    std::atomic<bool> m_done{false};
    std::thread m_thread;
};

// Waits until the clock has left `from` (a step of the move committed).
void WaitUntilTheClockMoves(const std::string& from, const BackgroundMove& move) {
    for (int i = 0; i < 600 && ClockNow() == from; ++i) {
        BOOST_REQUIRE_MESSAGE(!move.Done(), "the move answered before its first step was seen");
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    BOOST_REQUIRE_NE(ClockNow(), from);
}
} // namespace

BOOST_AUTO_TEST_SUITE(clock_bounds, *utf::fixture<SuiteSandbox>())

BOOST_AUTO_TEST_CASE(a_move_beyond_20_years_is_refused_at_its_field_and_the_clock_stays) {
    const auto token = Api().SignIn("admin");
    const std::string before = ClockNow();
    // 2^63 − 1 s spun for minutes holding the write lock; 10^9 s (31.7 years)
    // answered 500 with the clock moved and every token expired.
    for (const std::int64_t seconds :
         {std::int64_t{9223372036854775807}, std::int64_t{1'000'000'000}, std::int64_t{631'152'001},
          std::int64_t{-631'152'001}, std::int64_t{-9223372036854775807 - 1}}) {
        const auto r = Direct().Json("POST", "/v1/sandbox/clock", {{"advance_seconds", seconds}});
        BOOST_TEST(r.status == 422, seconds << ": " << r.body);
        BOOST_TEST(r.HasErrorAt("/advance_seconds", "out_of_range"), r.body);
        BOOST_TEST(r.body.find("631152000") != std::string::npos, r.body);
    }
    const auto far =
        Api().Json("POST", "/v1/sandbox/clock", {{"now", "2047-01-01T00:00:00+03:00"}});
    BOOST_TEST(far.status == 422, far.body);
    BOOST_TEST(far.HasErrorAt("/now", "out_of_range"), far.body);
    BOOST_TEST(ClockNow() == before);
    BOOST_TEST(Api().Get("/v1/partner", token).status == 200); // the token is as valid as before
    BOOST_TEST(ClockEntries() == 0);
    BOOST_TEST(Api().Get("/v1/health").status == 200);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(clock_failures)

BOOST_AUTO_TEST_CASE(
    a_move_whose_transaction_fails_leaves_the_clock_and_the_tokens_where_they_were) {
    SuiteSandbox sandbox(QuietSandbox());
    const auto token = Api().SignIn("admin");
    auto db = kpd::store::OpenSession(Sandbox().DbUrl());
    FailAuditInserts(*db, true);
    // Two hours: past the token's lifetime had the clock moved.
    const auto failed = Direct().Json("POST", "/v1/sandbox/clock", {{"advance_seconds", 7200}});
    BOOST_TEST(failed.status == 500, failed.body);
    BOOST_TEST(ClockNow() == kClock);
    BOOST_TEST(Api().Get("/v1/partner", token).status == 200);
    // Over two whole days the days' steps commit before the failing last
    // one: the clock stands at the last midnight they reached, no further.
    const auto days = Direct().Json("POST", "/v1/sandbox/clock", {{"advance_seconds", 2 * 86400}});
    BOOST_TEST(days.status == 500, days.body);
    BOOST_TEST(ClockNow() == "2026-12-27T00:00:00+03:00");
    FailAuditInserts(*db, false);

    BOOST_TEST(Api().Json("POST", "/v1/sandbox/clock", {{"advance_seconds", 7200}}).status == 200);
    BOOST_TEST(ClockNow() == "2026-12-27T02:00:00+03:00");
    BOOST_TEST(Api().Get("/v1/partner", token).status == 401); // now it has expired
    const auto entries = AuditEntries();
    int clock = 0;
    for (const auto& e : entries) {
        if (e.at("action") != "sandbox.clock")
            continue;
        ++clock;
        BOOST_TEST(e.at("detail") == "clock advanced by 7200 s to 2026-12-27T02:00:00+03:00");
    }
    BOOST_TEST(clock == 1);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(clock_long_moves)

BOOST_AUTO_TEST_CASE(health_sign_in_and_a_signed_in_read_answer_while_a_long_move_runs) {
    // 40 days: a step a day, 150 ms apart (the test hook), so the move
    // lasts at least 6 s.
    SuiteSandbox sandbox(QuietSandbox({"--clock-step-pause", "150", "--token-ttl", "31536000"}));
    BackgroundMove move(40 * 86400);
    WaitUntilTheClockMoves(kClock, move);
    const std::string midway = ClockNow();
    BOOST_TEST(Api().Get("/v1/health").status == 200);
    const auto token = Api().SignIn("finance"); // a write: its audit entry between two steps
    BOOST_REQUIRE(!token.empty());
    BOOST_TEST(Api().Get("/v1/partner", token).status == 200);
    BOOST_TEST(Api().Get("/v1/settlements?limit=5", token).status == 200);
    BOOST_TEST(!move.Done(), "the move was over before the other requests were served");
    const auto& done = move.Wait();
    BOOST_TEST(done.status == 200, done.body);
    BOOST_TEST(done.json.value("now", "") == "2027-02-03T10:00:00+03:00");
    BOOST_TEST(ClockNow() == "2027-02-03T10:00:00+03:00");
    BOOST_TEST((midway < std::string("2027-02-03")), midway); // (()): compared as text, not element-wise
    // The simulated days are there: the newest register is yesterday's.
    const auto registers = Api().Get("/v1/settlements?limit=1", token);
    BOOST_REQUIRE_EQUAL(registers.status, 200);
    BOOST_TEST(registers.json.at("items").at(0).at("business_date") == "2027-02-02");
}

BOOST_AUTO_TEST_CASE(sigterm_in_the_middle_of_a_20_year_move_stops_the_sandbox_within_5_s) {
    SuiteSandbox sandbox(QuietSandbox({"--clock-step-pause", "1000"}));
    BackgroundMove move(631'152'000);
    WaitUntilTheClockMoves(kClock, move);
    const auto started = std::chrono::steady_clock::now();
    Sandbox().Stop(); // SIGTERM; SIGKILL only after 10 s
    const auto took = std::chrono::steady_clock::now() - started;
    BOOST_TEST(std::chrono::duration_cast<std::chrono::milliseconds>(took).count() < 5000);
    BOOST_TEST(Sandbox().Log().find("stopped\n") != std::string::npos, Sandbox().Log());
    const auto& answer = move.Wait();
    BOOST_TEST((!answer.connected || answer.status == 503), answer.body);
}

BOOST_AUTO_TEST_CASE(sigterm_inside_a_day_of_100000_scans_stops_the_sandbox_within_5_s) {
    SuiteSandbox sandbox(QuietSandbox({"--scans-per-day", "100000"}));
    BackgroundMove move(5 * 86400);
    std::this_thread::sleep_for(
        std::chrono::milliseconds(1500)); // well inside the first day's scans
    BOOST_TEST(!move.Done());
    const auto started = std::chrono::steady_clock::now();
    Sandbox().Stop();
    const auto took = std::chrono::steady_clock::now() - started;
    BOOST_TEST(std::chrono::duration_cast<std::chrono::milliseconds>(took).count() < 5000);
    BOOST_TEST(Sandbox().Log().find("stopped\n") != std::string::npos, Sandbox().Log());
    const auto& answer = move.Wait();
    BOOST_TEST((!answer.connected || answer.status == 503), answer.body);
}

BOOST_AUTO_TEST_SUITE_END()
