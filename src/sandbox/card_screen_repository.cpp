#include "sandbox/card_screen_repository.h"

#include "contract/card_screen_json.h"
#include "contract/json_parse.h"
#include "store/soci_optional.h"

#include <limits>
#include <stdexcept>

namespace kpd::sandbox {

namespace {
std::string ScreenToColumn(const domain::CardScreen& screen) {
    return contract::ToJson(screen).dump();
}

// The sandbox wrote every stored screen itself after validating it, so one
// that does not read back is a broken database, not a user's mistake.
domain::CardScreen ScreenFromColumn(const std::string& text, const std::string& what) {
    auto json = contract::ParseJsonOrDiscarded(text);
    auto parsed = contract::CardScreenFromJson(json);
    if (!parsed.Ok()) {
        throw std::runtime_error("the stored " + what + " card screen does not read back" +
                                 (parsed.problems.empty()
                                      ? std::string()
                                      : ": " + parsed.problems.front().field + " " +
                                            parsed.problems.front().message));
    }
    return *parsed.value;
}

// Creates the partner's row at version 0 unless it exists (both backends know
// ON CONFLICT DO NOTHING), so every change below is a plain guarded UPDATE.
void EnsureRow(soci::session& db, std::int64_t partnerId, const std::string& now) {
    db << "INSERT INTO card_screens (partner_id, draft, published, version, published_version, "
          "updated_at) VALUES (:partner_id, NULL, NULL, 0, 0, :now) "
          "ON CONFLICT (partner_id) DO NOTHING",
        soci::use(partnerId, "partner_id"), soci::use(now, "now");
}
} // namespace

domain::CardScreenState LoadCardScreen(soci::session& db, std::int64_t partnerId) {
    std::optional<std::string> draft, published;
    domain::CardScreenState state;
    db << "SELECT draft, published, version, published_version FROM card_screens "
          "WHERE partner_id = :partner_id",
        soci::into(draft), soci::into(published), soci::into(state.version),
        soci::into(state.published_version), soci::use(partnerId, "partner_id");
    if (!db.got_data()) {
        return {};
    }
    if (draft) {
        state.draft = ScreenFromColumn(*draft, "draft");
    }
    if (published) {
        state.published = ScreenFromColumn(*published, "published");
    }
    return state;
}

bool SaveDraft(soci::session& db, std::int64_t partnerId, std::int64_t expectedVersion,
               const domain::CardScreen& draft, const std::string& now) {
    EnsureRow(db, partnerId, now);
    std::string json = ScreenToColumn(draft);
    soci::statement st =
        (db.prepare << "UPDATE card_screens SET draft = :draft, version = version + 1, "
                       "updated_at = :now WHERE partner_id = :partner_id AND version = :version",
         soci::use(json, "draft"), soci::use(now, "now"), soci::use(partnerId, "partner_id"),
         soci::use(expectedVersion, "version"));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

std::optional<std::int64_t> Publish(soci::session& db, std::int64_t partnerId,
                                    std::int64_t expectedVersion, const Publication& publication) {
    EnsureRow(db, partnerId, publication.published_at);
    std::string json = ScreenToColumn(publication.screen);
    // On PostgreSQL a second UPDATE with the same expected version waits for
    // the first to commit and then finds the version moved: one winner.
    std::string draft = publication.clear_draft ? "NULL" : "draft";
    soci::statement st =
        (db.prepare << "UPDATE card_screens SET published = :published, draft = " + draft +
                           ", version = version + 1, published_version = published_version + 1, "
                           "updated_at = :now WHERE partner_id = :partner_id AND version = :version",
         soci::use(json, "published"), soci::use(publication.published_at, "now"),
         soci::use(partnerId, "partner_id"), soci::use(expectedVersion, "version"));
    st.execute(true);
    if (st.get_affected_rows() != 1) {
        return std::nullopt;
    }
    std::int64_t number = 0;
    db << "SELECT published_version FROM card_screens WHERE partner_id = :partner_id",
        soci::into(number), soci::use(partnerId, "partner_id");
    db << "INSERT INTO card_screen_publications (partner_id, number, published_at, published_by, "
          "rolled_back_from, screen) VALUES (:partner_id, :number, :published_at, :published_by, "
          ":rolled_back_from, :screen)",
        soci::use(partnerId, "partner_id"), soci::use(number, "number"),
        soci::use(publication.published_at, "published_at"),
        soci::use(publication.published_by, "published_by"),
        soci::use(publication.rolled_back_from, "rolled_back_from"), soci::use(json, "screen");
    return number;
}

std::vector<domain::CardScreenVersion> ListPublications(soci::session& db, std::int64_t partnerId,
                                                        std::int64_t beforeNumber, int limit) {
    std::vector<domain::CardScreenVersion> out;
    std::int64_t before =
        beforeNumber > 0 ? beforeNumber : std::numeric_limits<std::int64_t>::max();
    domain::CardScreenVersion v;
    std::optional<std::int64_t> from;
    soci::statement st =
        (db.prepare << "SELECT number, published_at, published_by, rolled_back_from "
                       "FROM card_screen_publications WHERE partner_id = :partner_id "
                       "AND number < :before ORDER BY number DESC LIMIT :limit",
         soci::into(v.number), soci::into(v.published_at), soci::into(v.published_by),
         soci::into(from), soci::use(partnerId, "partner_id"), soci::use(before, "before"),
         soci::use(limit, "limit"));
    st.execute();
    while (st.fetch()) {
        v.rolled_back_from = from;
        out.push_back(v);
    }
    return out;
}

std::optional<domain::CardScreenVersion> FindPublication(soci::session& db,
                                                         std::int64_t partnerId,
                                                         std::int64_t number) {
    domain::CardScreenVersion v;
    std::string screen;
    db << "SELECT number, published_at, published_by, rolled_back_from, screen "
          "FROM card_screen_publications WHERE partner_id = :partner_id AND number = :number",
        soci::into(v.number), soci::into(v.published_at), soci::into(v.published_by),
        soci::into(v.rolled_back_from), soci::into(screen), soci::use(partnerId, "partner_id"),
        soci::use(number, "number");
    if (!db.got_data()) {
        return std::nullopt;
    }
    v.screen = ScreenFromColumn(screen, "publication " + std::to_string(number) + "'s");
    return v;
}

} // namespace kpd::sandbox
