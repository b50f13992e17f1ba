#include "domain/roles.h"

#include <boost/test/unit_test.hpp>

using namespace kpd::domain;

BOOST_AUTO_TEST_SUITE(roles)

BOOST_AUTO_TEST_CASE(every_role_round_trips_through_its_wire_name) {
    for (Role role : kAllRoles) {
        auto back = RoleFromString(ToString(role));
        BOOST_REQUIRE(back.has_value());
        BOOST_TEST(static_cast<int>(*back) == static_cast<int>(role));
    }
    BOOST_TEST(ToString(Role::FinanceManager) == "finance_manager");
}

BOOST_AUTO_TEST_CASE(unknown_names_are_rejected) {
    BOOST_TEST(!RoleFromString("admin").has_value());
    BOOST_TEST(!RoleFromString("").has_value());
    BOOST_TEST(!RoleFromString("Viewer").has_value());
}

BOOST_AUTO_TEST_CASE(role_set_keeps_canonical_order_and_joins) {
    RoleSet set{Role::PartnerAdmin, Role::Finance, Role::Finance};
    BOOST_TEST(set.Has(Role::Finance));
    BOOST_TEST(!set.Has(Role::Viewer));
    BOOST_TEST(set.ToVector().size() == 2u);
    BOOST_TEST(JoinRoles(set) == "finance,partner_admin");
    BOOST_TEST(set.HasAny(RoleSet{Role::Viewer, Role::Finance}));
    BOOST_TEST(!set.HasAny(RoleSet{Role::Viewer}));
    BOOST_TEST(RoleSet{}.Empty());
}

BOOST_AUTO_TEST_SUITE_END()
