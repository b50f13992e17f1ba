#pragma once
// Every URL the client requests is built here, from the configured base URL
// and a path of contract::endpoints (HOUSE-STYLE 8). Pure functions; any thread.
#include <string>
#include <utility>
#include <vector>

namespace kpd::api {

using QueryParams = std::vector<std::pair<std::string, std::string>>;

// RFC 3986 percent-encoding of everything but the unreserved characters.
std::string PercentEncode(const std::string& text);

// "path?k=v&k2=v2" with encoded values; parameters with an empty value are left out.
std::string WithQuery(const std::string& path, const QueryParams& params);

// base_url ("http://host:port", trailing slashes ignored) + path ("/v1/…").
std::string BuildUrl(const std::string& base_url, const std::string& path);

} // namespace kpd::api
