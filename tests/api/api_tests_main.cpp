// The module file of api_client_tests: only the module name (HOUSE-STYLE 11).
#define BOOST_TEST_MODULE api_client_tests
#include <boost/test/unit_test.hpp>
