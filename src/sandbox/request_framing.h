#pragma once
// Where one HTTP/1.1 request ends in the bytes read from a connection, found
// by the connection loop (connection_server.h) before a worker parses the
// request with httplib: the header block, its framing headers
// (Content-Length, Transfer-Encoding: chunked, Expect: 100-continue,
// Connection), and the end of a chunked body. It only frames; httplib still
// parses and validates the request itself. Pure functions, thread-safe.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kpd::sandbox {

struct RequestHead {
    std::string method;
    std::string path;           // the target before '?', percent-decoded
    std::size_t header_end = 0; // offset just after the blank line
    std::uint64_t content_length = 0;
    bool chunked = false;         // Transfer-Encoding ends in chunked (it wins over a length)
    bool expect_continue = false; // Expect: 100-continue
    // The framing headers could not be read (no request line, a Content-Length
    // that is not a number, two that differ): httplib answers the request and
    // the connection is closed after it, since where the next one starts is unknown.
    bool malformed = false;
    std::size_t expect_line = 0;     // where the Expect line starts (when expect_continue)
    std::size_t expect_line_end = 0; // just after its CRLF
};

// The head of the request at the start of `bytes`, or nullopt while its blank
// line has not arrived. The head ends at the first CRLF CRLF.
std::optional<RequestHead> ParseRequestHead(std::string_view bytes);

// Progress through a chunked body, resumed as more bytes arrive.
struct ChunkScan {
    std::size_t offset = 0;       // the next chunk-size line, from the body's start
    std::uint64_t body_bytes = 0; // decoded bytes so far
    bool in_trailers = false;     // after the last (empty) chunk
};
enum class ChunkState { Incomplete, Complete, Malformed };
// Scans `body` (the bytes after the head) from `scan`; on Complete,
// scan.offset is the body's length on the wire.
ChunkState ScanChunkedBody(std::string_view body, ChunkScan& scan);

} // namespace kpd::sandbox
