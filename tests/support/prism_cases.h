#pragma once
// Contract runs (KPD_TEST_VIA_PRISM=1, the contract_prism_* ctest entries):
// every test case that reaches a sandbox past the Prism validating proxy must
// say so and why, or it fails.
//
//   BOOST_AUTO_TEST_CASE(a_malformed_body_is_400, KPD_PRISM_BYPASS("malformed JSON: Prism answers
//   it itself"))
//
// The decorator is a Boost label, `prism_bypass` (also on a suite, for all of
// its cases; `--run_test=@prism_bypass` lists them), and the reason. At the
// end of the run the executable prints one line with the counts:
//   KPD-PRISM-CASES: N cases ran: T through Prism only, B marked bypass, U unmarked bypass,
//                    S without a sandbox; V with violations
// and each violation Prism logged is printed under the case that caused it.
// support/prism_cases.cpp keeps the tally; every kpd_add_boost_test
// executable links it.
#include <boost/test/unit_test.hpp>

#define KPD_PRISM_BYPASS_LABEL "prism_bypass"

// A decorator list: use it as the case's or suite's decorators, or after
// others (`*boost::unit_test::fixture<F>() KPD_PRISM_BYPASS("…")`).
#define KPD_PRISM_BYPASS(why)                                                                      \
    *boost::unit_test::label(KPD_PRISM_BYPASS_LABEL) *                                             \
        boost::unit_test::description("past Prism: " why)
