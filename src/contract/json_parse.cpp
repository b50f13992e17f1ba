#include "contract/json_parse.h"

#include <algorithm>

namespace kpd::contract {

namespace {
// Thrown by the parser callback to stop at the first container past the
// limit; nlohmann's parser keeps its own stack on the heap and lets it pass.
struct TooDeep {};
} // namespace

JsonParseResult ParseJson(std::string_view text, int maxDepth) {
    JsonParseResult result;
    result.max_depth = maxDepth;
    // `depth` is the number of containers open around the event's value, so a
    // container starting at depth `maxDepth` would be level maxDepth + 1.
    const nlohmann::json::parser_callback_t limit =
        [maxDepth](int depth, nlohmann::json::parse_event_t event, nlohmann::json&) {
            if ((event == nlohmann::json::parse_event_t::object_start ||
                 event == nlohmann::json::parse_event_t::array_start) &&
                depth >= maxDepth) {
                throw TooDeep{};
            }
            return true;
        };
    try {
        result.value = nlohmann::json::parse(text.data(), text.data() + text.size(), limit);
    } catch (const TooDeep&) {
        result.value = nlohmann::json(nlohmann::json::value_t::discarded);
        result.failure = JsonParseFailure::TooDeep;
    } catch (const nlohmann::json::parse_error& e) {
        result.value = nlohmann::json(nlohmann::json::value_t::discarded);
        result.failure = JsonParseFailure::Syntax;
        // e.byte counts the bytes read including the offending one (1-based).
        result.offset = std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, text.size());
    } catch (const nlohmann::json::exception&) {
        result.value = nlohmann::json(nlohmann::json::value_t::discarded);
        result.failure = JsonParseFailure::Syntax;
    }
    return result;
}

nlohmann::json ParseJsonOrDiscarded(std::string_view text) {
    return ParseJson(text).value;
}

std::string DumpJson(const nlohmann::json& value, int indent) {
    return value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string DescribeJsonFailure(const JsonParseResult& result) {
    switch (result.failure) {
    case JsonParseFailure::None:
        return "valid JSON";
    case JsonParseFailure::TooDeep:
        return "nested deeper than " + std::to_string(result.max_depth) + " levels";
    case JsonParseFailure::Syntax:
        break;
    }
    return "a JSON syntax error at byte offset " + std::to_string(result.offset);
}

} // namespace kpd::contract
