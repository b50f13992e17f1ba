// The built partnerctl's offline commands: `calendar …` over the shipped
// production calendar (found beside the build tree, as an installed one is
// beside its prefix) or the file KPD_CALENDAR_FILE names, and `receipt parse`.
// No sandbox needed: these commands never sign in.
#include "run_partnerctl.h"

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

json Json(const std::vector<std::string>& args, const std::map<std::string, std::string>& env = {}) {
    std::vector<std::string> all = {"--format", "json"}; // first: a "--" in args ends the options
    all.insert(all.end(), args.begin(), args.end());
    const CliRun run = RunPartnerctl(all, "", env);
    BOOST_REQUIRE_MESSAGE(run.exit_code == 0, Show(run));
    json parsed = json::parse(run.out, nullptr, /*allow_exceptions=*/false);
    BOOST_REQUIRE_MESSAGE(!parsed.is_discarded(), "stdout is not JSON:\n" + Show(run));
    return parsed;
}

std::string WriteFile(const std::string& name, const std::string& text) {
    const std::string path = kpd::test::MakeTempDir("calendar_cli") + "/" + name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

} // namespace

BOOST_AUTO_TEST_SUITE(calendar_cli)

BOOST_AUTO_TEST_CASE(add_business_days_follows_the_shipped_calendar) {
    const json monday = Json({"calendar", "add-business-days", "2026-11-23", "5"});
    BOOST_TEST(monday.at("result").get<std::string>() == "2026-11-30");
    BOOST_TEST(monday.at("weekday").get<std::string>() == "Monday");
    BOOST_TEST(monday.at("provisional").get<bool>() == false);
    BOOST_TEST(monday.at("calendar_file").get<std::string>().find("share/koshelek-partner-desk/calendar/ru.txt") !=
               std::string::npos);
    const json back = Json({"calendar", "add-business-days", "2026-11-30", "--", "-5"});
    BOOST_TEST(back.at("result").get<std::string>() == "2026-11-23");
}

BOOST_AUTO_TEST_CASE(a_friday_before_new_year_lands_in_the_provisional_year_and_says_so) {
    const json friday = Json({"calendar", "add-business-days", "2026-12-25", "5"});
    BOOST_TEST(friday.at("result").get<std::string>() == "2027-01-12");
    BOOST_TEST(friday.at("provisional").get<bool>() == true);
    BOOST_TEST(friday.at("provisional_years") == json::array({2027}));
    const CliRun table = RunPartnerctl({"calendar", "add-business-days", "2026-12-25", "5"});
    BOOST_REQUIRE_MESSAGE(table.exit_code == 0, Show(table));
    BOOST_TEST(table.out.find("2027-01-12 (Tuesday)") != std::string::npos, Show(table));
    BOOST_TEST(table.out.find("2027 is provisional") != std::string::npos, Show(table));
}

BOOST_AUTO_TEST_CASE(is_business_day_and_days_between) {
    const json moved = Json({"calendar", "is-business-day", "2026-01-09"});
    BOOST_TEST(moved.at("business_day").get<bool>() == false);
    BOOST_TEST(moved.at("source").get<std::string>() == "Government decree No. 1466 of 2025-09-24");
    BOOST_TEST(Json({"calendar", "is-business-day", "2024-04-27"}).at("business_day").get<bool>() == true);
    const CliRun table = RunPartnerctl({"calendar", "is-business-day", "2026-12-31"});
    BOOST_TEST(table.out.find("2026-12-31 (Thursday) is a day off") != std::string::npos, Show(table));
    const json year = Json({"calendar", "business-days-between", "2025-12-31", "2026-12-31"});
    BOOST_TEST(year.at("business_days").get<int>() == 247);
    BOOST_TEST(year.at("provisional").get<bool>() == false);
}

BOOST_AUTO_TEST_CASE(a_year_without_data_and_a_bad_date_are_user_errors) {
    const CliRun unknown = RunPartnerctl({"calendar", "is-business-day", "2031-03-03"});
    BOOST_TEST(unknown.exit_code == 1, Show(unknown));
    BOOST_TEST(unknown.out.empty());
    BOOST_TEST(unknown.err.find("no business calendar for 2031") != std::string::npos, Show(unknown));
    const CliRun walk = RunPartnerctl({"calendar", "add-business-days", "2027-12-24", "10"});
    BOOST_TEST(walk.exit_code == 1, Show(walk));
    BOOST_TEST(walk.err.find("no business calendar for 2028") != std::string::npos, Show(walk));
    const CliRun bad = RunPartnerctl({"calendar", "business-days-between", "2026-01-01", "2026-02-30"});
    BOOST_TEST(bad.exit_code == 1, Show(bad));
    BOOST_TEST(bad.err.find("TO: '2026-02-30' is not a date YYYY-MM-DD") != std::string::npos, Show(bad));
}

