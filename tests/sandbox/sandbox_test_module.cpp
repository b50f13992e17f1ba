#define BOOST_TEST_MODULE sandbox_integration_tests
#include <boost/test/unit_test.hpp>
