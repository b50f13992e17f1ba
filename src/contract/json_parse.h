#pragma once
// The one way this code base turns text into JSON and JSON into text. Every
// document from outside — request bodies in the sandbox, the platform's
// answers in the client, the desk's draft, flight and mapping files, NDJSON
// lines, rows the desk stored itself — is parsed by ParseJson, which refuses
// a document nested deeper than kMaxJsonDepth while it is being read (a
// 15,000-level `[[[…` never becomes a tree that recursive code could walk off
// the stack with). Every answer and output is written by DumpJson, which
// cannot throw on text that is not UTF-8. Pure functions, any thread.
#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace kpd::contract {

// Arrays and objects inside one another, the outermost counting as 1: `[]` is
// 1 deep, `{"a": [1]}` 2. No document of the API comes near it.
inline constexpr int kMaxJsonDepth = 64;

enum class JsonParseFailure { None, Syntax, TooDeep };

struct JsonParseResult {
    nlohmann::json value; // discarded (is_discarded()) unless Ok()
    JsonParseFailure failure = JsonParseFailure::None;
    // Syntax: 0-based offset of the offending byte (text.size() when the text
    // ends too soon). TooDeep: 0.
    std::size_t offset = 0;
    int max_depth = kMaxJsonDepth; // the limit the text was read with

    bool Ok() const { return failure == JsonParseFailure::None; }
};

// Reads `text` as exactly one JSON document. Never throws (except
// std::bad_alloc). Strings that are not UTF-8 are syntax errors (nlohmann
// checks them), so a parsed value always dumps cleanly.
JsonParseResult ParseJson(std::string_view text, int maxDepth = kMaxJsonDepth);

// ParseJson(text).value: the document, or a discarded value for text that is
// not JSON or nests too deep — for callers that only need to know whether it
// is usable.
nlohmann::json ParseJsonOrDiscarded(std::string_view text);

// `value.dump(indent)`, but bytes that are not UTF-8 in any string become
// U+FFFD instead of an exception (nlohmann's error_handler_t::replace).
std::string DumpJson(const nlohmann::json& value, int indent = -1);

// English words for a failure, naming the place or the limit, e.g.
// "nested deeper than 64 levels". For messages; codes travel separately.
std::string DescribeJsonFailure(const JsonParseResult& result);

} // namespace kpd::contract
