#pragma once
// Reads fields of a JSON object strictly, collecting a problem with its JSON
// pointer for every missing or mistyped field instead of throwing, so a
// request with five mistakes is answered with five problems.
#include "domain/problem.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace kpd::contract {

// RFC 6901 escaping of one reference token ("~" -> "~0", "/" -> "~1").
std::string EscapePointerToken(const std::string& token);

// The value as an int64 when it is a JSON integer inside int64; nullopt for
// anything else. nlohmann keeps 2^63..2^64-1 as an unsigned number, which a
// plain get<std::int64_t>() would wrap into a negative one: every integer
// read from outside goes through here instead.
std::optional<std::int64_t> ReadInt64(const nlohmann::json& value);
// Whether `value` is a whole number outside int64 (to say `out_of_range`
// rather than "not an integer").
bool IsOutsideInt64(const nlohmann::json& value);

// While one is alive on a thread, every JsonReader on that thread notes the
// JSON pointer of each key it looks up, present in the document or not: the
// fields a parse knows. What else a request body holds is then an unknown
// field (UnknownFields), which the platform refuses (the OpenAPI document's
// request schemas are additionalProperties: false). Logs nest; a log belongs
// to the thread that made it.
class FieldReadLog {
  public:
    FieldReadLog();
    ~FieldReadLog();
    FieldReadLog(const FieldReadLog&) = delete;
    FieldReadLog& operator=(const FieldReadLog&) = delete;

    const std::set<std::string>& Read() const { return m_read; }

    // For JsonReader: whether this thread keeps a log, and a pointer for it.
    static bool Active();
    static void Note(std::string pointer);

  private:
    std::set<std::string> m_read;
    FieldReadLog* m_outer;
};

// A problem `unknown_field` at the pointer of every member of `body` no reader
// looked up (`read`), at any depth: members of objects that were looked up are
// checked in turn, and so are the elements of arrays.
domain::Problems UnknownFields(const nlohmann::json& body, const std::set<std::string>& read);

class JsonReader {
  public:
    // `base` is the pointer of `object` inside the whole document ("" for the root).
    JsonReader(const nlohmann::json& object, domain::Problems& problems, std::string base = "");

    // False (with a problem at `base`) when the value is not an object.
    bool IsObject() const { return m_isObject; }

    std::optional<std::string> String(const std::string& key, bool required = true);
    // An integer outside int64 is refused with `out_of_range`, never wrapped.
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
