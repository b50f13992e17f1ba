#include "store/outbox.h"

#include "store/soci_optional.h"
#include "store/store_error.h"
#include "store/workspace.h"

#include <soci/soci.h>

namespace kpd::store {

std::string_view ToString(OutboxState state) {
    switch (state) {
    case OutboxState::Pending:
        return "pending";
    case OutboxState::Sent:
        return "sent";
    case OutboxState::Done:
        return "done";
    case OutboxState::Failed:
        return "failed";
    }
    return "pending";
}

std::optional<OutboxState> OutboxStateFromString(std::string_view text) {
    for (auto s :
         {OutboxState::Pending, OutboxState::Sent, OutboxState::Done, OutboxState::Failed}) {
        if (ToString(s) == text) {
            return s;
        }
    }
    return std::nullopt;
}

namespace {

constexpr const char* kColumns =
    "SELECT id, platform_url, partner_id, actor, operation, idempotency_key, payload, "
    "state, attempts, last_error, result, created_at, updated_at FROM outbox ";

// Reads the rows `where` selects (a clause using the named variables `bind`
// adds) with into() variables: they convert whatever integer type each
// backend reports, where soci::row getters insist on the exact one.
template <class Bind>
std::vector<OutboxEntry> Query(soci::session& sql, const std::string& where, Bind bind) {
    OutboxEntry e;
    long long id = 0;
    long long partner = 0;
    std::string state;
    soci::statement st(sql);
    st.exchange(soci::into(id));
    st.exchange(soci::into(e.platform_url));
    st.exchange(soci::into(partner));
    st.exchange(soci::into(e.actor));
    st.exchange(soci::into(e.operation));
    st.exchange(soci::into(e.idempotency_key));
    st.exchange(soci::into(e.payload));
    st.exchange(soci::into(state));
    st.exchange(soci::into(e.attempts));
    st.exchange(soci::into(e.last_error));
    st.exchange(soci::into(e.result));
    st.exchange(soci::into(e.created_at));
    st.exchange(soci::into(e.updated_at));
    bind(st);
    st.alloc();
    st.prepare(std::string(kColumns) + where);
    st.define_and_bind();
    st.execute();
    std::vector<OutboxEntry> out;
    while (st.fetch()) {
        e.id = id;
        e.partner_id = partner;
        auto parsed = OutboxStateFromString(state);
        if (!parsed) {
            throw StoreError(StoreErrorKind::Other, "outbox.read",
                             "unknown outbox state '" + state + "'");
        }
        e.state = *parsed;
        out.push_back(e);
    }
    return out;
}

// One guarded UPDATE: `set` changes the row only while its state is one of
// `fromStates`; the affected-row count says whether it did. `text`, when
// given, is bound as :text inside `set`.
bool Transition(soci::session& sql, std::int64_t id, const char* set, const char* fromStates,
                const std::optional<std::string>& text) {
    long long rowId = id;
    std::string now = NowUtcText();
    std::string value = text.value_or("");
    soci::statement st(sql);
    if (text) {
        st.exchange(soci::use(value, "text"));
    }
    st.exchange(soci::use(now, "now"));
    st.exchange(soci::use(rowId, "id"));
    st.alloc();
    st.prepare(std::string("UPDATE outbox SET ") + set +
               ", updated_at = :now WHERE id = :id AND state IN (" + fromStates + ")");
    st.define_and_bind();
    st.execute(true);
    return st.get_affected_rows() == 1;
}

} // namespace

OutboxEntry Outbox::Enqueue(const NewOutboxEntry& entry, const NewAuditRecord& audit) {
    return Guarded("outbox.enqueue", [&] {
        soci::session sql(m_workspace.Pool());
        NewOutboxEntry e = entry;
        long long partner = e.partner_id;
        std::string now = NowUtcText();
        std::string state(ToString(OutboxState::Pending));
        long long id = 0;
        soci::transaction tr(sql);
        sql << "INSERT INTO outbox (platform_url, partner_id, actor, operation, idempotency_key, "
               "payload, state, "
               "attempts, created_at, updated_at) "
               "VALUES (:url, :partner, :actor, :op, :key, :payload, :state, 0, :created, "
               ":updated) RETURNING id",
            soci::use(e.platform_url, "url"), soci::use(partner, "partner"),
            soci::use(e.actor, "actor"), soci::use(e.operation, "op"),
            soci::use(e.idempotency_key, "key"), soci::use(e.payload, "payload"),
            soci::use(state, "state"), soci::use(now, "created"), soci::use(now, "updated"),
            soci::into(id);
        LocalAuditLog::AppendOn(sql, audit);
        tr.commit();

        OutboxEntry out;
        out.id = id;
        out.platform_url = e.platform_url;
        out.partner_id = e.partner_id;
        out.actor = e.actor;
        out.operation = e.operation;
        out.idempotency_key = e.idempotency_key;
        out.payload = e.payload;
        out.created_at = now;
        out.updated_at = now;
        return out;
    });
}

bool Outbox::MarkSending(std::int64_t id) {
    return Guarded("outbox.mark_sending", [&] {
        soci::session sql(m_workspace.Pool());
        return Transition(sql, id, "state = 'sent', attempts = attempts + 1", "'pending', 'sent'",
                          std::nullopt);
    });
}

bool Outbox::MarkDone(std::int64_t id, const std::string& result_json,
                      const std::optional<NewAuditRecord>& audit) {
    return Guarded("outbox.mark_done", [&] {
        soci::session sql(m_workspace.Pool());
        soci::transaction tr(sql);
        bool moved = Transition(sql, id, "state = 'done', result = :text, last_error = NULL",
                                "'sent'", result_json);
        if (moved && audit) {
            LocalAuditLog::AppendOn(sql, *audit);
        }
        tr.commit();
        return moved;
    });
}

bool Outbox::MarkFailed(std::int64_t id, const std::string& error,
                        const std::optional<NewAuditRecord>& audit) {
    return Guarded("outbox.mark_failed", [&] {
        soci::session sql(m_workspace.Pool());
        soci::transaction tr(sql);
        bool moved =
            Transition(sql, id, "state = 'failed', last_error = :text", "'pending', 'sent'", error);
        if (moved && audit) {
            LocalAuditLog::AppendOn(sql, *audit);
        }
        tr.commit();
        return moved;
    });
}

bool Outbox::MarkPending(std::int64_t id, const std::string& error) {
    return Guarded("outbox.mark_pending", [&] {
        soci::session sql(m_workspace.Pool());
        return Transition(sql, id, "state = 'pending', last_error = :text", "'sent'", error);
    });
}

bool Outbox::ScrubPayload(std::int64_t id, const std::string& payload) {
    return Guarded("outbox.scrub_payload", [&] {
        soci::session sql(m_workspace.Pool());
        return Transition(sql, id, "payload = :text", "'done', 'failed'", payload);
    });
}

std::optional<OutboxEntry> Outbox::Find(std::int64_t id) {
    return Guarded("outbox.find", [&]() -> std::optional<OutboxEntry> {
        soci::session sql(m_workspace.Pool());
        long long rowId = id;
        auto rows = Query(sql, "WHERE id = :id",
                          [&](soci::statement& st) { st.exchange(soci::use(rowId, "id")); });
        if (rows.empty()) {
            return std::nullopt;
        }
        return rows.front();
    });
}

std::optional<OutboxEntry> Outbox::FindByKey(const std::string& idempotency_key) {
    return Guarded("outbox.find_by_key", [&]() -> std::optional<OutboxEntry> {
        soci::session sql(m_workspace.Pool());
        std::string key = idempotency_key;
        auto rows = Query(sql, "WHERE idempotency_key = :key",
                          [&](soci::statement& st) { st.exchange(soci::use(key, "key")); });
        if (rows.empty()) {
            return std::nullopt;
        }
        return rows.front();
    });
}

std::vector<OutboxEntry> Outbox::ListUnconfirmed(const std::optional<std::string>& platform_url,
                                                 std::optional<std::int64_t> partner_id) {
    return Guarded("outbox.list_unconfirmed", [&] {
        soci::session sql(m_workspace.Pool());
        std::string url = platform_url.value_or("");
        long long partner = partner_id.value_or(0);
        int anyUrl = platform_url ? 0 : 1;
        int anyPartner = partner_id ? 0 : 1;
        return Query(sql,
                     "WHERE state IN ('pending', 'sent') AND (:any_url = 1 OR platform_url = :url) "
                     "AND (:any_partner = 1 OR partner_id = :partner) ORDER BY id",
                     [&](soci::statement& st) {
                         st.exchange(soci::use(anyUrl, "any_url"));
                         st.exchange(soci::use(url, "url"));
                         st.exchange(soci::use(anyPartner, "any_partner"));
                         st.exchange(soci::use(partner, "partner"));
                     });
    });
}

std::vector<OutboxEntry> Outbox::ListByState(OutboxState state) {
    return Guarded("outbox.list_by_state", [&] {
        soci::session sql(m_workspace.Pool());
        std::string s(ToString(state));
        return Query(sql, "WHERE state = :state ORDER BY id",
                     [&](soci::statement& st) { st.exchange(soci::use(s, "state")); });
    });
}

} // namespace kpd::store
