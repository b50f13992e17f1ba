#include "sandbox/clock_move.h"

#include "sandbox/receipt_generator.h"
#include "sandbox/request_log.h"
#include "sandbox/settlement_days.h"

#include <algorithm>
#include <chrono>
#include <optional>
#include <string>

namespace kpd::sandbox {

namespace {
constexpr std::int64_t kDay = 86400;

// The Moscow day `t` falls in, counted from 1970-01-01.
std::int64_t MoscowDay(domain::Instant t) {
    return std::chrono::floor<std::chrono::days>(t + domain::kMoscowOffset)
        .time_since_epoch()
        .count();
}

// 00:00 Moscow of `day`.
domain::Instant MidnightOf(std::int64_t day) {
    return domain::Instant{std::chrono::seconds(day * kDay) - domain::kMoscowOffset};
}
} // namespace

bool MoveClockInSteps(soci::session& db, SandboxState& state, domain::Instant from,
                      domain::Instant to, const ClockMoveFinish& finish, domain::Instant& reached) {
    reached = from;
    SandboxClock& clock = state.clock;
    const domain::CancelToken& stop = clock.StopToken();
    const std::chrono::milliseconds pause(state.settings.clock_step_pause_ms);
    // One step: the days that ended by `through`, the scans of `scanDay`.
    const auto step = [&](domain::Instant through, std::optional<std::int64_t> scanDay, bool last) {
        WriteTransaction tx(db);
        AddSettlementDaysPassed(db, through, to, state.calendar);
        if (scanDay) {
            SimulateScansOfDay(db, *scanDay, state.settings.scans_per_day, &stop);
        }
        if (last) {
            finish(db);
        }
        tx.Commit();
        clock.Set(through);
        reached = through;
    };
    const auto goOn = [&] {
        return pause.count() > 0 ? clock.PauseUnlessStopped(pause) : !stop.IsCancelled();
    };
    try {
        if (to > from) {
            const std::int64_t first = MoscowDay(from),
                               end = MoscowDay(to); // the day `to` is in has not passed
            const std::int64_t start = std::max(first, end - kMaxSimulatedDays);
            if (start > first) {
                LogInfo("the clock moves over " + std::to_string(end - first) + " days; the last " +
                        std::to_string(kMaxSimulatedDays) + " are simulated");
                if (stop.IsCancelled())
                    return false;
                step(MidnightOf(start), std::nullopt, false);
                if (!goOn())
                    return false;
            }
            for (std::int64_t d = start; d < end; ++d) {
                if (stop.IsCancelled())
                    return false;
                step(MidnightOf(d + 1), d, false);
                if (!goOn())
                    return false;
            }
        }
        if (stop.IsCancelled())
            return false;
        step(to, std::nullopt, true);
        return true;
    } catch (const SandboxStopping&) {
        return false;
    }
}

} // namespace kpd::sandbox
