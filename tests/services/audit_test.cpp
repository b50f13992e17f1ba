// ListAudit (the platform's, cached) and ListLocalAudit (the workspace's).
#include "desk_fixture.h"

#include "services/audit.h"

using namespace kpd;

BOOST_FIXTURE_TEST_SUITE(audit, test::DeskFixture)

BOOST_AUTO_TEST_CASE(platform_audit_is_listed_newest_first_and_cached) {
    SignInAs("admin");
    auto list = services::ListAudit(Client(), Ws(), 50);
    BOOST_REQUIRE(list.Ok());
    const auto& entries = list.Value().value;
    BOOST_REQUIRE(!entries.empty()); // at least this sign-in
    BOOST_TEST(entries.size() <= 50u);
    for (std::size_t i = 1; i < entries.size(); ++i) {
        BOOST_TEST(entries[i - 1].id > entries[i].id);
    }
    sandbox.Stop();
    auto offline = services::ListAudit(Client(), Ws(), 50);
    BOOST_REQUIRE(offline.Ok());
    BOOST_TEST(offline.Value().from_cache);
    BOOST_TEST(offline.Value().value.size() == entries.size());
}

BOOST_AUTO_TEST_CASE(local_audit_lists_what_this_desk_did) {
    services::SignIn(Client(), Ws(), "admin", "wrong");
    SignInAs("admin");
    auto rows = services::ListLocalAudit(Ws());
    BOOST_REQUIRE(rows.size() == 2u);
    BOOST_TEST(rows[0].action == "sign_in");
    BOOST_TEST(rows[1].action == "sign_in.failed");
    BOOST_TEST(rows[0].platform_url == sandbox.BaseUrl());
}

BOOST_AUTO_TEST_SUITE_END()
