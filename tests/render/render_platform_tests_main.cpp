// The module file of render_platform_tests: only the module name (HOUSE-STYLE 11).
#define BOOST_TEST_MODULE render_platform_tests
#include <boost/test/unit_test.hpp>
