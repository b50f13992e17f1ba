// Outbox: enqueue with its audit row, guarded transitions, unique keys.
#include "workspace_fixture.h"

#include <boost/test/unit_test.hpp>

using namespace kpd;
using store::OutboxState;
using store::StoreErrorKind;

BOOST_FIXTURE_TEST_SUITE(outbox, test::WorkspaceFixture)

BOOST_AUTO_TEST_CASE(enqueue_stores_a_pending_entry_and_its_audit_row) {
    auto entry = Ws().OutboxQueue().Enqueue(Entry("key-1"), Audit("user.create.requested"));
    BOOST_TEST(entry.id > 0);
    auto found = Ws().OutboxQueue().FindByKey("key-1");
    BOOST_REQUIRE(found.has_value());
    BOOST_TEST(found->id == entry.id);
    BOOST_TEST((found->state == OutboxState::Pending));
    BOOST_TEST(found->attempts == 0);
    BOOST_TEST(!found->last_error.has_value()); // NULL reads back as an empty optional
    BOOST_TEST(!found->result.has_value());
    BOOST_TEST(found->payload == R"({"login":"new.user"})");
    BOOST_TEST(found->partner_id == 1);
    BOOST_TEST(Count("audit_log", "action = 'user.create.requested'") == 1);
}

BOOST_AUTO_TEST_CASE(happy_path_pending_sent_done) {
    auto id = Ws().OutboxQueue().Enqueue(Entry("key-2"), Audit("x")).id;
    BOOST_TEST(Ws().OutboxQueue().MarkSending(id));
    BOOST_TEST((Ws().OutboxQueue().Find(id)->state == OutboxState::Sent));
    BOOST_TEST(Ws().OutboxQueue().Find(id)->attempts == 1);
    BOOST_TEST(Ws().OutboxQueue().MarkDone(id, R"({"id":42})", Audit("user.create.done")));
    auto done = Ws().OutboxQueue().Find(id);
    BOOST_TEST((done->state == OutboxState::Done));
    BOOST_REQUIRE(done->result.has_value());
    BOOST_TEST(*done->result == R"({"id":42})");
    BOOST_TEST(Count("audit_log", "action = 'user.create.done'") == 1);
}

BOOST_AUTO_TEST_CASE(lost_answer_goes_back_to_pending_and_counts_attempts) {
    auto id = Ws().OutboxQueue().Enqueue(Entry("key-3"), Audit("x")).id;
    BOOST_TEST(Ws().OutboxQueue().MarkSending(id));
    BOOST_TEST(Ws().OutboxQueue().MarkPending(id, "network: connection refused"));
    auto again = Ws().OutboxQueue().Find(id);
    BOOST_TEST((again->state == OutboxState::Pending));
    BOOST_TEST(again->last_error.value_or("") == "network: connection refused");
    BOOST_TEST(Ws().OutboxQueue().MarkSending(id));
    BOOST_TEST(Ws().OutboxQueue().Find(id)->attempts == 2);
    BOOST_TEST(Ws().OutboxQueue().Find(id)->idempotency_key == "key-3"); // the key never changes
}

BOOST_AUTO_TEST_CASE(transitions_out_of_a_final_state_are_refused) {
    auto id = Ws().OutboxQueue().Enqueue(Entry("key-4"), Audit("x")).id;
    BOOST_TEST(!Ws().OutboxQueue().MarkDone(id, "{}")); // pending cannot be done without being sent
    BOOST_TEST(Ws().OutboxQueue().MarkSending(id));
    BOOST_TEST(Ws().OutboxQueue().MarkFailed(id, "validation_failed", Audit("user.create.failed")));
    BOOST_TEST(!Ws().OutboxQueue().MarkSending(id));
    BOOST_TEST(!Ws().OutboxQueue().MarkDone(id, "{}"));
    BOOST_TEST(!Ws().OutboxQueue().MarkPending(id, "x"));
    BOOST_TEST((Ws().OutboxQueue().Find(id)->state == OutboxState::Failed));
    BOOST_TEST(!Ws().OutboxQueue().MarkSending(999999)); // no such row
}

