#include "services/audit.h"

#include "contract/audit_json.h"
#include "services/cached_fetch.h"

#include <algorithm>

namespace kpd::services {

namespace {

api::Result<std::vector<domain::AuditEntry>> FetchNewest(api::PlatformClient& client,
                                                         int max_entries,
                                                         const domain::CancelTokenPtr& cancel,
                                                         domain::ProgressSink* progress) {
    std::vector<domain::AuditEntry> entries;
    std::string cursor;
    do {
        if (cancel && cancel->IsCancelled()) {
            api::ApiError e;
            e.kind = api::ApiErrorKind::Cancelled;
            e.code = "cancelled";
            e.message = "Cancelled";
            return e;
        }
        int want =
            std::min(contract::kMaxPageLimit, max_entries - static_cast<int>(entries.size()));
        auto page = client.ListAudit(want, cursor);
        if (!page.Ok()) {
            return page.Error();
        }
        auto& items = page.Value().items;
        entries.insert(entries.end(), std::make_move_iterator(items.begin()),
                       std::make_move_iterator(items.end()));
        cursor = page.Value().next_cursor.value_or("");
        if (progress) {
            progress->Report(static_cast<std::int64_t>(entries.size()), max_entries, "audit");
        }
    } while (!cursor.empty() && static_cast<int>(entries.size()) < max_entries);
    return entries;
}

nlohmann::json EntriesToJson(const std::vector<domain::AuditEntry>& entries) {
    auto array = nlohmann::json::array();
    for (const auto& e : entries) {
        array.push_back(contract::ToJson(e));
    }
    return array;
}

std::optional<std::vector<domain::AuditEntry>> EntriesFromJson(const nlohmann::json& json) {
    if (!json.is_array()) {
        return std::nullopt;
    }
    domain::Problems problems;
    std::vector<domain::AuditEntry> entries;
    for (std::size_t i = 0; i < json.size(); ++i) {
        if (auto e = contract::AuditEntryFromJson(json[i], problems, "/" + std::to_string(i))) {
            entries.push_back(std::move(*e));
        }
    }
    if (!problems.empty()) {
        return std::nullopt;
    }
    return entries;
}

} // namespace

api::Result<Fetched<std::vector<domain::AuditEntry>>>
ListAudit(api::PlatformClient& client, store::Workspace& workspace, int max_entries,
          const domain::CancelTokenPtr& cancel, domain::ProgressSink* progress) {
    client.SetCancelToken(cancel);
    int limit = max_entries > 0 ? max_entries : contract::kDefaultPageLimit;
    return detail::FetchWithCache<std::vector<domain::AuditEntry>>(
        workspace, CurrentContext(client, workspace), "audit", "newest",
        [&] { return FetchNewest(client, limit, cancel, progress); }, EntriesToJson,
        EntriesFromJson);
}

std::vector<store::AuditRecord> ListLocalAudit(store::Workspace& workspace, int limit,
                                               std::int64_t before_id) {
    return workspace.Audit().ListNewest(limit, before_id);
}

} // namespace kpd::services
