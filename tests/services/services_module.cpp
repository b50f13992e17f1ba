// The services test module: only the module name lives here (HOUSE-STYLE 11).
#define BOOST_TEST_MODULE services
#include <boost/test/unit_test.hpp>
