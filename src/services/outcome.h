#pragma once
// What use cases return (HOUSE-STYLE 7: expected outcomes are values).
//   Fetched<T>  — data to show: from the platform, or from the workspace cache
//                 when the platform cannot be reached (and then why).
//   Outcome<T>  — a command: its result, or the problems to fix, or the error.
//
// Thread affinity: value types; any thread.
#include "api/api_error.h"
#include "domain/problem.h"
#include "services/message.h"

#include <optional>
#include <string>
#include <utility>

namespace kpd::services {

template <class T> struct Fetched {
    T value{};
    bool from_cache = false;              // true: the platform was unreachable
    std::optional<std::string> cached_at; // RFC 3339 UTC: when the cached copy was fetched
    std::optional<api::ApiError>
        offline_error; // why the platform could not be asked (from_cache only)
    // Set when the fresh value could not be written to the cache: the value is
    // still good; only offline browsing of it later will miss it.
    std::optional<Message> cache_problem;
};

template <class T> struct Outcome {
    std::optional<T> value;    // set on success
    domain::Problems problems; // what to fix: local validation, or the platform's 422 errors
    std::optional<api::ApiError> error; // why the platform did not do it (unset for local problems)

    bool Ok() const { return value.has_value(); }

    static Outcome Success(T v) {
        Outcome o;
        o.value = std::move(v);
        return o;
    }
    static Outcome Invalid(domain::Problems p) {
        Outcome o;
        o.problems = std::move(p);
        return o;
    }
    static Outcome Failure(api::ApiError e) {
        Outcome o;
        o.problems = e.problems;
        o.error = std::move(e);
        return o;
    }
};

} // namespace kpd::services
