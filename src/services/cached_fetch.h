#pragma once
// The pattern every read of platform data follows (ARCHITECTURE "Download ->
// workspace -> view"; issue 2 "sandbox unreachable -> keeps working offline"):
// ask the platform; on success keep a copy in the workspace cache; when the
// platform cannot be reached, answer the cached copy and say so; with no
// copy, answer the error. Without a session but with a remembered one (the
// desk could not sign in), the cached copy is answered with offline_error
// "not_signed_in". Any other error (403, 401…) is answered as it is: a cached
// copy must not hide a revoked right.
//
// Internal to services. Thread affinity: worker threads.
#include "api/result.h"
#include "contract/json_parse.h"
#include "services/desk_context.h"
#include "services/outcome.h"
#include "store/store_error.h"
#include "store/workspace.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace kpd::services::detail {

// fetch: () -> api::Result<T>; toJson: const T& -> nlohmann::json;
// fromJson: const nlohmann::json& -> std::optional<T>.
template <class T, class Fetch, class ToJson, class FromJson>
api::Result<Fetched<T>> FetchWithCache(store::Workspace& workspace,
                                       const std::optional<DeskContext>& context,
                                       const std::string& kind, const std::string& key, Fetch fetch,
                                       ToJson toJson, FromJson fromJson) {
    api::Result<T> fresh = fetch();
    if (fresh.Ok()) {
        Fetched<T> out;
        out.value = std::move(fresh.Value());
        if (context) {
            try {
                workspace.Cache().Put({context->platform_url, context->partner_id, kind}, key,
                                      toJson(out.value).dump());
            } catch (const store::StoreError& e) {
                out.cache_problem = Describe(e);
            }
        }
        return out;
    }
    const api::ApiError& error = fresh.Error();
    // A desk that could not sign in (platform unreachable at start) has only
    // the remembered session: its "not signed in" means "offline" here too.
    bool offline =
        error.IsOffline() || (context && !context->signed_in && error.code == "not_signed_in");
    if (!offline || !context) {
        return error;
    }
    auto cached = workspace.Cache().Get({context->platform_url, context->partner_id, kind}, key);
    if (!cached) {
        return error;
    }
    auto json = contract::ParseJsonOrDiscarded(cached->json);
    std::optional<T> value = json.is_discarded() ? std::nullopt : fromJson(json);
    if (!value) {
        return error; // a copy this version cannot read is as good as none
    }
    Fetched<T> out;
    out.value = std::move(*value);
    out.from_cache = true;
    out.cached_at = cached->fetched_at;
    out.offline_error = error;
    return out;
}

} // namespace kpd::services::detail
