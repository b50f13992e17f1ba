// DeskSession's cashback flight use cases: each a call of
// services/cashback_flights (the outbox carries the state changes), shaped
// for the cashback pages.
#include "ui/app/desk_session.h"

#include "services/cashback_flights.h"
#include "services/message.h"
#include "store/store_error.h"
#include "ui/app/desk_session_impl.h"

namespace kpd::ui {
namespace {

FlightChange ToChange(services::FlightOutcome outcome) {
    FlightChange change;
    change.flight = std::move(outcome.value);
    change.problems = std::move(outcome.problems);
    change.error = std::move(outcome.error);
    change.earliest_starts_on = outcome.earliest_starts_on;
    change.current = std::move(outcome.current);
    change.queued = outcome.queued;
    return change;
}

// The workspace failed under a command: said as an error of its own.
FlightChange WorkspaceFailed(const store::StoreError& e) {
    FlightChange change;
    api::ApiError error;
    error.kind = api::ApiErrorKind::BadResponse;
    error.code = "workspace_failed";
    error.message = services::Describe(e).english;
    change.error = error;
    return change;
}

} // namespace

bool DeskSession::MaySeeCashback() const {
    using R = domain::Role;
    return m_info.roles.HasAny({R::Marketing, R::PartnerAdmin, R::Viewer});
}

bool DeskSession::CanEditCashback() const {
    return m_info.roles.Has(domain::Role::Marketing) || m_info.roles.Has(domain::Role::PartnerAdmin);
}

CashbackCalendar DeskSession::LoadCashbackCalendar(domain::CancelTokenPtr cancel) {
    const std::lock_guard lock(m_impl->mutex);
    m_impl->client->SetCancelToken(cancel);
    CashbackCalendar loaded;
    loaded.calendar = services::SharedDeskCalendar();
    loaded.today = services::PlatformToday(*m_impl->client);
    return loaded;
}

Loaded<std::vector<domain::CashbackFlight>> DeskSession::ListCashbackFlights(domain::CancelTokenPtr cancel) {
    const std::lock_guard lock(m_impl->mutex);
    m_impl->client->SetCancelToken(cancel);
    return ToLoaded(services::ListFlights(*m_impl->client, *m_impl->workspace, cancel));
}

api::Result<domain::CashbackFlight> DeskSession::LoadCashbackFlight(std::int64_t id, domain::CancelTokenPtr cancel) {
    const std::lock_guard lock(m_impl->mutex);
    m_impl->client->SetCancelToken(cancel);
    return services::LoadFlight(*m_impl->client, id, cancel);
}

FlightChange DeskSession::SaveCashbackFlight(const domain::CashbackFlight& flight, domain::CancelTokenPtr cancel) {
    const std::lock_guard lock(m_impl->mutex);
    m_impl->client->SetCancelToken(cancel);
    try {
        return ToChange(services::SaveDraft(*m_impl->client, *m_impl->workspace, flight, cancel));
    } catch (const store::StoreError& e) {
        return WorkspaceFailed(e);
    }
}

FlightChange DeskSession::SubmitCashbackFlight(const domain::CashbackFlight& flight, domain::CancelTokenPtr cancel) {
    const std::lock_guard lock(m_impl->mutex);
    m_impl->client->SetCancelToken(cancel);
    try {
        return ToChange(services::SubmitFlight(*m_impl->client, *m_impl->workspace, services::SharedDeskCalendar(),
                                               flight, cancel));
    } catch (const store::StoreError& e) {
        return WorkspaceFailed(e);
    }
}

FlightChange DeskSession::ChangeCashbackFlight(std::int64_t id, domain::FlightAction action,
                                               domain::CancelTokenPtr cancel) {
    const std::lock_guard lock(m_impl->mutex);
    m_impl->client->SetCancelToken(cancel);
    try {
        return ToChange(services::ChangeFlight(*m_impl->client, *m_impl->workspace, id, action, cancel));
    } catch (const store::StoreError& e) {
        return WorkspaceFailed(e);
    }
}

api::Result<services::FlightReportView> DeskSession::LoadCashbackReport(std::int64_t id,
                                                                       domain::CancelTokenPtr cancel) {
    const std::lock_guard lock(m_impl->mutex);
    m_impl->client->SetCancelToken(cancel);
    return services::LoadFlightReport(*m_impl->client, id, cancel);
}

api::Result<std::int64_t> DeskSession::EstimateCashbackAudience(const domain::FlightTargeting& targeting,
                                                                domain::CancelTokenPtr cancel) {
    const std::lock_guard lock(m_impl->mutex);
    m_impl->client->SetCancelToken(cancel);
    return services::EstimateAudience(*m_impl->client, targeting, cancel);
}

} // namespace kpd::ui
