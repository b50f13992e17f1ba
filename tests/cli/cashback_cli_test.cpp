// The built partnerctl's cashback commands against a real sandbox on a fixed
// clock (Friday 25 December 2026, before the New Year holidays): a broken
// flight file refused at its JSON pointers (nothing created), create from a
// file, submit too early (the earliest allowed date in the error), submit on
// time (scheduled), the sandbox's clock advanced, the report showing
// accruals, pause/resume/stop, and the list as JSON and as a table.
#include "run_partnerctl.h"

#include "api/platform_client.h"
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
    return "exit " + std::to_string(run.exit_code) + "\nstdout:\n" + run.out + "\nstderr:\n" +
           run.err;
}

kpd::test::SandboxOptions FridayBeforeNewYear() {
    kpd::test::SandboxOptions o;
    o.clock = "2026-12-25T10:00:00+03:00";
    return o;
}

json FlightJson(const std::string& starts, const std::string& ends) {
    return {{"offer",
             {{"brand", "Полянка"},
              {"title", "Кешбэк 5% на молочное"},
              {"description", "Сканируйте чек"}}},
            {"match", {{"categories", {"dairy"}}, {"keywords", {"молоко"}}}},
            {"cashback", {{"percent_bp", 500}}},
            {"cap_per_receipt_kop", 30000},
            {"targeting", {{"loyalty_cards", json::array()}, {"regions", json::array()}}},
            {"budget_kop", 5000000},
            {"starts_on", starts},
            {"ends_on", ends}};
}

struct CashbackCli {
    CashbackCli()
        : sandbox(FridayBeforeNewYear()), workspace(kpd::test::FreshDatabaseUrl("cli_cashback")),
          dir(kpd::test::MakeTempDir("flights")) {}

    CliRun As(const std::string& user, std::vector<std::string> args) {
        args.insert(args.end(),
                    {"--platform", sandbox.BaseUrl(), "--user", user, "--workspace", workspace});
        return RunPartnerctl(args, "", {{"PARTNERCTL_PASSWORD", "demo"}});
    }

    json Json(const std::string& user, std::vector<std::string> args) {
        args.insert(args.end(), {"--format", "json"});
        auto run = As(user, args);
        BOOST_REQUIRE_MESSAGE(run.exit_code == 0, Show(run));
        return json::parse(run.out);
    }

    std::string File(const std::string& name, const std::string& text) {
        const std::string path = dir + "/" + name;
        std::ofstream(path, std::ios::binary) << text;
        return path;
    }

    // `cashback create` of a flight; its id.
    std::int64_t Create(const std::string& starts, const std::string& ends) {
        const auto flight = Json(
            "marketing", {"cashback", "create", File("f.json", FlightJson(starts, ends).dump(2))});
        BOOST_TEST(flight.at("status") == "draft");
        return flight.at("id").get<std::int64_t>();
    }

    void AdvanceDays(int days) {
        kpd::api::ClientOptions o;
        o.base_url = sandbox.BaseUrl();
        kpd::api::PlatformClient client(o);
        auto moved = client.AdvanceSandboxClock(std::int64_t{days} * 86400);
        BOOST_REQUIRE(moved.Ok());
    }

