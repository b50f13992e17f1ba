// /card-screen: the demo data, roles, the draft (every problem at its
// pointer, nothing saved), If-Match, publishing (one winner of two racing
// desks), versions and rollback, and the audit of each change.
#include "card_screen_helper.h"

#include "contract/card_screen_json.h"
#include "domain/card_screen_sample.h"

#include <boost/test/unit_test.hpp>

#include <thread>

using namespace kpd::sandbox_test;
namespace utf = boost::unit_test;

namespace {
// The second demo partner has no card screen: its tests start at version 0
// (or wherever the suite's earlier cases left it, read from the ETag).
const char* kOtherEditor = "other.marketing";

nlohmann::json SampleScreen() {
    return kpd::contract::ToJson(kpd::domain::SampleCardScreen());
}

std::string NewestAuditAction(const std::string& adminLogin) {
    return NewestChange(adminLogin).at("action").get<std::string>();
}

// Publishes `screen` for the caller's partner as a new version; returns the new ETag.
std::string SaveAndPublish(const std::string& token, const nlohmann::json& screen) {
    auto saved = PutDraft(Api(), token, screen, CardScreenETag(token));
    BOOST_REQUIRE_EQUAL(saved.status, 200);
    auto published = Publish(token, saved.Header("ETag"));
    BOOST_REQUIRE_EQUAL(published.status, 200);
    return published.Header("ETag");
}
} // namespace

BOOST_AUTO_TEST_SUITE(card_screen_demo, *utf::fixture<SuiteSandbox>())

BOOST_AUTO_TEST_CASE(the_demo_partner_has_a_published_screen_two_versions_and_another_draft) {
    auto token = Api().SignIn("viewer");
    auto state = GetCardScreen(token);
    BOOST_TEST(state.status == 200);
    BOOST_TEST(state.Header("ETag") == "\"" + std::to_string(state.json.at("version").get<int>()) + "\"");
    BOOST_TEST(state.json.at("published_version") == 2);
    const auto& published = state.json.at("published");
    const auto& draft = state.json.at("draft");
    BOOST_REQUIRE(published.is_object());
    BOOST_REQUIRE(draft.is_object());
    BOOST_TEST(published.at("banners").size() == 2u);
    BOOST_TEST(draft.at("theme").at("accent_color") != published.at("theme").at("accent_color"));
    BOOST_TEST(draft.at("promo_blocks").size() == published.at("promo_blocks").size() + 1);

    auto versions = Api().Get("/v1/card-screen/versions", token);
    BOOST_TEST(versions.status == 200);
    BOOST_REQUIRE_EQUAL(versions.json.at("items").size(), 2u);
    BOOST_TEST(versions.json.at("items").at(0).at("number") == 2);
    BOOST_TEST(versions.json.at("items").at(0).at("published_by") == "marketing");
    auto second = Api().Get("/v1/card-screen/versions/2", token);
    BOOST_TEST(second.status == 200);
    BOOST_TEST(second.json.at("screen") == published);
}

BOOST_AUTO_TEST_CASE(the_demo_images_are_real_pngs_served_with_their_hash) {
    auto token = Api().SignIn("viewer");
    auto screen = DemoPublishedScreen();
    for (const auto& id : {screen.at("theme").at("logo"), screen.at("banners").at(0).at("asset"),
                           screen.at("banners").at(1).at("asset")}) {
        auto info = Api().Get("/v1/assets/" + id.get<std::string>(), token);
        BOOST_TEST(info.status == 200);
        BOOST_TEST(info.json.at("media_type") == "image/png");
        auto content = Direct().Get("/v1/assets/" + id.get<std::string>() + "/content", token);
        BOOST_TEST(content.status == 200);
        BOOST_TEST(content.Header("Content-Type") == "image/png");
        BOOST_TEST(content.Header("ETag") == "\"" + info.json.at("sha256").get<std::string>() + "\"");
        BOOST_TEST(content.body.size() == info.json.at("bytes").get<std::size_t>());
        BOOST_TEST(content.body.substr(1, 3) == "PNG");
    }
}

