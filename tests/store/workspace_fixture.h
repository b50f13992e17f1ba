#pragma once
// A fresh, migrated workspace on the backend this run tests
// (KPD_TEST_BACKEND), plus small helpers shared by the store suites.
#include "store/audit_log.h"
#include "store/database.h"
#include "store/outbox.h"
#include "store/store_error.h"
#include "store/workspace.h"
#include "support/test_env.h"

#include <soci/soci.h>

#include <memory>
#include <string>

namespace kpd::test {

struct WorkspaceFixture {
    WorkspaceFixture()
        : url(FreshDatabaseUrl("workspace")), workspace(std::make_unique<store::Workspace>(url)) {}

    store::Workspace& Ws() { return *workspace; }

    // Counts rows with a statement of our own, outside the repositories.
    long long Count(const std::string& table, const std::string& where = "") {
        auto sql = store::OpenSession(url);
        long long n = 0;
        *sql << "SELECT COUNT(*) FROM " + table + (where.empty() ? "" : " WHERE " + where),
            soci::into(n);
        return n;
    }

    store::NewOutboxEntry Entry(const std::string& key, const std::string& op = "user.create") {
        store::NewOutboxEntry e;
        e.platform_url = "http://127.0.0.1:1";
        e.partner_id = 1;
        e.actor = "admin";
        e.operation = op;
        e.idempotency_key = key;
        e.payload = R"({"login":"new.user"})";
        return e;
    }

    store::NewAuditRecord Audit(const std::string& action, const std::string& object_id = "") {
        return {"admin", "http://127.0.0.1:1", action, "outbox", object_id, "test"};
    }

    std::string url;
    std::unique_ptr<store::Workspace> workspace;
};

// The kind of StoreError `body` throws, for BOOST_CHECK(... == Kind::X).
template <class F> std::optional<store::StoreErrorKind> ErrorKindOf(F&& body) {
    try {
        body();
    } catch (const store::StoreError& e) {
        return e.Kind();
    }
    return std::nullopt;
}

} // namespace kpd::test
