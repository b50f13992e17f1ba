// Reading a bad document reports every problem at its JSON pointer.
#include "contract/auth.h"
#include "contract/json_reader.h"
#include "contract/user_json.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>

using namespace kpd;

namespace {
bool Has(const domain::Problems& problems, const std::string& field, const std::string& code) {
    return std::any_of(problems.begin(), problems.end(),
                       [&](const domain::Problem& p) { return p.field == field && p.code == code; });
}
} // namespace

BOOST_AUTO_TEST_SUITE(parse_problems)

BOOST_AUTO_TEST_CASE(new_user_with_every_field_wrong) {
    auto json = nlohmann::json::parse(R"({"login": 5, "password": null, "roles": ["viewer", "boss", 3]})");
    auto parsed = contract::NewUserFromJson(json);
    BOOST_TEST(!parsed.Ok());
    const auto& p = parsed.problems;
    BOOST_TEST(Has(p, "/login", "type"));
    BOOST_TEST(Has(p, "/name", "required"));
    BOOST_TEST(Has(p, "/password", "required"));
    BOOST_TEST(Has(p, "/roles/1", "unknown_role"));
    BOOST_TEST(Has(p, "/roles/2", "unknown_role"));
    BOOST_TEST(p.size() == 5u);
}

BOOST_AUTO_TEST_CASE(non_object_body) {
    auto parsed = contract::TokenRequestFromJson(nlohmann::json::array());
    BOOST_TEST(!parsed.Ok());
    BOOST_TEST(Has(parsed.problems, "", "type"));
}

BOOST_AUTO_TEST_CASE(nested_pointers_in_pages) {
    auto json = nlohmann::json::parse(
        R"({"items":[{"id":1,"login":"a.b","name":"n","roles":["viewer"],"disabled":false,"version":1},
                     {"id":"2","login":"c.d","name":"n","roles":[],"disabled":false,"version":1}],
            "next_cursor":null})");
    auto parsed = contract::UserPageFromJson(json);
    BOOST_TEST(!parsed.Ok());
    BOOST_TEST(Has(parsed.problems, "/items/1/id", "type"));
}

BOOST_AUTO_TEST_CASE(pointer_tokens_are_escaped) {
    BOOST_TEST(contract::EscapePointerToken("a/b~c") == "a~1b~0c");
    domain::Problems problems;
    auto doc = nlohmann::json::parse(R"({"x/y": 1})");
    contract::JsonReader r(doc, problems);
    BOOST_TEST(!r.String("x/y").has_value());
    BOOST_REQUIRE_EQUAL(problems.size(), 1u);
    BOOST_TEST(problems[0].field == "/x~1y");
}

BOOST_AUTO_TEST_SUITE_END()
