#pragma once
// Between the flight value (domain/cashback_flight.h) and its row: the
// editable part goes into the row's JSON as the contract writes a new flight,
// the platform's members into its columns; reading puts them back together.
// A row that no longer parses is a defect (the sandbox wrote it), so reading
// throws. Pure; any thread.
#include "domain/cashback_flight.h"
#include "sandbox/cashback_repository.h"

namespace kpd::sandbox {

StoredFlight ToStored(const domain::CashbackFlight& flight, std::int64_t partnerId);
// The flight with its stored status (see domain::StatusOn for the one to show).
domain::CashbackFlight FromStored(const StoredFlight& stored);

// The Moscow date and month of an instant: 2026-12-25, "2026-12".
domain::CivilDate MoscowDate(domain::Instant instant);
std::string MoscowMonth(domain::Instant instant);

} // namespace kpd::sandbox
