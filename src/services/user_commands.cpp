#include "services/user_commands.h"

#include "contract/auth.h"
#include "contract/user_json.h"
#include "services/cashback_outbox.h"

#include <nlohmann/json.hpp>

namespace kpd::services {

namespace {

OutboxOutcome<domain::User> WithoutContext() {
    OutboxOutcome<domain::User> out;
    out.error = detail::NotSignedIn();
    return out;
}

OutboxOutcome<domain::User> ChangeUserState(api::PlatformClient& client,
                                            store::Workspace& workspace, std::int64_t user_id,
                                            const char* operation,
                                            const domain::CancelTokenPtr& cancel) {
    client.SetCancelToken(cancel);
    auto context = CurrentContext(client, workspace);
    if (!context) {
        return WithoutContext();
    }
    std::string id = std::to_string(user_id);
    nlohmann::json payload = {{"user_id", user_id}};
    return detail::EnqueueAndDeliver(
        client, workspace, *context,
        {operation, id, payload.dump(), std::string(operation) + " of user " + id});
}

} // namespace

OutboxOutcome<domain::User> CreateUser(api::PlatformClient& client, store::Workspace& workspace,
                                       const domain::NewUser& user,
                                       const domain::CancelTokenPtr& cancel) {
    OutboxOutcome<domain::User> out;
    out.problems = domain::ValidateNewUser(user);
    if (!out.problems.empty()) {
        return out;
    }
    client.SetCancelToken(cancel);
    auto context = CurrentContext(client, workspace);
    if (!context) {
        return WithoutContext();
    }
    // The payload is the request body itself, password included, because a
    // resend must be the same request; it is scrubbed once the platform answers.
    std::string summary =
        "new user " + user.login + " with roles " + contract::RolesToJson(user.roles).dump();
    return detail::EnqueueAndDeliver(
        client, workspace, *context,
        {"user.create", user.login, contract::ToJson(user).dump(), summary});
}

OutboxOutcome<domain::User> DisableUser(api::PlatformClient& client, store::Workspace& workspace,
                                        std::int64_t user_id,
                                        const domain::CancelTokenPtr& cancel) {
    return ChangeUserState(client, workspace, user_id, "user.disable", cancel);
}

OutboxOutcome<domain::User> EnableUser(api::PlatformClient& client, store::Workspace& workspace,
                                       std::int64_t user_id, const domain::CancelTokenPtr& cancel) {
    return ChangeUserState(client, workspace, user_id, "user.enable", cancel);
}

api::Result<ResendReport> ResendPending(api::PlatformClient& client, store::Workspace& workspace,
                                        const domain::CancelTokenPtr& cancel,
                                        domain::ProgressSink* progress) {
    client.SetCancelToken(cancel);
    auto context = CurrentContext(client, workspace);
    if (!context || !context->signed_in) {
        return detail::NotSignedIn();
    }
    auto entries =
        workspace.OutboxQueue().ListUnconfirmed(context->platform_url, context->partner_id);
    ResendReport report;
    std::int64_t index = 0;
    for (const auto& entry : entries) {
        if (cancel && cancel->IsCancelled()) {
            report.still_pending +=
                static_cast<int>(entries.size() - static_cast<std::size_t>(index));
            break;
        }
        if (detail::IsFlightOperation(entry.operation)) {
            // Cashback flight changes wait in the same outbox; counted here, not listed in `outcomes`.
            auto flight = detail::DeliverFlight(client, workspace, *context, entry);
            ++(flight.Ok() ? report.done : flight.queued ? report.still_pending : report.failed);
            ++index;
            if (progress) {
                progress->Report(index, static_cast<std::int64_t>(entries.size()), "outbox");
            }
            continue;
        }
        auto outcome = detail::Deliver(client, workspace, *context, entry);
        if (outcome.Ok()) {
            ++report.done;
        } else if (outcome.queued) {
            ++report.still_pending;
        } else {
            ++report.failed;
        }
        report.outcomes.push_back(std::move(outcome));
        ++index;
        if (progress) {
            progress->Report(index, static_cast<std::int64_t>(entries.size()), "outbox");
        }
    }
    return report;
}

std::vector<store::OutboxEntry> UnconfirmedOperations(api::PlatformClient& client,
                                                      store::Workspace& workspace) {
    auto context = CurrentContext(client, workspace);
    if (!context) {
        return {};
    }
    return workspace.OutboxQueue().ListUnconfirmed(context->platform_url, context->partner_id);
}

} // namespace kpd::services
