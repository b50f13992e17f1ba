#include "domain/cashback_flight.h"

#include <array>

namespace kpd::domain {

namespace {
constexpr std::array<std::string_view, 6> kStatusNames{"draft", "scheduled", "live", "paused", "stopped", "finished"};
constexpr std::array<std::string_view, 2> kReasonNames{"ended", "budget_spent"};
constexpr std::array<std::string_view, 4> kActionNames{"submit", "pause", "resume", "stop"};

template <class E, std::size_t N> std::optional<E> FromName(const std::array<std::string_view, N>& names,
                                                             std::string_view name) {
    for (std::size_t i = 0; i < N; ++i) {
        if (names[i] == name) {
            return static_cast<E>(i);
        }
    }
    return std::nullopt;
}
} // namespace

std::string_view ToString(FlightStatus status) { return kStatusNames.at(static_cast<std::size_t>(status)); }
std::optional<FlightStatus> FlightStatusFromString(std::string_view name) {
    return FromName<FlightStatus>(kStatusNames, name);
}

std::string_view ToString(FinishReason reason) { return kReasonNames.at(static_cast<std::size_t>(reason)); }
std::optional<FinishReason> FinishReasonFromString(std::string_view name) {
    return FromName<FinishReason>(kReasonNames, name);
}

std::string_view ToString(FlightAction action) { return kActionNames.at(static_cast<std::size_t>(action)); }
std::optional<FlightAction> FlightActionFromString(std::string_view name) {
    return FromName<FlightAction>(kActionNames, name);
}

std::optional<FlightStatus> ApplyAction(FlightStatus from, FlightAction action) {
    switch (action) {
    case FlightAction::Submit:
        if (from == FlightStatus::Draft) return FlightStatus::Scheduled;
        break;
    case FlightAction::Pause:
        if (from == FlightStatus::Live) return FlightStatus::Paused;
        break;
    case FlightAction::Resume:
        if (from == FlightStatus::Paused) return FlightStatus::Live;
        break;
    case FlightAction::Stop:
        if (from == FlightStatus::Scheduled || from == FlightStatus::Live || from == FlightStatus::Paused) {
            return FlightStatus::Stopped;
        }
        break;
    }
    return std::nullopt;
}

std::vector<FlightAction> AllowedActions(FlightStatus status) {
    std::vector<FlightAction> out;
    for (auto action : {FlightAction::Submit, FlightAction::Pause, FlightAction::Resume, FlightAction::Stop}) {
        if (ApplyAction(status, action)) {
            out.push_back(action);
        }
    }
    return out;
}

CashbackFlight StatusOn(CashbackFlight flight, CivilDate today) {
    const auto finish = [&flight](FinishReason reason) {
        flight.status = FlightStatus::Finished;
        flight.finish_reason = reason;
    };
    switch (flight.status) {
    case FlightStatus::Scheduled:
        if (today > flight.ends_on) {
            finish(FinishReason::Ended);
        } else if (today >= flight.starts_on) {
            flight.status = FlightStatus::Live;
        }
        break;
    case FlightStatus::Live:
    case FlightStatus::Paused:
        if (today > flight.ends_on) {
            finish(FinishReason::Ended);
        } else if (flight.accrued_kop >= flight.budget_kop) {
            finish(FinishReason::BudgetSpent);
        }
        break;
    case FlightStatus::Draft:
    case FlightStatus::Stopped:
    case FlightStatus::Finished:
        break;
    }
    return flight;
}

// The same decision as StatusOn(...).status == Live, without copying the flight
// (called for every scanned receipt).
bool AccruesOn(const CashbackFlight& flight, CivilDate today) {
    const bool started = flight.status == FlightStatus::Live ||
                         (flight.status == FlightStatus::Scheduled && today >= flight.starts_on);
    return started && today <= flight.ends_on && flight.accrued_kop < flight.budget_kop;
}

} // namespace kpd::domain
