// SyncSettlements against a real sandbox into a real workspace: everything
// on the first run, nothing on an unchanged second run, only the register an
// approval changed on the next; a sync stopped half-way (cancelled, or a load
// dropped as by a killed desk) resumes with no duplicate or missing purchase.
#include "desk_fixture.h"

#include "domain/timestamp.h"
#include "services/desk_context.h"
#include "services/settlement_checks.h"
#include "services/settlement_sync.h"
#include "support/told_waits.h"

#include <algorithm>
#include <fstream>
#include <vector>

using namespace kpd;

namespace {
// Cancels the sync once `after` registers' purchases are in.
class CancelAfter final : public domain::ProgressSink {
  public:
    CancelAfter(domain::CancelToken& token, int after) : m_token(token), m_after(after) {}
    void Report(std::int64_t, std::int64_t, const std::string& what) override {
        if (what == "purchases" && ++m_loaded >= m_after) m_token.Cancel();
    }

  private:
    domain::CancelToken& m_token;
    int m_after;
    int m_loaded = 0;
};

// Every PlatformWait the sync reported, from any of its threads.
class WaitLog final : public domain::ProgressSink, public test::ToldWaits {
  public:
    void Report(std::int64_t, std::int64_t, const std::string&) override {}
    void PlatformWait(std::int64_t seconds) override { Add(seconds); }
};

struct SyncFixture : test::DeskFixture {
    services::DeskContext Context() {
        auto context = services::CurrentContext(Client(), Ws());
        BOOST_REQUIRE(context.has_value());
        return *context;
    }

    services::SyncReport Sync(const domain::CancelToken* cancel = nullptr, domain::ProgressSink* sink = nullptr) {
        domain::NullProgress quiet;
        auto outcome = services::SyncSettlements(Client(), Ws(), Context(), "", "", cancel, sink ? *sink : quiet);
        BOOST_REQUIRE_MESSAGE(outcome.Ok(), "sync failed: " << (outcome.error ? outcome.error->message : ""));
        return *outcome.value;
    }

    // Every register holds exactly the purchases the platform lists for it, and they add up to its turnover.
    void CheckWhole() {
        const store::SettlementScope scope{Context().platform_url, Context().partner_id};
        auto store = Ws().Settlements();
        const auto registers = store.Registers(scope);
        BOOST_TEST_REQUIRE(registers.size() == 92u);
        for (const auto& reg : registers) {
            const auto rows = store.Transactions(scope, reg.id);
            BOOST_TEST(static_cast<std::int64_t>(rows.size()) == reg.count, reg.business_date);
            domain::Kopecks turnover = 0;
            for (const auto& t : rows) turnover += t.amount_kop;
            BOOST_TEST(turnover == reg.turnover_kop, reg.business_date);
        }
        BOOST_TEST(store.RegistersToSync(scope).empty());
    }
};
} // namespace

BOOST_FIXTURE_TEST_SUITE(settlement_sync, SyncFixture)

BOOST_AUTO_TEST_CASE(a_first_sync_copies_everything_and_a_second_nothing) {
    SignInAs("finance");
    const auto first = Sync();
    BOOST_TEST(first.registers_listed == 92);
    BOOST_TEST(first.registers_loaded == 92);
    BOOST_TEST(first.transactions_loaded == 3000); // the tests' seed volume
    BOOST_TEST(Count("settlement_transactions") == 3000);
    CheckWhole();

    const auto second = Sync();
    BOOST_TEST(second.registers_loaded == 0);
    BOOST_TEST(Count("settlement_transactions") == 3000);
}

