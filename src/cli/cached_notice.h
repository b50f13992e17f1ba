#pragma once
// Says on stderr when a services::Fetched value came from the workspace cache
// because the platform could not be reached, so a script's reader knows the
// data may be stale. Main thread only.
#include "cli/console.h"
#include "cli/error_words.h"
#include "services/outcome.h"

namespace kpd::cli {

template <class T> void NoteIfCached(const services::Fetched<T>& fetched) {
    if (!fetched.from_cache) {
        return;
    }
    std::string why = fetched.offline_error ? DescribeError(*fetched.offline_error) : "the platform is unreachable";
    Say("partnerctl: warning: " + why + "; showing the copy fetched at " + fetched.cached_at.value_or("?"));
}

} // namespace kpd::cli
