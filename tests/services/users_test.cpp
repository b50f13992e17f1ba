// ListUsers and SetUserRoles: pages, the offline list, roles and conflicts.
#include "desk_fixture.h"

#include "services/users.h"

#include <algorithm>

using namespace kpd;

namespace {
domain::User Find(const std::vector<domain::User>& users, const std::string& login) {
    auto it =
        std::find_if(users.begin(), users.end(), [&](const auto& u) { return u.login == login; });
    BOOST_REQUIRE_MESSAGE(it != users.end(), "no user " << login);
    return *it;
}

struct CountingProgress : domain::ProgressSink {
    void Report(std::int64_t done, std::int64_t, const std::string&) override { last = done; }
    std::int64_t last = 0;
};
} // namespace

BOOST_FIXTURE_TEST_SUITE(users, test::DeskFixture)

BOOST_AUTO_TEST_CASE(admin_lists_every_demo_user_and_the_list_is_cached) {
    SignInAs("admin");
    CountingProgress progress;
    auto list = services::ListUsers(Client(), Ws(), nullptr, &progress);
    BOOST_REQUIRE(list.Ok());
    const auto& users = list.Value().value;
    BOOST_TEST(users.size() >= 6u);
    BOOST_TEST(progress.last == static_cast<std::int64_t>(users.size()));
    BOOST_TEST(
        std::is_sorted(users.begin(), users.end(), [](auto& a, auto& b) { return a.id < b.id; }));
    Find(users, "viewer");

    sandbox.Stop();
    auto offline = services::ListUsers(Client(), Ws());
    BOOST_REQUIRE(offline.Ok());
    BOOST_TEST(offline.Value().from_cache);
    BOOST_TEST(offline.Value().value.size() == users.size());
}

BOOST_AUTO_TEST_CASE(viewer_is_forbidden_and_the_cache_does_not_hide_it) {
    SignInAs("admin");
    BOOST_REQUIRE(services::ListUsers(Client(), Ws()).Ok()); // the admin's list is cached
    auto viewer = NewClient();
    BOOST_REQUIRE(services::SignIn(*viewer, Ws(), "viewer", "demo").Ok());
    auto list = services::ListUsers(*viewer, Ws());
    BOOST_REQUIRE(!list.Ok());
    BOOST_TEST((list.Error().kind == api::ApiErrorKind::Forbidden));
    BOOST_TEST(services::Describe(list.Error()).code == "forbidden");
}

BOOST_AUTO_TEST_CASE(cancelled_before_the_first_page) {
    SignInAs("admin");
    auto cancel = std::make_shared<domain::CancelToken>();
    cancel->Cancel();
    auto list = services::ListUsers(Client(), Ws(), cancel);
    BOOST_REQUIRE(!list.Ok());
    BOOST_TEST((list.Error().kind == api::ApiErrorKind::Cancelled));
}

BOOST_AUTO_TEST_CASE(roles_change_then_a_stale_version_is_a_conflict_with_the_current_user) {
    SignInAs("admin");
    auto before = Find(services::ListUsers(Client(), Ws()).Value().value, "marketing");
    domain::RoleSet roles{domain::Role::Marketing, domain::Role::Viewer};
    auto changed = services::SetUserRoles(Client(), Ws(), before.id, roles, before.version);
    BOOST_REQUIRE(changed.Ok());
    BOOST_TEST(changed.value->version > before.version);
    BOOST_TEST((changed.value->roles == roles));
    BOOST_TEST(Count("audit_log", "action = 'user.set_roles'") == 1);

    // A second desk still holding the old version: nothing is overwritten.
    auto stale = services::SetUserRoles(Client(), Ws(), before.id,
                                        domain::RoleSet{domain::Role::Finance}, before.version);
    BOOST_TEST(!stale.Ok());
    BOOST_TEST(stale.Conflict());
    BOOST_REQUIRE(stale.error.has_value());
    BOOST_TEST((stale.error->kind == api::ApiErrorKind::PreconditionFailed));
    BOOST_TEST(stale.current->version == changed.value->version);
    BOOST_TEST((stale.current->roles == roles));
    BOOST_TEST(Count("audit_log", "action = 'user.set_roles'") == 1);
}

BOOST_AUTO_TEST_CASE(no_roles_is_a_problem_and_nothing_is_sent) {
    SignInAs("admin");
    auto outcome = services::SetUserRoles(Client(), Ws(), 1, domain::RoleSet{}, 1);
    BOOST_TEST(!outcome.Ok());
    BOOST_TEST(!outcome.error.has_value());
    BOOST_REQUIRE(outcome.problems.size() == 1u);
    BOOST_TEST(outcome.problems[0].field == "/roles");
}

BOOST_AUTO_TEST_SUITE_END()
