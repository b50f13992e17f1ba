// partnerctl's pieces in-process: table alignment by code points, the words
// of errors, and exit codes by error kind.
#include "cli/error_words.h"
#include "cli/exit_codes.h"
#include "cli/text_table.h"

#include <boost/test/unit_test.hpp>

#include <sstream>

using namespace kpd::cli;
using kpd::api::ApiError;
using kpd::api::ApiErrorKind;

namespace {

// The tail of a UTF-8 string from its `index`-th code point on.
std::string FromCodePoint(const std::string& text, std::size_t index) {
    std::size_t seen = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            if (seen == index) {
                return text.substr(i);
            }
            ++seen;
        }
    }
    return "";
}

} // namespace

BOOST_AUTO_TEST_SUITE(text_table)

BOOST_AUTO_TEST_CASE(width_counts_code_points_not_bytes) {
    BOOST_TEST(DisplayWidth("abc") == 3u);
    BOOST_TEST(DisplayWidth("Ирина") == 5u);
    BOOST_TEST(DisplayWidth("«Полянка»") == 9u);
    BOOST_TEST(DisplayWidth("") == 0u);
}

BOOST_AUTO_TEST_CASE(cyrillic_and_latin_columns_line_up) {
    TextTable table({"ID", "NAME", "ROLES"});
    table.AddRow({"1", "Ирина Соколова", "partner_admin"});
    table.AddRow({"22", "Bob", "viewer"});
    std::ostringstream out;
    table.Print(out);
    std::vector<std::string> lines;
    std::istringstream in(out.str());
    for (std::string line; std::getline(in, line);) {
        BOOST_TEST(line.back() != ' ');
        lines.push_back(line);
    }
    BOOST_REQUIRE(lines.size() == 3u);
    // Where ROLES starts in the header, in code points, is where every role starts.
    std::size_t column = DisplayWidth(lines[0].substr(0, lines[0].find("ROLES")));
    BOOST_TEST(FromCodePoint(lines[1], column) == "partner_admin");
    BOOST_TEST(FromCodePoint(lines[2], column) == "viewer");
    std::size_t nameColumn = DisplayWidth(lines[0].substr(0, lines[0].find("NAME")));
    BOOST_TEST(FromCodePoint(lines[1], nameColumn).rfind("Ирина", 0) == 0u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(error_words)

BOOST_AUTO_TEST_CASE(wrong_password_is_worded_with_its_status) {
    ApiError e;
    e.kind = ApiErrorKind::Unauthorized;
    e.http_status = 401;
    e.code = "invalid_credentials";
    e.message = "wrong login or password";
    BOOST_TEST(DescribeError(e) == "Wrong login or password (401)");
}

BOOST_AUTO_TEST_CASE(field_problems_are_listed_by_pointer) {
    ApiError e;
    e.kind = ApiErrorKind::Validation;
    e.http_status = 422;
    e.code = "validation_failed";
    e.message = "the new user has problems";
    e.problems = {{"/login", "invalid_login", "login must start with a letter"},
                  {"/roles", "required", "at least one role"}};
    auto text = DescribeError(e);
    BOOST_TEST(text.find("(422)") != std::string::npos);
    BOOST_TEST(text.find("\n  /login: login must start with a letter") != std::string::npos);
    BOOST_TEST(text.find("\n  /roles: at least one role") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(exit_codes_split_user_errors_from_platform_failures) {
    ApiError e;
    for (auto kind : {ApiErrorKind::BadRequest, ApiErrorKind::Unauthorized, ApiErrorKind::Forbidden,
                      ApiErrorKind::NotFound, ApiErrorKind::Conflict, ApiErrorKind::PreconditionFailed,
                      ApiErrorKind::TooLarge, ApiErrorKind::Validation}) {
        e.kind = kind;
        BOOST_TEST(ToInt(ExitCodeFor(e)) == 1);
    }
    for (auto kind : {ApiErrorKind::Network, ApiErrorKind::Timeout, ApiErrorKind::Tls, ApiErrorKind::Server,
                      ApiErrorKind::BadResponse, ApiErrorKind::RateLimited}) {
        e.kind = kind;
        BOOST_TEST(ToInt(ExitCodeFor(e)) == 2);
    }
}

BOOST_AUTO_TEST_SUITE_END()
