#pragma once
// What the cashback tests of the client (tests/api) and the services
// (tests/services) stand on: a sandbox whose clock stands at Friday
// 25 December 2026, 10:00 Moscow (the last week before the New Year holidays,
// so the earliest start is Tuesday 12 January 2027), and a valid flight on
// dairy a test changes as it needs. Any thread; the sandbox is owned by one.
#include "domain/cashback_flight.h"
#include "support/sandbox_process.h"

namespace kpd::test {

inline constexpr const char* kFridayBeforeNewYear = "2026-12-25T10:00:00+03:00";

// A sandbox seeded with the demo partner on that Friday's clock.
inline SandboxOptions FridayBeforeNewYearSandbox() {
    SandboxOptions options;
    options.clock = kFridayBeforeNewYear;
    return options;
}

// 5 % back on the category "dairy", at most 300 ₽ a receipt, a 50,000 ₽ budget.
inline domain::CashbackFlight DairyFlight(domain::CivilDate starts, domain::CivilDate ends) {
    domain::CashbackFlight f;
    f.offer = {"Полянка", "Кешбэк 5% на молочное", "", std::nullopt};
    f.match.categories = {"dairy"};
    f.cashback.percent_bp = 500;
    f.cap_per_receipt_kop = 30000;
    f.budget_kop = 5'000'000;
    f.starts_on = starts;
    f.ends_on = ends;
    return f;
}

} // namespace kpd::test
