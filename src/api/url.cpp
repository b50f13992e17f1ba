#include "api/url.h"

namespace kpd::api {

std::string PercentEncode(const std::string& text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (unsigned char c : text) {
        bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                          c == '.' || c == '_' || c == '~';
        if (unreserved) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 0x0F];
        }
    }
    return out;
}

std::string WithQuery(const std::string& path, const QueryParams& params) {
    std::string out = path;
    char sep = path.find('?') == std::string::npos ? '?' : '&';
    for (const auto& [key, value] : params) {
        if (value.empty()) {
            continue;
        }
        out += sep;
        out += PercentEncode(key) + "=" + PercentEncode(value);
        sep = '&';
    }
    return out;
}

std::string BuildUrl(const std::string& base_url, const std::string& path) {
    std::string base = base_url;
    while (!base.empty() && base.back() == '/') {
        base.pop_back();
    }
    if (path.empty() || path.front() != '/') {
        return base + "/" + path;
    }
    return base + path;
}

} // namespace kpd::api
