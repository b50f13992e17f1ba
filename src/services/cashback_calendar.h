#pragma once
// The business calendar as the desk holds it: read once per process from the
// data file (services/calendar_file.h finds and reads it; KPD_CALENDAR_FILE
// overrides), then shared, immutable, by every session and thread. The desk
// computes a flight's earliest start from it while the user types; a
// calendar that could not be loaded is said (`problem`), never guessed.
//
// Thread affinity: SharedDeskCalendar may be called from any thread (the
// first call loads; the others wait for it and share the result).
#include "domain/business_calendar.h"
#include "services/message.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kpd::services {

struct DeskCalendar {
    std::shared_ptr<const domain::BusinessCalendar> calendar; // null when it could not be loaded
    std::string path;                                         // the file it was read from
    std::optional<Message> problem; // why there is none (code "calendar.unavailable")

    bool Loaded() const { return calendar != nullptr; }
    // True when `year` is known only from the Labour Code (no decree entered
    // yet): dates in it may still move. False for an official year and for a
    // year without data (that is an error of its own, see the calendar's calls).
    bool IsProvisional(int year) const;
};

// The calendar of this process, loaded on first use.
const DeskCalendar& SharedDeskCalendar();

// A calendar from the file at `path` (tests, and a desk told to reload).
DeskCalendar LoadDeskCalendar(const std::string& path);

} // namespace kpd::services
