// The tally of support/prism_cases.h: which cases of a contract run went
// through Prism, which bypassed it (marked), which bypassed it without saying
// so (failed), and which caused violations (each printed with its case). Linked as an object
// library into every Boost test executable (tests/CMakeLists.txt), so the listener below is
// installed before any SandboxProcess exists; outside a contract run it only counts.
#include "support/prism_cases.h"

#include "support/sandbox_process.h"

#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>

namespace kpd::test {
namespace {

namespace utf = boost::unit_test;

struct Tally {
    std::mutex mutex;
    std::set<utf::test_unit_id> ran;
    std::set<utf::test_unit_id> through;
    std::map<utf::test_unit_id, std::string> bypassed; // the case and the first way it did
    std::set<utf::test_unit_id> unmarked;
    std::set<utf::test_unit_id> violating;
    std::thread::id mainThread;
};

Tally& TheTally() {
    static Tally tally;
    return tally;
}

// The unit (the case or one of its suites) that carries the bypass label.
const utf::test_unit* MarkOf(utf::test_unit_id id) {
    while (id != utf::INV_TEST_UNIT_ID) {
        const auto& unit = utf::framework::get(id, utf::TUT_ANY);
        if (unit.has_label(KPD_PRISM_BYPASS_LABEL)) {
            return &unit;
        }
        if (unit.p_type == utf::TUT_SUITE && unit.p_parent_id == utf::INV_TEST_UNIT_ID) {
            break; // the master suite
        }
        id = unit.p_parent_id;
    }
    return nullptr;
}

void OnAccess(SandboxAccess access, const char* what) {
    if (!ViaPrism() || !utf::framework::test_in_progress()) {
        return;
    }
    const auto id = utf::framework::current_test_case_id();
    if (id == utf::INV_TEST_UNIT_ID ||
        utf::framework::get(id, utf::TUT_ANY).p_type != utf::TUT_CASE) {
        return; // a suite's fixture: its cases say what they do
    }
    auto& tally = TheTally();
    std::unique_lock<std::mutex> lock(tally.mutex);
    if (access == SandboxAccess::ThroughPrism) {
        tally.through.insert(id);
        return;
    }
    tally.bypassed.emplace(id, what);
    if (MarkOf(id) != nullptr || !tally.unmarked.insert(id).second) {
        return;
    }
    lock.unlock();
    const std::string message =
        utf::framework::get(id, utf::TUT_ANY).full_name() + " reaches the sandbox past Prism (" +
        what +
        ") without KPD_PRISM_BYPASS(\"why\") (tests/support/prism_cases.h): send it "
        "through BaseUrl(), or mark the case and say why it cannot";
    std::cerr << "KPD-PRISM-VIOLATION: " << message << std::endl;
    if (std::this_thread::get_id() == tally.mainThread) {
        BOOST_ERROR(message); // Boost.Test's checks are for the test's own thread
    }
}

[[maybe_unused]] const bool g_listening = (SetSandboxAccessListener(&OnAccess), true);

// Prints the violations Prism logged since the last call, each under `who`;
// whether there were any.
bool ReportViolations(const std::string& who) {
    auto violations = TakeCollectedPrismViolations();
    for (const auto& v : violations) {
        std::cerr << "KPD-PRISM-VIOLATION: " << who << ": " << v << "\n";
    }
    std::cerr << std::flush;
    return !violations.empty();
}

class CaseObserver : public utf::test_observer {
  public:
    void test_unit_finish(const utf::test_unit& unit, unsigned long) override {
        if (unit.p_type != utf::TUT_CASE) {
            return;
        }
        // The case is over: what its requests broke is its own (a sandbox the
        // case stopped or destroyed left its violations with the tally).
        bool violated = ViaPrism() && ReportViolations(unit.full_name());
        std::lock_guard<std::mutex> lock(TheTally().mutex);
        TheTally().ran.insert(unit.p_id);
        if (violated) {
            TheTally().violating.insert(unit.p_id);
        }
    }
};

// Counts the cases that ran and prints the tally at the end of a contract run.
struct PrismCaseTally {
    CaseObserver observer;

    PrismCaseTally() {
        TheTally().mainThread = std::this_thread::get_id();
        utf::framework::register_observer(observer);
        CollectPrismViolations(true);
    }
    ~PrismCaseTally() {
        utf::framework::deregister_observer(observer);
        if (ViaPrism()) {
            ReportViolations("after the last case");
            Print();
        }
        CollectPrismViolations(false); // static sandboxes destroyed later print their own
    }

    static void Print() {
        auto& tally = TheTally();
        std::lock_guard<std::mutex> lock(tally.mutex);
        std::size_t throughOnly = 0;
        std::size_t none = 0;
        for (auto id : tally.ran) {
            bool bypassed = tally.bypassed.count(id) != 0;
            throughOnly += !bypassed && tally.through.count(id) != 0;
            none += !bypassed && tally.through.count(id) == 0;
        }
        std::cout << "KPD-PRISM-CASES: " << tally.ran.size() << " cases ran: " << throughOnly
                  << " through Prism only, " << tally.bypassed.size() - tally.unmarked.size()
                  << " marked bypass, " << tally.unmarked.size() << " unmarked bypass, " << none
                  << " without a sandbox; " << tally.violating.size() << " with violations\n";
        for (const auto& [id, what] : tally.bypassed) {
            const auto& unit = utf::framework::get(id, utf::TUT_ANY);
            const auto* mark = MarkOf(id);
            std::cout << "KPD-PRISM-BYPASS: " << unit.full_name() << " (" << what
                      << "): " << (mark ? mark->p_description.get() : std::string("NOT MARKED"))
                      << "\n";
        }
        for (auto id : tally.ran) {
            if (tally.bypassed.count(id) == 0 &&
                MarkOf(id) == &utf::framework::get(id, utf::TUT_ANY)) {
                std::cout
                    << "KPD-PRISM-STALE-MARK: " << utf::framework::get(id, utf::TUT_ANY).full_name()
                    << " is marked KPD_PRISM_BYPASS but went through Prism only in this run\n";
            }
        }
        std::cout << std::flush;
    }
};

BOOST_TEST_GLOBAL_FIXTURE(PrismCaseTally);

} // namespace
} // namespace kpd::test
