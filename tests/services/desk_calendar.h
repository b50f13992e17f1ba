#pragma once
// The business calendar the desk ships (resources/calendar/ru.txt in the
// source tree), loaded once for the services' cashback tests. Any thread
// once loaded.
#include "services/cashback_calendar.h"

#include <string>

namespace kpd::test {

inline const services::DeskCalendar& ShippedCalendar() {
    static const auto calendar =
        services::LoadDeskCalendar(std::string(KPD_SOURCE_DIR) + "/resources/calendar/ru.txt");
    return calendar;
}

} // namespace kpd::test
