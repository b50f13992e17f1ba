// Card screen images: checked before any upload, uploaded once (sha256 dedup),
// read back through the workspace cache (also with the platform gone).
#include "desk_fixture.h"

#include "../api/test_png.h"
#include "services/card_screen_assets.h"
#include "store/sha256.h"

using namespace kpd;

BOOST_FIXTURE_TEST_SUITE(card_screen_assets, test::DeskFixture)

BOOST_AUTO_TEST_CASE(check_image_applies_the_slot_rules_at_the_field) {
    auto ok = services::CheckImage(test::MakePng(256, 256), domain::ImageSlot::Logo, "/theme/logo");
    BOOST_TEST(ok.problems.empty());
    BOOST_TEST(ok.info.width == 256);
    BOOST_TEST(ok.info.media_type == "image/png");

    auto banner = services::CheckImage(test::MakePng(256, 256), domain::ImageSlot::Banner, "/banners/0/asset");
    BOOST_REQUIRE(!banner.problems.empty());
    BOOST_TEST(banner.problems.front().field == "/banners/0/asset");

    auto big = services::CheckImage(test::MakePng(1024, 1024), domain::ImageSlot::Logo, "/theme/logo");
    BOOST_TEST(big.info.bytes > 3 * 1000 * 1000);
    BOOST_REQUIRE(!big.problems.empty());
    BOOST_TEST(big.problems.front().field == "/theme/logo");
    BOOST_TEST(big.problems.front().code == "image_too_large");

    auto corrupt = services::CheckImage(test::Corrupted(test::MakePng(256, 256)), domain::ImageSlot::Logo, "/theme/logo");
    BOOST_REQUIRE(!corrupt.problems.empty());
    BOOST_TEST(corrupt.problems.front().code == "invalid_image");
}

BOOST_AUTO_TEST_CASE(upload_then_dedup_then_bytes_from_the_cache_offline) {
    SignInAs("marketing");
    auto png = test::MakePng(300, 300, 0x336699);
    auto first = services::UploadImage(Client(), Ws(), domain::ImageSlot::Logo, png, "/theme/logo");
    BOOST_REQUIRE_MESSAGE(first.Ok(), (first.error ? first.error->message : "problems"));
    BOOST_TEST(first.value->created);
    BOOST_TEST(first.value->info.sha256 == store::Sha256Hex(png));
    auto second = services::UploadImage(Client(), Ws(), domain::ImageSlot::Logo, png, "/theme/logo");
    BOOST_REQUIRE(second.Ok());
    BOOST_TEST(!second.value->created);
    BOOST_TEST(second.value->info.id == first.value->info.id);
    BOOST_TEST(Count("audit_log", "action = 'asset.uploaded'") == 2);
    BOOST_TEST(Count("asset_cache") == 1);

    sandbox.Stop();
    auto bytes = services::AssetBytes(Client(), Ws(), first.value->info.id);
    BOOST_REQUIRE(bytes.Ok());
    BOOST_TEST((bytes.Value() == png));
}

BOOST_AUTO_TEST_CASE(asset_bytes_are_fetched_once_then_cached) {
    SignInAs("marketing");
    auto png = test::MakePng(800, 200, 0x993366);
    // Another desk uploads; this workspace has never seen the bytes.
    auto otherWs = store::Workspace(test::FreshDatabaseUrl("other_workspace"));
    auto other = NewClient();
    BOOST_REQUIRE(services::SignIn(*other, otherWs, "admin", "demo").Ok());
    auto uploaded = services::UploadImage(*other, otherWs, domain::ImageSlot::Banner, png, "/banners/0/asset");
    BOOST_REQUIRE(uploaded.Ok());
    BOOST_TEST(Count("asset_cache") == 0);

    domain::CardScreen screen;
    screen.banners.push_back({uploaded.value->info.id, "Доставка", {}});
    screen.theme.logo = "ast_unknown";
    auto images = services::FetchScreenImages(Client(), Ws(), screen);
    BOOST_REQUIRE(images.bytes.count(uploaded.value->info.id) == 1u);
    BOOST_TEST((images.bytes[uploaded.value->info.id] == png));
    BOOST_REQUIRE(images.missing.size() == 1u);
    BOOST_TEST(images.missing.front().first == "ast_unknown");
    BOOST_TEST((images.missing.front().second.kind == api::ApiErrorKind::NotFound));
    BOOST_TEST(Count("asset_cache") == 1);
}

BOOST_AUTO_TEST_CASE(a_bad_image_is_not_sent) {
    SignInAs("marketing");
    auto big = services::UploadImage(Client(), Ws(), domain::ImageSlot::Logo, test::MakePng(1024, 1024), "/theme/logo");
    BOOST_REQUIRE(!big.Ok());
    BOOST_TEST(!big.error.has_value()); // refused here, never sent
    BOOST_TEST(big.problems.front().field == "/theme/logo");
    BOOST_TEST(Count("audit_log", "action = 'asset.uploaded'") == 0);
    BOOST_TEST(Count("asset_cache") == 0);
}

BOOST_AUTO_TEST_SUITE_END()