    kpd::test::SandboxProcess sandbox;
    std::string workspace;
    std::string dir;
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(cashback_cli, CashbackCli)

BOOST_AUTO_TEST_CASE(a_broken_flight_file_is_refused_at_its_pointers_and_nothing_is_created) {
    auto bad = FlightJson("2027-02-01", "2027-01-31"); // ends before it starts
    bad["cashback"] = {{"percent_bp", 12000}};         // above 100 %
    bad["budget_kop"] = 0;
    const auto run = As("marketing", {"cashback", "create", File("bad.json", bad.dump(2))});
    BOOST_TEST(run.exit_code == 1, Show(run));
    for (const char* pointer : {"/cashback/percent_bp", "/budget_kop", "/ends_on"}) {
        BOOST_TEST(run.err.find(pointer) != std::string::npos, pointer << "\n" << Show(run));
    }
    const auto malformed =
        As("marketing", {"cashback", "create", File("broken.json", "{\n  \"offer\": {,\n}\n")});
    BOOST_TEST(malformed.exit_code == 1, Show(malformed));
    BOOST_TEST(malformed.err.find("line 2") != std::string::npos, Show(malformed));
    const auto missing = As("marketing", {"cashback", "create", dir + "/absent.json"});
    BOOST_TEST(missing.exit_code == 1, Show(missing));
    BOOST_TEST(missing.err.find("absent.json") != std::string::npos, Show(missing));
    // A device is refused by what it is, unread (reading /dev/zero never ends).
    const auto device = As("marketing", {"cashback", "create", "/dev/zero"});
    BOOST_TEST(device.exit_code == 1, Show(device));
    BOOST_TEST(device.err.find("not a regular file") != std::string::npos, Show(device));

    const auto list = Json("marketing", {"cashback", "list"});
    for (const auto& f : list)
        BOOST_TEST(f.at("ends_on") != "2027-01-31");
}

BOOST_AUTO_TEST_CASE(create_tells_the_earliest_start_and_submit_too_early_is_refused_with_it) {
    const auto created =
        As("marketing",
           {"cashback", "create", File("f.json", FlightJson("2026-12-30", "2027-01-31").dump())});
    BOOST_TEST_REQUIRE(created.exit_code == 0, Show(created));
    BOOST_TEST(created.err.find("2027-01-12") != std::string::npos, Show(created));
    BOOST_TEST(created.err.find("provisional") != std::string::npos,
               Show(created)); // 2027's decree is not entered
    const auto id =
        std::to_string(Json("marketing", {"cashback", "list"}).at(0).at("id").get<std::int64_t>());

    const auto submit = As("marketing", {"cashback", "submit", id});
    BOOST_TEST(submit.exit_code == 1, Show(submit));
    BOOST_TEST(submit.err.find("earliest allowed start is 2027-01-12") != std::string::npos,
               Show(submit));
    const auto list = Json("marketing", {"cashback", "list"});
    BOOST_TEST(list.at(0).at("status") == "draft");
}

BOOST_AUTO_TEST_CASE(submit_on_time_then_the_clock_moves_and_the_report_shows_accruals) {
    const auto id = Create("2027-01-12", "2027-03-31");
    const auto submitted = Json("marketing", {"cashback", "submit", std::to_string(id)});
    BOOST_TEST(submitted.at("status") == "scheduled");
    BOOST_TEST(submitted.at("submitted_on") == "2026-12-25");

    AdvanceDays(21); // → 15 January 2027: four days of the flight's scans
    const auto report = Json("marketing", {"cashback", "report", std::to_string(id)});
    BOOST_TEST(report.at("flight_id") == id);
    BOOST_TEST(report.at("receipts_matched").get<std::int64_t>() > 0);
    BOOST_TEST(report.at("accrued_kop").get<std::int64_t>() > 0);
    BOOST_TEST(report.at("budget_left_kop").get<std::int64_t>() ==
               report.at("budget_kop").get<std::int64_t>() -
                   report.at("accrued_kop").get<std::int64_t>());
    BOOST_TEST(report.at("daily").size() >= 1u);
    // The forecast stops at the flight's end: a day on or before it, or what is left after it.
    BOOST_TEST(report.at("ends_on") == "2027-03-31");
    const bool lasts = report.at("forecast_lasts_to_end").get<bool>();
    if (lasts) {
        BOOST_TEST(report.at("forecast_exhausted_on").is_null());
        BOOST_TEST(report.at("forecast_left_at_end_kop").get<std::int64_t>() > 0);
    } else {
        BOOST_TEST(report.at("forecast_exhausted_on").get<std::string>() <= "2027-03-31");
        BOOST_TEST(report.at("forecast_left_at_end_kop").is_null());
    }

    const auto table = As("viewer", {"cashback", "report", std::to_string(id)});
    BOOST_TEST(table.exit_code == 0, Show(table));
    BOOST_TEST(table.out.find("RUNS OUT") != std::string::npos, Show(table));
    BOOST_TEST(table.out.find(lasts ? "Forecast: the budget lasts to the end of the flight (2027-03-31)"
                                    : "Forecast: the budget runs out on ") != std::string::npos,
               Show(table));
    BOOST_TEST(table.out.find("2027-01-12") != std::string::npos,
               Show(table)); // the first day of the series

    const auto list = As("marketing", {"cashback", "list"});
    BOOST_TEST(list.exit_code == 0, Show(list));
    BOOST_TEST(list.out.find("live") != std::string::npos, Show(list));
}

BOOST_AUTO_TEST_CASE(pause_resume_and_stop) {
    const auto id = std::to_string(Create("2027-01-12", "2027-03-31"));
    BOOST_TEST(Json("marketing", {"cashback", "submit", id}).at("status") == "scheduled");
    const auto tooSoon = As("marketing", {"cashback", "pause", id});
    BOOST_TEST(tooSoon.exit_code == 1, Show(tooSoon)); // scheduled flights cannot be paused

    AdvanceDays(18); // 12 January: live
    BOOST_TEST(Json("marketing", {"cashback", "pause", id}).at("status") == "paused");
    BOOST_TEST(Json("marketing", {"cashback", "resume", id}).at("status") == "live");
    const auto stopped = As("marketing", {"cashback", "stop", id});
    BOOST_TEST(stopped.exit_code == 0, Show(stopped));
    BOOST_TEST(stopped.out.find("stopped") != std::string::npos, Show(stopped));
    const auto viewer = As("viewer", {"cashback", "resume", id});
    BOOST_TEST(viewer.exit_code == 1, Show(viewer));
}

BOOST_AUTO_TEST_SUITE_END()
