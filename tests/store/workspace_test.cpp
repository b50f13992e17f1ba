// Opening a workspace: URLs, the default location, migrations applied once.
#include "workspace_fixture.h"

#include "store/platform_cache.h"
#include "store/settings.h"

#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <exception>
#include <filesystem>
#include <thread>

using namespace kpd;
using store::StoreErrorKind;

BOOST_AUTO_TEST_SUITE(workspace)

BOOST_AUTO_TEST_CASE(fresh_database_gets_every_migration_once) {
    auto url = test::FreshDatabaseUrl("migrate");
    {
        store::Workspace ws(url);
        BOOST_TEST(ws.MigrationsAppliedOnOpen() >= 1);
        BOOST_TEST(ws.SchemaVersion() >= 1);
        ws.Preferences().Set("team", "north");
    }
    store::Workspace again(url);
    BOOST_TEST(again.MigrationsAppliedOnOpen() == 0);
    BOOST_TEST(again.SchemaVersion() >= 1);
    BOOST_TEST(again.Preferences().GetOr("team", "") == "north"); // nothing was recreated
    BOOST_TEST(std::string(store::ToString(again.GetBackend())) ==
               test::ToString(test::CurrentBackend()));
}

BOOST_AUTO_TEST_CASE(two_workspaces_opening_one_database_at_once_both_succeed) {
    auto url = test::FreshDatabaseUrl("race");
    std::unique_ptr<store::Workspace> a, b;
    std::exception_ptr failure;
    std::thread t([&] {
        try {
            a = std::make_unique<store::Workspace>(url);
        } catch (...) {
            failure = std::current_exception(); // reported below, on the test's thread
        }
    });
    b = std::make_unique<store::Workspace>(url);
    t.join();
    if (failure) {
        std::rethrow_exception(failure);
    }
    BOOST_TEST(a->MigrationsAppliedOnOpen() + b->MigrationsAppliedOnOpen() >= 1);
    BOOST_TEST(a->SchemaVersion() == b->SchemaVersion());
}

BOOST_AUTO_TEST_CASE(malformed_url_is_unavailable) {
    auto kind = test::ErrorKindOf([] { store::Workspace ws("mysql://x"); });
    BOOST_TEST((kind == StoreErrorKind::Unavailable));
}

BOOST_AUTO_TEST_CASE(unreachable_server_is_unavailable) {
    auto kind = test::ErrorKindOf(
        [] { store::Workspace ws("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2"); });
    BOOST_TEST((kind == StoreErrorKind::Unavailable));
}

BOOST_AUTO_TEST_CASE(sqlite_parent_folders_are_created) {
    auto dir = test::MakeTempDir("nested");
    auto path = dir + "/a/b/workspace.db";
    store::Workspace ws("sqlite:" + path);
    BOOST_TEST(std::filesystem::exists(path));
}

BOOST_AUTO_TEST_CASE(default_url_follows_xdg_data_home) {
    const char* oldXdg = std::getenv("XDG_DATA_HOME");
    std::string saved = oldXdg ? oldXdg : "";
    ::setenv("XDG_DATA_HOME", "/srv/data", 1);
    BOOST_TEST(store::DefaultWorkspaceUrl() ==
               "sqlite:/srv/data/koshelek-partner-desk/workspace.db");
    ::setenv("XDG_DATA_HOME", "relative/is/ignored", 1);
    std::string home = std::getenv("HOME") ? std::getenv("HOME") : ".";
    BOOST_TEST(store::DefaultWorkspaceUrl() ==
               "sqlite:" + home + "/.local/share/koshelek-partner-desk/workspace.db");
    if (oldXdg) {
        ::setenv("XDG_DATA_HOME", saved.c_str(), 1);
    } else {
        ::unsetenv("XDG_DATA_HOME");
    }
}

BOOST_AUTO_TEST_SUITE_END()
