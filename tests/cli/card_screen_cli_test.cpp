// The built partnerctl's card-screen commands against a real sandbox (demo
// seed): draft files with local images, the bad draft (every problem
// at its pointer, exit 1, nothing saved), put, publish, versions, rollback.
// Each case has its own sandbox and workspace: the card screen is one per
// partner and the cases change it.
#include "run_partnerctl.h"

#include "../api/test_png.h"
#include "support/sandbox_process.h"
#include "support/test_env.h"

#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <fstream>

using kpd::test::CliRun;
using kpd::test::RunPartnerctl;
using nlohmann::json;

namespace {

std::string Show(const CliRun& run) {
    return "exit " + std::to_string(run.exit_code) + "\nstdout:\n" + run.out + "\nstderr:\n" + run.err;
}

json Banner(const std::string& asset, const std::string& target = "https://polyanka.example/delivery") {
    return {{"asset", asset}, {"title", "Доставка за час"}, {"cta", {{"kind", "url"}, {"target", target}}}};
}

// A valid screen whose logo and banner are image files next to it.
json GoodDraft() {
    return {{"theme",
             {{"background_color", "#FFFFFF"},
              {"text_color", "#1A1A1A"},
              {"accent_color", "#C62828"},
              {"logo", "logo.png"}}},
            {"balance", {{"kind", "points"}, {"label", "Баллы"}}},
            {"banners", json::array({Banner("images/banner.png")})},
            {"questions", json::array({{{"text", "Дата рождения"}, {"kind", "date"}, {"required", false}}})}};
}

// The bad draft: 6 banners, a 3 MiB logo, text at 2:1 contrast, a
// javascript: URL, 4 issuance questions, a choice with one option.
json BadDraft() {
    json banners = json::array();
    for (int i = 0; i < 6; ++i) {
        banners.push_back(Banner("images/banner.png", i == 2 ? "javascript:alert(1)" : "https://polyanka.example"));
    }
    json questions = json::array({{{"text", "Любимый отдел"}, {"kind", "single_choice"}, {"options", {"Овощи"}}}});
    for (int i = 0; i < 3; ++i) {
        questions.push_back({{"text", "Вопрос " + std::to_string(i)}, {"kind", "text"}});
    }
    return {{"theme",
             {{"background_color", "#FFFFFF"}, {"text_color", "#AAAAAA"}, {"accent_color", "#2E7D32"},
              {"logo", "huge-logo.png"}}},
            {"balance", {{"kind", "points"}, {"label", "Баллы"}}},
            {"banners", banners},
            {"questions", questions}};
}

struct CardScreenCli {
    CardScreenCli() : workspace(kpd::test::FreshDatabaseUrl("cli_card_screen")), dir(kpd::test::MakeTempDir("draft")) {
        std::filesystem::create_directories(dir + "/images");
        kpd::test::WriteFile(dir + "/logo.png", kpd::test::MakePng(256, 256, 0xC62828));
        kpd::test::WriteFile(dir + "/huge-logo.png", kpd::test::MakePng(1024, 1024, 0x2E7D32)); // about 3 MiB
        kpd::test::WriteFile(dir + "/images/banner.png", kpd::test::MakePng(800, 200, 0xFFC107));
    }

    std::string Write(const std::string& name, const json& draft) {
        std::string path = dir + "/" + name;
        std::ofstream(path) << draft.dump(2);
        return path;
    }

    CliRun As(const std::string& user, std::vector<std::string> args) {
        args.insert(args.end(), {"--platform", sandbox.BaseUrl(), "--user", user, "--workspace", workspace});
        return RunPartnerctl(args, "", {{"PARTNERCTL_PASSWORD", "demo"}});
    }

    json Json(const std::string& user, std::vector<std::string> args) {
        args.insert(args.end(), {"--format", "json"});
        auto run = As(user, args);
        BOOST_REQUIRE_MESSAGE(run.exit_code == 0, Show(run));
        json parsed = json::parse(run.out, nullptr, /*allow_exceptions=*/false);
        BOOST_REQUIRE_MESSAGE(!parsed.is_discarded(), "stdout is not JSON:\n" + Show(run));
        return parsed;
    }

