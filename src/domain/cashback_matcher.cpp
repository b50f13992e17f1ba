#include "domain/cashback_matcher.h"

#include "domain/cashback_text.h"

#include <algorithm>
#include <deque>

namespace kpd::domain {

namespace {
// FoldCase changes nothing at or above this code point, so classes of raw code
// points below it come from one table and fold for free.
constexpr char32_t kLowTable = 0x500;

std::u32string FoldedCodePoints(std::string_view text) {
    std::u32string out;
    for (std::size_t pos = 0; pos < text.size();) {
        out += FoldCase(NextCodePoint(text, pos));
    }
    return out;
}

void SetBit(std::vector<std::uint64_t>& bits, std::size_t index) { bits[index / 64] |= std::uint64_t{1} << (index % 64); }

bool TestBit(const std::vector<std::uint64_t>& bits, std::size_t index) {
    return (bits[index / 64] >> (index % 64)) & 1u;
}
} // namespace

FlightMatcher::FlightMatcher(const std::vector<CashbackFlight>& flights) {
    std::vector<const CashbackFlight*> ordered;
    for (const auto& f : flights) {
        ordered.push_back(&f);
    }
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const CashbackFlight* a, const CashbackFlight* b) { return a->id < b->id; });

    m_words = (ordered.size() + 63) / 64;
    m_anyRegion.assign(m_words, 0);
    m_anyCard.assign(m_words, 0);
    std::vector<std::vector<std::u32string>> keywords(ordered.size());
    for (std::uint32_t i = 0; i < ordered.size(); ++i) {
        const auto& f = *ordered[i];
        m_flights.push_back({f.id, f.cashback, f.cap_per_receipt_kop});
        for (const auto& sku : f.match.skus) {
            if (!sku.empty()) m_bySku.Add(sku, i);
        }
        for (const auto& category : f.match.categories) {
            if (!category.empty()) m_byCategory.Add(category, i);
        }
        for (const auto& keyword : f.match.keywords) {
            if (!keyword.empty()) {
                keywords[i].push_back(FoldedCodePoints(keyword));
            }
        }
        const auto target = [&](Bits& any, std::unordered_map<std::string, Bits>& by,
                                const std::vector<std::string>& values) {
            if (values.empty()) {
                SetBit(any, i);
            }
            for (const auto& value : values) {
                auto& bits = by[value];
                bits.resize(m_words, 0);
                SetBit(bits, i);
            }
        };
        target(m_anyRegion, m_byRegion, f.targeting.regions);
        target(m_anyCard, m_byCard, f.targeting.loyalty_cards);
    }
    BuildKeywords(keywords);
}

std::uint32_t FlightMatcher::AddClass(char32_t folded) {
    if (folded < kLowTable) {
        if (m_classOfLow.empty()) {
            m_classOfLow.assign(kLowTable, 0);
        }
        if (m_classOfLow[folded] == 0) {
            // Every raw code point that folds to this one shares its class.
            const std::uint32_t cls = m_classCount++;
            for (char32_t raw = 0; raw < kLowTable; ++raw) {
                if (FoldCase(raw) == folded) {
                    m_classOfLow[raw] = cls;
                }
            }
        }
        return m_classOfLow[folded];
    }
    auto [it, added] = m_classOfOther.try_emplace(folded, m_classCount);
    if (added) {
        ++m_classCount;
    }
    return it->second;
}

std::uint32_t FlightMatcher::ClassOf(char32_t raw) const {
    if (raw < kLowTable) {
        return m_classOfLow.empty() ? 0 : m_classOfLow[raw];
    }
    if (m_classOfOther.empty()) {
        return 0;
    }
    const auto it = m_classOfOther.find(raw);
    return it == m_classOfOther.end() ? 0 : it->second;
}

