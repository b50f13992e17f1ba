#pragma once
// Matches scanned receipts to the live cashback flights, fast enough for the
// platform's scan rate (≥ 100,000 receipts a second against 1,000 flights on
// one core, bench/cashback_match_bench.cpp): built once from the flights, then
// asked for every receipt. SKUs and categories are looked up in hash maps,
// every keyword of every flight is found in one pass over each line's name
// (an Aho–Corasick automaton over case-folded code points), targeting is
// a bitset per region and per loyalty card. Rules and arithmetic as in
// cashback_flight.h and cashback_accrual.h.
// Immutable after construction: Match may be called from any number of threads.
#include "domain/cashback_accrual.h"
#include "domain/cashback_flight.h"
#include "domain/cashback_receipt.h"
#include "domain/cashback_string_index.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace kpd::domain {

class FlightMatcher {
  public:
    // Every flight given is matched as it is (status and dates are not looked
    // at: pass those AccruesOn today). Empty keywords, SKUs and categories
    // are ignored; a flight is kept even when it can match nothing.
    explicit FlightMatcher(const std::vector<CashbackFlight>& flights);

    // One accrual for each flight the receipt matches (a line matching the
    // flight and the user targeted), in flight id order: the sum over its
    // matching lines (each line counted once per flight, however many rules
    // it meets), capped per receipt. An accrual may be 0 kop (1 kop at 5 %):
    // the receipt still matched the flight.
    std::vector<FlightAccrual> Match(const CashbackReceipt& receipt) const;

    std::size_t FlightCount() const { return m_flights.size(); }
    // States of the keyword automaton (for the benchmark's report).
    std::size_t KeywordStates() const { return m_outputStart.empty() ? 0 : m_outputStart.size() - 1; }

  private:
    using Bits = std::vector<std::uint64_t>; // one bit per flight, by index

    struct Flight {
        std::int64_t id = 0;
        FlightCashback cashback;
        Kopecks cap = 0;
    };

    void BuildKeywords(const std::vector<std::vector<std::u32string>>& keywords);
    std::uint32_t ClassOf(char32_t folded) const;
    std::uint32_t AddClass(char32_t folded);
    void ScanName(const std::string& name, std::vector<std::uint32_t>& hits) const;
    Bits Audience(const CashbackReceipt& receipt) const;

    std::vector<Flight> m_flights; // ordered by id
    StringIndex m_bySku;
    StringIndex m_byCategory;

    // Keyword automaton: code points are folded, then mapped to a small
    // alphabet of the characters keywords use (class 0: any other character,
    // which sends every state back to the root). m_next[state × classes + class].
    std::uint32_t m_classCount = 1;
    std::vector<std::uint32_t> m_classOfLow; // by raw code point below 0x500 (ASCII, Latin-1, Cyrillic)
    std::unordered_map<char32_t, std::uint32_t> m_classOfOther;
    std::vector<std::uint32_t> m_next;
    std::vector<std::uint32_t> m_outputStart; // state s outputs m_outputs[start[s] .. start[s+1])
    std::vector<std::uint32_t> m_outputs;     // flight indices whose keyword ends here

    std::size_t m_words = 0; // 64-bit words of a Bits
    Bits m_anyRegion;        // flights targeting every region
    Bits m_anyCard;          // flights targeting every card holder
    std::unordered_map<std::string, Bits> m_byRegion;
    std::unordered_map<std::string, Bits> m_byCard;
};

} // namespace kpd::domain
