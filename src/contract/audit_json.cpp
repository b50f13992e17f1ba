#include "contract/audit_json.h"

#include "contract/json_reader.h"

namespace kpd::contract {

nlohmann::json ToJson(const domain::AuditEntry& e) {
    return {{"id", e.id},
            {"at", e.at},
            {"actor", {{"user_id", e.actor_user_id}, {"login", e.actor_login}}},
            {"client", e.client},
            {"action", e.action},
            {"object_type", e.object_type},
            {"object_id", e.object_id},
            {"detail", e.detail}};
}

std::optional<domain::AuditEntry> AuditEntryFromJson(const nlohmann::json& json, domain::Problems& problems,
                                                     const std::string& pointer) {
    auto before = problems.size();
    JsonReader r(json, problems, pointer);
    domain::AuditEntry e;
    e.id = r.Int("id").value_or(0);
    e.at = r.String("at").value_or("");
    if (const auto* actor = r.Object("actor")) {
        JsonReader a(*actor, problems, r.Pointer("actor"));
        e.actor_user_id = a.Int("user_id").value_or(0);
        e.actor_login = a.String("login").value_or("");
    }
    e.client = r.String("client").value_or("");
    e.action = r.String("action").value_or("");
    e.object_type = r.String("object_type").value_or("");
    e.object_id = r.String("object_id").value_or("");
    e.detail = r.String("detail").value_or("");
    if (problems.size() != before) {
        return std::nullopt;
    }
    return e;
}

Parsed<Page<domain::AuditEntry>> AuditPageFromJson(const nlohmann::json& json) {
    return PageFromJson<domain::AuditEntry>(
        json, [](const nlohmann::json& j, domain::Problems& p, const std::string& ptr) {
            return AuditEntryFromJson(j, p, ptr);
        });
}

} // namespace kpd::contract
