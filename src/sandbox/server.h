#pragma once
// Runs platform-sandbox: migrates and seeds the database, serves HTTP on a
// thread pool, prints the ready line, and on SIGTERM or SIGINT stops taking
// connections, lets in-flight requests finish, closes the database and
// returns 0. Call RunSandbox once, from the main thread, before any other
// thread exists (it blocks the two signals for every thread it starts).
#include "sandbox/options.h"

namespace kpd::sandbox {

// The process exit code.
int RunSandbox(const Options& options);

} // namespace kpd::sandbox
