// PlatformClient's card screen and asset calls against a real
// platform-sandbox (demo seed): ETag versions, If-Match conflicts carrying the
// platform's state, publish/versions/rollback, uploads with sha256 dedup.
// One sandbox for the suite (with Prism in front in contract runs); every case
// starts from the state it reads, so the order of the cases does not matter.
// Image bytes go to the sandbox directly: Prism does not pass binary bodies intact.
#include "api_test_helpers.h"
#include "test_png.h"

#include "api/platform_client.h"
#include "domain/card_screen_sample.h"
#include "support/sandbox_process.h"

#include <boost/test/unit_test.hpp>

#include <memory>

using namespace kpd::api;
using kpd::domain::ImageSlot;

namespace {

kpd::test::SandboxProcess& Sandbox() {
    static auto sandbox = std::make_unique<kpd::test::SandboxProcess>();
    return *sandbox;
}

struct CardScreenFixture {
    PlatformClient As(const std::string& login, bool direct = false) {
        ClientOptions options;
        options.base_url = direct ? Sandbox().DirectUrl() : Sandbox().BaseUrl();
        options.user_agent = "api-client-tests";
        PlatformClient client(options);
        auto session = client.SignIn(login, "demo");
        BOOST_REQUIRE_MESSAGE(session.Ok(), "sign-in as " + login + " failed: " + Why(session));
        return client;
    }
};

kpd::domain::CardScreen EditedScreen(const std::string& accent) {
    auto screen = kpd::domain::SampleCardScreen();
    screen.theme.accent_color = accent;
    return screen;
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(sandbox_card_screen, CardScreenFixture)

BOOST_AUTO_TEST_CASE(put_draft_then_get_shows_it_with_the_next_version) {
    auto client = As("marketing");
    auto before = client.GetCardScreen();
    BOOST_REQUIRE_MESSAGE(before.Ok(), Why(before));
    auto screen = EditedScreen("#123456");
    auto put = client.PutCardScreenDraft(screen, before.Value().version);
    BOOST_REQUIRE_MESSAGE(put.Ok(), Why(put));
    BOOST_TEST(put.Value().version > before.Value().version);
    BOOST_REQUIRE(put.Value().draft.has_value());
    BOOST_TEST((*put.Value().draft == screen));
    auto after = client.GetCardScreen();
    BOOST_REQUIRE_MESSAGE(after.Ok(), Why(after));
    BOOST_TEST(after.Value().version == put.Value().version);
    BOOST_TEST((after.Value().draft == put.Value().draft));
}

BOOST_AUTO_TEST_CASE(a_stale_put_is_412_carrying_the_platforms_state) {
    auto first = As("marketing");
    auto second = As("admin");
    auto base = first.GetCardScreen();
    BOOST_REQUIRE_MESSAGE(base.Ok(), Why(base));
    auto won = second.PutCardScreenDraft(EditedScreen("#111111"), base.Value().version);
    BOOST_REQUIRE_MESSAGE(won.Ok(), Why(won));
    auto lost = first.PutCardScreenDraft(EditedScreen("#222222"), base.Value().version);
    BOOST_REQUIRE(!lost.Ok());
    BOOST_TEST(lost.Error().kind == ApiErrorKind::PreconditionFailed);
    BOOST_TEST(lost.Error().code == "version_mismatch");
    auto current = CurrentCardScreenOf(lost.Error());
    BOOST_REQUIRE(current.has_value());
    BOOST_TEST(current->version == won.Value().version);
    BOOST_REQUIRE(current->draft.has_value());
    BOOST_TEST(current->draft->theme.accent_color == "#111111");
}

BOOST_AUTO_TEST_CASE(publish_lists_a_version_and_rollback_publishes_an_older_one) {
    auto client = As("marketing");
    auto state = client.GetCardScreen();
    BOOST_REQUIRE_MESSAGE(state.Ok(), Why(state));
    auto put = client.PutCardScreenDraft(EditedScreen("#0A0A0A"), state.Value().version);
    BOOST_REQUIRE_MESSAGE(put.Ok(), Why(put));
    auto published = client.PublishCardScreen(put.Value().version, NewIdempotencyKey());
    BOOST_REQUIRE_MESSAGE(published.Ok(), Why(published));
    BOOST_TEST(!published.Value().draft.has_value());
    BOOST_REQUIRE(published.Value().published.has_value());
    BOOST_TEST(published.Value().published->theme.accent_color == "#0A0A0A");
    const auto number = published.Value().published_version;
    BOOST_TEST(number == state.Value().published_version + 1);

    auto page = client.ListCardScreenVersions(2);
    BOOST_REQUIRE_MESSAGE(page.Ok(), Why(page));
    BOOST_REQUIRE(!page.Value().items.empty());
    BOOST_TEST(page.Value().items.front().number == number); // newest first
    BOOST_TEST(page.Value().items.front().published_by == "marketing");

    auto one = client.GetCardScreenVersion(number);
    BOOST_REQUIRE_MESSAGE(one.Ok(), Why(one));
    BOOST_TEST(one.Value().screen.theme.accent_color == "#0A0A0A");
    BOOST_TEST(client.GetCardScreenVersion(number + 100).Error().kind == ApiErrorKind::NotFound);

    BOOST_REQUIRE(number >= 2); // the demo seed publishes before this test does
    auto older = client.GetCardScreenVersion(number - 1);
    BOOST_REQUIRE_MESSAGE(older.Ok(), Why(older));
    auto rolled = client.RollbackCardScreen(number - 1, published.Value().version, NewIdempotencyKey());
    BOOST_REQUIRE_MESSAGE(rolled.Ok(), Why(rolled));
    BOOST_TEST(rolled.Value().published_version == number + 1);
    BOOST_TEST((rolled.Value().published == older.Value().screen));
    auto newest = client.GetCardScreenVersion(number + 1);
    BOOST_REQUIRE_MESSAGE(newest.Ok(), Why(newest));
    BOOST_TEST((newest.Value().rolled_back_from == std::optional<std::int64_t>(number - 1)));
}

BOOST_AUTO_TEST_CASE(publishing_twice_from_the_same_version_lets_one_win) {
    auto a = As("marketing");
    auto b = As("admin");
    auto state = a.GetCardScreen();
    BOOST_REQUIRE_MESSAGE(state.Ok(), Why(state));
    auto put = a.PutCardScreenDraft(EditedScreen("#333333"), state.Value().version);
    BOOST_REQUIRE_MESSAGE(put.Ok(), Why(put));
    auto first = a.PublishCardScreen(put.Value().version, NewIdempotencyKey());
    auto second = b.PublishCardScreen(put.Value().version, NewIdempotencyKey());
    BOOST_TEST(first.Ok());
    BOOST_REQUIRE(!second.Ok());
    BOOST_TEST(second.Error().kind == ApiErrorKind::PreconditionFailed);
    BOOST_TEST(CurrentCardScreenOf(second.Error()).has_value());
}

BOOST_AUTO_TEST_CASE(a_viewer_may_read_but_not_save) {
    auto viewer = As("viewer");
    auto state = viewer.GetCardScreen();
    BOOST_REQUIRE_MESSAGE(state.Ok(), Why(state));
    auto put = viewer.PutCardScreenDraft(EditedScreen("#444444"), state.Value().version);
    BOOST_REQUIRE(!put.Ok());
    BOOST_TEST(put.Error().kind == ApiErrorKind::Forbidden);
}

BOOST_AUTO_TEST_CASE(an_invalid_draft_is_422_with_every_problem_at_its_pointer) {
    auto client = As("marketing");
    auto state = client.GetCardScreen();
    BOOST_REQUIRE_MESSAGE(state.Ok(), Why(state));
    auto screen = EditedScreen("#555555");
    screen.theme.text_color = screen.theme.background_color; // contrast 1:1
    screen.links.rules_url = "javascript:alert(1)";
    auto put = client.PutCardScreenDraft(screen, state.Value().version);
    BOOST_REQUIRE(!put.Ok());
    BOOST_TEST(put.Error().kind == ApiErrorKind::Validation);
    auto has = [&](const std::string& field) {
        for (const auto& p : put.Error().problems) {
            if (p.field == field) {
                return true;
            }
        }
        return false;
    };
    BOOST_TEST(has("/theme/text_color"));
    BOOST_TEST(has("/links/rules_url"));
    BOOST_TEST(client.GetCardScreen().Value().version == state.Value().version); // nothing saved
}

BOOST_AUTO_TEST_CASE(upload_creates_once_then_dedups_and_serves_the_bytes) {
    auto client = As("marketing", /*direct=*/true);
    auto png = kpd::test::MakePng(256, 256, 0xFF7043);
    auto created = client.UploadAsset(ImageSlot::Logo, png, "image/png", NewIdempotencyKey());
    BOOST_REQUIRE_MESSAGE(created.Ok(), Why(created));
    BOOST_TEST(created.Value().created);
    const auto& info = created.Value().info;
    BOOST_TEST(info.width == 256);
    BOOST_TEST(info.height == 256);
    BOOST_TEST(info.bytes == static_cast<std::int64_t>(png.size()));
    BOOST_TEST(info.sha256.size() == 64u);

    auto again = client.UploadAsset(ImageSlot::Logo, png, "image/png", NewIdempotencyKey());
    BOOST_REQUIRE_MESSAGE(again.Ok(), Why(again));
    BOOST_TEST(!again.Value().created);
    BOOST_TEST(again.Value().info.id == info.id);

    auto read = client.GetAsset(info.id);
    BOOST_REQUIRE_MESSAGE(read.Ok(), Why(read));
    BOOST_TEST((read.Value() == info));
    auto content = client.GetAssetContent(info.id);
    BOOST_REQUIRE_MESSAGE(content.Ok(), Why(content));
    BOOST_TEST((content.Value().bytes == png));
    BOOST_TEST(content.Value().media_type == "image/png");
    BOOST_TEST(content.Value().sha256 == info.sha256);
}

BOOST_AUTO_TEST_CASE(a_corrupt_png_is_422_invalid_image) {
    auto client = As("marketing", /*direct=*/true);
    auto bad = client.UploadAsset(ImageSlot::Logo, kpd::test::Corrupted(kpd::test::MakePng(256, 256)), "image/png",
                                  NewIdempotencyKey());
    BOOST_REQUIRE(!bad.Ok());
    BOOST_TEST(bad.Error().kind == ApiErrorKind::Validation);
    BOOST_TEST(bad.Error().code == "invalid_image");
}

BOOST_AUTO_TEST_CASE(a_wrongly_shaped_image_is_422_validation_failed) {
    auto client = As("marketing", /*direct=*/true);
    auto bad = client.UploadAsset(ImageSlot::Banner, kpd::test::MakePng(256, 256), "image/png", NewIdempotencyKey());
    BOOST_REQUIRE(!bad.Ok());
    BOOST_TEST(bad.Error().kind == ApiErrorKind::Validation);
    BOOST_TEST(bad.Error().code == "validation_failed");
}

BOOST_AUTO_TEST_SUITE_END()
