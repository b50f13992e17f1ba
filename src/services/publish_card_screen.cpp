#include "services/publish_card_screen.h"

#include "contract/card_screen_json.h"
#include "services/card_screen_draft.h"
#include "services/desk_context.h"

#include <algorithm>

namespace kpd::services {

namespace {

api::ApiError Cancelled() {
    api::ApiError e;
    e.kind = api::ApiErrorKind::Cancelled;
    e.code = "cancelled";
    e.message = "Cancelled";
    return e;
}

void Audit(api::PlatformClient& client, store::Workspace& workspace, const std::string& action,
           const std::string& detail) {
    auto context = CurrentContext(client, workspace);
    workspace.Audit().Append({context ? context->login : "", client.Options().base_url, action, "card_screen",
                              context ? std::to_string(context->partner_id) : "", detail});
}

StateOutcome FromResult(api::Result<domain::CardScreenState> result) {
    StateOutcome out;
    if (result.Ok()) {
        out.value = std::move(result.Value());
        return out;
    }
    out.error = result.Error();
    out.problems = result.Error().problems;
    out.current = api::CurrentCardScreenOf(result.Error());
    return out;
}

} // namespace

std::optional<std::vector<contract::FieldChange>> PublishChanges(const domain::CardScreenState& state) {
    if (!state.draft) {
        return std::nullopt;
    }
    return contract::DiffCardScreens(state.published.value_or(domain::CardScreen{}), *state.draft);
}

api::Result<PublishPreview> PreviewPublish(api::PlatformClient& client, const domain::CancelTokenPtr& cancel) {
    client.SetCancelToken(cancel);
    auto state = client.GetCardScreen();
    if (!state.Ok()) {
        return state.Error();
    }
    auto changes = PublishChanges(state.Value());
    if (!changes) {
        api::ApiError e;
        e.kind = api::ApiErrorKind::Conflict;
        e.code = "no_draft";
        e.message = "There is no draft to publish";
        return e;
    }
    return PublishPreview{std::move(state.Value()), std::move(*changes)};
}

StateOutcome PublishCardScreen(api::PlatformClient& client, store::Workspace& workspace,
                               std::int64_t expected_version, const domain::CancelTokenPtr& cancel) {
    client.SetCancelToken(cancel);
    auto out = FromResult(client.PublishCardScreen(expected_version, api::NewIdempotencyKey()));
    if (!out.Ok()) {
        return out; // the local draft, if any, is left as it was
    }
    Audit(client, workspace, "card_screen.published",
          "published version " + std::to_string(out.value->published_version) + "; configuration version " +
              std::to_string(expected_version) + " -> " + std::to_string(out.value->version));
    // A local copy of exactly what went live has nothing left to say.
    auto local = LocalCardScreenDraft(client, workspace);
    if (local && out.value->published && local->screen == *out.value->published) {
        DiscardLocalDraft(client, workspace);
    }
    return out;
}

api::Result<std::vector<domain::CardScreenVersion>> ListCardScreenVersions(api::PlatformClient& client,
                                                                           int max_entries,
                                                                           const domain::CancelTokenPtr& cancel) {
    client.SetCancelToken(cancel);
    std::vector<domain::CardScreenVersion> versions;
    if (max_entries <= 0) {
        return versions;
    }
    std::string cursor;
    do {
        if (cancel && cancel->IsCancelled()) {
            return Cancelled();
        }
        int want = std::min(contract::kMaxPageLimit, max_entries - static_cast<int>(versions.size()));
        auto page = client.ListCardScreenVersions(want, cursor);
        if (!page.Ok()) {
            return page.Error();
        }
        for (auto& v : page.Value().items) {
            versions.push_back(std::move(v));
        }
        cursor = page.Value().next_cursor.value_or("");
    } while (!cursor.empty() && static_cast<int>(versions.size()) < max_entries);
    return versions;
}

api::Result<domain::CardScreenVersion> GetCardScreenVersion(api::PlatformClient& client, std::int64_t number,
                                                            const domain::CancelTokenPtr& cancel) {
    client.SetCancelToken(cancel);
    return client.GetCardScreenVersion(number);
}

StateOutcome RollbackCardScreen(api::PlatformClient& client, store::Workspace& workspace, std::int64_t number,
                                std::int64_t expected_version, const domain::CancelTokenPtr& cancel) {
    client.SetCancelToken(cancel);
    auto out = FromResult(client.RollbackCardScreen(number, expected_version, api::NewIdempotencyKey()));
    if (out.Ok()) {
        Audit(client, workspace, "card_screen.rolled_back",
              "published version " + std::to_string(number) + " again as version " +
                  std::to_string(out.value->published_version));
    }
    return out;
}

} // namespace kpd::services
