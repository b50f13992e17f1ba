// ParseJson's depth limit, DumpJson's refusal to throw, the int64 reader
// and the unknown-field walk on documents deeper than recursion would take.
#include "contract/json_parse.h"
#include "contract/json_reader.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>

using namespace kpd;
using contract::JsonParseFailure;

namespace {
std::string Nested(std::size_t levels, const std::string& inside = "") {
    return std::string(levels, '[') + inside + std::string(levels, ']');
}
} // namespace

BOOST_AUTO_TEST_SUITE(json_parse)

BOOST_AUTO_TEST_CASE(sixty_four_levels_parse_and_sixty_five_do_not) {
    BOOST_TEST(contract::ParseJson(Nested(64)).Ok());
    auto deep = contract::ParseJson(Nested(65));
    BOOST_TEST(!deep.Ok());
    BOOST_TEST((deep.failure == JsonParseFailure::TooDeep));
    BOOST_TEST(deep.value.is_discarded());
    BOOST_TEST(contract::DescribeJsonFailure(deep) == "nested deeper than 64 levels");
}

BOOST_AUTO_TEST_CASE(objects_count_as_levels_too) {
    std::string text;
    for (int i = 0; i < 65; ++i) text += "{\"a\":";
    text += "1" + std::string(65, '}');
    BOOST_TEST((contract::ParseJson(text).failure == JsonParseFailure::TooDeep));
}

BOOST_AUTO_TEST_CASE(fifteen_thousand_levels_are_refused_without_a_tree) {
    auto deep = contract::ParseJson(Nested(15000));
    BOOST_TEST((deep.failure == JsonParseFailure::TooDeep));
    // Unclosed, as an attacker would send it: refused at level 65 all the same.
    BOOST_TEST((contract::ParseJson(std::string(15000, '[')).failure == JsonParseFailure::TooDeep));
    BOOST_TEST(contract::ParseJsonOrDiscarded(Nested(15000)).is_discarded());
}

BOOST_AUTO_TEST_CASE(a_syntax_error_names_its_offset) {
    auto bad = contract::ParseJson(R"({"a": tru})");
    BOOST_TEST((bad.failure == JsonParseFailure::Syntax));
    BOOST_TEST(bad.offset == 9u);
    BOOST_TEST((contract::ParseJson("").failure == JsonParseFailure::Syntax));
    BOOST_TEST((contract::ParseJson("{} {}").failure == JsonParseFailure::Syntax));
}

BOOST_AUTO_TEST_CASE(strings_that_are_not_utf8_are_syntax_errors) {
    BOOST_TEST((contract::ParseJson("\"\xff\xfe\"").failure == JsonParseFailure::Syntax));
}

BOOST_AUTO_TEST_CASE(dump_replaces_bytes_that_are_not_utf8_instead_of_throwing) {
    nlohmann::json j = {{"client", std::string("\xff\xfe")}};
    BOOST_CHECK_THROW((void)j.dump(), nlohmann::json::type_error);
    std::string text;
    BOOST_CHECK_NO_THROW(text = contract::DumpJson(j));
    BOOST_TEST(text == "{\"client\":\"\xEF\xBF\xBD\xEF\xBF\xBD\"}");
    BOOST_TEST(contract::ParseJson(text).Ok());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(int64_reading)

BOOST_AUTO_TEST_CASE(integers_inside_int64_read_exactly) {
    BOOST_TEST(*contract::ReadInt64(nlohmann::json::parse("9223372036854775807")) == INT64_MAX);
    BOOST_TEST(*contract::ReadInt64(nlohmann::json::parse("-9223372036854775808")) == INT64_MIN);
    BOOST_TEST(*contract::ReadInt64(nlohmann::json::parse("0")) == 0);
}

BOOST_AUTO_TEST_CASE(two_to_the_63_and_above_never_wrap) {
    for (const char* text : {"9223372036854775808", "18446744073709551615", "18446744073709551616",
                             "-9223372036854775809", "1e30"}) {
        auto value = nlohmann::json::parse(text);
        BOOST_TEST(!contract::ReadInt64(value).has_value(), text);
        BOOST_TEST(contract::IsOutsideInt64(value), text);
    }
    BOOST_TEST(!contract::IsOutsideInt64(nlohmann::json::parse("1.5")));
    BOOST_TEST(!contract::IsOutsideInt64(nlohmann::json::parse("\"9223372036854775808\"")));
}

BOOST_AUTO_TEST_CASE(the_reader_says_out_of_range_at_the_pointer) {
    auto body = nlohmann::json::parse(R"({"amount_kop": 9223372036854775808, "count": 1.5})");
    domain::Problems problems;
    contract::JsonReader reader(body, problems);
    BOOST_TEST(!reader.Int("amount_kop").has_value());
    BOOST_TEST(!reader.Int("count").has_value());
    BOOST_REQUIRE(problems.size() == 2u);
    BOOST_TEST(problems[0].field == "/amount_kop");
    BOOST_TEST(problems[0].code == "out_of_range");
    BOOST_TEST(problems[1].field == "/count");
    BOOST_TEST(problems[1].code == "type");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(unknown_field_walk)

BOOST_AUTO_TEST_CASE(problems_come_in_document_order) {
    auto body = nlohmann::json::parse(R"({"a": {"x": 1, "b": [{"y": 2}, 3]}, "z": 0})");
    auto problems = contract::UnknownFields(body, {"/a", "/a/b"});
    BOOST_REQUIRE(problems.size() == 3u);
    BOOST_TEST(problems[0].field == "/a/b/0/y");
    BOOST_TEST(problems[1].field == "/a/x");
    BOOST_TEST(problems[2].field == "/z");
}

BOOST_AUTO_TEST_CASE(a_tree_twenty_thousand_deep_is_walked_without_recursion) {
    // Built in code (no parser would let it in): the walk itself must not
    // take a stack frame per level.
    nlohmann::json root = nlohmann::json::array();
    nlohmann::json* at = &root;
    for (int i = 0; i < 20000; ++i) {
        at->push_back(nlohmann::json::array());
        at = &(*at)[0];
    }
    at->push_back(nlohmann::json{{"deep", 1}});
    auto problems = contract::UnknownFields(root, {});
    BOOST_REQUIRE(problems.size() == 1u);
    BOOST_TEST(problems[0].code == "unknown_field");
    BOOST_TEST(problems[0].field.size() > 40000u);
}

BOOST_AUTO_TEST_SUITE_END()
