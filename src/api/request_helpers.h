#pragma once
// Requests as the typed calls of PlatformClient build them (one place, so
// every resource file writes a call the same way). Any thread.
#include "api/platform_client.h"
#include "contract/json_parse.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cstdint>
#include <optional>
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
    r.body = contract::DumpJson(body);
    return r;
}

// `"3"` or `W/"3"` -> "3"; anything else unchanged.
inline std::string Unquote(std::string tag) {
    if (tag.rfind("W/", 0) == 0) {
        tag.erase(0, 2);
    }
    if (tag.size() >= 2 && tag.front() == '"' && tag.back() == '"') {
        tag = tag.substr(1, tag.size() - 2);
    }
    return tag;
}

// The version an answer's ETag names, when it names a number.
inline std::optional<std::int64_t> VersionFromETag(const Response& response) {
    auto it = response.headers.find("etag");
    if (it == response.headers.end()) {
        return std::nullopt;
    }
    std::string text = Unquote(it->second);
    std::int64_t version = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), version);
    if (ec != std::errc() || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return version;
}

} // namespace kpd::api::detail
