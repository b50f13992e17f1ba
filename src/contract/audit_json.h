#pragma once
// GET /audit: pages of audit entries, newest first.
#include "contract/page.h"
#include "contract/parsed.h"
#include "domain/audit_entry.h"

#include <nlohmann/json.hpp>

namespace kpd::contract {

nlohmann::json ToJson(const domain::AuditEntry& entry);
std::optional<domain::AuditEntry> AuditEntryFromJson(const nlohmann::json& json, domain::Problems& problems,
                                                     const std::string& pointer = "");
Parsed<Page<domain::AuditEntry>> AuditPageFromJson(const nlohmann::json& json);

} // namespace kpd::contract
