#pragma once
// The outcome of reading a JSON document into a value: the value, or every
// problem found, each at its JSON pointer.
#include "domain/problem.h"

#include <optional>
#include <utility>

namespace kpd::contract {

template <class T> struct Parsed {
    std::optional<T> value;
    domain::Problems problems;

    bool Ok() const { return value.has_value() && problems.empty(); }

    static Parsed Success(T v) { return Parsed{std::move(v), {}}; }
    static Parsed Failure(domain::Problems p) { return Parsed{std::nullopt, std::move(p)}; }
};

} // namespace kpd::contract