BOOST_AUTO_TEST_CASE(every_role_reads_and_only_marketing_and_admins_change) {
    auto viewer = Api().SignIn("viewer");
    auto finance = Api().SignIn("finance");
    auto etag = CardScreenETag(viewer);
    BOOST_TEST(GetCardScreen(finance).status == 200);
    BOOST_TEST(Api().Get("/v1/card-screen/versions", finance).status == 200);
    auto put = PutDraft(Api(), viewer, DemoPublishedScreen(), etag);
    BOOST_TEST(put.status == 403);
    BOOST_TEST(put.Code() == "forbidden");
    BOOST_TEST(Publish(finance, etag).status == 403);
    BOOST_TEST(Rollback(viewer, 1, etag).status == 403);
    BOOST_TEST(Upload(Api(), viewer, "logo", "text, never read: the role comes first").status == 403);
    BOOST_TEST(CardScreenETag(viewer) == etag); // nothing changed

    auto admin = Api().SignIn("admin");
    auto saved = PutDraft(Api(), admin, DemoPublishedScreen(), etag);
    BOOST_TEST(saved.status == 200);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(card_screen_draft, *utf::fixture<SuiteSandbox>())

BOOST_AUTO_TEST_CASE(a_draft_with_many_mistakes_reports_each_at_its_pointer_and_saves_nothing) {
    auto token = Api().SignIn("marketing");
    auto before = GetCardScreen(token);
    BOOST_REQUIRE_EQUAL(before.status, 200);

    // The 3 MiB logo never becomes an asset...
    std::string huge = DemoLogoPng();
    huge.resize(3 * 1024 * 1024, '\0');
    auto upload = Upload(Direct(), token, "logo", huge);
    BOOST_TEST(upload.status == 413);
    BOOST_TEST(upload.Code() == "payload_too_large");

    // ...so the draft that names it names an unknown asset, among six other mistakes.
    auto draft = before.json.at("published");
    draft["theme"]["logo"] = "ast_000000000000000000000000";
    draft["theme"]["background_color"] = "#FFFFFF";
    draft["theme"]["text_color"] = "#B7B7B7"; // 2.0:1 on white
    draft["theme"]["background_image"] = draft.at("banners").at(0).at("asset"); // a banner
    auto banner = draft.at("banners").at(0);
    draft["banners"] = nlohmann::json::array();
    for (int i = 0; i < 6; ++i) {
        draft["banners"].push_back(banner);
    }
    draft["banners"][1]["cta"] = {{"kind", "url"}, {"target", "javascript:alert(1)"}};
    nlohmann::json question = {
        {"text", "Любимый отдел?"}, {"kind", "text"}, {"required", false}, {"options", nlohmann::json::array()}};
    draft["questions"] = {question, question, question, question};
    draft["questions"][0]["kind"] = "single_choice";
    draft["questions"][0]["options"] = {"Выпечка"};

    // Rules a validating proxy would refuse itself: straight to the sandbox.
    auto reply = PutDraft(Direct(), token, draft, before.Header("ETag"));
    BOOST_TEST(reply.status == 422);
    BOOST_TEST(reply.Code() == "validation_failed");
    const auto& errors = reply.json.at("errors");
    BOOST_TEST(HasProblem(errors, "/banners/5", "too_many"), reply.body);
    BOOST_TEST(HasProblem(errors, "/theme/logo", "unknown_asset"), reply.body);
    BOOST_TEST(HasProblem(errors, "/theme/text_color", "low_contrast"), reply.body);
    BOOST_TEST(HasProblem(errors, "/theme/background_image", "wrong_slot"), reply.body);
    BOOST_TEST(HasProblem(errors, "/banners/1/cta/target", "unsafe_url"), reply.body);
    BOOST_TEST(HasProblem(errors, "/questions/3", "too_many"), reply.body);
    BOOST_TEST(HasProblem(errors, "/questions/0/options", "options_count"), reply.body);

    auto after = GetCardScreen(token);
    BOOST_TEST(after.Header("ETag") == before.Header("ETag"));
    BOOST_TEST(after.json == before.json);
}

BOOST_AUTO_TEST_CASE(a_draft_of_the_wrong_shape_reports_its_fields) {
    auto token = Api().SignIn("marketing");
    auto etag = CardScreenETag(token);
    auto draft = SampleScreen();
    draft["theme"]["text_color"] = 12;
    draft["qr_scanner"] = "yes";
    auto reply = PutDraft(Direct(), token, draft, etag);
    BOOST_TEST(reply.status == 422);
    BOOST_TEST(reply.json.at("errors").size() >= 2u, reply.body);
    BOOST_TEST(CardScreenETag(token) == etag);
}

BOOST_AUTO_TEST_CASE(a_draft_needs_if_match_and_a_stale_one_gets_the_current_state) {
    auto token = Api().SignIn(kOtherEditor);
    auto etag = CardScreenETag(token);
    auto missing = PutDraft(Api(), token, SampleScreen(), "");
    BOOST_TEST(missing.status == 428);
    BOOST_TEST(missing.Code() == "if_match_required");

    auto saved = PutDraft(Api(), token, SampleScreen(), etag);
    BOOST_TEST(saved.status == 200);
    BOOST_TEST(saved.Header("ETag") != etag);
    BOOST_TEST(saved.json.at("draft") == SampleScreen());

    auto changed = SampleScreen();
    changed["theme"]["accent_color"] = "#123456";
    auto stale = PutDraft(Api(), token, changed, etag);
    BOOST_TEST(stale.status == 412);
    BOOST_TEST(stale.Code() == "version_mismatch");
    BOOST_TEST(stale.json.at("current").at("draft") == SampleScreen());
    BOOST_TEST(stale.Header("ETag") == saved.Header("ETag"));
    BOOST_TEST(GetCardScreen(token).json.at("draft") == SampleScreen());
}

BOOST_AUTO_TEST_CASE(saving_a_draft_is_audited) {
    auto token = Api().SignIn(kOtherEditor);
    auto saved = PutDraft(Api(), token, SampleScreen(), CardScreenETag(token));
    BOOST_TEST(saved.status == 200);
    BOOST_TEST(NewestAuditAction("other.admin") == "card_screen.draft_saved");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(card_screen_publish, *utf::fixture<SuiteSandbox>())

BOOST_AUTO_TEST_CASE(publishing_without_a_draft_is_409_and_without_if_match_428) {
    auto token = Api().SignIn(kOtherEditor);
    auto etag = CardScreenETag(token);
    BOOST_TEST(Publish(token, "").status == 428);
    auto none = Publish(token, etag);
    BOOST_TEST(none.status == 409);
    BOOST_TEST(none.Code() == "no_draft");
    BOOST_TEST(CardScreenETag(token) == etag);
}

BOOST_AUTO_TEST_CASE(concurrent_publishes_from_two_desks_have_exactly_one_winner) {
    auto desk1 = Api().SignIn(kOtherEditor);
    auto desk2 = Api().SignIn("other.admin");
    auto draft = SampleScreen();
    draft["theme"]["accent_color"] = "#AD1457";
    auto saved = PutDraft(Api(), desk1, draft, CardScreenETag(desk1));
    BOOST_REQUIRE_EQUAL(saved.status, 200);
    const auto etag = saved.Header("ETag");
    const auto versionsBefore =
        Api().Get("/v1/card-screen/versions?limit=500", desk1).json.at("items").size();

    Reply first, second;
    std::thread t1([&] { first = Publish(desk1, etag); });
    std::thread t2([&] { second = Publish(desk2, etag); });
    t1.join();
    t2.join();

    BOOST_TEST((first.status == 200) + (second.status == 200) == 1);
    const Reply& loser = first.status == 200 ? second : first;
    BOOST_TEST(loser.status == 412);
    BOOST_TEST(loser.Code() == "version_mismatch");
    BOOST_TEST(loser.json.at("current").at("published") == draft);
    auto versions = Api().Get("/v1/card-screen/versions?limit=500", desk1).json.at("items");
    BOOST_TEST(versions.size() == versionsBefore + 1);

    // The loser keeps its own draft: saved again on the current version, it is there.
    auto mine = draft;
    mine["theme"]["accent_color"] = "#6A1B9A";
    auto kept = PutDraft(Api(), desk2, mine, loser.Header("ETag"));
    BOOST_TEST(kept.status == 200);
    BOOST_TEST(kept.json.at("draft") == mine);
    BOOST_TEST(kept.json.at("published") == draft);
}

BOOST_AUTO_TEST_CASE(a_publish_is_audited_and_replayed_by_its_idempotency_key) {
    auto token = Api().SignIn(kOtherEditor);
    auto saved = PutDraft(Api(), token, SampleScreen(), CardScreenETag(token));
    BOOST_REQUIRE_EQUAL(saved.status, 200);
    Headers key{{"Idempotency-Key", "publish-once"}};
    auto first = Publish(token, saved.Header("ETag"), key);
    BOOST_TEST(first.status == 200);
    BOOST_TEST(first.json.at("draft").is_null());
    auto again = Publish(token, saved.Header("ETag"), key);
    BOOST_TEST(again.status == 200);
    BOOST_TEST(again.Header("Idempotent-Replayed") == "true");
    BOOST_TEST(again.json == first.json);
    BOOST_TEST(NewestAuditAction("other.admin") == "card_screen.published");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(card_screen_versions, *utf::fixture<SuiteSandbox>())

BOOST_AUTO_TEST_CASE(rollback_publishes_an_old_version_again_and_keeps_the_draft) {
    auto token = Api().SignIn("marketing");
    auto before = GetCardScreen(token);
    auto first = Api().Get("/v1/card-screen/versions/1", token);
    BOOST_REQUIRE_EQUAL(first.status, 200);

    BOOST_TEST(Rollback(token, 1, "").status == 428);
    BOOST_TEST(Rollback(token, 1, "\"1\"").status == 412);
    auto unknown = Rollback(token, 99, before.Header("ETag"));
    BOOST_TEST(unknown.status == 404);

    auto rolled = Rollback(token, 1, before.Header("ETag"));
    BOOST_TEST(rolled.status == 200);
    BOOST_TEST(rolled.json.at("published") == first.json.at("screen"));
    BOOST_TEST(rolled.json.at("draft") == before.json.at("draft"));
    BOOST_TEST(rolled.json.at("published_version") == 3);

    auto newest = Api().Get("/v1/card-screen/versions?limit=1", token).json.at("items").at(0);
    BOOST_TEST(newest.at("number") == 3);
    BOOST_TEST(newest.at("rolled_back_from") == 1);
    BOOST_TEST(newest.at("published_by") == "marketing");
    BOOST_TEST(NewestAuditAction("admin") == "card_screen.rolled_back");
}

BOOST_AUTO_TEST_CASE(versions_come_newest_first_in_pages) {
    auto token = Api().SignIn(kOtherEditor);
    for (const char* accent : {"#C62828", "#283593", "#00695C", "#4E342E", "#37474F"}) {
        auto screen = SampleScreen();
        screen["theme"]["accent_color"] = accent;
        SaveAndPublish(token, screen);
    }
    std::vector<int> numbers;
    std::string path = "/v1/card-screen/versions?limit=2";
    for (int page = 0; page < 10; ++page) {
        auto reply = Api().Get(path, token);
        BOOST_REQUIRE_EQUAL(reply.status, 200);
        BOOST_TEST(reply.json.at("items").size() <= 2u);
        for (const auto& v : reply.json.at("items")) {
            numbers.push_back(v.at("number").get<int>());
            BOOST_TEST(v.at("rolled_back_from").is_null());
            BOOST_TEST(!v.contains("screen"));
        }
        if (reply.json.at("next_cursor").is_null()) {
            break;
        }
        path = "/v1/card-screen/versions?limit=2&cursor=" + reply.json.at("next_cursor").get<std::string>();
    }
    BOOST_TEST(numbers == (std::vector<int>{5, 4, 3, 2, 1}), boost::test_tools::per_element());
    auto third = Api().Get("/v1/card-screen/versions/3", token);
    BOOST_TEST(third.json.at("screen").at("theme").at("accent_color") == "#00695C");
    BOOST_TEST(Api().Get("/v1/card-screen/versions/6", token).status == 404);
    BOOST_TEST(Direct().Get("/v1/card-screen/versions?cursor=bogus", token).status == 400);
}

BOOST_AUTO_TEST_SUITE_END()
