#define BOOST_TEST_MODULE reconciliation
#include <boost/test/unit_test.hpp>
