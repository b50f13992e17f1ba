#include "services/desk_context.h"

#include "contract/json_parse.h"

#include <nlohmann/json.hpp>

namespace kpd::services {

namespace {
std::string SettingName(const std::string& platform_url) {
    return "last_session " + platform_url;
}
} // namespace

void RememberSession(store::Workspace& workspace, const std::string& platform_url,
                     const contract::TokenResponse& session) {
    contract::TokenResponse copy = session;
    copy.access_token.clear(); // tokens belong in the OS secret store, never in the workspace
    workspace.Preferences().Set(SettingName(platform_url), contract::ToJson(copy).dump());
}

std::optional<contract::TokenResponse> LastSession(store::Workspace& workspace,
                                                   const std::string& platform_url) {
    auto text = workspace.Preferences().Get(SettingName(platform_url));
    if (!text) {
        return std::nullopt;
    }
    auto json = contract::ParseJsonOrDiscarded(*text);
    if (json.is_discarded()) {
        return std::nullopt;
    }
    auto parsed = contract::TokenResponseFromJson(json);
    if (!parsed.value) {
        return std::nullopt;
    }
    return parsed.value;
}

std::optional<DeskContext> CurrentContext(api::PlatformClient& client,
                                          store::Workspace& workspace) {
    const std::string& url = client.Options().base_url;
    if (auto session = client.CurrentSession()) {
        return DeskContext{url, session->partner.id, session->user.login, true, &SharedDeskCalendar()};
    }
    if (auto last = LastSession(workspace, url)) {
        return DeskContext{url, last->partner.id, last->user.login, false, &SharedDeskCalendar()};
    }
    return std::nullopt;
}

} // namespace kpd::services
