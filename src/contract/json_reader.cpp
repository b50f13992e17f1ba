#include "contract/json_reader.h"

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

namespace {
thread_local FieldReadLog* t_fieldLog = nullptr;

void FindUnknown(const nlohmann::json& value, const std::string& pointer, const std::set<std::string>& read,
                 domain::Problems& problems) {
    if (value.is_object()) {
        for (const auto& [key, member] : value.items()) {
            auto at = pointer + "/" + EscapePointerToken(key);
            if (read.count(at) == 0) {
                problems.push_back({at, "unknown_field", key + " is not a field the platform knows here"});
            } else {
                FindUnknown(member, at, read, problems);
            }
        }
    } else if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i) {
            FindUnknown(value[i], pointer + "/" + std::to_string(i), read, problems);
        }
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
    FindUnknown(body, "", read, problems);
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
    if (!v->is_number_integer()) {
        WrongType(key, "an integer");
        return std::nullopt;
    }
    return v->get<std::int64_t>();
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
