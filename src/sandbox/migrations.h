#pragma once
// The sandbox's own schema, embedded in the binary (one SQL text per backend
// and version) so the executable needs no resource files. Every table is keyed
// by partner_id first: the platform scopes every object to one partner.
// Called once at start-up, on one thread.
#include "store/database.h"

#include <soci/soci.h>
#include <vector>

namespace kpd::sandbox {

const std::vector<store::Migration>& SandboxMigrations();

// Applies what is missing (idempotent: a restart applies nothing). Returns how many ran.
int MigrateSandboxSchema(soci::session& session);

} // namespace kpd::sandbox
