#pragma once
// Requests as the typed calls of PlatformClient build them (one place, so
// every resource file writes a call the same way). Any thread.
#include "api/platform_client.h"

#include <nlohmann/json.hpp>

#include <string>
#include <utility>

namespace kpd::api::detail {

inline Request Call(std::string method, std::string path) {
    Request r;
    r.method = std::move(method);
    r.path = std::move(path);
    return r;
}

inline Request JsonCall(std::string method, std::string path, const nlohmann::json& body) {
    Request r = Call(std::move(method), std::move(path));
    r.body = body.dump();
    return r;
}

} // namespace kpd::api::detail
