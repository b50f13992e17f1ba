// /assets: uploads judged by their bytes (corrupt, mistyped, oversized and
// misshapen images refused with nothing stored), sha256 dedup, partner
// scoping and the audit.
#include "card_screen_helper.h"

#include <boost/test/unit_test.hpp>

#include <thread>

using namespace kpd::sandbox_test;
namespace utf = boost::unit_test;

namespace {
// The newest audit entry's id in the second demo partner: what an upload
// that stored nothing leaves unchanged.
std::int64_t NewestAuditId() {
    return NewestChange("other.admin").at("id").get<std::int64_t>();
}
} // namespace

BOOST_AUTO_TEST_SUITE(assets, *utf::fixture<SuiteSandbox>())

BOOST_AUTO_TEST_CASE(an_image_is_stored_once_and_the_same_bytes_answer_the_same_asset) {
    auto token = Api().SignIn("other.marketing");
    auto png = DemoLogoPng();
    auto created = Upload(Direct(), token, "logo", png);
    BOOST_TEST(created.status == 201, created.body);
    BOOST_TEST(created.json.at("slot") == "logo");
    BOOST_TEST(created.json.at("media_type") == "image/png");
    BOOST_TEST(created.json.at("width") == 256);
    BOOST_TEST(created.json.at("height") == 256);
    BOOST_TEST(created.json.at("bytes") == png.size());
    const auto id = created.json.at("id").get<std::string>();
    BOOST_TEST(created.Header("Location") == "/v1/assets/" + id);
    auto audited = NewestAuditId();

    auto again = Upload(Direct(), token, "logo", png);
    BOOST_TEST(again.status == 200);
    BOOST_TEST(again.json == created.json);
    BOOST_TEST(NewestAuditId() == audited); // nothing new was stored

    BOOST_TEST(Api().Get("/v1/assets/" + id, token).json == created.json);
    auto content = Direct().Get("/v1/assets/" + id + "/content", Api().SignIn("other.admin"));
    BOOST_TEST(content.status == 200);
    BOOST_TEST(content.body == png);
}

BOOST_AUTO_TEST_CASE(a_corrupt_png_is_422_and_nothing_is_stored) {
    auto token = Api().SignIn("other.marketing");
    auto before = NewestAuditId();
    auto corrupt = DemoLogoPng();
    corrupt[corrupt.size() / 2] = static_cast<char>(corrupt[corrupt.size() / 2] ^ 0x55); // breaks a CRC
    auto reply = Upload(Direct(), token, "logo", corrupt);
    BOOST_TEST(reply.status == 422);
    BOOST_TEST(reply.Code() == "invalid_image");
    auto truncated = DemoLogoPng();
    truncated.resize(truncated.size() / 3);
    BOOST_TEST(Upload(Direct(), token, "logo", truncated).Code() == "invalid_image");
    BOOST_TEST(Upload(Api(), token, "logo", "not an image at all").Code() == "invalid_image");
    BOOST_TEST(NewestAuditId() == before);
}

BOOST_AUTO_TEST_CASE(the_declared_type_must_be_the_bytes_type_and_png_or_jpeg) {
    auto token = Api().SignIn("other.marketing");
    auto before = NewestAuditId();
    auto mistyped = Upload(Direct(), token, "logo", DemoLogoPng(), "image/jpeg");
    BOOST_TEST(mistyped.status == 422);
    BOOST_TEST(mistyped.Code() == "invalid_image");
    auto gif = Upload(Direct(), token, "logo", "GIF89a....", "image/gif");
    BOOST_TEST(gif.status == 415);
    BOOST_TEST(gif.Code() == "unsupported_media_type");
    auto slot = Upload(Direct(), token, "sticker", DemoLogoPng());
    BOOST_TEST(slot.status == 400);
    BOOST_TEST(NewestAuditId() == before);
}

BOOST_AUTO_TEST_CASE(an_image_that_does_not_fit_its_slot_is_422_at_the_body) {
    auto token = Api().SignIn("other.marketing");
    auto before = NewestAuditId();
    auto reply = Upload(Direct(), token, "banner", DemoLogoPng()); // square, a banner is 4:1
    BOOST_TEST(reply.status == 422);
    BOOST_TEST(reply.Code() == "validation_failed");
    BOOST_TEST(HasProblem(reply.json.at("errors"), "", "image_dimensions"), reply.body);
    BOOST_TEST(NewestAuditId() == before);
}

BOOST_AUTO_TEST_CASE(an_image_over_2_mib_is_413_from_the_route_not_the_1_mib_limit) {
    auto token = Api().SignIn("other.marketing");
    std::string padded = DemoLogoPng();
    padded.resize(1536 * 1024, '\0'); // above the generic 1 MiB, within 2 MiB
    auto midsize = Upload(Direct(), token, "logo", padded);
    BOOST_TEST(midsize.status != 413, midsize.body); // read and judged by the route
    BOOST_TEST(midsize.status < 500);
    padded.resize(3 * 1024 * 1024, '\0');
    auto large = Upload(Direct(), token, "logo", padded);
    BOOST_TEST(large.status == 413);
    BOOST_TEST(large.Code() == "payload_too_large");
    BOOST_TEST(large.json.at("detail").get<std::string>().find("2097152") != std::string::npos,
               large.body);
}

BOOST_AUTO_TEST_CASE(an_upload_is_audited_and_another_partner_sees_404) {
    auto token = Api().SignIn("other.marketing");
    auto banner = Direct().Get("/v1/assets/" +
                                DemoPublishedScreen().at("banners").at(0).at("asset").get<std::string>() +
                                "/content",
                            Api().SignIn("viewer"));
    BOOST_REQUIRE_EQUAL(banner.status, 200);
    auto created = Upload(Direct(), token, "banner", banner.body);
    BOOST_TEST(created.status == 201);
    auto audit = NewestChange("other.admin");
    BOOST_TEST(audit.at("action") == "asset.uploaded");
    BOOST_TEST(audit.at("object_id") == created.json.at("id"));

    // The first partner uploaded the same bytes, but its asset is not this one.
    auto mine = created.json.at("id").get<std::string>();
    BOOST_TEST(Api().Get("/v1/assets/" + mine, Api().SignIn("viewer")).status == 404);
    BOOST_TEST(Api().Get("/v1/assets/" + mine + "/content", Api().SignIn("viewer")).status == 404);
}

BOOST_AUTO_TEST_CASE(two_racing_uploads_of_one_file_store_one_asset) {
    auto desk1 = Api().SignIn("other.marketing");
    auto desk2 = Api().SignIn("other.admin");
    auto id = DemoPublishedScreen().at("banners").at(1).at("asset").get<std::string>();
    auto banner = Direct().Get("/v1/assets/" + id + "/content", Api().SignIn("viewer"));
    BOOST_REQUIRE_EQUAL(banner.status, 200);
    Reply first, second;
    std::thread t1([&] { first = Upload(Direct(), desk1, "banner", banner.body); });
    std::thread t2([&] { second = Upload(Direct(), desk2, "banner", banner.body); });
    t1.join();
    t2.join();
    // One stored it (201); the other, whichever came second, found it (200).
    BOOST_TEST(first.status + second.status == 201 + 200, first.body + " / " + second.body);
    BOOST_TEST(first.json.at("id") == second.json.at("id"));
    BOOST_TEST(NewestChange("other.admin").at("object_id") == first.json.at("id"));
}

BOOST_AUTO_TEST_SUITE_END()