// Aho–Corasick: a trie of the keywords, then every state's move for every
// class filled in breadth-first through the failure links, so scanning is one
// table lookup per character with no backtracking; each state's outputs
// include those of the states its failure link chain reaches.
void FlightMatcher::BuildKeywords(const std::vector<std::vector<std::u32string>>& keywords) {
    struct Node {
        std::vector<std::pair<std::uint32_t, std::uint32_t>> children; // (class, state)
        std::vector<std::uint32_t> outputs;
    };
    std::vector<Node> trie(1);
    for (std::uint32_t flight = 0; flight < keywords.size(); ++flight) {
        for (const auto& word : keywords[flight]) {
            std::uint32_t state = 0;
            for (char32_t cp : word) {
                const std::uint32_t cls = AddClass(cp);
                auto& children = trie[state].children;
                const auto it = std::find_if(children.begin(), children.end(),
                                             [cls](const auto& child) { return child.first == cls; });
                if (it != children.end()) {
                    state = it->second;
                } else {
                    const auto next = static_cast<std::uint32_t>(trie.size());
                    children.emplace_back(cls, next);
                    trie.emplace_back();
                    state = next;
                }
            }
            trie[state].outputs.push_back(flight);
        }
    }
    if (trie.size() == 1) {
        return; // no keywords: names are never scanned
    }
    const std::size_t classes = m_classCount;
    m_next.assign(trie.size() * classes, 0);
    std::vector<std::uint32_t> fail(trie.size(), 0);
    std::deque<std::uint32_t> queue;
    for (const auto& [cls, child] : trie[0].children) {
        m_next[cls] = child;
        queue.push_back(child);
    }
    while (!queue.empty()) {
        const std::uint32_t state = queue.front();
        queue.pop_front();
        // The failure state is shallower, so its outputs are complete already.
        auto& outputs = trie[state].outputs;
        const auto& inherited = trie[fail[state]].outputs;
        outputs.insert(outputs.end(), inherited.begin(), inherited.end());
        std::sort(outputs.begin(), outputs.end());
        outputs.erase(std::unique(outputs.begin(), outputs.end()), outputs.end());
        const std::size_t row = state * classes;
        const std::size_t failRow = fail[state] * classes;
        for (std::size_t cls = 0; cls < classes; ++cls) {
            m_next[row + cls] = m_next[failRow + cls];
        }
        for (const auto& [cls, child] : trie[state].children) {
            fail[child] = m_next[failRow + cls];
            m_next[row + cls] = child;
            queue.push_back(child);
        }
    }
    m_outputStart.reserve(trie.size() + 1);
    for (const auto& node : trie) {
        m_outputStart.push_back(static_cast<std::uint32_t>(m_outputs.size()));
        m_outputs.insert(m_outputs.end(), node.outputs.begin(), node.outputs.end());
    }
    m_outputStart.push_back(static_cast<std::uint32_t>(m_outputs.size()));
}

void FlightMatcher::ScanName(const std::string& name, std::vector<std::uint32_t>& hits) const {
    const std::size_t classes = m_classCount;
    std::uint32_t state = 0;
    for (std::size_t pos = 0; pos < name.size();) {
        // ASCII and two-byte sequences (Cyrillic) decoded here; the rest by NextCodePoint.
        const auto byte = static_cast<unsigned char>(name[pos]);
        char32_t cp = byte;
        if (byte < 0x80) {
            ++pos;
        } else if (byte >= 0xC2 && byte <= 0xDF && pos + 1 < name.size() &&
                   (static_cast<unsigned char>(name[pos + 1]) & 0xC0u) == 0x80u) {
            cp = ((byte & 0x1Fu) << 6) | (static_cast<unsigned char>(name[pos + 1]) & 0x3Fu);
            pos += 2;
        } else {
            cp = NextCodePoint(name, pos);
        }
        state = m_next[state * classes + ClassOf(cp)];
        const std::uint32_t begin = m_outputStart[state], end = m_outputStart[state + 1];
        if (begin != end) {
            hits.insert(hits.end(), m_outputs.begin() + begin, m_outputs.begin() + end);
        }
    }
}

FlightMatcher::Bits FlightMatcher::Audience(const CashbackReceipt& receipt) const {
    Bits regions = m_anyRegion;
    if (const auto it = m_byRegion.find(receipt.region); it != m_byRegion.end()) {
        for (std::size_t w = 0; w < m_words; ++w) {
            regions[w] |= it->second[w];
        }
    }
    Bits cards = m_anyCard;
    for (const auto& card : receipt.loyalty_cards) {
        if (const auto it = m_byCard.find(card); it != m_byCard.end()) {
            for (std::size_t w = 0; w < m_words; ++w) {
                cards[w] |= it->second[w];
            }
        }
    }
    for (std::size_t w = 0; w < m_words; ++w) {
        regions[w] &= cards[w];
    }
    return regions;
}

std::vector<FlightAccrual> FlightMatcher::Match(const CashbackReceipt& receipt) const {
    std::vector<FlightAccrual> out;
    std::vector<std::uint32_t> hits;
    std::vector<std::pair<std::uint32_t, Kopecks>> earned; // (flight index, one line's cashback)
    Bits audience;
    for (const auto& line : receipt.lines) {
        hits.clear();
        if (!line.sku.empty()) {
            const auto flights = m_bySku.Find(line.sku);
            hits.insert(hits.end(), flights.begin(), flights.end());
        }
        if (!line.category.empty()) {
            const auto flights = m_byCategory.Find(line.category);
            hits.insert(hits.end(), flights.begin(), flights.end());
        }
        if (!m_next.empty()) {
            ScanName(line.name, hits);
        }
        if (hits.empty()) {
            continue;
        }
        if (hits.size() > 1) {
            std::sort(hits.begin(), hits.end());
            hits.erase(std::unique(hits.begin(), hits.end()), hits.end());
        }
        if (audience.empty()) {
            audience = Audience(receipt);
        }
        for (std::uint32_t f : hits) {
            if (TestBit(audience, f)) {
                earned.emplace_back(f, LineCashback(m_flights[f].cashback, line));
            }
        }
    }
    std::sort(earned.begin(), earned.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t i = 0; i < earned.size();) {
        const std::uint32_t f = earned[i].first;
        Kopecks sum = 0;
        for (; i < earned.size() && earned[i].first == f; ++i) {
            sum = AddKopecks(sum, earned[i].second);
        }
        out.push_back({m_flights[f].id, std::max<Kopecks>(0, CapPerReceipt(sum, m_flights[f].cap))});
    }
    return out;
}

} // namespace kpd::domain
