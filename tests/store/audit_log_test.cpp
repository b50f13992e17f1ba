// LocalAuditLog: append and read back; the database refuses rewrites.
#include "workspace_fixture.h"

#include <boost/test/unit_test.hpp>

using namespace kpd;
using store::StoreErrorKind;

BOOST_FIXTURE_TEST_SUITE(audit_log, test::WorkspaceFixture)

BOOST_AUTO_TEST_CASE(append_then_list_newest_first) {
    auto first = Ws().Audit().Append({"admin", "http://p", "sign_in", "session", "", "signed in"});
    auto second = Ws().Audit().Append(
        {"admin", "http://p", "user.create.requested", "user", "new", "login new"});
    BOOST_TEST(second > first);
    auto rows = Ws().Audit().ListNewest(10);
    BOOST_REQUIRE(rows.size() == 2u);
    BOOST_TEST(rows[0].id == second);
    BOOST_TEST(rows[0].action == "user.create.requested");
    BOOST_TEST(rows[1].actor == "admin");
    BOOST_TEST(rows[1].happened_at.back() == 'Z');
    auto older = Ws().Audit().ListNewest(10, second);
    BOOST_REQUIRE(older.size() == 1u);
    BOOST_TEST(older[0].id == first);
}

BOOST_AUTO_TEST_CASE(update_is_refused_by_the_database) {
    Ws().Audit().Append({"admin", "http://p", "sign_in", "session", "", "signed in"});
    auto sql = store::OpenSession(url);
    auto kind = test::ErrorKindOf([&] {
        store::Guarded("test.update", [&] { *sql << "UPDATE audit_log SET detail = 'rewritten'"; });
    });
    BOOST_TEST((kind == StoreErrorKind::AppendOnly));
    BOOST_TEST(Count("audit_log", "detail = 'signed in'") == 1);
}

BOOST_AUTO_TEST_CASE(delete_is_refused_by_the_database) {
    Ws().Audit().Append({"admin", "http://p", "sign_in", "session", "", "signed in"});
    auto sql = store::OpenSession(url);
    auto kind = test::ErrorKindOf(
        [&] { store::Guarded("test.delete", [&] { *sql << "DELETE FROM audit_log"; }); });
    BOOST_TEST((kind == StoreErrorKind::AppendOnly));
    BOOST_TEST(Count("audit_log") == 1);
}

BOOST_AUTO_TEST_CASE(empty_action_is_a_constraint_error) {
    auto kind = test::ErrorKindOf([&] {
        Ws().Audit().Append({"admin", "http://p", "", "x", "", ""});
    });
    BOOST_TEST((kind == StoreErrorKind::Constraint));
}

BOOST_AUTO_TEST_SUITE_END()
