// `partnerctl card-screen render --out PNG` (no FILE) against a real
// platform-sandbox seeded with the demo: the published screen of «Полянка»
// and its uploaded logo and banners are fetched and drawn exactly as the
// renderer draws them in-process from the demo's own image files; the code
// scans back; a partner with nothing published gets exit 1.
#include "render_test_support.h"

#include "contract/card_screen_json.h"
#include "domain/totp.h"
#include "render/card_preview.h"
#include "support/sandbox_process.h"
#include "support/sanitizer_report.h"
#include "support/test_env.h"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>

namespace {

using namespace kpd;

constexpr const char* kAt = "2026-11-21T18:40:07+03:00";
constexpr std::int64_t kAtUnix = 1'795'275'607;

struct Run {
    int status = -1;
    std::string out;
    std::string err;
};

kpd::test::SandboxProcess& Sandbox() {
    static auto sandbox = std::make_unique<kpd::test::SandboxProcess>();
    return *sandbox;
}

// partnerctl signed in as `user` (demo password) with a workspace of the current backend.
Run Partnerctl(const std::string& user, const std::string& args) {
    static const std::string workspace = kpd::test::FreshDatabaseUrl("render_workspace");
    const std::string errPath = kpd::test::MakeTempDir("partnerctl_err") + "/stderr";
    Run run;
    run.out = kpd::test::RunCommand("env PARTNERCTL_PASSWORD=demo LANG=C.UTF-8 " +
                                        std::string(KPD_PARTNERCTL_BIN) + " --platform " +
                                        Sandbox().BaseUrl() + " --user " + user + " --workspace '" +
                                        workspace + "' " + args + " 2>'" + errPath + "'",
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

std::vector<std::uint8_t> DemoImage(const std::string& name) {
    auto bytes = ReadFile(std::string(KPD_SOURCE_DIR) + "/resources/demo/" + name);
    BOOST_TEST_REQUIRE(!bytes.empty(), "demo image " << name);
    return bytes;
}

} // namespace

BOOST_AUTO_TEST_SUITE(partnerctl_card_screen_render_published)

BOOST_AUTO_TEST_CASE(the_published_screen_is_drawn_with_its_uploaded_images) {
    const Run get = Partnerctl("viewer", "--format json card-screen get");
    BOOST_TEST_REQUIRE(get.status == 0, get.err);
    const nlohmann::json state = nlohmann::json::parse(get.out);
    auto published = contract::CardScreenFromJson(state.at("published"));
    BOOST_TEST_REQUIRE(published.Ok());
    const domain::CardScreen& screen = *published.value;
    BOOST_TEST_REQUIRE(screen.theme.logo.has_value());
    BOOST_TEST_REQUIRE(screen.banners.size() == 2u);

    const std::string out = kpd::test::MakeTempDir("render_platform") + "/published.png";
    const Run run = Partnerctl("viewer", std::string("--format json card-screen render --out '") +
                                             out + "' --lang ru --at " + kAt);
    BOOST_TEST_REQUIRE(run.status == 0, run.err);
    BOOST_TEST(run.err.find("placeholder") == std::string::npos, run.err);
    const nlohmann::json answer = nlohmann::json::parse(run.out);

    // The seed uploaded resources/demo's files: logo, then the fruit and delivery banners.
    render::PreviewData data = render::SamplePreviewData("Продуктовая сеть «Полянка»");
    data.card_number = render::SampleCardNumber(screen.identifier.barcode);
    data.unix_seconds = kAtUnix;
    data.labels = render::RussianPreviewLabels();
    data.assets[*screen.theme.logo] = DemoImage("logo.png");
    data.assets[*screen.banners[0].asset] = DemoImage("banner-fruit.png");
    data.assets[*screen.banners[1].asset] = DemoImage("banner-delivery.png");
    const render::Rendered local = render::RenderCardScreen(screen, data);
    BOOST_TEST((ReadFile(out) == render::EncodePng(local.image)));

    const std::string expected = domain::CheckoutCode(screen.identifier, data.card_number,
                                                      data.totp_secret, data.unix_seconds);
    BOOST_TEST(answer.at("code_text").get<std::string>() == expected);
    int status = 0;
    const std::string scanned =
        kpd::test::RunCommand("zbarimg --raw -q '" + out + "' 2>/dev/null", status);
    BOOST_TEST(scanned == expected + "\n");
}

BOOST_AUTO_TEST_CASE(a_partner_with_nothing_published_gets_exit_1) {
    // «Вершина», the second demo partner, has not designed its card screen yet.
    const std::string out = kpd::test::MakeTempDir("render_platform") + "/none.png";
    const Run run = Partnerctl("other.marketing", "card-screen render --out '" + out + "'");
    BOOST_TEST(run.status == 1, run.err);
    BOOST_TEST(run.err.find("no published card screen") != std::string::npos, run.err);
    BOOST_TEST(!std::filesystem::exists(out));
}

BOOST_AUTO_TEST_SUITE_END()
