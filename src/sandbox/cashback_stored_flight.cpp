#include "sandbox/cashback_stored_flight.h"

#include "contract/cashback_json.h"

#include <stdexcept>

namespace kpd::sandbox {

StoredFlight ToStored(const domain::CashbackFlight& f, std::int64_t partnerId) {
    StoredFlight s;
    s.partner_id = partnerId;
    s.id = f.id;
    s.version = f.version;
    s.status = std::string(domain::ToString(f.status));
    s.definition = contract::ToNewFlightJson(f);
    s.budget_kop = f.budget_kop;
    s.accrued_kop = f.accrued_kop;
    s.starts_on = domain::FormatIsoDate(f.starts_on);
    s.ends_on = domain::FormatIsoDate(f.ends_on);
    if (f.submitted_on) s.submitted_on = domain::FormatIsoDate(*f.submitted_on);
    if (f.finish_reason) s.finish_reason = std::string(domain::ToString(*f.finish_reason));
    s.created_at = f.created_at;
    s.updated_at = f.updated_at;
    return s;
}

domain::CashbackFlight FromStored(const StoredFlight& s) {
    auto parsed = contract::NewFlightFromJson(s.definition);
    const auto status = domain::FlightStatusFromString(s.status);
    if (!parsed.Ok() || !status) {
        throw std::logic_error("cashback flight " + std::to_string(s.id) + " is stored in a shape the sandbox "
                               "cannot read back");
    }
    domain::CashbackFlight f = *parsed.value;
    f.id = s.id;
    f.version = s.version;
    f.status = *status;
    f.budget_kop = s.budget_kop;
    f.accrued_kop = s.accrued_kop;
    if (s.submitted_on) f.submitted_on = domain::ParseIsoDate(*s.submitted_on);
    if (s.finish_reason) f.finish_reason = domain::FinishReasonFromString(*s.finish_reason);
    f.created_at = s.created_at;
    f.updated_at = s.updated_at;
    return f;
}

domain::CivilDate MoscowDate(domain::Instant instant) {
    const auto local = instant + domain::kMoscowOffset;
    return domain::CivilFromDays(std::chrono::floor<std::chrono::days>(local).time_since_epoch().count());
}

std::string MoscowMonth(domain::Instant instant) {
    return domain::FormatIsoDate(MoscowDate(instant)).substr(0, 7);
}

} // namespace kpd::sandbox
