#include "sandbox/http_util.h"

#include "contract/json_parse.h"
#include "contract/page.h"
#include "sandbox/crypto.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace kpd::sandbox {

namespace {
std::optional<std::int64_t> ParseInt64(std::string_view text) {
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || text.empty()) {
        return std::nullopt;
    }
    return value;
}
} // namespace

void SendJson(httplib::Response& res, int status, const nlohmann::json& body) {
    res.status = status;
    res.set_content(contract::DumpJson(body), kJson);
}

void SendProblem(httplib::Response& res, const contract::ProblemDetails& problem,
                 const nlohmann::json& extra) {
    auto body = contract::ToJson(problem);
    for (const auto& [key, value] : extra.items()) {
        body[key] = value;
    }
    res.status = problem.status;
    res.set_content(contract::DumpJson(body), contract::kProblemJson);
}

void SendProblem(httplib::Response& res, int status, const std::string& code,
                 const std::string& detail, domain::Problems errors) {
    SendProblem(res, contract::MakeProblem(status, code, detail, std::move(errors)));
}

bool IsJsonContentType(const std::string& contentType) {
    std::string mediaType = contentType.substr(0, contentType.find(';'));
    mediaType.erase(std::remove_if(mediaType.begin(), mediaType.end(),
                                   [](unsigned char c) { return std::isspace(c) != 0; }),
                    mediaType.end());
    std::transform(mediaType.begin(), mediaType.end(), mediaType.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return mediaType == kJson;
}

TextPosition PositionOf(const std::string& text, std::size_t offset) {
    TextPosition pos;
    pos.offset = std::min(offset, text.size());
    for (std::size_t i = 0; i < pos.offset; ++i) {
        if (text[i] == '\n') {
            ++pos.line;
            pos.column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++pos.column; // columns count characters, not UTF-8 continuation bytes
        }
    }
    return pos;
}

std::optional<nlohmann::json> ParseJsonBody(const std::string& body, httplib::Response& res) {
    auto parsed = contract::ParseJson(body);
    if (parsed.failure == contract::JsonParseFailure::TooDeep) {
        SendProblem(res,
                    contract::MakeProblem(400, "too_deep",
                                          "the JSON body nests deeper than " +
                                              std::to_string(contract::kMaxJsonDepth) + " levels"),
                    {{"max_depth", contract::kMaxJsonDepth}});
        return std::nullopt;
    }
    if (!parsed.Ok()) {
        auto pos = PositionOf(body, parsed.offset);
        std::string what = body.empty() ? "the body is empty" : "syntax error";
        std::string detail = "malformed JSON at byte offset " + std::to_string(pos.offset) +
                             " (line " + std::to_string(pos.line) + ", column " +
                             std::to_string(pos.column) + "): " + what;
        SendProblem(res, contract::MakeProblem(400, "malformed_json", detail),
                    {{"offset", pos.offset}, {"line", pos.line}, {"column", pos.column}});
        return std::nullopt;
    }
    return std::move(parsed.value);
}

std::string ETagOf(std::int64_t version) {
    return "\"" + std::to_string(version) + "\"";
}

std::optional<std::int64_t> VersionFromIfMatch(const std::string& value) {
    std::string_view v = value;
    while (!v.empty() && v.front() == ' ') {
        v.remove_prefix(1);
    }
    while (!v.empty() && v.back() == ' ') {
        v.remove_suffix(1);
    }
    if (v.substr(0, 2) == "W/") {
        v.remove_prefix(2);
    }
    if (v.size() < 3 || v.front() != '"' || v.back() != '"') {
        return std::nullopt;
    }
    return ParseInt64(v.substr(1, v.size() - 2));
}

std::string EncodeCursor(const std::string& kind, std::int64_t position) {
    return Base64UrlEncode(kind + ":" + std::to_string(position));
}

std::optional<PageQuery> ReadPageQuery(const httplib::Request& req, httplib::Response& res,
                                       const std::string& kind) {
    PageQuery q;
    q.limit = contract::kDefaultPageLimit;
    if (req.has_param("limit")) {
        auto limit = ParseInt64(req.get_param_value("limit"));
        if (!limit || *limit < 1 || *limit > contract::kMaxPageLimit) {
            SendProblem(res, 400, "invalid_parameter", "limit must be an integer from 1 to 500",
                        {{"limit", "out_of_range", "limit must be an integer from 1 to 500"}});
            return std::nullopt;
        }
        q.limit = static_cast<int>(*limit);
    }
    if (req.has_param("cursor")) {
        std::string decoded;
        std::optional<std::int64_t> position;
        if (Base64UrlDecode(req.get_param_value("cursor"), decoded) &&
            decoded.rfind(kind + ":", 0) == 0) {
            position = ParseInt64(std::string_view(decoded).substr(kind.size() + 1));
        }
        if (!position || *position < 0) {
            SendProblem(
                res, 400, "invalid_parameter", "cursor is not one this list handed out",
                {{"cursor", "invalid_cursor", "pass next_cursor of the previous page unchanged"}});
            return std::nullopt;
        }
        q.after = position;
    }
    return q;
}

} // namespace kpd::sandbox
