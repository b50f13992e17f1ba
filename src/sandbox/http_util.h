#pragma once
// Small helpers every route uses to read requests and write answers the way
// the contract says: JSON and problem+json bodies, strict JSON parsing that
// names the position of a syntax error, ETags, page parameters. Stateless and
// thread-safe.
#include "contract/problem_details.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace kpd::sandbox {

inline constexpr const char* kJson = "application/json";

// Both dump with contract::DumpJson: text that is not UTF-8 (from a header, a
// path) becomes U+FFFD instead of an exception.
void SendJson(httplib::Response& res, int status, const nlohmann::json& body);

// `extra` members (e.g. "current") are added to the problem object.
void SendProblem(httplib::Response& res, const contract::ProblemDetails& problem,
                 const nlohmann::json& extra = nlohmann::json::object());
void SendProblem(httplib::Response& res, int status, const std::string& code,
                 const std::string& detail, domain::Problems errors = {});

// "application/json" with optional parameters (charset), any case.
bool IsJsonContentType(const std::string& contentType);

// Where a parse error is: a 0-based byte offset and 1-based line and column.
struct TextPosition {
    std::size_t offset = 0;
    std::size_t line = 1;
    std::size_t column = 1;
};
TextPosition PositionOf(const std::string& text, std::size_t offset);

// Parses a request body (contract::ParseJson). On failure answers 400
// `malformed_json` whose detail and members `offset`, `line`, `column` name the
// position (the body itself is never echoed: it may hold a password), or 400
// `too_deep` with `max_depth` for a body nested past contract::kMaxJsonDepth,
// and returns nullopt.
std::optional<nlohmann::json> ParseJsonBody(const std::string& body, httplib::Response& res);

// ETag of a versioned object: "\"<version>\"".
std::string ETagOf(std::int64_t version);
// The version in an If-Match value ("\"3\"" or W/"3"); nullopt when malformed.
std::optional<std::int64_t> VersionFromIfMatch(const std::string& value);

struct PageQuery {
    int limit = 0;
    std::optional<std::int64_t> after; // decoded cursor
};
// Reads ?limit (1..500, default 50) and ?cursor (opaque, made by EncodeCursor
// with the same `kind`); answers 400 `invalid_parameter` and returns nullopt
// when either is bad.
std::optional<PageQuery> ReadPageQuery(const httplib::Request& req, httplib::Response& res,
                                       const std::string& kind);
std::string EncodeCursor(const std::string& kind, std::int64_t position);

} // namespace kpd::sandbox
