// The module file of render_cli_tests: only the module name (HOUSE-STYLE 11).
#define BOOST_TEST_MODULE render_cli_tests
#include <boost/test/unit_test.hpp>
