#pragma once
// The workspace schema, one Migration per step, embedded in the binary so a
// desk installed anywhere migrates its own file without finding resources.
//
// Thread affinity: returns immutable data; any thread.
#include "store/database.h"

#include <vector>

namespace kpd::store {

// Every workspace migration in version order; the version table is
// "workspace_migrations" (kWorkspaceMigrationsTable).
const std::vector<Migration>& WorkspaceMigrations();

inline constexpr const char* kWorkspaceMigrationsTable = "workspace_migrations";

} // namespace kpd::store
