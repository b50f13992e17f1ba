// CardScreenDrafts: one local draft per platform + partner, saved with its
// base version and audited in the same transaction.
#include "workspace_fixture.h"

#include <boost/test/unit_test.hpp>

using namespace kpd;

namespace {

store::NewAuditRecord DraftAudit(const std::string& action) {
    return {"marketing", "http://127.0.0.1:1", action, "card_screen", "7", "test"};
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(card_screen_drafts, test::WorkspaceFixture)

BOOST_AUTO_TEST_CASE(save_then_get_keeps_json_and_base_version) {
    store::DraftScope scope{"http://127.0.0.1:1", 7};
    BOOST_TEST(!Ws().Drafts().Get(scope).has_value());
    auto saved = Ws().Drafts().Save(scope, R"({"qr_scanner":true})", 3, DraftAudit("card_screen.draft_saved_locally"));
    BOOST_TEST(saved.saved_at.back() == 'Z');
    auto read = Ws().Drafts().Get(scope);
    BOOST_REQUIRE(read.has_value());
    BOOST_TEST(read->json == R"({"qr_scanner":true})");
    BOOST_TEST(read->base_version == 3);
    BOOST_TEST(read->saved_by == "marketing");
    BOOST_TEST(Count("audit_log", "action = 'card_screen.draft_saved_locally'") == 1);
}

BOOST_AUTO_TEST_CASE(saving_again_replaces_the_one_draft) {
    store::DraftScope scope{"http://127.0.0.1:1", 7};
    Ws().Drafts().Save(scope, "{}", 1, DraftAudit("card_screen.draft_saved_locally"));
    Ws().Drafts().Save(scope, R"({"a":1})", 5, DraftAudit("card_screen.draft_saved_locally"));
    auto read = Ws().Drafts().Get(scope);
    BOOST_REQUIRE(read.has_value());
    BOOST_TEST(read->json == R"({"a":1})");
    BOOST_TEST(read->base_version == 5);
    BOOST_TEST(Count("card_screen_drafts") == 1);
    BOOST_TEST(Count("audit_log") == 2);
}

BOOST_AUTO_TEST_CASE(platforms_and_partners_do_not_share_drafts) {
    Ws().Drafts().Save({"http://a", 1}, R"({"x":"a1"})", 1, DraftAudit("saved"));
    Ws().Drafts().Save({"http://a", 2}, R"({"x":"a2"})", 1, DraftAudit("saved"));
    Ws().Drafts().Save({"http://b", 1}, R"({"x":"b1"})", 1, DraftAudit("saved"));
    BOOST_TEST(Ws().Drafts().Get({"http://a", 1})->json == R"({"x":"a1"})");
    BOOST_TEST(Ws().Drafts().Get({"http://a", 2})->json == R"({"x":"a2"})");
    BOOST_TEST(Ws().Drafts().Get({"http://b", 1})->json == R"({"x":"b1"})");
    BOOST_TEST(!Ws().Drafts().Get({"http://b", 2}).has_value());
}

BOOST_AUTO_TEST_CASE(discard_removes_and_audits_only_when_there_was_a_draft) {
    store::DraftScope scope{"http://127.0.0.1:1", 7};
    BOOST_TEST(!Ws().Drafts().Discard(scope, DraftAudit("card_screen.local_draft_discarded")));
    BOOST_TEST(Count("audit_log") == 0);
    Ws().Drafts().Save(scope, "{}", 1, DraftAudit("card_screen.draft_saved_locally"));
    BOOST_TEST(Ws().Drafts().Discard(scope, DraftAudit("card_screen.local_draft_discarded")));
    BOOST_TEST(!Ws().Drafts().Get(scope).has_value());
    BOOST_TEST(Count("audit_log", "action = 'card_screen.local_draft_discarded'") == 1);
}

BOOST_AUTO_TEST_CASE(a_refused_audit_row_leaves_no_draft) {
    // An empty action breaks the audit table's CHECK: the draft row of the
    // same transaction must not stay behind.
    store::DraftScope scope{"http://127.0.0.1:1", 7};
    auto kind = test::ErrorKindOf([&] { Ws().Drafts().Save(scope, "{}", 1, DraftAudit("")); });
    BOOST_TEST((kind == store::StoreErrorKind::Constraint));
    BOOST_TEST(!Ws().Drafts().Get(scope).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