BOOST_AUTO_TEST_CASE(kpd_calendar_file_replaces_the_calendar_without_rebuilding) {
    const std::string path = WriteFile("ru.txt", "year 2031 provisional\noff 2031-03-03 a test holiday\n");
    const json replaced = Json({"calendar", "is-business-day", "2031-03-03"}, {{"KPD_CALENDAR_FILE", path}});
    BOOST_TEST(replaced.at("business_day").get<bool>() == false);
    BOOST_TEST(replaced.at("provisional").get<bool>() == true);
    BOOST_TEST(replaced.at("calendar_file").get<std::string>() == path);

    const std::string broken = WriteFile("ru.txt", "# a comment\nyear 2031 provisional\noff 2031-03-01 a Saturday\n");
    const CliRun malformed = RunPartnerctl({"calendar", "is-business-day", "2031-03-03"}, "", {{"KPD_CALENDAR_FILE", broken}});
    BOOST_TEST(malformed.exit_code == 2, Show(malformed));
    BOOST_TEST(malformed.err.find(broken + ":3: off 2031-03-01 is a Saturday") != std::string::npos, Show(malformed));

    const CliRun missing =
        RunPartnerctl({"calendar", "is-business-day", "2026-03-03"}, "", {{"KPD_CALENDAR_FILE", "/nonexistent/ru.txt"}});
    BOOST_TEST(missing.exit_code == 2, Show(missing));
    BOOST_TEST(missing.err.find("/nonexistent/ru.txt (from KPD_CALENDAR_FILE) does not exist") != std::string::npos,
               Show(missing));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(receipt_cli)

BOOST_AUTO_TEST_CASE(parse_prints_every_field) {
    const json r = Json({"receipt", "parse", "n=2&t=20261123T153005&s=1234.5&fn=9960440300000000&i=12345&fp=1234567890"});
    BOOST_TEST(r.at("date").get<std::string>() == "2026-11-23");
    BOOST_TEST(r.at("time").get<std::string>() == "15:30:05");
    BOOST_TEST(r.at("sum_kop").get<std::int64_t>() == 123450);
    BOOST_TEST(r.at("fn").get<std::string>() == "9960440300000000");
    BOOST_TEST(r.at("i").get<std::int64_t>() == 12345);
    BOOST_TEST(r.at("fp").get<std::int64_t>() == 1234567890);
    BOOST_TEST(r.at("operation").get<std::string>() == "sale_return");
    BOOST_TEST(r.at("canonical").get<std::string>() ==
               "t=20261123T153005&s=1234.50&fn=9960440300000000&i=12345&fp=1234567890&n=2");
    const CliRun table =
        RunPartnerctl({"receipt", "parse", "t=20261123T1530&s=1234.50&fn=9960440300000000&i=12345&fp=1234567890&n=1"});
    BOOST_REQUIRE_MESSAGE(table.exit_code == 0, Show(table));
    BOOST_TEST(table.out.find("1,234.50 RUB") != std::string::npos, Show(table));
    BOOST_TEST(table.out.find("1 (sale)") != std::string::npos, Show(table));
}

BOOST_AUTO_TEST_CASE(each_malformed_part_is_named_on_stderr) {
    const CliRun bad = RunPartnerctl({"receipt", "parse", "t=20260230T1530&s=12a4.50&i=12345&fp=1234567890&n=1", "--format", "json"});
    BOOST_TEST(bad.exit_code == 1, Show(bad));
    BOOST_TEST(bad.out.empty(), Show(bad));
    BOOST_TEST(bad.err.find("t: '20260230T1530' names a day that does not exist (2026-02-30)") != std::string::npos, Show(bad));
    BOOST_TEST(bad.err.find("s: letters in the sum '12a4.50'") != std::string::npos, Show(bad));
    BOOST_TEST(bad.err.find("fn: missing") != std::string::npos, Show(bad));
}

BOOST_AUTO_TEST_SUITE_END()
