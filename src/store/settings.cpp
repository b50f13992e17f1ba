#include "store/settings.h"

#include "store/store_error.h"
#include "store/workspace.h"

#include <soci/soci.h>

namespace kpd::store {

std::optional<std::string> Settings::Get(const std::string& name) {
    return Guarded("settings.get", [&]() -> std::optional<std::string> {
        soci::session sql(m_workspace.Pool());
        std::string key = name;
        std::string value;
        sql << "SELECT value FROM settings WHERE name = :name", soci::into(value),
            soci::use(key, "name");
        if (!sql.got_data()) {
            return std::nullopt;
        }
        return value;
    });
}

std::string Settings::GetOr(const std::string& name, const std::string& fallback) {
    return Get(name).value_or(fallback);
}

void Settings::Set(const std::string& name, const std::string& value) {
    Guarded("settings.set", [&] {
        soci::session sql(m_workspace.Pool());
        std::string key = name;
        std::string text = value;
        std::string now = NowUtcText();
        sql << "INSERT INTO settings (name, value, updated_at) VALUES (:name, :value, :at) "
               "ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = "
               "excluded.updated_at",
            soci::use(key, "name"), soci::use(text, "value"), soci::use(now, "at");
    });
}

} // namespace kpd::store
