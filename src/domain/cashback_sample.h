#pragma once
// A valid draft flight for tests, the demo seed and the desk's "new flight"
// starting point: 5 % on dairy of one brand, capped at 300 ₽ per receipt,
// 100,000 ₽ budget in December 2026. Pure: any thread.
#include "domain/cashback_flight.h"

namespace kpd::domain {

CashbackFlight SampleFlight();

} // namespace kpd::domain
