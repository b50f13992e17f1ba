#include "services/cashback_flight_file.h"

#include "services/bounded_file.h"

#include "contract/cashback_json.h"
#include "contract/json_parse.h"
#include "domain/cashback_rules.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>

namespace kpd::services {

namespace {

// nlohmann's byte offset as "line L, column C" (1-based), which people can find.
std::string Place(const std::string& text, std::size_t byte) {
    byte = std::min(byte, text.size());
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i + 1 < byte; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column; // count characters, not UTF-8 continuation bytes
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

} // namespace

FlightFile ReadFlightText(const std::string& text, const std::string& name) {
    FlightFile out;
    auto parsed = contract::ParseJson(text);
    if (parsed.failure == contract::JsonParseFailure::TooDeep) {
        out.problems.push_back(
            {"", "too_deep", name + " is " + contract::DescribeJsonFailure(parsed)});
        return out;
    }
    if (!parsed.Ok()) {
        // Place() counts 1-based bytes, as nlohmann's parse_error::byte does.
        out.problems.push_back(
            {"", "malformed_json", name + " is not JSON (" + Place(text, parsed.offset + 1) + ")"});
        return out;
    }
    const nlohmann::json json = std::move(parsed.value);
    if (!json.is_object()) {
        out.problems.push_back({"", "type", name + " must hold one JSON object: the flight"});
        return out;
    }
    auto flight = contract::NewFlightFromJson(json);
    out.problems = flight.problems;
    if (flight.value) {
        auto rules = domain::ValidateFlight(*flight.value);
        for (auto& p : rules) {
            if (std::find(out.problems.begin(), out.problems.end(), p) == out.problems.end()) {
                out.problems.push_back(std::move(p));
            }
        }
        out.flight = std::move(*flight.value);
    }
    std::stable_sort(
        out.problems.begin(), out.problems.end(),
        [](const domain::Problem& a, const domain::Problem& b) { return a.field < b.field; });
    return out;
}

FlightFile ReadFlightFile(const std::string& path) {
    const auto file = ReadBoundedFile(path, kMaxBodyFileBytes);
    if (!file.Ok()) {
        FlightFile out;
        out.problems.push_back(RefusalProblem(file, path, kMaxBodyFileBytes));
        return out;
    }
    return ReadFlightText(file.Text(), path);
}

} // namespace kpd::services