BOOST_AUTO_TEST_CASE(a_register_changed_on_the_platform_is_loaded_again_alone) {
    SignInAs("finance");
    Sync();
    const store::SettlementScope scope{Context().platform_url, Context().partner_id};
    const auto registers = Ws().Settlements().Registers(scope);
    const auto pending = std::find_if(registers.begin(), registers.end(), [](const auto& r) {
        return r.status == domain::RegisterStatus::PendingReview && !r.needs_second_approval;
    });
    BOOST_REQUIRE(pending != registers.end());
    auto approved = Client().ApproveSettlement(pending->id, "сверено", api::NewIdempotencyKey());
    BOOST_REQUIRE(approved.Ok());
    const auto again = Sync();
    BOOST_TEST(again.registers_loaded == 1);
    BOOST_TEST(Count("settlement_transactions") == 3000);
    const auto now = Ws().Settlements().Registers(scope);
    const auto same = std::find_if(now.begin(), now.end(), [&](const auto& r) { return r.id == pending->id; });
    BOOST_TEST((same->status == domain::RegisterStatus::Approved));
    BOOST_TEST(same->approvals.size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_cancelled_sync_resumes_without_duplicates) {
    SignInAs("finance");
    domain::CancelToken cancel;
    CancelAfter sink(cancel, 5);
    const auto stopped = Sync(&cancel, &sink);
    BOOST_TEST(stopped.cancelled);
    BOOST_TEST(stopped.registers_loaded == 5);
    const auto rest = Sync();
    BOOST_TEST(rest.registers_loaded == 87);
    BOOST_TEST(Count("settlement_transactions") == 3000);
    CheckWhole();
}

BOOST_AUTO_TEST_CASE(a_load_dropped_half_way_as_by_a_killed_desk_leaves_the_register_as_it_was) {
    SignInAs("finance");
    Sync();
    const store::SettlementScope scope{Context().platform_url, Context().partner_id};
    auto store = Ws().Settlements();
    const auto reg = store.Registers(scope).front();
    {
        auto load = store.BeginLoad(scope, reg.id); // the old rows are deleted inside the load's transaction…
        load.Add({"HALF-1", "store-01", 1'795'000'000, 100, 25, "committed", 0, std::nullopt});
    } // …and the desk dies before Commit: nothing of it may stay
    BOOST_TEST(store.TransactionCount(scope, reg.id) == reg.count);
    BOOST_TEST(Count("settlement_transactions", "order_id = 'HALF-1'") == 0);
    CheckWhole();
}

BOOST_AUTO_TEST_CASE(a_sync_under_the_rate_limit_says_the_platforms_wait_and_loads_everything) {
    // 93 requests (the list and 92 downloads on three lanes) against 30 a
    // second with a burst of 30: some are refused 429 and waited out.
    auto options = test::FastOptions(sandbox.BaseUrl());
    options.max_attempts = 6;
    api::PlatformClient limited(options);
    BOOST_REQUIRE(services::SignIn(limited, Ws(), "finance", "demo").Ok());
    api::Request set;
    set.method = "PUT";
    set.path = "/v1/sandbox/rate-limit";
    set.authenticated = false;
    set.body = R"({"requests_per_second": 30, "burst": 30})";
    BOOST_REQUIRE(limited.Send(set).Ok());

    WaitLog waits;
    auto context = services::CurrentContext(limited, Ws());
    BOOST_REQUIRE(context.has_value());
    auto outcome = services::SyncSettlements(limited, Ws(), *context, "", "", nullptr, waits);
    BOOST_REQUIRE_MESSAGE(outcome.Ok(), "sync failed: " << (outcome.error ? outcome.error->message : ""));
    BOOST_TEST(outcome.value->registers_loaded == 92);
    BOOST_TEST(Count("settlement_transactions") == 3000);
    CheckWhole();
    const auto told = waits.Told();
    BOOST_REQUIRE(!told.empty());
    BOOST_TEST(*std::max_element(told.begin(), told.end()) == 1); // Retry-After: 1, said in whole seconds
    BOOST_TEST(told.back() == 0);                                 // and the wait said over
    BOOST_TEST(!limited.WaitListenerInUse()); // the sync gave the client its own listener back
}

BOOST_AUTO_TEST_CASE(users_without_finance_roles_cannot_sync) {
    SignInAs("marketing");
    domain::NullProgress quiet;
    auto outcome = services::SyncSettlements(Client(), Ws(), Context(), "", "", nullptr, quiet);
    BOOST_TEST(!outcome.Ok());
    BOOST_REQUIRE(outcome.error.has_value());
    BOOST_TEST((outcome.error->kind == api::ApiErrorKind::Forbidden));
    BOOST_TEST(Count("settlement_registers") == 0);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(settlement_approval_delivery, test::DeskFixture)

// The issue's fault: the approval is applied, its answer never arrives; the
// client retries with the same Idempotency-Key and the platform replays the
// first answer instead of approving twice.
BOOST_AUTO_TEST_CASE(an_approval_whose_answer_is_lost_is_applied_exactly_once) {
    SignInAs("finance");
    auto page = Client().ListSettlements("", "", 200);
    BOOST_REQUIRE(page.Ok());
    const auto& items = page.Value().items;
    const auto pending = std::find_if(items.begin(), items.end(), [](const auto& r) {
        return r.status == domain::RegisterStatus::PendingReview && !r.needs_second_approval;
    });
    BOOST_REQUIRE(pending != items.end());
    const std::string path = "/v1/settlements/" + std::to_string(pending->id) + "/approve";
    api::Request arm;
    arm.method = "POST";
    arm.path = "/v1/sandbox/faults";
    arm.body = nlohmann::json{{"path", path}, {"kind", "drop_answer"}, {"count", 1}}.dump();
    BOOST_REQUIRE(Client().Send(arm).Ok());

    // The call ApproveSettlement makes, through Send so the answer's headers show the replay.
    api::Request approve;
    approve.method = "POST";
    approve.path = path;
    approve.body = nlohmann::json{{"comment", "сверено"}}.dump();
    approve.idempotency_key = api::NewIdempotencyKey();
    auto approved = Client().Send(approve);
    BOOST_REQUIRE_MESSAGE(approved.Ok(), "approve failed: " << (approved.Ok() ? "" : approved.Error().message));
    BOOST_TEST(approved.Value().status == 200);
    BOOST_TEST(approved.Value().headers.count("idempotent-replayed") == 1u); // the first answer was lost
    BOOST_TEST(nlohmann::json::parse(approved.Value().body).at("status") == "approved");
    auto now = Client().GetSettlement(pending->id);
    BOOST_REQUIRE(now.Ok());
    BOOST_TEST(now.Value().approvals.size() == 1u);
    BOOST_TEST(now.Value().version == pending->version + 1);
}

BOOST_AUTO_TEST_SUITE_END()


BOOST_FIXTURE_TEST_SUITE(reconciliation_results, SyncFixture)

// A register reconciled against a POS file that lacks one purchase and has one
// of its own: the run is kept with its two discrepancies, notes stay per order.
BOOST_AUTO_TEST_CASE(a_run_is_kept_with_its_discrepancies_and_notes_per_order) {
    SignInAs("finance");
    Sync();
    const auto context = Context();
    const store::SettlementScope scope{context.platform_url, context.partner_id};
    const auto reg = Ws().Settlements().Registers(scope).front();
    const auto purchases = Ws().Settlements().Transactions(scope, reg.id);
    BOOST_REQUIRE(purchases.size() >= 2u);
    const std::string pos = test::MakeTempDir("recon") + "/pos.csv";
    {
        std::ofstream out(pos);
        out << "order_id;store;sold_at;amount_kop\n";
        for (std::size_t i = 1; i < purchases.size(); ++i) {
            const auto& t = purchases[i];
            out << t.order_id << ';' << t.store_id << ';'
                << domain::FormatRfc3339(domain::Instant{std::chrono::seconds{t.purchased_at}}) << ';' << t.amount_kop
                << '\n';
        }
        out << "EXTRA-1;store-02;2026-11-20T10:00:00+03:00;500\n";
    }
    services::ReconcileRequest request;
    request.register_ids = {reg.id};
    request.pos_path = pos;
    std::string error;
    request.layout = services::SniffPosLayout(services::ReadFileHead(pos, 65536, error)).layout;
    domain::NullProgress quiet;
    auto outcome = services::ReconcileWithPos(Ws(), context, request, nullptr, quiet);
    BOOST_REQUIRE_MESSAGE(outcome.Ok(), (outcome.problems.empty() ? "" : outcome.problems.front().message));
    const auto& report = **outcome.value;
    BOOST_TEST(TotalOf(report.result.totals, domain::ReconClass::MissingAtPartner).rows == 1);
    BOOST_TEST(TotalOf(report.result.totals, domain::ReconClass::MissingOnPlatform).rows == 1);

    const auto runId = services::SaveReconciliation(Ws(), context, report);
    const auto runs = Ws().Reconciliations().Runs(scope);
    BOOST_TEST_REQUIRE(runs.size() == 1u);
    BOOST_TEST(runs[0].id == runId);
    BOOST_TEST(runs[0].registers == std::to_string(reg.id));
    BOOST_TEST((runs[0].totals == report.result.totals));
    const auto rows = Ws().Reconciliations().Discrepancies(runId);
    BOOST_TEST_REQUIRE(rows.size() == 2u);
    const auto& missing = rows[0].cls == domain::ReconClass::MissingAtPartner ? rows[0] : rows[1];
    const auto& extra = rows[0].cls == domain::ReconClass::MissingAtPartner ? rows[1] : rows[0];
    BOOST_TEST((missing.cls == domain::ReconClass::MissingAtPartner));
    BOOST_TEST(missing.order_id == purchases[0].order_id);
    BOOST_TEST(!missing.pos_line.has_value());
    BOOST_TEST(*missing.register_id == reg.id);
    BOOST_TEST((extra.cls == domain::ReconClass::MissingOnPlatform));
    BOOST_TEST(extra.order_id == "EXTRA-1");
    BOOST_TEST(extra.partner_kop.value_or(0) == 500);
    BOOST_TEST(extra.pos_line.value_or(0) == static_cast<std::int64_t>(purchases.size()) + 1);

    services::SetReconciliationNote(Ws(), context, "EXTRA-1", "чек возврата, пробит по ошибке");
    services::SetReconciliationNote(Ws(), context, purchases[0].order_id, "нет в выгрузке кассы 5");
    services::SetReconciliationNote(Ws(), context, "EXTRA-1", "");
    const auto notes = Ws().Reconciliations().Notes(scope);
    BOOST_TEST(notes.size() == 1u);
    BOOST_TEST(notes.at(purchases[0].order_id) == "нет в выгрузке кассы 5");
    BOOST_TEST(Count("audit_log", "action = 'reconciliation.note_set'") == 2);
    BOOST_TEST(Count("audit_log", "action = 'reconciliation.note_removed'") == 1);
}

BOOST_AUTO_TEST_SUITE_END()
