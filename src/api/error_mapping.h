#pragma once
// Turns what came back from the platform into values: a problem+json answer
// into an ApiError (kind from KindForStatus, nothing else decides it), and a
// success body into a typed value or a BadResponse error. Pure functions.
#include "api/platform_client.h"
#include "contract/json_parse.h"
#include "contract/parsed.h"

#include <nlohmann/json.hpp>

#include <string>

namespace kpd::api {

// Any non-2xx answer. Reads `code`, `detail` and `errors` from problem+json;
// an answer that is not problem+json still gets its kind from the status.
ApiError ErrorFromHttp(int status, const std::string& body);

// The platform answered 2xx with something that does not follow the contract.
ApiError BadResponseError(int status, const std::string& what, domain::Problems problems = {});

// Parses a 2xx body as JSON and reads it with `read` (json -> contract::Parsed<T>).
template <class T, class ReadFn> Result<T> ReadBody(const Result<Response>& response, ReadFn read) {
    if (!response.Ok()) {
        return response.Error();
    }
    const Response& r = response.Value();
    auto parsedJson = contract::ParseJson(r.body);
    if (parsedJson.failure == contract::JsonParseFailure::TooDeep) {
        return BadResponseError(r.status, "the body is " + contract::DescribeJsonFailure(parsedJson));
    }
    if (!parsedJson.Ok()) {
        return BadResponseError(r.status, "the body is not JSON");
    }
    const nlohmann::json& json = parsedJson.value;
    contract::Parsed<T> parsed = read(json);
    if (!parsed.Ok()) {
        return BadResponseError(r.status, "the body does not match the contract", std::move(parsed.problems));
    }
    return std::move(*parsed.value);
}

} // namespace kpd::api
