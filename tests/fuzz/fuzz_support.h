#pragma once
// What the fuzz targets share: Check (a broken promise traps, so libFuzzer
// keeps the input as a crash), the JSON parse the desk and the sandbox run
// on a body or an answer, and the promises every decoder's problems keep.
#include "contract/json_parse.h"
#include "domain/problem.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kpd::fuzz {

inline void Check(bool ok) {
    if (!ok)
        __builtin_trap();
}

// The document, or nullopt when the text is not JSON or nests deeper than
// the platform accepts: the contract's own bounded parse, the one the desk
// and the sandbox run on every body and answer, so the fuzzers exercise it too.
inline std::optional<nlohmann::json> ParseJson(std::string_view text) {
    auto parsed = contract::ParseJson(text);
    if (!parsed.Ok())
        return std::nullopt;
    return std::move(parsed.value);
}

// Every problem has a code and words, and names its place as a JSON pointer
// ("" for the whole document, else starting with "/").
inline void CheckProblems(const domain::Problems& problems) {
    for (const auto& p : problems) {
        Check(!p.code.empty());
        Check(!p.message.empty());
        Check(p.field.empty() || p.field.front() == '/');
    }
}

// A decoder's result keeps its promise: a value and no problem, or problems
// and no value. When it decoded, encoding the value and decoding that again
// gives the same document (what the client sends, the sandbox reads alike).
template <class From, class To> void CheckDecoder(const nlohmann::json& json, From from, To to) {
    const auto parsed = from(json);
    CheckProblems(parsed.problems);
    Check(parsed.value.has_value() == parsed.problems.empty());
    if (!parsed.Ok())
        return;
    const nlohmann::json written = to(*parsed.value);
    const auto again = from(written);
    Check(again.Ok());
    Check(to(*again.value) == written);
}

} // namespace kpd::fuzz
