#include "store/store_error.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <sqlite3.h>

namespace kpd::store {

const char* ToString(StoreErrorKind kind) {
    switch (kind) {
    case StoreErrorKind::Unavailable:
        return "unavailable";
    case StoreErrorKind::Duplicate:
        return "duplicate";
    case StoreErrorKind::AppendOnly:
        return "append_only";
    case StoreErrorKind::Constraint:
        return "constraint";
    case StoreErrorKind::Busy:
        return "busy";
    case StoreErrorKind::NotFound:
        return "not_found";
    case StoreErrorKind::Other:
        return "other";
    }
    return "other";
}

StoreError::StoreError(StoreErrorKind kind, std::string operation, std::string detail)
    : std::runtime_error(operation + ": " + detail), m_kind(kind),
      m_operation(std::move(operation)), m_detail(std::move(detail)) {}

namespace {

// The append-only triggers of both backends raise a message containing this
// marker (see workspace_migrations.cpp), which is how both are recognised.
constexpr const char* kAppendOnlyMarker = "append-only";

bool Contains(const std::string& text, const char* part) {
    return text.find(part) != std::string::npos;
}

StoreErrorKind KindOfPostgres(const soci::postgresql_soci_error& e) {
    std::string state = e.sqlstate();
    std::string message = e.what();
    if (Contains(message, kAppendOnlyMarker)) {
        return StoreErrorKind::AppendOnly;
    }
    if (state == "23505") {
        return StoreErrorKind::Duplicate;
    }
    if (state.rfind("23", 0) == 0) {
        return StoreErrorKind::Constraint;
    }
    if (state.rfind("08", 0) == 0 || state == "57P01" || state == "3D000" || state == "28000" ||
        state == "28P01") {
        return StoreErrorKind::Unavailable;
    }
    if (state == "40001" || state == "40P01" || state == "55P03") {
        return StoreErrorKind::Busy;
    }
    if (e.get_error_category() == soci::soci_error::connection_error) {
        return StoreErrorKind::Unavailable;
    }
    return StoreErrorKind::Other;
}

StoreErrorKind KindOfSqlite(const soci::sqlite3_soci_error& e) {
    std::string message = e.what();
    if (Contains(message, kAppendOnlyMarker)) {
        return StoreErrorKind::AppendOnly;
    }
    switch (e.result() & 0xff) { // the primary result code
    case SQLITE_CONSTRAINT:
        return Contains(message, "UNIQUE") ? StoreErrorKind::Duplicate : StoreErrorKind::Constraint;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return StoreErrorKind::Busy;
    case SQLITE_CANTOPEN:
    case SQLITE_NOTADB:
    case SQLITE_PERM:
    case SQLITE_READONLY:
        return StoreErrorKind::Unavailable;
    default:
        return StoreErrorKind::Other;
    }
}

// Some SOCI paths throw a plain soci_error whose words are all we have.
StoreErrorKind KindOfMessage(const std::string& message) {
    if (Contains(message, kAppendOnlyMarker)) {
        return StoreErrorKind::AppendOnly;
    }
    if (Contains(message, "UNIQUE constraint") || Contains(message, "duplicate key")) {
        return StoreErrorKind::Duplicate;
    }
    if (Contains(message, "constraint")) {
        return StoreErrorKind::Constraint;
    }
    if (Contains(message, "database is locked")) {
        return StoreErrorKind::Busy;
    }
    if (Contains(message, "unable to open") || Contains(message, "Cannot establish connection") ||
        Contains(message, "connection")) {
        return StoreErrorKind::Unavailable;
    }
    return StoreErrorKind::Other;
}

} // namespace

void RethrowAsStoreError(const std::string& operation) {
    try {
        throw;
    } catch (const StoreError&) {
        throw;
    } catch (const soci::postgresql_soci_error& e) {
        throw StoreError(KindOfPostgres(e), operation, e.get_error_message());
    } catch (const soci::sqlite3_soci_error& e) {
        throw StoreError(KindOfSqlite(e), operation, e.get_error_message());
    } catch (const soci::soci_error& e) {
        throw StoreError(KindOfMessage(e.what()), operation, e.get_error_message());
    } catch (const std::invalid_argument& e) {
        throw StoreError(StoreErrorKind::Unavailable, operation, e.what());
    } catch (const std::exception& e) {
        throw StoreError(StoreErrorKind::Other, operation, e.what());
    }
}

} // namespace kpd::store
