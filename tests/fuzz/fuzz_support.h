#pragma once
// What the fuzz targets share: Check (a broken promise traps, so libFuzzer
// keeps the input as a crash), the JSON parse the desk and the sandbox run
// on a body or an answer (one place, to follow src/contract when it gets its
// own bounded parse), and the promises every decoder's problems keep.
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

// The nesting the platform accepts (issue 11: one limit of 64 for every body
// and answer). Deeper documents are refused while parsing, as the contract's
// bounded parse will, so the fuzzers exercise the decoders rather than the
// known unbounded recursion of the unknown-field walk.
inline constexpr int kMaxJsonDepth = 64;

// The document, or nullopt when the text is not JSON or nests too deep.
inline std::optional<nlohmann::json> ParseJson(std::string_view text) {
    struct TooDeep {};
    try {
        auto json = nlohmann::json::parse(
            text.begin(), text.end(),
            [](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
                if (depth > kMaxJsonDepth)
                    throw TooDeep{};
                return true;
            },
            /*allow_exceptions=*/false);
        if (json.is_discarded())
            return std::nullopt;
        return json;
    } catch (const TooDeep&) {
        return std::nullopt;
    }
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
