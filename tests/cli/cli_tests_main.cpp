// The module file of cli_tests: only the module name (HOUSE-STYLE 11).
#define BOOST_TEST_MODULE cli_tests
#include <boost/test/unit_test.hpp>
