#pragma once
// Reads fields of a JSON object strictly, collecting a problem with its JSON
// pointer for every missing or mistyped field instead of throwing, so a
// request with five mistakes is answered with five problems.
#include "domain/problem.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kpd::contract {

// RFC 6901 escaping of one reference token ("~" -> "~0", "/" -> "~1").
std::string EscapePointerToken(const std::string& token);

class JsonReader {
  public:
    // `base` is the pointer of `object` inside the whole document ("" for the root).
    JsonReader(const nlohmann::json& object, domain::Problems& problems, std::string base = "");

    // False (with a problem at `base`) when the value is not an object.
    bool IsObject() const { return m_isObject; }

    std::optional<std::string> String(const std::string& key, bool required = true);
    std::optional<std::int64_t> Int(const std::string& key, bool required = true);
    std::optional<bool> Bool(const std::string& key, bool required = true);
    // The array itself (elements are the caller's to read, with Pointer(key)+"/i").
    const nlohmann::json* Array(const std::string& key, bool required = true);
    const nlohmann::json* Object(const std::string& key, bool required = true);

    std::string Pointer(const std::string& key) const { return m_base + "/" + EscapePointerToken(key); }
    void Fail(const std::string& pointer, const std::string& code, const std::string& message);

  private:
    const nlohmann::json* Find(const std::string& key, bool required);
    void WrongType(const std::string& key, const char* expected);

    const nlohmann::json& m_object;
    domain::Problems& m_problems;
    std::string m_base;
    bool m_isObject;
};

} // namespace kpd::contract
