// The store test module: only the module name lives here (HOUSE-STYLE 11).
#define BOOST_TEST_MODULE store
#include <boost/test/unit_test.hpp>
