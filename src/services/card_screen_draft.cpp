#include "services/card_screen_draft.h"

#include "contract/card_screen_json.h"
#include "contract/json_parse.h"
#include "domain/card_screen_rules.h"
#include "services/cached_fetch.h"
#include "services/desk_context.h"
#include "services/outbox_delivery.h"

namespace kpd::services {

namespace {

store::DraftScope ScopeOf(const DeskContext& context) {
    return {context.platform_url, context.partner_id};
}

store::NewAuditRecord AuditOf(const DeskContext& context, const std::string& action, const std::string& detail) {
    return {context.login, context.platform_url, action, "card_screen", std::to_string(context.partner_id), detail};
}

// A stored draft this build cannot read any more is treated as none: the
// platform's draft is still there to start from.
std::optional<LocalDraft> FromStored(const store::LocalCardScreenDraft& stored) {
    auto json = contract::ParseJsonOrDiscarded(stored.json);
    if (json.is_discarded()) {
        return std::nullopt;
    }
    auto screen = contract::CardScreenFromJson(json);
    if (!screen.Ok()) {
        return std::nullopt;
    }
    return LocalDraft{std::move(*screen.value), stored.base_version, stored.saved_at, stored.saved_by};
}

std::optional<domain::CardScreenState> StateFromJson(const nlohmann::json& json) {
    auto parsed = contract::CardScreenStateFromJson(json);
    return parsed.Ok() ? parsed.value : std::nullopt;
}

} // namespace

api::Result<LoadedCardScreen> LoadCardScreen(api::PlatformClient& client, store::Workspace& workspace,
                                             const domain::CancelTokenPtr& cancel) {
    client.SetCancelToken(cancel);
    auto context = CurrentContext(client, workspace);
    auto platform = detail::FetchWithCache<domain::CardScreenState>(
        workspace, context, "card_screen", "state", [&] { return client.GetCardScreen(); },
        [](const domain::CardScreenState& state) { return contract::ToJson(state); }, StateFromJson);
    if (!platform.Ok()) {
        return platform.Error();
    }
    LoadedCardScreen loaded;
    loaded.platform = std::move(platform.Value());
    if (context) {
        if (auto stored = workspace.Drafts().Get(ScopeOf(*context))) {
            loaded.local = FromStored(*stored);
        }
    }
    return loaded;
}

std::optional<LocalDraft> LocalCardScreenDraft(api::PlatformClient& client, store::Workspace& workspace) {
    auto context = CurrentContext(client, workspace);
    if (!context) {
        return std::nullopt;
    }
    auto stored = workspace.Drafts().Get(ScopeOf(*context));
    return stored ? FromStored(*stored) : std::nullopt;
}

Outcome<LocalDraft> SaveLocalDraft(api::PlatformClient& client, store::Workspace& workspace,
                                   const domain::CardScreen& screen, std::int64_t base_version) {
    auto context = CurrentContext(client, workspace);
    if (!context) {
        return Outcome<LocalDraft>::Failure(detail::NotSignedIn());
    }
    auto stored = workspace.Drafts().Save(
        ScopeOf(*context), contract::ToJson(screen).dump(), base_version,
        AuditOf(*context, "card_screen.draft_saved_locally",
                "kept the draft in the workspace, edited from version " + std::to_string(base_version)));
    return Outcome<LocalDraft>::Success(LocalDraft{screen, stored.base_version, stored.saved_at, stored.saved_by});
}

bool DiscardLocalDraft(api::PlatformClient& client, store::Workspace& workspace) {
    auto context = CurrentContext(client, workspace);
    if (!context) {
        return false;
    }
    return workspace.Drafts().Discard(ScopeOf(*context),
                                      AuditOf(*context, "card_screen.local_draft_discarded",
                                              "dropped the workspace's draft for the platform's"));
}

PushOutcome PushDraft(api::PlatformClient& client, store::Workspace& workspace, const domain::CardScreen& screen,
                      std::int64_t base_version, const domain::CancelTokenPtr& cancel) {
    PushOutcome out;
    out.problems = domain::ValidateCardScreen(screen);
    if (!out.problems.empty()) {
        return out;
    }
    client.SetCancelToken(cancel);
    auto context = CurrentContext(client, workspace);
    if (!context) {
        out.error = detail::NotSignedIn();
        return out;
    }
    // Kept before it is sent, so neither a refusal nor a lost answer loses the user's work.
    SaveLocalDraft(client, workspace, screen, base_version);
    auto result = client.PutCardScreenDraft(screen, base_version);
    if (!result.Ok()) {
        out.error = result.Error();
        out.problems = result.Error().problems;
        out.current = api::CurrentCardScreenOf(result.Error());
        if (out.current) {
            out.mine = screen;
        }
        return out;
    }
    out.value = std::move(result.Value());
    workspace.Drafts().Discard(ScopeOf(*context),
                               AuditOf(*context, "card_screen.draft_saved",
                                       "saved the draft on the platform; version " + std::to_string(base_version) +
                                           " -> " + std::to_string(out.value->version)));
    return out;
}

} // namespace kpd::services