    kpd::test::SandboxProcess sandbox;
    std::string workspace;
    std::string dir;
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(partnerctl_card_screen, CardScreenCli)

BOOST_AUTO_TEST_CASE(get_shows_the_demo_state) {
    auto state = Json("viewer", {"card-screen", "get"});
    BOOST_TEST(state["version"].get<long long>() > 0);
    BOOST_TEST(state["published"].is_object());
    BOOST_TEST(state["published_version"].get<long long>() >= 1);
    BOOST_TEST(state["local_draft"].is_null());
    auto table = As("viewer", {"card-screen", "get"});
    BOOST_TEST(table.exit_code == 0, Show(table));
    BOOST_TEST(table.out.find("PUBLISHED VERSION") != std::string::npos, Show(table));
}

BOOST_AUTO_TEST_CASE(validate_names_every_problem_of_the_bad_draft_at_its_pointer) {
    auto file = Write("bad.json", BadDraft());
    auto run = RunPartnerctl({"card-screen", "validate", file});
    BOOST_TEST(run.exit_code == 1, Show(run));
    for (const char* pointer : {"/banners/5", "/theme/logo", "/theme/text_color", "/banners/2/cta/target",
                                "/questions/3", "/questions/0/options"}) {
        BOOST_TEST(run.err.find(std::string(pointer) + ":") != std::string::npos, pointer << "\n" << Show(run));
    }

    auto asJson = RunPartnerctl({"card-screen", "validate", file, "--format", "json"});
    BOOST_TEST(asJson.exit_code == 1, Show(asJson));
    auto out = json::parse(asJson.out);
    BOOST_TEST(out["valid"] == false);
    BOOST_TEST(out["problems"].size() >= 6u);
}

BOOST_AUTO_TEST_CASE(validate_accepts_a_good_draft_with_local_images) {
    auto run = RunPartnerctl({"card-screen", "validate", Write("good.json", GoodDraft())});
    BOOST_TEST(run.exit_code == 0, Show(run));
    BOOST_TEST(run.out.find("valid") != std::string::npos, Show(run));
}

BOOST_AUTO_TEST_CASE(a_missing_image_file_is_a_problem_at_its_field) {
    auto draft = GoodDraft();
    draft["theme"]["logo"] = "no-such-logo.png";
    auto run = RunPartnerctl({"card-screen", "validate", Write("missing.json", draft)});
    BOOST_TEST(run.exit_code == 1, Show(run));
    BOOST_TEST(run.err.find("/theme/logo:") != std::string::npos, Show(run));
}

// A path to a device is refused by what it is: reading /dev/zero "to the
// end" never ends (it used to grow partnerctl until memory ran out).
BOOST_AUTO_TEST_CASE(an_image_or_draft_that_is_a_device_is_refused_unread) {
    auto draft = GoodDraft();
    draft["theme"]["logo"] = "/dev/zero";
    auto run = RunPartnerctl({"card-screen", "validate", Write("device.json", draft)});
    BOOST_TEST(run.exit_code == 1, Show(run));
    BOOST_TEST(run.err.find("/theme/logo:") != std::string::npos, Show(run));
    BOOST_TEST(run.err.find("not a regular file") != std::string::npos, Show(run));

    auto whole = RunPartnerctl({"card-screen", "validate", "/dev/zero"});
    BOOST_TEST(whole.exit_code != 0, Show(whole));
    BOOST_TEST(whole.err.find("not a regular file") != std::string::npos, Show(whole));
}

BOOST_AUTO_TEST_CASE(put_of_the_bad_draft_saves_and_uploads_nothing) {
    auto before = Json("marketing", {"card-screen", "get"});
    auto run = As("marketing", {"card-screen", "put", Write("bad.json", BadDraft())});
    BOOST_TEST(run.exit_code == 1, Show(run));
    BOOST_TEST(run.err.find("/theme/logo:") != std::string::npos, Show(run));
    BOOST_TEST(run.err.find("Uploaded") == std::string::npos, Show(run));
    auto after = Json("marketing", {"card-screen", "get"});
    BOOST_TEST(after["version"] == before["version"]);
    BOOST_TEST(after["draft"] == before["draft"]);
}

BOOST_AUTO_TEST_CASE(put_uploads_the_images_then_saves_the_draft_with_their_ids) {
    auto before = Json("marketing", {"card-screen", "get"});
    auto state = Json("marketing", {"card-screen", "put", Write("good.json", GoodDraft())});
    BOOST_TEST(state["version"].get<long long>() > before["version"].get<long long>());
    const auto& draft = state["draft"];
    BOOST_REQUIRE(draft.is_object());
    BOOST_TEST(draft["theme"]["accent_color"] == "#C62828");
    std::string logo = draft["theme"]["logo"];
    std::string banner = draft["banners"][0]["asset"];
    BOOST_TEST(logo.rfind("ast_", 0) == 0u, logo);
    BOOST_TEST(banner.rfind("ast_", 0) == 0u, banner);
    BOOST_TEST(logo != banner);

    // The same file again: the images are the platform's already (dedup), same ids.
    auto again = As("marketing", {"card-screen", "put", Write("good.json", GoodDraft())});
    BOOST_TEST(again.exit_code == 0, Show(again));
    BOOST_TEST(again.err.find("Already uploaded logo.png as " + logo) != std::string::npos, Show(again));
}

BOOST_AUTO_TEST_CASE(a_viewer_cannot_put_and_exits_1) {
    auto run = As("viewer", {"card-screen", "put", Write("good.json", GoodDraft())});
    BOOST_TEST(run.exit_code == 1, Show(run));
    BOOST_TEST(run.out.empty(), Show(run));
}

BOOST_AUTO_TEST_CASE(put_with_a_stale_version_is_refused_and_the_platform_keeps_its_draft) {
    auto before = Json("marketing", {"card-screen", "get"});
    auto stale = std::to_string(before["version"].get<long long>() - 1);
    auto run = As("marketing", {"card-screen", "put", Write("good.json", GoodDraft()), "--if-version", stale});
    BOOST_TEST(run.exit_code == 1, Show(run));
    BOOST_TEST(run.err.find("kept in the workspace") != std::string::npos, Show(run));
    auto after = Json("marketing", {"card-screen", "get"});
    BOOST_TEST(after["draft"] == before["draft"]);
    BOOST_TEST(after["local_draft"].is_object()); // the user's draft waits in the workspace
}

BOOST_AUTO_TEST_CASE(publish_versions_and_rollback) {
    Json("marketing", {"card-screen", "put", Write("good.json", GoodDraft())});
    auto published = Json("marketing", {"card-screen", "publish"});
    BOOST_TEST(published["draft"].is_null());
    BOOST_TEST(published["published"]["theme"]["accent_color"] == "#C62828");
    const long long number = published["published_version"];

    auto versions = Json("viewer", {"card-screen", "versions"});
    BOOST_REQUIRE(versions.is_array());
    BOOST_REQUIRE(versions.size() >= 2u);
    BOOST_TEST(versions[0]["number"].get<long long>() == number);
    BOOST_TEST(versions[0]["published_by"] == "marketing");

    auto nothing = As("marketing", {"card-screen", "publish"});
    BOOST_TEST(nothing.exit_code == 1, Show(nothing)); // no draft left to publish

    auto rolled = Json("marketing", {"card-screen", "rollback", std::to_string(number - 1)});
    BOOST_TEST(rolled["published_version"].get<long long>() == number + 1);
    auto after = Json("viewer", {"card-screen", "versions", "--limit", "1"});
    BOOST_REQUIRE(after.size() == 1u);
    BOOST_TEST(after[0]["rolled_back_from"].get<long long>() == number - 1);

    auto unknown = As("marketing", {"card-screen", "rollback", "999"});
    BOOST_TEST(unknown.exit_code == 1, Show(unknown));
}

BOOST_AUTO_TEST_SUITE_END()
