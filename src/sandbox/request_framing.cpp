#include "sandbox/request_framing.h"

#include <httplib.h>

#include <algorithm>
#include <cctype>
#include <charconv>

namespace kpd::sandbox {

namespace {
bool EqualsNoCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

std::string_view Trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
        text.remove_suffix(1);
    }
    return text;
}

std::optional<std::uint64_t> ParseLength(std::string_view text) {
    std::uint64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || text.empty()) {
        return std::nullopt;
    }
    return value;
}
} // namespace

std::optional<RequestHead> ParseRequestHead(std::string_view bytes) {
    const std::size_t blank = bytes.find("\r\n\r\n");
    if (blank == std::string_view::npos) {
        return std::nullopt;
    }
    RequestHead head;
    head.header_end = blank + 4;
    const std::size_t lineEnd = bytes.find("\r\n");
    const std::string_view line = bytes.substr(0, lineEnd);
    const std::size_t space1 = line.find(' ');
    const std::size_t space2 =
        space1 == std::string_view::npos ? space1 : line.find(' ', space1 + 1);
    if (space2 == std::string_view::npos || space1 == 0) {
        head.malformed = true;
    } else {
        head.method = std::string(line.substr(0, space1));
        std::string_view target = line.substr(space1 + 1, space2 - space1 - 1);
        target = target.substr(0, target.find('?'));
        head.path = httplib::detail::decode_url(std::string(target), false);
    }
    std::optional<std::uint64_t> length;
    for (std::size_t at = lineEnd + 2; at < blank + 2;) {
        const std::size_t end = bytes.find("\r\n", at);
        const std::string_view header = bytes.substr(at, end - at);
        const std::size_t colon = header.find(':');
        if (colon != std::string_view::npos) {
            const std::string_view name = header.substr(0, colon);
            const std::string_view value = Trim(header.substr(colon + 1));
            if (EqualsNoCase(name, "Content-Length")) {
                auto parsed = ParseLength(value);
                if (!parsed || (length && *length != *parsed)) {
                    head.malformed = true;
                } else {
                    length = parsed;
                }
            } else if (EqualsNoCase(name, "Transfer-Encoding")) {
                // httplib reads a body as chunked when the value is "chunked".
                head.chunked = EqualsNoCase(value, "chunked");
                head.malformed = head.malformed || !head.chunked;
            } else if (EqualsNoCase(name, "Expect") && EqualsNoCase(value, "100-continue")) {
                head.expect_continue = true;
                head.expect_line = at;
                head.expect_line_end = end + 2;
            }
        }
        at = end + 2;
    }
    head.content_length = head.chunked ? 0 : length.value_or(0);
    return head;
}

ChunkState ScanChunkedBody(std::string_view body, ChunkScan& scan) {
    // A chunk-size line is short; anything longer without its CRLF is not HTTP.
    constexpr std::size_t kMaxLine = 1024;
    while (true) {
        const std::size_t lineEnd = body.find("\r\n", scan.offset);
        if (lineEnd == std::string_view::npos) {
            return body.size() - scan.offset > kMaxLine ? ChunkState::Malformed
                                                        : ChunkState::Incomplete;
        }
        const std::string_view line = body.substr(scan.offset, lineEnd - scan.offset);
        if (scan.in_trailers) {
            scan.offset = lineEnd + 2;
            if (line.empty()) {
                return ChunkState::Complete;
            }
            continue;
        }
        const std::string_view size = Trim(line.substr(0, line.find(';')));
        std::uint64_t bytes = 0;
        auto [end, ec] = std::from_chars(size.data(), size.data() + size.size(), bytes, 16);
        if (ec != std::errc() || end != size.data() + size.size() || size.empty()) {
            return ChunkState::Malformed;
        }
        if (bytes == 0) {
            scan.in_trailers = true;
            scan.offset = lineEnd + 2;
            continue;
        }
        const std::size_t dataEnd = lineEnd + 2 + bytes;
        if (bytes > body.size() || body.size() < dataEnd + 2) {
            return ChunkState::Incomplete;
        }
        if (body.substr(dataEnd, 2) != "\r\n") {
            return ChunkState::Malformed;
        }
        scan.body_bytes += bytes;
        scan.offset = dataEnd + 2;
    }
}

} // namespace kpd::sandbox
