#include "domain/user.h"

#include "support/problem_checks.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>

using namespace kpd::domain;
using kpd::test::HasProblemAt;

BOOST_AUTO_TEST_SUITE(users)

BOOST_AUTO_TEST_CASE(logins_follow_the_documented_pattern) {
    BOOST_TEST(IsValidLogin("finance.manager"));
    BOOST_TEST(IsValidLogin("a_b-c9"));
    BOOST_TEST(!IsValidLogin("ab"));         // too short
    BOOST_TEST(!IsValidLogin("9admin"));     // starts with a digit
    BOOST_TEST(!IsValidLogin("Admin"));      // upper case
    BOOST_TEST(!IsValidLogin("иван"));       // not ASCII
    BOOST_TEST(!IsValidLogin("a b c"));
    BOOST_TEST(!IsValidLogin(std::string(65, 'a')));
}

BOOST_AUTO_TEST_CASE(a_valid_new_user_has_no_problems) {
    NewUser u{"new.user", "Анна Петрова", "secret", RoleSet{Role::Marketing}};
    BOOST_TEST(ValidateNewUser(u).empty());
}

BOOST_AUTO_TEST_CASE(every_problem_is_reported_at_its_pointer) {
    NewUser u{"X", "", "12", RoleSet{}};
    auto problems = ValidateNewUser(u);
    BOOST_TEST(problems.size() == 4u);
    BOOST_TEST(HasProblemAt(problems, "/login", "invalid_login"));
    BOOST_TEST(HasProblemAt(problems, "/name", "required"));
    BOOST_TEST(HasProblemAt(problems, "/password", "too_short"));
    BOOST_TEST(HasProblemAt(problems, "/roles", "required"));
}

BOOST_AUTO_TEST_CASE(an_empty_login_is_required_not_invalid) {
    NewUser u{"", "Name", "long enough", RoleSet{Role::Viewer}};
    auto problems = ValidateNewUser(u);
    BOOST_REQUIRE_EQUAL(problems.size(), 1u);
    BOOST_TEST(problems[0].field == "/login");
    BOOST_TEST(problems[0].code == "required");
}

BOOST_AUTO_TEST_SUITE_END()