BOOST_AUTO_TEST_CASE(payload_is_scrubbed_only_once_final) {
    auto id = Ws().OutboxQueue().Enqueue(Entry("scrub"), Audit("x")).id;
    BOOST_TEST(!Ws().OutboxQueue().ScrubPayload(id, "{}")); // still to send: the payload is needed
    Ws().OutboxQueue().MarkSending(id);
    Ws().OutboxQueue().MarkDone(id, "{}");
    BOOST_TEST(Ws().OutboxQueue().ScrubPayload(id, R"({"login":"new.user","password":null})"));
    BOOST_TEST(Ws().OutboxQueue().Find(id)->payload == R"({"login":"new.user","password":null})");
}

BOOST_AUTO_TEST_CASE(unconfirmed_lists_pending_and_sent_oldest_first_per_platform) {
    auto a = Ws().OutboxQueue().Enqueue(Entry("a"), Audit("x")).id;
    auto b = Ws().OutboxQueue().Enqueue(Entry("b"), Audit("x")).id;
    auto c = Ws().OutboxQueue().Enqueue(Entry("c"), Audit("x")).id;
    auto elsewhere = Entry("d");
    elsewhere.platform_url = "https://elsewhere";
    Ws().OutboxQueue().Enqueue(elsewhere, Audit("x"));
    Ws().OutboxQueue().MarkSending(b);
    Ws().OutboxQueue().MarkSending(c);
    Ws().OutboxQueue().MarkDone(c, "{}");

    auto all = Ws().OutboxQueue().ListUnconfirmed();
    BOOST_TEST(all.size() == 3u);
    auto here = Ws().OutboxQueue().ListUnconfirmed(std::string("http://127.0.0.1:1"), 1);
    BOOST_REQUIRE(here.size() == 2u);
    BOOST_TEST(here[0].id == a);
    BOOST_TEST(here[1].id == b);
    BOOST_TEST(Ws().OutboxQueue().ListUnconfirmed(std::string("http://127.0.0.1:1"), 2).empty());
    BOOST_TEST(Ws().OutboxQueue().ListByState(OutboxState::Done).size() == 1u);
}

BOOST_AUTO_TEST_CASE(duplicate_idempotency_key_is_rejected_and_leaves_no_trace) {
    Ws().OutboxQueue().Enqueue(Entry("same"), Audit("first"));
    auto kind =
        test::ErrorKindOf([&] { Ws().OutboxQueue().Enqueue(Entry("same"), Audit("second")); });
    BOOST_TEST((kind == StoreErrorKind::Duplicate));
    BOOST_TEST(Count("outbox") == 1);
    BOOST_TEST(Count("audit_log", "action = 'second'") == 0);
}

BOOST_AUTO_TEST_CASE(failure_after_the_outbox_insert_rolls_both_back) {
    long long auditBefore = Count("audit_log");
    // The audit row breaks a CHECK (empty action) after the outbox row went in.
    auto kind = test::ErrorKindOf([&] { Ws().OutboxQueue().Enqueue(Entry("atomic"), Audit("")); });
    BOOST_TEST((kind == StoreErrorKind::Constraint));
    BOOST_TEST(!Ws().OutboxQueue().FindByKey("atomic").has_value());
    BOOST_TEST(Count("outbox") == 0);
    BOOST_TEST(Count("audit_log") == auditBefore);
}

BOOST_AUTO_TEST_CASE(failure_of_the_audit_row_rolls_back_the_transition) {
    auto id = Ws().OutboxQueue().Enqueue(Entry("atomic-done"), Audit("x")).id;
    Ws().OutboxQueue().MarkSending(id);
    auto kind = test::ErrorKindOf([&] { Ws().OutboxQueue().MarkDone(id, "{}", Audit("")); });
    BOOST_TEST((kind == StoreErrorKind::Constraint));
    BOOST_TEST((Ws().OutboxQueue().Find(id)->state == OutboxState::Sent));
}

BOOST_AUTO_TEST_SUITE_END()
