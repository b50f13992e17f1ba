#pragma once
// The shape of the contract decoders' fuzz targets: the first byte picks one
// of the file's decoders, the rest is the JSON document it reads, parsed as
// the desk and the sandbox parse a body or an answer (fuzz_support.h).
#include "fuzz_support.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace kpd::fuzz {

using Decoder = std::function<void(const nlohmann::json&)>;

// A decoder checked with CheckDecoder (round trip through its ToJson).
template <class From, class To> Decoder RoundTrip(From from, To to) {
    return [from, to](const nlohmann::json& json) { CheckDecoder(json, from, to); };
}

// A decoder whose result has no writer: only its problems are checked.
template <class From> Decoder ProblemsOnly(From from) {
    return [from](const nlohmann::json& json) {
        const auto parsed = from(json);
        CheckProblems(parsed.problems);
        Check(parsed.value.has_value() == parsed.problems.empty());
    };
}

inline int RunDecoders(const std::vector<Decoder>& decoders, const std::uint8_t* data,
                       std::size_t size) {
    if (size == 0)
        return 0;
    const auto& decoder = decoders[data[0] % decoders.size()];
    const auto json =
        ParseJson(std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
    if (json)
        decoder(*json);
    return 0;
}

} // namespace kpd::fuzz
