#include "services/users.h"

#include "contract/auth.h"
#include "contract/user_json.h"
#include "services/cached_fetch.h"

namespace kpd::services {

namespace {

// Pages as large as the platform allows: fewer round trips for big partners.
constexpr int kUsersPerPage = contract::kMaxPageLimit;

api::Result<std::vector<domain::User>> FetchAllUsers(api::PlatformClient& client,
                                                     const domain::CancelTokenPtr& cancel,
                                                     domain::ProgressSink* progress) {
    std::vector<domain::User> users;
    std::string cursor;
    do {
        if (cancel && cancel->IsCancelled()) {
            api::ApiError e;
            e.kind = api::ApiErrorKind::Cancelled;
            e.code = "cancelled";
            e.message = "Cancelled";
            return e;
        }
        auto page = client.ListUsers(kUsersPerPage, cursor);
        if (!page.Ok()) {
            return page.Error();
        }
        auto& items = page.Value().items;
        users.insert(users.end(), std::make_move_iterator(items.begin()),
                     std::make_move_iterator(items.end()));
        cursor = page.Value().next_cursor.value_or("");
        if (progress) {
            progress->Report(static_cast<std::int64_t>(users.size()), 0, "users");
        }
    } while (!cursor.empty());
    return users;
}

nlohmann::json UsersToJson(const std::vector<domain::User>& users) {
    auto array = nlohmann::json::array();
    for (const auto& u : users) {
        array.push_back(contract::ToJson(u));
    }
    return array;
}

std::optional<std::vector<domain::User>> UsersFromJson(const nlohmann::json& json) {
    if (!json.is_array()) {
        return std::nullopt;
    }
    domain::Problems problems;
    std::vector<domain::User> users;
    for (std::size_t i = 0; i < json.size(); ++i) {
        if (auto u = contract::UserFromJson(json[i], problems, "/" + std::to_string(i))) {
            users.push_back(std::move(*u));
        }
    }
    if (!problems.empty()) {
        return std::nullopt;
    }
    return users;
}

} // namespace

api::Result<Fetched<std::vector<domain::User>>> ListUsers(api::PlatformClient& client,
                                                          store::Workspace& workspace,
                                                          const domain::CancelTokenPtr& cancel,
                                                          domain::ProgressSink* progress) {
    client.SetCancelToken(cancel);
    return detail::FetchWithCache<std::vector<domain::User>>(
        workspace, CurrentContext(client, workspace), "users", "all",
        [&] { return FetchAllUsers(client, cancel, progress); }, UsersToJson, UsersFromJson);
}

RolesOutcome SetUserRoles(api::PlatformClient& client, store::Workspace& workspace,
                          std::int64_t user_id, domain::RoleSet roles,
                          std::int64_t expected_version, const domain::CancelTokenPtr& cancel) {
    RolesOutcome out;
    out.problems = domain::ValidateRoles(roles);
    if (!out.problems.empty()) {
        return out;
    }
    client.SetCancelToken(cancel);
    auto result = client.SetUserRoles(user_id, roles, expected_version);
    if (!result.Ok()) {
        out.error = result.Error();
        out.problems = result.Error().problems;
        out.current = api::CurrentUserOf(result.Error());
        return out;
    }
    out.value = result.Value();
    auto context = CurrentContext(client, workspace);
    workspace.Audit().Append({context ? context->login : "", client.Options().base_url,
                              "user.set_roles", "user", std::to_string(user_id),
                              "roles " + contract::RolesToJson(roles).dump() + ", version " +
                                  std::to_string(expected_version) + " -> " +
                                  std::to_string(out.value->version)});
    return out;
}

} // namespace kpd::services
