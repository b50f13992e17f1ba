#include "domain/cashback_accrual.h"
#include "domain/cashback_matcher.h"
#include "domain/cashback_sample.h"
#include "domain/cashback_string_index.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <atomic>
#include <limits>
#include <map>
#include <random>
#include <thread>

using namespace kpd::domain;

namespace {
CashbackFlight Flight(std::int64_t id, FlightMatch match, FlightCashback cashback, Kopecks cap = 1'000'000) {
    auto f = SampleFlight();
    f.id = id;
    f.match = std::move(match);
    f.cashback = cashback;
    f.cap_per_receipt_kop = cap;
    f.targeting = {};
    return f;
}

FlightCashback Percent(std::int64_t bp) { return {bp, std::nullopt}; }
FlightCashback Fixed(Kopecks kop) { return {std::nullopt, kop}; }

CashbackReceipt Receipt(std::vector<ReceiptLine> lines, std::string region = "RU-MOW",
                        std::vector<std::string> cards = {}) {
    return {std::move(lines), std::move(region), std::move(cards)};
}

std::string Show(const std::vector<FlightAccrual>& accruals) {
    std::string out;
    for (const auto& a : accruals) {
        out += std::to_string(a.flight_id) + ":" + std::to_string(a.cashback_kop) + " ";
    }
    return out;
}
} // namespace

BOOST_AUTO_TEST_SUITE(cashback_accrual)

