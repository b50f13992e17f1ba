// `partnerctl card-screen render FILE --out PNG` run as a process: the PNG it
// writes scans back to the dynamic code the till expects at --at, and is the
// very picture the renderer draws in-process (the desk's preview) for the
// same screen, images and moment. Bad input exits 1 and says where.
#include "render_test_support.h"

#include "contract/card_screen_json.h"
#include "domain/card_screen_sample.h"
#include "domain/totp.h"
#include "render/card_preview.h"
#include "support/sanitizer_report.h"
#include "support/test_env.h"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>

namespace {

using namespace kpd;

constexpr const char* kAt = "2026-11-21T18:40:07+03:00";
constexpr std::int64_t kAtUnix = 1'795'275'607;

std::string Quote(const std::string& text) {
    std::string quoted = "'";
    for (char c : text) {
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return quoted + "'";
}

struct Run {
    int status = -1;
    std::string out;
    std::string err;
};

Run Partnerctl(const std::string& args) {
    const std::string errPath = kpd::test::MakeTempDir("partnerctl_err") + "/stderr";
    Run run;
    // No platform or user from the test's environment: FILE rendering needs neither.
    run.out = kpd::test::RunCommand(
        "env -u PARTNERCTL_USER -u PARTNER_DESK_PLATFORM LANG=C.UTF-8 " +
            std::string(KPD_PARTNERCTL_BIN) + " " + args + " 2>" + Quote(errPath),
        run.status);
    std::ifstream err(errPath);
    run.err.assign(std::istreambuf_iterator<char>(err), std::istreambuf_iterator<char>());
    kpd::test::ReportChildSanitizerFindings("partnerctl", run.err);
    return run;
}

std::vector<std::uint8_t> ReadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void WriteFile(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

void WriteFile(const std::string& path, const std::vector<std::uint8_t>& bytes) {
    std::ofstream(path, std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()),
               static_cast<std::streamsize>(bytes.size()));
}

// The demo's sample screen with a local logo and a local JPEG banner.
domain::CardScreen ScreenWithLocalImages(const std::string& dir) {
    WriteFile(dir + "/logo.png", kpd::test::SolidPng(256, 256, 0xFFC107));
    WriteFile(dir + "/images/banner.jpg", kpd::test::SolidJpeg(1029, 258, "#1E88E5"));
    domain::CardScreen screen = domain::SampleCardScreen();
    screen.theme.logo = "logo.png";
    screen.banners = {
        {std::string("images/banner.jpg"), "Осень", {domain::CtaKind::PromoList, ""}}};
    return screen;
}

} // namespace

BOOST_AUTO_TEST_SUITE(partnerctl_card_screen_render)

BOOST_AUTO_TEST_CASE(a_file_renders_to_the_desks_picture_and_its_code_scans) {
    const std::string dir = kpd::test::MakeTempDir("render_cli");
    std::filesystem::create_directories(dir + "/images");
    const domain::CardScreen screen = ScreenWithLocalImages(dir);
    WriteFile(dir + "/screen.json", contract::ToJson(screen).dump(2));

    const std::string out = dir + "/screen.png";
    const Run run =
        Partnerctl("--format json card-screen render " + Quote(dir + "/screen.json") + " --out " +
                   Quote(out) + " --lang en --at " + kAt + " --partner-name 'Полянка'");
    BOOST_TEST_REQUIRE(run.status == 0, run.err);
    const nlohmann::json answer = nlohmann::json::parse(run.out);

    // The code is the till's: prefix + sample card number + TOTP at --at.
    render::PreviewData data = render::SamplePreviewData("Полянка");
    data.card_number = render::SampleCardNumber(screen.identifier.barcode);
    data.unix_seconds = kAtUnix;
    const std::string expected = domain::CheckoutCode(screen.identifier, data.card_number,
                                                      data.totp_secret, data.unix_seconds);
    BOOST_TEST(answer.at("code_text").get<std::string>() == expected);
    BOOST_TEST(answer.at("code_kind").get<std::string>() == "dynamic");

    // Byte for byte what the renderer draws in-process with the same images.
    data.assets["logo.png"] = ReadFile(dir + "/logo.png");
    data.assets["images/banner.jpg"] = ReadFile(dir + "/images/banner.jpg");
    const render::Rendered local = render::RenderCardScreen(screen, data);
    BOOST_TEST(answer.at("width").get<int>() == local.image.width);
    BOOST_TEST(answer.at("height").get<int>() == local.image.height);
    BOOST_TEST((ReadFile(out) == render::EncodePng(local.image)));
    // The images were found: the logo is drawn, not a placeholder.
    const render::Rect& logo = local.parts.logo;
    BOOST_TEST(kpd::test::Rgb(local.image, logo.x + logo.width / 2, logo.y + logo.height / 2) ==
               0xFFC107u);
    BOOST_TEST(run.err.find("placeholder") == std::string::npos);

    // And a scanner reads the code from the file partnerctl wrote.
    int status = 0;
    const std::string scanned =
        kpd::test::RunCommand("zbarimg --raw -q " + Quote(out) + " 2>/dev/null", status);
    BOOST_TEST(status == 0);
    BOOST_TEST(scanned == expected + "\n");
}

BOOST_AUTO_TEST_CASE(dark_theme_scale_and_russian_words) {
    const std::string dir = kpd::test::MakeTempDir("render_cli");
    WriteFile(dir + "/screen.json", contract::ToJson(domain::SampleCardScreen()).dump());
    const Run run =
        Partnerctl("--format json card-screen render " + Quote(dir + "/screen.json") + " --out " +
                   Quote(dir + "/dark.png") + " --lang ru --theme dark --scale 2 --at " + kAt);
    BOOST_TEST_REQUIRE(run.status == 0, run.err);
    const nlohmann::json answer = nlohmann::json::parse(run.out);
    BOOST_TEST(answer.at("width").get<int>() == 2 * render::kPhoneWidth);

    render::PreviewData data = render::SamplePreviewData("Партнёр");
    data.card_number = render::SampleCardNumber(domain::SampleCardScreen().identifier.barcode);
    data.unix_seconds = kAtUnix;
    data.labels = render::RussianPreviewLabels();
    const render::Rendered local =
        render::RenderCardScreen(domain::SampleCardScreen(), data, {render::PhoneTheme::Dark, 2.0});
    BOOST_TEST((ReadFile(dir + "/dark.png") == render::EncodePng(local.image)));
}

BOOST_AUTO_TEST_CASE(a_missing_image_is_a_placeholder_and_a_note) {
    const std::string dir = kpd::test::MakeTempDir("render_cli");
    domain::CardScreen screen = domain::SampleCardScreen();
    screen.theme.logo = "no-such-logo.png";
    WriteFile(dir + "/screen.json", contract::ToJson(screen).dump());
    const Run run = Partnerctl("card-screen render " + Quote(dir + "/screen.json") + " --out " +
                               Quote(dir + "/out.png") + " --at " + kAt);
    BOOST_TEST(run.status == 0);
    BOOST_TEST(run.err.find("no-such-logo.png") != std::string::npos);
    BOOST_TEST(run.out.find("Wrote ") == 0u);
    BOOST_TEST(!ReadFile(dir + "/out.png").empty());
}

BOOST_AUTO_TEST_CASE(bad_input_exits_1_and_says_where) {
    const std::string dir = kpd::test::MakeTempDir("render_cli");
    WriteFile(dir + "/broken.json", std::string("{\"theme\": "));
    Run run = Partnerctl("card-screen render " + Quote(dir + "/broken.json") + " --out " +
                         Quote(dir + "/x.png"));
    BOOST_TEST(run.status == 1);
    BOOST_TEST(run.err.find("not JSON") != std::string::npos);

    nlohmann::json json = contract::ToJson(domain::SampleCardScreen());
    json["identifier"]["kind"] = "sometimes";
    WriteFile(dir + "/wrong.json", json.dump());
    run = Partnerctl("card-screen render " + Quote(dir + "/wrong.json") + " --out " +
                     Quote(dir + "/x.png"));
    BOOST_TEST(run.status == 1);
    BOOST_TEST(run.err.find("/identifier/kind") != std::string::npos, run.err);

    WriteFile(dir + "/ok.json", contract::ToJson(domain::SampleCardScreen()).dump());
    run = Partnerctl("card-screen render " + Quote(dir + "/ok.json") + " --out " +
                     Quote(dir + "/missing/dir/x.png"));
    BOOST_TEST(run.status == 1);
    run = Partnerctl("card-screen render " + Quote(dir + "/ok.json") + " --out " +
                     Quote(dir + "/x.png") + " --at yesterday");
    BOOST_TEST(run.status == 1);
    BOOST_TEST(run.err.find("--at") != std::string::npos);
    BOOST_TEST(!std::filesystem::exists(dir + "/x.png"));
}

BOOST_AUTO_TEST_SUITE_END()
