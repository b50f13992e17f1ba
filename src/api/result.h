#pragma once
// Result<T>: a value or an ApiError. Small on purpose; C++20 has no std::expected.
#include "api/api_error.h"

#include <stdexcept>
#include <utility>
#include <variant>

namespace kpd::api {

template <class T> class Result {
  public:
    Result(T value) : m_data(std::move(value)) {}
    Result(ApiError error) : m_data(std::move(error)) {}

    bool Ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return Ok(); }

    T& Value() {
        if (!Ok()) throw std::logic_error("Result::Value() on an error: " + Error().message);
        return std::get<0>(m_data);
    }
    const T& Value() const {
        if (!Ok()) throw std::logic_error("Result::Value() on an error: " + Error().message);
        return std::get<0>(m_data);
    }
    const ApiError& Error() const { return std::get<1>(m_data); }

  private:
    std::variant<T, ApiError> m_data;
};

struct Empty {};

} // namespace kpd::api
