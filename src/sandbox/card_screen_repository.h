#pragma once
// A partner's card screen in the sandbox database: the draft, the published
// screen and the configuration's version (one row, created by the first
// change), and the append-only list of publications. Screens are kept as the
// JSON of PUT /card-screen/draft (contract/card_screen_json.h).
// Every change is a guarded UPDATE on the version the caller read, so of two
// requests that read the same version exactly one changes the row; the
// others get false and answer 412. Functions take the caller's session,
// inside the caller's transaction, and never open transactions of their own.
#include "domain/card_screen.h"

#include <optional>
#include <soci/soci.h>
#include <string>
#include <vector>

namespace kpd::sandbox {

// Version 0 with neither draft nor published screen when the partner has
// never saved one.
domain::CardScreenState LoadCardScreen(soci::session& db, std::int64_t partnerId);

// Sets the draft when the version is still `expectedVersion` and bumps it.
bool SaveDraft(soci::session& db, std::int64_t partnerId, std::int64_t expectedVersion,
               const domain::CardScreen& draft, const std::string& now);

struct Publication {
    domain::CardScreen screen;
    std::string published_at; // RFC 3339
    std::string published_by; // login
    std::optional<std::int64_t> rolled_back_from;
    bool clear_draft = true; // a publish consumes the draft; a rollback leaves it
};

// Publishes when the version is still `expectedVersion`: published = screen,
// version + 1, published_version + 1, and the publication recorded under the
// new published_version. Returns that number, or nullopt when the version moved.
std::optional<std::int64_t> Publish(soci::session& db, std::int64_t partnerId,
                                    std::int64_t expectedVersion, const Publication& publication);

// Publications numbered below `beforeNumber` (all when <= 0), newest first,
// at most `limit`; their screens are left default (the list does not show them).
std::vector<domain::CardScreenVersion> ListPublications(soci::session& db, std::int64_t partnerId,
                                                        std::int64_t beforeNumber, int limit);

std::optional<domain::CardScreenVersion> FindPublication(soci::session& db,
                                                         std::int64_t partnerId,
                                                         std::int64_t number);

} // namespace kpd::sandbox
