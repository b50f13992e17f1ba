#include "services/cashback_calendar.h"

#include "services/calendar_file.h"

namespace kpd::services {

namespace {

DeskCalendar FromFile(CalendarFile&& file) {
    DeskCalendar out;
    out.path = file.path;
    if (file.calendar) {
        out.calendar = std::make_shared<const domain::BusinessCalendar>(std::move(*file.calendar));
    } else {
        out.problem =
            Message{"calendar.unavailable", {{"path", file.path}, {"why", file.error}}, file.error};
    }
    return out;
}

} // namespace

bool DeskCalendar::IsProvisional(int year) const {
    if (!calendar)
        return false;
    auto provisional = calendar->IsProvisional(year);
    return provisional.Ok() && provisional.Value();
}

DeskCalendar LoadDeskCalendar(const std::string& path) {
    return FromFile(LoadCalendarFile(path));
}

const DeskCalendar& SharedDeskCalendar() {
    // A function-local static is initialised exactly once; other threads
    // calling meanwhile wait for it (C++11 and later).
    static const DeskCalendar shared = FromFile(LoadBusinessCalendar());
    return shared;
}

} // namespace kpd::services
