#pragma once
// Small helpers for the api tests: printable error kinds for Boost.Test and
// the words of a failed Result for assertion messages.
#include "api/result.h"

#include <ostream>
#include <string>

namespace kpd::api {

inline std::ostream& operator<<(std::ostream& out, ApiErrorKind kind) {
    return out << ToString(kind);
}

inline std::string Describe(const ApiError& e) {
    return std::string(ToString(e.kind)) + " " + std::to_string(e.http_status) + " " + e.code + ": " + e.message;
}

// "" for a success, else what went wrong.
template <class T> std::string Why(const Result<T>& result) {
    return result.Ok() ? std::string() : Describe(result.Error());
}

} // namespace kpd::api
