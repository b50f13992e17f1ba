#pragma once
// A cashback flight written by hand as a JSON file (`partnerctl cashback
// create FILE`, and the desk's "import from file"): the body of POST
// /cashback-flights — the flight without id, status and the platform's
// bookkeeping. Every mistake is answered at its place: malformed JSON by line
// and column, a wrong field by its JSON pointer, and the domain's rules
// (domain::ValidateFlight) by theirs; nothing is guessed.
//
// Thread affinity: any thread (reads one file).
#include "domain/cashback_flight.h"
#include "domain/problem.h"

#include <optional>
#include <string>

namespace kpd::services {

struct FlightFile {
    std::optional<domain::CashbackFlight> flight; // set when the JSON could be read as a flight
    domain::Problems problems;                    // everything wrong, sorted by pointer
};

FlightFile ReadFlightFile(const std::string& path);
// The same for text already in memory; `name` is how messages call it.
FlightFile ReadFlightText(const std::string& text, const std::string& name);

} // namespace kpd::services