BOOST_AUTO_TEST_CASE(a_percentage_is_rounded_down_per_line_and_a_fixed_amount_paid_per_item) {
    BOOST_TEST(LineCashback(Percent(500), 89'90, 2) == 899);   // 5 % of 179.80 ₽ = 8.99 ₽
    BOOST_TEST(LineCashback(Percent(500), 19, 1) == 0);        // 0.95 kop rounds down
    BOOST_TEST(LineCashback(Percent(333), 100'00, 3) == 999);  // 3.33 % of 300 ₽
    BOOST_TEST(LineCashback(Percent(1), 9'999, 1) == 0);
    BOOST_TEST(LineCashback(Percent(1), 10'000, 1) == 1);
    BOOST_TEST(LineCashback(Percent(10'000), 123'45, 3) == 370'35);
    BOOST_TEST(LineCashback(Fixed(50'00), 1, 3) == 150'00);     // the price does not matter
    BOOST_TEST(LineCashback(FlightCashback{}, 100'00, 1) == 0);
    BOOST_TEST(LineCashback(Percent(500), 100'00, 0) == 0);
}

BOOST_AUTO_TEST_CASE(huge_amounts_are_exact_or_saturate_but_never_wrap) {
    const Kopecks max = std::numeric_limits<Kopecks>::max();
    // 10^18 kop at 99.99 %: exact although 10^18 × 9999 does not fit in 64 bits.
    BOOST_TEST(LineCashback(Percent(9'999), 1'000'000'000'000'000'000, 1) == 999'900'000'000'000'000);
    BOOST_TEST(LineCashback(Fixed(max / 2), 1, 3) == max);
    BOOST_TEST(AddKopecks(max, 1) == max);
    BOOST_TEST(CapPerReceipt(max, 300'00) == 300'00);
}

BOOST_AUTO_TEST_CASE(targeting_needs_a_listed_region_and_a_listed_card_and_empty_means_everyone) {
    FlightTargeting everyone;
    FlightTargeting moscow{{}, {"RU-MOW"}};
    FlightTargeting holders{{"polyanka", "berezka"}, {}};
    FlightTargeting both{{"polyanka"}, {"RU-MOW", "RU-SPE"}};
    const auto user = Receipt({}, "RU-MOW", {"berezka"});
    BOOST_TEST(IsTargeted(everyone, user));
    BOOST_TEST(IsTargeted(everyone, Receipt({}, "", {})));
    BOOST_TEST(IsTargeted(moscow, user));
    BOOST_TEST(!IsTargeted(moscow, Receipt({}, "RU-SPE")));
    BOOST_TEST(IsTargeted(holders, user));
    BOOST_TEST(!IsTargeted(holders, Receipt({}, "RU-MOW", {"other"})));
    BOOST_TEST(!IsTargeted(both, user)); // the region fits, the card does not
    BOOST_TEST(IsTargeted(both, Receipt({}, "RU-SPE", {"x", "polyanka"})));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(flight_matcher)

BOOST_AUTO_TEST_CASE(a_line_matches_by_sku) {
    const FlightMatcher m({Flight(1, {{"4607053470012"}, {}, {}}, Percent(1000))});
    const auto hit = m.Match(Receipt({{"4607053470012", "Молоко", "", 100'00, 2}, {"999", "Хлеб", "", 50'00, 1}}));
    BOOST_TEST((hit == std::vector<FlightAccrual>{{1, 20'00}}), Show(hit));
    BOOST_TEST(m.Match(Receipt({{"4607053470013", "Молоко", "", 100'00, 2}})).empty());
}

BOOST_AUTO_TEST_CASE(a_line_matches_by_category_exactly) {
    const FlightMatcher m({Flight(2, {{}, {}, {"dairy"}}, Fixed(10'00))});
    const auto hit = m.Match(Receipt({{"1", "Кефир", "dairy", 70'00, 3}, {"2", "Сыр", "Dairy", 300'00, 1}}));
    BOOST_TEST((hit == std::vector<FlightAccrual>{{2, 30'00}}), Show(hit)); // categories are codes: case counts
}

BOOST_AUTO_TEST_CASE(a_keyword_matches_inside_a_name_in_any_case_cyrillic_and_latin) {
    const FlightMatcher m({Flight(3, {{}, {"МОЛОКО", "coca-cola"}, {}}, Percent(500)),
                           Flight(4, {{}, {"ёлка"}, {}}, Fixed(1'00))});
    BOOST_TEST((m.Match(Receipt({{"", "Молоко Простоквашино 3,2% 1 л", "", 100'00, 1}})) ==
                std::vector<FlightAccrual>{{3, 5'00}}));
    BOOST_TEST((m.Match(Receipt({{"", "коктейль молочный", "", 100'00, 1}})).empty())); // "молоч" ≠ "молоко"
    BOOST_TEST((m.Match(Receipt({{"", "Напиток COCA-COLA Zero 0,5", "", 60'00, 2}})) ==
                std::vector<FlightAccrual>{{3, 6'00}}));
    BOOST_TEST((m.Match(Receipt({{"", "ЁЛКА искусственная", "", 1'000'00, 1}})) ==
                std::vector<FlightAccrual>{{4, 1'00}}));
    BOOST_TEST(m.Match(Receipt({{"", "Елка живая", "", 1'000'00, 1}})).empty()); // е is not ё
    BOOST_TEST((m.Match(Receipt({{"", "сгущёнка с молокомолоко", "", 100'00, 1}})) ==
                std::vector<FlightAccrual>{{3, 5'00}})); // twice in one name is still one line
}

BOOST_AUTO_TEST_CASE(overlapping_keywords_of_several_flights_are_all_found) {
    // "he", "she", "hers" overlap: the automaton must follow its failure links.
    const FlightMatcher m({Flight(10, {{}, {"she"}, {}}, Fixed(1)), Flight(11, {{}, {"he"}, {}}, Fixed(2)),
                           Flight(12, {{}, {"hers"}, {}}, Fixed(3)), Flight(13, {{}, {"шер"}, {}}, Fixed(4))});
    BOOST_TEST((m.Match(Receipt({{"", "USHERS", "", 1, 1}})) == std::vector<FlightAccrual>{{10, 1}, {11, 2}, {12, 3}}));
    BOOST_TEST((m.Match(Receipt({{"", "ШЕРСТЬ", "", 1, 1}})) == std::vector<FlightAccrual>{{13, 4}}));
    BOOST_TEST((m.Match(Receipt({{"", "hhhe", "", 1, 1}})) == std::vector<FlightAccrual>{{11, 2}}));
}

BOOST_AUTO_TEST_CASE(a_line_meeting_several_rules_of_one_flight_counts_once_and_lines_add_up_to_the_cap) {
    const FlightMatcher m({Flight(5, {{"A1"}, {"сыр"}, {"cheese"}}, Percent(1000), 25'00)});
    // One line by SKU, category and keyword at once: 10 % of 100 ₽ once, not three times.
    BOOST_TEST((m.Match(Receipt({{"A1", "Сыр Российский", "cheese", 100'00, 1}})) ==
                std::vector<FlightAccrual>{{5, 10'00}}));
    // Two lines: 10 + 12 = 22 ₽, under the 25 ₽ cap; three lines: 32 ₽ capped to 25 ₽.
    BOOST_TEST((m.Match(Receipt({{"A1", "x", "", 100'00, 1}, {"", "сыр", "", 120'00, 1}})) ==
                std::vector<FlightAccrual>{{5, 22'00}}));
    BOOST_TEST((m.Match(Receipt({{"A1", "x", "", 100'00, 1}, {"", "сыр", "", 120'00, 1}, {"", "y", "cheese", 100'00, 1}})) ==
                std::vector<FlightAccrual>{{5, 25'00}}));
}

BOOST_AUTO_TEST_CASE(fixed_cashback_is_paid_per_item_and_rounding_is_per_line) {
    const FlightMatcher m({Flight(6, {{"S"}, {}, {}}, Fixed(15'00), 1'000'00), Flight(7, {{"S"}, {}, {}}, Percent(500))});
    // A fixed 15 ₽ per item; 5 % rounded down on each line before the lines are added.
    const auto hit = m.Match(Receipt({{"S", "a", "", 19, 1}, {"S", "b", "", 19, 2}}));
    BOOST_TEST((hit == std::vector<FlightAccrual>{{6, 45'00}, {7, 1}}), Show(hit)); // 0 + floor(1.9)
    const auto split = m.Match(Receipt({{"S", "a", "", 19, 1}, {"S", "b", "", 19, 1}}));
    BOOST_TEST((split == std::vector<FlightAccrual>{{6, 30'00}, {7, 0}}), Show(split)); // 0 + 0, not floor(1.9)
}

BOOST_AUTO_TEST_CASE(targeting_by_region_and_card_and_empty_targeting_reaches_everyone) {
    auto moscow = Flight(20, {{"S"}, {}, {}}, Fixed(1));
    moscow.targeting.regions = {"RU-MOW"};
    auto holders = Flight(21, {{"S"}, {}, {}}, Fixed(2));
    holders.targeting.loyalty_cards = {"polyanka", "berezka"};
    auto both = Flight(22, {{"S"}, {}, {}}, Fixed(3));
    both.targeting = {{"polyanka"}, {"RU-SPE"}};
    const auto everyone = Flight(23, {{"S"}, {}, {}}, Fixed(4));
    const FlightMatcher m({moscow, holders, both, everyone});
    const std::vector<ReceiptLine> lines{{"S", "x", "", 100, 1}};
    BOOST_TEST((m.Match(Receipt(lines, "RU-MOW", {})) == std::vector<FlightAccrual>{{20, 1}, {23, 4}}));
    BOOST_TEST((m.Match(Receipt(lines, "RU-MOW", {"berezka"})) == std::vector<FlightAccrual>{{20, 1}, {21, 2}, {23, 4}}));
    BOOST_TEST((m.Match(Receipt(lines, "RU-SPE", {"polyanka"})) == std::vector<FlightAccrual>{{21, 2}, {22, 3}, {23, 4}}));
    BOOST_TEST((m.Match(Receipt(lines, "", {})) == std::vector<FlightAccrual>{{23, 4}}));
}

BOOST_AUTO_TEST_CASE(results_come_in_flight_id_order_whatever_order_the_flights_came_in) {
    const FlightMatcher m({Flight(9, {{"S"}, {}, {}}, Fixed(9)), Flight(3, {{}, {}, {"c"}}, Fixed(3)),
                           Flight(5, {{}, {"x"}, {}}, Fixed(5))});
    BOOST_TEST(m.FlightCount() == 3u);
    BOOST_TEST((m.Match(Receipt({{"S", "x", "c", 1, 1}})) == std::vector<FlightAccrual>{{3, 3}, {5, 5}, {9, 9}}));
}

BOOST_AUTO_TEST_CASE(no_flights_empty_rules_and_broken_text_match_nothing_and_do_not_crash) {
    BOOST_TEST(FlightMatcher({}).Match(Receipt({{"S", "x", "c", 1, 1}})).empty());
    const FlightMatcher m({Flight(1, {{""}, {""}, {""}}, Fixed(1)), Flight(2, {{}, {"\xD0"}, {}}, Fixed(2))});
    BOOST_TEST(m.Match(Receipt({{"", "", "", 1, 1}, {"", "Молоко", "", 1, 1}})).empty());
    BOOST_TEST((m.Match(Receipt({{"", "a\xD0z", "", 1, 1}})) == std::vector<FlightAccrual>{{2, 2}}));
    BOOST_TEST(m.Match(Receipt({{"", "\xD0\x9C", "", 1, 1}})).empty()); // a whole "М" is not the stray byte
}

// ---- A generated case checked against a reference written here, naively ------------

namespace {
// Lower-cases the letters the generator uses (ASCII and Russian А–Я, Ё),
// byte by byte, independently of the domain's folding.
std::string ReferenceLower(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c + 32);
        } else if (c == 0xD0 && i + 1 < s.size()) {
            const auto d = static_cast<unsigned char>(s[++i]);
            if (d >= 0x90 && d <= 0x9F) { // А–П → а–п
                out += '\xD0';
                out += static_cast<char>(d + 0x20);
            } else if (d >= 0xA0 && d <= 0xAF) { // Р–Я → р–я
                out += '\xD1';
                out += static_cast<char>(d - 0x20);
            } else if (d == 0x81) { // Ё → ё
                out += "\xD1\x91";
            } else {
                out += '\xD0';
                out += static_cast<char>(d);
            }
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

std::vector<FlightAccrual> ReferenceMatch(const std::vector<CashbackFlight>& flights, const CashbackReceipt& r) {
    std::map<std::int64_t, Kopecks> sums;
    for (const auto& f : flights) {
        const auto& t = f.targeting;
        const bool regionOk = t.regions.empty() || std::count(t.regions.begin(), t.regions.end(), r.region) > 0;
        bool cardOk = t.loyalty_cards.empty();
        for (const auto& card : r.loyalty_cards) {
            cardOk = cardOk || std::count(t.loyalty_cards.begin(), t.loyalty_cards.end(), card) > 0;
        }
        if (!regionOk || !cardOk) {
            continue;
        }
        bool any = false;
        Kopecks sum = 0;
        for (const auto& line : r.lines) {
            bool hit = std::count(f.match.skus.begin(), f.match.skus.end(), line.sku) > 0 ||
                       std::count(f.match.categories.begin(), f.match.categories.end(), line.category) > 0;
            for (const auto& k : f.match.keywords) {
                hit = hit || ReferenceLower(line.name).find(ReferenceLower(k)) != std::string::npos;
            }
            if (hit) {
                any = true;
                sum += f.cashback.percent_bp ? line.price_kop * line.quantity * *f.cashback.percent_bp / 10'000
                                             : *f.cashback.fixed_kop * line.quantity;
            }
        }
        if (any) {
            sums[f.id] = std::min(sum, f.cap_per_receipt_kop);
        }
    }
    std::vector<FlightAccrual> out;
    for (const auto& [id, kop] : sums) {
        out.push_back({id, kop});
    }
    return out;
}
} // namespace

BOOST_AUTO_TEST_CASE(a_generated_case_agrees_with_a_naive_reference) {
    std::mt19937 rng(20261129);
    const auto pick = [&rng](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
    const std::vector<std::string> words{"Молоко", "кефир", "Творог", "сыр", "ХЛЕБ", "Батон", "ёлка", "Ёж", "чай",
                                         "Кофе", "coffee", "Tea", "Milk", "сок", "Сокол", "мол", "ко", "Пряник",
                                         "шоколад", "ШОКО", "cola", "Coca-Cola", "вода", "ВОДАвода"};
    const std::vector<std::string> regions{"RU-MOW", "RU-SPE", "RU-NVS", "RU-TAT"};
    const std::vector<std::string> cards{"polyanka", "berezka", "lenta", "magnit", "vkusvill"};
    const auto sku = [&] { return "46" + std::to_string(pick(300)); };
    const auto category = [&] { return "cat" + std::to_string(pick(20)); };
    const auto name = [&] {
        std::string n;
        for (std::size_t w = 0, count = 1 + pick(4); w < count; ++w) {
            std::string word = words[pick(words.size())];
            if (pick(3) == 0) {
                word = ReferenceLower(word);
            }
            n += (w ? " " : "") + word;
        }
        return n;
    };

    std::vector<CashbackFlight> flights;
    for (std::int64_t id = 1; id <= 150; ++id) {
        FlightMatch match;
        for (std::size_t i = 0, n = pick(4); i < n; ++i) match.skus.push_back(sku());
        for (std::size_t i = 0, n = pick(3); i < n; ++i) match.keywords.push_back(words[pick(words.size())]);
        for (std::size_t i = 0, n = pick(2); i < n; ++i) match.categories.push_back(category());
        auto f = Flight(id * 7 % 1000, match, pick(2) ? Percent(1 + static_cast<std::int64_t>(pick(10'000)))
                                                      : Fixed(1 + static_cast<Kopecks>(pick(5'000))),
                        1 + static_cast<Kopecks>(pick(50'000)));
        for (std::size_t i = 0, n = pick(3) == 0 ? 1 + pick(2) : 0; i < n; ++i) f.targeting.regions.push_back(regions[pick(regions.size())]);
        for (std::size_t i = 0, n = pick(4) == 0 ? 1 + pick(2) : 0; i < n; ++i) f.targeting.loyalty_cards.push_back(cards[pick(cards.size())]);
        flights.push_back(std::move(f));
    }
    const FlightMatcher matcher(flights);
    std::size_t matchedReceipts = 0, accruals = 0, mismatches = 0;
    std::vector<CashbackReceipt> receipts;
    std::vector<std::vector<FlightAccrual>> answers;
    for (int i = 0; i < 3'000; ++i) {
        CashbackReceipt r;
        r.region = regions[pick(regions.size())];
        for (std::size_t c = 0, n = pick(3); c < n; ++c) r.loyalty_cards.push_back(cards[pick(cards.size())]);
        for (std::size_t l = 0, n = 1 + pick(12); l < n; ++l) {
            r.lines.push_back({sku(), name(), category(), 1 + static_cast<Kopecks>(pick(500'000)),
                               1 + static_cast<std::int64_t>(pick(5))});
        }
        const auto got = matcher.Match(r);
        const auto want = ReferenceMatch(flights, r);
        receipts.push_back(r);
        answers.push_back(got);
        if (got != want && ++mismatches <= 3) {
            BOOST_TEST(Show(got) == Show(want), "receipt " << i);
        }
        matchedReceipts += want.empty() ? 0 : 1;
        accruals += want.size();
    }
    BOOST_TEST(mismatches == 0u);
    // The case must exercise matching, not agree on emptiness.
    BOOST_TEST(matchedReceipts > 2'000u);
    BOOST_TEST(accruals > 6'000u);

    // The sandbox shares one matcher between its request threads: it must
    // answer the same from several at once (it keeps no state between calls).
    std::atomic<int> differences{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (std::size_t k = 0; k < receipts.size(); ++k) {
                const std::size_t i = (k + static_cast<std::size_t>(t) * 700) % receipts.size();
                differences += matcher.Match(receipts[i]) == answers[i] ? 0 : 1;
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    BOOST_TEST(differences.load() == 0);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(string_index)

BOOST_AUTO_TEST_CASE(finds_every_key_after_growing_and_nothing_else) {
    StringIndex index;
    BOOST_TEST(index.Find("x").empty());
    for (std::uint32_t i = 0; i < 5'000; ++i) {
        index.Add("460" + std::to_string(1'000'000 + i), i);
        index.Add("460" + std::to_string(1'000'000 + i), i + 1); // a second flight
        index.Add("460" + std::to_string(1'000'000 + i), i);     // the first again: kept once
    }
    for (std::uint32_t i = 0; i < 5'000; ++i) {
        const auto values = index.Find("460" + std::to_string(1'000'000 + i));
        BOOST_TEST_REQUIRE(values.size() == 2u);
        BOOST_TEST(values[0] == i);
        BOOST_TEST(values[1] == i + 1);
    }
    BOOST_TEST(index.Find("4601005000").empty());
    BOOST_TEST(index.Find("46010000").empty()); // a prefix of a key
    BOOST_TEST(index.Find("").empty());
    index.Add("", 7);
    BOOST_TEST(index.Find("").size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
