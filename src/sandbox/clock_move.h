#pragma once
// Moving the sandbox clock, in steps that let other requests through. A move
// ahead over whole Moscow days brings those days' Dolyami registers and
// invoices (settlement_days.h) and the app's users' scans of each day
// (receipt_generator.h) — at most the last 92 days of a longer move, so a
// 20-year move is about 95 steps. Each step is a transaction of its own and
// the clock is set to where that step got only once it has committed: the
// clock and the data simulated for the days it passed over always agree, a
// failed step leaves the clock where the previous one put it, and a move
// stopped early (the sandbox is stopping) ends at the last committed step.
// Runs on the request's thread with the request's session.
#include "domain/timestamp.h"
#include "sandbox/router.h"

#include <soci/soci.h>

#include <functional>

namespace kpd::sandbox {

// Runs in the last step's transaction, before it commits: the move's audit
// entries and anything else that must commit with the clock's arrival.
using ClockMoveFinish = std::function<void(soci::session&)>;

// Moves the clock from `from` (its now) to `to`. The caller holds
// state.clock.LockMoves(). Steps: when the move passes over more days than
// are simulated, a first step to the first simulated day's midnight (months
// in between invoiced); then one step per whole day passed, each to the next
// midnight (settings.clock_step_pause_ms between steps, a test hook); then the
// last one to `to`, which runs `finish`. A move back, or within a day, is
// that last step alone. Returns false when the sandbox's stop token stopped
// the move between steps or inside one (SandboxStopping; that step rolled
// back). `reached` is where the clock stands after every committed step,
// also when a step throws (the exception goes on to the caller).
bool MoveClockInSteps(soci::session& db, SandboxState& state, domain::Instant from,
                      domain::Instant to, const ClockMoveFinish& finish, domain::Instant& reached);

} // namespace kpd::sandbox
