// /v1/card-screen: the partner's card screen (read by every role; the draft
// saved, published and rolled back by marketing and partner_admin). Each
// change is a guarded update on the version the caller read (If-Match), so
// of two desks that read the same version exactly one changes it and the
// other hears 412 with the current state; nothing is saved on any error.
#include "contract/card_screen_json.h"
#include "domain/card_screen_rules.h"
#include "sandbox/asset_repository.h"
#include "sandbox/card_screen_repository.h"
#include "sandbox/http_util.h"
#include "sandbox/routes.h"

#include <algorithm>

namespace kpd::sandbox {

namespace {
const char* kVersionPath = R"(/v1/card-screen/versions/(\d{1,18}))";
const char* kVersionsCursor = "card-screen-versions";

std::string PartnerObjectId(const RequestContext& ctx) {
    return std::to_string(ctx.caller->partner_id);
}

void SendState(RequestContext& ctx, int status, const domain::CardScreenState& state) {
    ctx.res.set_header("ETag", ETagOf(state.version));
    SendJson(ctx.res, status, contract::ToJson(state));
}

// 428 unless the request names the version it was made from.
bool RequireIfMatch(RequestContext& ctx, const domain::CardScreenState& state) {
    if (ctx.req.has_header("If-Match")) {
        return true;
    }
    SendProblem(ctx.res, 428, "if_match_required",
                "send If-Match with the ETag of the card screen you read, e.g. If-Match: " +
                    ETagOf(state.version));
    return false;
}

bool IfMatchIs(const RequestContext& ctx, std::int64_t version) {
    auto expected = VersionFromIfMatch(ctx.req.get_header_value("If-Match"));
    return expected && *expected == version;
}

// 412 with the state as it is now, for the caller to compare and choose.
void SendVersionMismatch(RequestContext& ctx) {
    auto current = LoadCardScreen(ctx.db, ctx.caller->partner_id);
    ctx.res.set_header("ETag", ETagOf(current.version));
    SendProblem(ctx.res,
                contract::MakeProblem(412, "version_mismatch",
                                      "the card screen changed since you read it; current "
                                      "version is " +
                                          std::to_string(current.version)),
                {{"current", contract::ToJson(current)}});
}

// Preconditions before content (RFC 9110 section 13.2.2): 428 without
// If-Match, 412 with the current state when it names another version.
// The handler passes the state it then acts on, so the guarded update below
// is on the very version the caller named.
bool VersionHolds(RequestContext& ctx, const domain::CardScreenState& state) {
    if (!RequireIfMatch(ctx, state)) {
        return false;
    }
    if (!IfMatchIs(ctx, state.version)) {
        SendVersionMismatch(ctx);
        return false;
    }
    return true;
}

bool VersionHoldsNow(RequestContext& ctx) {
    return VersionHolds(ctx, LoadCardScreen(ctx.db, ctx.caller->partner_id));
}

// Every problem with a screen, its assets looked up among the partner's.
domain::Problems ProblemsOf(RequestContext& ctx, const domain::CardScreen& screen) {
    return domain::ValidateCardScreen(screen, AssetLookupFor(ctx.db, ctx.caller->partner_id));
}

void AppendMissing(domain::Problems& into, const domain::Problems& more) {
    for (const auto& p : more) {
        if (std::find(into.begin(), into.end(), p) == into.end()) {
            into.push_back(p);
        }
    }
}

void GetCardScreen(RequestContext& ctx) {
    SendState(ctx, 200, LoadCardScreen(ctx.db, ctx.caller->partner_id));
}

void PutDraft(RequestContext& ctx) {
    if (!VersionHoldsNow(ctx)) {
        return;
    }
    // Reading and the rules both report: a body with a wrong type in one
    // field still hears about the banners and colours of the others.
    domain::Problems problems;
    auto draft = contract::CardScreenFromJson(ctx.body, problems);
    if (draft) {
        AppendMissing(problems, ProblemsOf(ctx, *draft));
    }
    if (!draft || !problems.empty()) {
        SendProblem(ctx.res, 422, "validation_failed", "the card screen has mistakes", problems);
        return;
    }
    auto expected = VersionFromIfMatch(ctx.req.get_header_value("If-Match"));
    if (!expected || !SaveDraft(ctx.db, ctx.caller->partner_id, *expected, *draft, ctx.NowText())) {
        SendVersionMismatch(ctx); // another save won between our check and our update
        return;
    }
    auto saved = LoadCardScreen(ctx.db, ctx.caller->partner_id);
    ctx.Audit("card_screen.draft_saved", "card_screen", PartnerObjectId(ctx),
              "saved the draft; version " + std::to_string(saved.version));
    SendState(ctx, 200, saved);
}

void PublishDraft(RequestContext& ctx) {
    auto state = LoadCardScreen(ctx.db, ctx.caller->partner_id);
    if (!VersionHolds(ctx, state)) {
        return;
    }
    if (!state.draft) {
        SendProblem(ctx.res, 409, "no_draft", "there is no draft to publish; save one first");
        return;
    }
    // The rules may have changed, or an asset gone, since the draft was saved.
    auto problems = ProblemsOf(ctx, *state.draft);
    if (!problems.empty()) {
        SendProblem(ctx.res, 422, "validation_failed", "the draft has mistakes", problems);
        return;
    }
    Publication publication{*state.draft, ctx.NowText(), ctx.caller->user.login, std::nullopt,
                            true};
    auto number = Publish(ctx.db, ctx.caller->partner_id, state.version, publication);
    if (!number) {
        SendVersionMismatch(ctx); // another publish won between our read and our update
        return;
    }
    ctx.Audit("card_screen.published", "card_screen", PartnerObjectId(ctx),
              "published the draft as version " + std::to_string(*number));
    SendState(ctx, 200, LoadCardScreen(ctx.db, ctx.caller->partner_id));
}

void RollBack(RequestContext& ctx) {
    auto state = LoadCardScreen(ctx.db, ctx.caller->partner_id);
    if (!VersionHolds(ctx, state)) {
        return;
    }
    auto request = contract::RollbackRequestFromJson(ctx.body);
    if (!request.Ok()) {
        SendProblem(ctx.res, 422, "validation_failed", "the rollback request has mistakes",
                    request.problems);
        return;
    }
    const std::int64_t target = request.value->version;
    auto old = FindPublication(ctx.db, ctx.caller->partner_id, target);
    if (!old) {
        SendProblem(ctx.res, 404, "not_found",
                    "there is no published version " + std::to_string(target));
        return;
    }
    Publication publication{old->screen, ctx.NowText(), ctx.caller->user.login, target, false};
    auto number = Publish(ctx.db, ctx.caller->partner_id, state.version, publication);
    if (!number) {
        SendVersionMismatch(ctx);
        return;
    }
    ctx.Audit("card_screen.rolled_back", "card_screen", PartnerObjectId(ctx),
              "published version " + std::to_string(target) + " again as version " +
                  std::to_string(*number));
    SendState(ctx, 200, LoadCardScreen(ctx.db, ctx.caller->partner_id));
}

void ListVersions(RequestContext& ctx) {
    auto query = ReadPageQuery(ctx.req, ctx.res, kVersionsCursor);
    if (!query) {
        return;
    }
    // Newest first: the cursor is the last number shown, the next page is below it.
    auto versions = ListPublications(ctx.db, ctx.caller->partner_id, query->after.value_or(0),
                                     query->limit + 1);
    contract::Page<domain::CardScreenVersion> page;
    bool more = versions.size() > static_cast<std::size_t>(query->limit);
    if (more) {
        versions.pop_back();
    }
    page.items = std::move(versions);
    if (more && !page.items.empty()) {
        page.next_cursor = EncodeCursor(kVersionsCursor, page.items.back().number);
    }
    SendJson(ctx.res, 200, contract::PageToJson(page, [](const domain::CardScreenVersion& v) {
                 return contract::ToJson(v, false);
             }));
}

void GetVersion(RequestContext& ctx) {
    auto version = FindPublication(ctx.db, ctx.caller->partner_id, ctx.PathId());
    if (!version) {
        SendProblem(ctx.res, 404, "not_found", "no such published version");
        return;
    }
    SendJson(ctx.res, 200, contract::ToJson(*version, true));
}
} // namespace

void AddCardScreenRoutes(Router& router) {
    router.Add({"GET", "/v1/card-screen", Access::AnyRole, Body::None, false, false,
                GetCardScreen});
    router.Add({"PUT", "/v1/card-screen/draft", Access::CardEditor, Body::Json, true, false,
                PutDraft,
                [](const nlohmann::json& body) {
                    domain::Problems ignored;
                    (void)contract::CardScreenFromJson(body, ignored, "");
                },
                VersionHoldsNow});
    router.Add({"POST", "/v1/card-screen/publish", Access::CardEditor, Body::Optional, true, true,
                PublishDraft, ReadsKeys({}), VersionHoldsNow});
    router.Add({"GET", "/v1/card-screen/versions", Access::AnyRole, Body::None, false, false,
                ListVersions});
    router.Add({"GET", kVersionPath, Access::AnyRole, Body::None, false, false, GetVersion});
    router.Add({"POST", "/v1/card-screen/rollback", Access::CardEditor, Body::Json, true, true,
                RollBack, ReadsWith(contract::RollbackRequestFromJson), VersionHoldsNow});
}

} // namespace kpd::sandbox
