#include "contract/json_reader.h"

#include <cmath>
#include <iterator>
#include <limits>

namespace kpd::contract {

std::string EscapePointerToken(const std::string& token) {
    std::string out;
    out.reserve(token.size());
    for (char c : token) {
        if (c == '~') {
            out += "~0";
        } else if (c == '/') {
            out += "~1";
        } else {
            out += c;
        }
    }
    return out;
}

std::optional<std::int64_t> ReadInt64(const nlohmann::json& value) {
    if (value.is_number_unsigned()) {
        const auto u = value.get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
            return std::nullopt;
        }
        return static_cast<std::int64_t>(u);
    }
    if (value.is_number_integer()) {
        return value.get<std::int64_t>();
    }
    return std::nullopt;
}

bool IsOutsideInt64(const nlohmann::json& value) {
    if (value.is_number_unsigned()) {
        return !ReadInt64(value).has_value();
    }
    // Past ±2^64 nlohmann keeps an integer literal as a double; a whole number
    // that large is an integer out of range too, not a wrong type (-2^63 itself
    // as a double means the literal was below it: in range it reads as an integer).
    if (value.is_number_float()) {
        const double d = value.get<double>();
        return std::isfinite(d) && std::trunc(d) == d && (d >= 0x1p63 || d <= -0x1p63);
    }
    return false;
}

namespace {
thread_local FieldReadLog* t_fieldLog = nullptr;

// Depth first in document order, as a recursive walk would go, but on an
// explicit stack: ParseJson keeps bodies within kMaxJsonDepth, and this walk
// does not rely on it.
void FindUnknown(const nlohmann::json& body, const std::set<std::string>& read,
                 domain::Problems& problems) {
    struct Visit {
        const nlohmann::json* value;
        std::string pointer;
        const std::string* key; // an object member's key: check it is known first
    };
    std::vector<Visit> stack{{&body, "", nullptr}};
    std::vector<Visit> children;
    while (!stack.empty()) {
        Visit next = std::move(stack.back());
        stack.pop_back();
        if (next.key != nullptr && read.count(next.pointer) == 0) {
            problems.push_back({next.pointer, "unknown_field",
                                *next.key + " is not a field the platform knows here"});
            continue;
        }
        const nlohmann::json& value = *next.value;
        children.clear();
        if (value.is_object()) {
            for (auto it = value.begin(); it != value.end(); ++it) {
                children.push_back(
                    {&*it, next.pointer + "/" + EscapePointerToken(it.key()), &it.key()});
            }
        } else if (value.is_array()) {
            for (std::size_t i = 0; i < value.size(); ++i) {
                if (value[i].is_structured()) {
                    children.push_back(
                        {&value[i], next.pointer + "/" + std::to_string(i), nullptr});
                }
            }
        }
        stack.insert(stack.end(), std::make_move_iterator(children.rbegin()),
                     std::make_move_iterator(children.rend()));
    }
}
} // namespace

FieldReadLog::FieldReadLog() : m_outer(t_fieldLog) {
    t_fieldLog = this;
}

FieldReadLog::~FieldReadLog() {
    t_fieldLog = m_outer;
}

bool FieldReadLog::Active() {
    return t_fieldLog != nullptr;
}

void FieldReadLog::Note(std::string pointer) {
    if (t_fieldLog != nullptr) {
        t_fieldLog->m_read.insert(std::move(pointer));
    }
}

domain::Problems UnknownFields(const nlohmann::json& body, const std::set<std::string>& read) {
    domain::Problems problems;
    FindUnknown(body, read, problems);
    return problems;
}

JsonReader::JsonReader(const nlohmann::json& object, domain::Problems& problems, std::string base)
    : m_object(object), m_problems(problems), m_base(std::move(base)), m_isObject(object.is_object()) {
    if (!m_isObject) {
        m_problems.push_back({m_base, "type", "expected a JSON object"});
    }
}

void JsonReader::Fail(const std::string& pointer, const std::string& code, const std::string& message) {
    m_problems.push_back({pointer, code, message});
}

const nlohmann::json* JsonReader::Find(const std::string& key, bool required) {
    if (!m_isObject) {
        return nullptr;
    }
    if (FieldReadLog::Active()) {
        FieldReadLog::Note(Pointer(key));
    }
    auto it = m_object.find(key);
    if (it == m_object.end() || (it->is_null() && required)) {
        if (required) {
            Fail(Pointer(key), "required", key + " is required");
        }
        return nullptr;
    }
    if (it->is_null()) {
        return nullptr;
    }
    return &*it;
}

void JsonReader::WrongType(const std::string& key, const char* expected) {
    Fail(Pointer(key), "type", key + " must be " + expected);
}

std::optional<std::string> JsonReader::String(const std::string& key, bool required) {
    const auto* v = Find(key, required);
    if (!v) {
        return std::nullopt;
    }
    if (!v->is_string()) {
        WrongType(key, "a string");
        return std::nullopt;
    }
    return v->get<std::string>();
}

std::optional<std::int64_t> JsonReader::Int(const std::string& key, bool required) {
    const auto* v = Find(key, required);
    if (!v) {
        return std::nullopt;
    }
    if (auto out = ReadInt64(*v)) {
        return out;
    }
    if (IsOutsideInt64(*v)) {
        Fail(Pointer(key), "out_of_range", key + " must be an integer from -2^63 to 2^63-1");
    } else {
        WrongType(key, "an integer");
    }
    return std::nullopt;
}

std::optional<bool> JsonReader::Bool(const std::string& key, bool required) {
    const auto* v = Find(key, required);
    if (!v) {
        return std::nullopt;
    }
    if (!v->is_boolean()) {
        WrongType(key, "true or false");
        return std::nullopt;
    }
    return v->get<bool>();
}

const nlohmann::json* JsonReader::Array(const std::string& key, bool required) {
    const auto* v = Find(key, required);
    if (v && !v->is_array()) {
        WrongType(key, "an array");
        return nullptr;
    }
    return v;
}

const nlohmann::json* JsonReader::Object(const std::string& key, bool required) {
    const auto* v = Find(key, required);
    if (v && !v->is_object()) {
        WrongType(key, "an object");
        return nullptr;
    }
    return v;
}

} // namespace kpd::contract
