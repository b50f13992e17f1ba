// Two writers at once: each thread works through its own session (leased
// from one workspace's pool, or from a workspace of its own as two desks
// sharing a team workspace would), and nothing is lost or doubled.
#include "workspace_fixture.h"

#include <boost/test/unit_test.hpp>

#include <atomic>
#include <thread>

using namespace kpd;

namespace {
constexpr int kPerThread = 40;

void Write(store::Workspace& ws, test::WorkspaceFixture& f, const std::string& prefix,
           std::atomic<int>& errors) {
    for (int i = 0; i < kPerThread; ++i) {
        try {
            auto key = prefix + "-" + std::to_string(i);
            auto id = ws.OutboxQueue().Enqueue(f.Entry(key), f.Audit("concurrent", key)).id;
            ws.OutboxQueue().MarkSending(id);
            ws.OutboxQueue().MarkDone(id, "{}");
            ws.Cache().Put({"http://p", 1, "counter"}, prefix, std::to_string(i));
        } catch (const std::exception& e) {
            ++errors;
            BOOST_TEST_MESSAGE(prefix << ": " << e.what());
        }
    }
}
} // namespace

BOOST_FIXTURE_TEST_SUITE(concurrency, test::WorkspaceFixture)

BOOST_AUTO_TEST_CASE(two_threads_share_one_workspace_pool) {
    std::atomic<int> errors{0};
    std::thread a([&] { Write(Ws(), *this, "a", errors); });
    std::thread b([&] { Write(Ws(), *this, "b", errors); });
    a.join();
    b.join();
    BOOST_TEST(errors.load() == 0);
    BOOST_TEST(Count("outbox", "state = 'done'") == 2 * kPerThread);
    BOOST_TEST(Count("audit_log", "action = 'concurrent'") == 2 * kPerThread);
    BOOST_TEST(Ws().Cache().Get({"http://p", 1, "counter"}, "a")->json ==
               std::to_string(kPerThread - 1));
}

BOOST_AUTO_TEST_CASE(two_desks_with_their_own_workspaces_on_one_database) {
    store::Workspace other(url, {1});
    std::atomic<int> errors{0};
    std::thread a([&] { Write(Ws(), *this, "desk1", errors); });
    std::thread b([&] { Write(other, *this, "desk2", errors); });
    a.join();
    b.join();
    BOOST_TEST(errors.load() == 0);
    BOOST_TEST(Count("outbox") == 2 * kPerThread);
    BOOST_TEST(Count("audit_log") == 2 * kPerThread);
}

BOOST_AUTO_TEST_SUITE_END()
