#pragma once
// What DeskSession holds, shared by the files that implement its use cases
// (desk_session.cpp, desk_session_card_screen.cpp), and the conversions from
// services answers to the pages' shapes. Worker threads, under `mutex`.
#include "api/platform_client.h"
#include "services/outcome.h"
#include "store/workspace.h"
#include "ui/app/desk_session.h"

#include <memory>
#include <mutex>

namespace kpd::ui {

struct DeskSession::Impl {
    std::mutex mutex; // the client serves one thread at a time
    std::unique_ptr<api::PlatformClient> client;
    std::unique_ptr<store::Workspace> workspace;
    bool online_session = false; // false: opened offline from the remembered session
};

// Converts a services answer for a read into the page's shape.
template <class T> Loaded<T> ToLoaded(api::Result<services::Fetched<T>> result) {
    Loaded<T> loaded;
    if (!result.Ok()) {
        loaded.error = result.Error();
        return loaded;
    }
    services::Fetched<T>& fetched = result.Value();
    loaded.value = std::move(fetched.value);
    loaded.from_cache = fetched.from_cache;
    loaded.fetched_at = fetched.cached_at.value_or("");
    loaded.error = fetched.offline_error;
    return loaded;
}

template <class T> api::Result<T> ToResult(services::Outcome<T> outcome) {
    if (outcome.value) return std::move(*outcome.value);
    if (outcome.error) return *outcome.error;
    api::ApiError local; // the services' own checks found problems: nothing was sent
    local.kind = api::ApiErrorKind::Validation;
    local.code = "validation_failed";
    local.problems = std::move(outcome.problems);
    return local;
}

} // namespace kpd::ui
