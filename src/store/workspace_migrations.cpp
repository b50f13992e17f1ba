#include "store/workspace_migrations.h"

// Why the SQL looks the way it does:
// - Statements are separated by ";\n" (ExecuteScript); trigger and function
//   bodies keep their inner ";" on one line so they stay one statement.
// - No ':' anywhere: SOCI reads ":name" as a bound variable.
// - Instants are RFC 3339 UTC text ("2026-11-23T19:00:00Z") on both backends,
//   so they sort as text and read back the same everywhere.
// - The append-only triggers raise a message containing "append-only", which
//   store_error.cpp recognises on both backends.

namespace kpd::store {

namespace {

const char* kSqlite1 = R"SQL(
CREATE TABLE platform_cache (
    platform_url TEXT NOT NULL,
    partner_id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    cache_key TEXT NOT NULL,
    ordinal INTEGER NOT NULL DEFAULT 0,
    json TEXT NOT NULL,
    fetched_at TEXT NOT NULL,
    PRIMARY KEY (platform_url, partner_id, kind, cache_key)
);
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    platform_url TEXT NOT NULL,
    partner_id INTEGER NOT NULL,
    actor TEXT NOT NULL,
    operation TEXT NOT NULL CHECK (operation <> ''),
    idempotency_key TEXT NOT NULL UNIQUE CHECK (idempotency_key <> ''),
    payload TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'done', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    result TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX outbox_by_state ON outbox (state, id);
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    happened_at TEXT NOT NULL,
    actor TEXT NOT NULL,
    platform_url TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action <> ''),
    object_type TEXT NOT NULL,
    object_id TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TABLE settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL
)
)SQL";

const char* kPostgres1 = R"SQL(
CREATE TABLE platform_cache (
    platform_url TEXT NOT NULL,
    partner_id BIGINT NOT NULL,
    kind TEXT NOT NULL,
    cache_key TEXT NOT NULL,
    ordinal INTEGER NOT NULL DEFAULT 0,
    json TEXT NOT NULL,
    fetched_at TEXT NOT NULL,
    PRIMARY KEY (platform_url, partner_id, kind, cache_key)
);
CREATE TABLE outbox (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    platform_url TEXT NOT NULL,
    partner_id BIGINT NOT NULL,
    actor TEXT NOT NULL,
    operation TEXT NOT NULL CHECK (operation <> ''),
    idempotency_key TEXT NOT NULL UNIQUE CHECK (idempotency_key <> ''),
    payload TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'done', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    result TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX outbox_by_state ON outbox (state, id);
CREATE TABLE audit_log (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    happened_at TEXT NOT NULL,
    actor TEXT NOT NULL,
    platform_url TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action <> ''),
    object_type TEXT NOT NULL,
    object_id TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'restrict_violation'; END $$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
CREATE TABLE settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL
)
)SQL";

// The card screen being edited (one per platform + partner, with the version
// it was edited from) and the bytes of uploaded images by asset id, as base64
// text: SOCI 4.0 binds no byte vectors, and PostgreSQL's BLOB path in SOCI is
// large objects rather than bytea.
const char* kDraftsAndAssets2 = R"SQL(
CREATE TABLE card_screen_drafts (
    platform_url TEXT NOT NULL,
    partner_id {BIG} NOT NULL,
    json TEXT NOT NULL,
    base_version {BIG} NOT NULL CHECK (base_version >= 0),
    saved_at TEXT NOT NULL,
    saved_by TEXT NOT NULL,
    PRIMARY KEY (platform_url, partner_id)
);
CREATE TABLE asset_cache (
    platform_url TEXT NOT NULL,
    asset_id TEXT NOT NULL CHECK (asset_id <> ''),
    media_type TEXT NOT NULL,
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    byte_count {BIG} NOT NULL CHECK (byte_count >= 0),
    content_base64 TEXT NOT NULL,
    fetched_at TEXT NOT NULL,
    PRIMARY KEY (platform_url, asset_id)
)
)SQL";

// Dolyami registers copied from the platform and their purchases, bulk
// loaded by the sync. `synced_version` is the register version whose purchases
// are all here (NULL: none yet); a register's purchases are replaced in one
// transaction together with it, so a sync killed half-way leaves every
// register either whole or untouched, and the next sync redoes the rest.
const char* kSettlements3 = R"SQL(
CREATE TABLE settlement_registers (
    platform_url TEXT NOT NULL,
    partner_id {BIG} NOT NULL,
    register_id {BIG} NOT NULL,
    business_date TEXT NOT NULL,
    status TEXT NOT NULL,
    tx_count {BIG} NOT NULL,
    turnover_kop {BIG} NOT NULL,
    refunds_kop {BIG} NOT NULL,
    payout_kop {BIG} NOT NULL,
    payout_date TEXT NOT NULL,
    needs_second_approval INTEGER NOT NULL,
    approvals_json TEXT NOT NULL,
    version {BIG} NOT NULL,
    synced_version {BIG} NULL,
    PRIMARY KEY (platform_url, partner_id, register_id)
);
CREATE TABLE settlement_transactions (
    platform_url TEXT NOT NULL,
    partner_id {BIG} NOT NULL,
    register_id {BIG} NOT NULL,
    seq {BIG} NOT NULL,
    order_id TEXT NOT NULL,
    store_id TEXT NOT NULL,
    purchased_at {BIG} NOT NULL,
    amount_kop {BIG} NOT NULL,
    prepaid_kop {BIG} NOT NULL,
    status TEXT NOT NULL,
    refunded_kop {BIG} NOT NULL,
    refund_status TEXT NULL,
    PRIMARY KEY (platform_url, partner_id, register_id, seq)
)
)SQL";


// Reconciliation runs kept with their discrepancies (matched rows are only
// counted), and the user's notes per order, which outlive the runs: a note on
// an order shows again when the next run finds it.
const char* kReconciliations4 = R"SQL(
CREATE TABLE recon_runs (
    run_id {ID},
    platform_url TEXT NOT NULL,
    partner_id {BIG} NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    registers TEXT NOT NULL,
    pos_file TEXT NOT NULL,
    totals_json TEXT NOT NULL
);
CREATE TABLE recon_discrepancies (
    run_id {BIG} NOT NULL REFERENCES recon_runs (run_id),
    row_no {BIG} NOT NULL,
    class TEXT NOT NULL,
    order_id TEXT NOT NULL,
    store_id TEXT NOT NULL,
    register_id {BIG} NULL,
    pos_line {BIG} NULL,
    platform_kop {BIG} NULL,
    partner_kop {BIG} NULL,
    PRIMARY KEY (run_id, row_no)
);
CREATE TABLE recon_notes (
    platform_url TEXT NOT NULL,
    partner_id {BIG} NOT NULL,
    order_id TEXT NOT NULL,
    note TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    PRIMARY KEY (platform_url, partner_id, order_id)
)
)SQL";


} // namespace

const std::vector<Migration>& WorkspaceMigrations() {
    static const std::vector<Migration> migrations = {
        {1, "cache, outbox, append-only audit log, settings", kSqlite1, kPostgres1},
        BothBackends(2, "card screen drafts and the asset byte cache", kDraftsAndAssets2),
        BothBackends(3, "Dolyami settlement registers and their purchases", kSettlements3),
        BothBackends(4, "reconciliation runs, their discrepancies, notes per order", kReconciliations4),
    };
    return migrations;
}

} // namespace kpd::store
