// How many scanned receipts a second the platform can match to its live
// cashback flights on one core: 1,000 flights (SKU lists, Russian keywords,
// categories, a third targeted by region or loyalty card) against receipts of
// 1–25 lines with Russian names in mixed case. Target: ≥ 100,000 receipts/s.
// Peer, measured in the same run on the first 1,000 of the same receipts (it
// is that much slower): the naive matcher, every flight × every line (names
// folded once per receipt, keywords once at start, SKUs and categories
// searched in each flight's lists), which is what the matcher replaces; both
// must give the same accruals, checked here first. Both rates count CPU time
// of one thread, so other work on a shared machine does not skew them.
//   cashback_match_bench [RECEIPTS] [FLIGHTS]   (default 20000 receipts, 1000 flights)
#include "domain/cashback_accrual.h"
#include "domain/cashback_matcher.h"
#include "domain/cashback_sample.h"
#include "domain/cashback_text.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include <time.h>

namespace {

using namespace kpd::domain;
using Clock = std::chrono::steady_clock;

constexpr double kTargetPerSecond = 100'000;

// Pseudo-Russian words of consonant + vowel syllables (200 of them), each
// written in lower case, capitalised or upper case.
const char* const kConsonantsLower[] = {"б", "в", "г", "д", "ж", "з", "к", "л", "м", "н",
                                        "п", "р", "с", "т", "ф", "х", "ц", "ч", "ш", "щ"};
const char* const kConsonantsUpper[] = {"Б", "В", "Г", "Д", "Ж", "З", "К", "Л", "М", "Н",
                                        "П", "Р", "С", "Т", "Ф", "Х", "Ц", "Ч", "Ш", "Щ"};
const char* const kVowelsLower[] = {"а", "е", "ё", "и", "о", "у", "ы", "э", "ю", "я"};
const char* const kVowelsUpper[] = {"А", "Е", "Ё", "И", "О", "У", "Ы", "Э", "Ю", "Я"};
constexpr std::size_t kConsonants = 20, kVowels = 10;

class Generator {
  public:
    explicit Generator(std::uint32_t seed) : m_rng(seed) {
        for (int i = 0; i < 5'000; ++i) {
            std::vector<std::size_t> syllables(2 + Pick(3));
            for (auto& s : syllables) s = Pick(kConsonants * kVowels);
            m_words.push_back(syllables);
        }
    }

    std::size_t Pick(std::size_t n) { return static_cast<std::size_t>(m_rng() % n); }

    // Word `i` as written on a receipt: lower case, capitalised or upper case.
    std::string Word(std::size_t i, int style) {
        std::string out;
        for (std::size_t k = 0; k < m_words[i].size(); ++k) {
            const std::size_t c = m_words[i][k] / kVowels, v = m_words[i][k] % kVowels;
            out += style == 2 || (style == 1 && k == 0) ? kConsonantsUpper[c] : kConsonantsLower[c];
            out += style == 2 ? kVowelsUpper[v] : kVowelsLower[v];
        }
        return out;
    }
    std::string Keyword() { return Word(Pick(1'000), static_cast<int>(Pick(2))); }
    std::string Name() {
        std::string out;
        for (std::size_t w = 0, n = 2 + Pick(4); w < n; ++w) {
            // Words 0–999 are the keywords' vocabulary; most words are from the rest.
            out += (w ? " " : "") + Word(Pick(20) == 0 ? Pick(1'000) : 1'000 + Pick(4'000), static_cast<int>(Pick(3)));
        }
        return out + " " + std::to_string(1 + Pick(999)) + " г";
    }
    std::string Sku() { return "460" + std::to_string(1'000'000 + Pick(200'000)); }
    std::string Category() { return "cat-" + std::to_string(Pick(1'000)); }
    std::string Region() { return "RU-" + std::to_string(Pick(85)); }
    std::string Card() { return "card-" + std::to_string(Pick(50)); }

  private:
    std::mt19937 m_rng;
    std::vector<std::vector<std::size_t>> m_words;
};

std::vector<CashbackFlight> MakeFlights(Generator& g, int count) {
    std::vector<CashbackFlight> flights;
    for (int id = 1; id <= count; ++id) {
        auto f = SampleFlight();
        f.id = id;
        f.match = {};
        for (std::size_t i = 0, n = g.Pick(21); i < n; ++i) f.match.skus.push_back(g.Sku());
        for (std::size_t i = 0, n = g.Pick(4); i < n; ++i) f.match.keywords.push_back(g.Keyword());
        if (g.Pick(3) == 0) f.match.categories.push_back(g.Category());
        if (f.match.skus.empty() && f.match.keywords.empty() && f.match.categories.empty()) {
            f.match.keywords.push_back(g.Keyword());
        }
        if (g.Pick(2)) {
            f.cashback = {static_cast<std::int64_t>(100 + g.Pick(1'900)), std::nullopt};
        } else {
            f.cashback = {std::nullopt, static_cast<Kopecks>(100 + g.Pick(10'000))};
        }
        f.cap_per_receipt_kop = static_cast<Kopecks>(5'000 + g.Pick(50'000));
        f.targeting = {};
        if (g.Pick(5) == 0) {
            for (std::size_t i = 0, n = 1 + g.Pick(5); i < n; ++i) f.targeting.regions.push_back(g.Region());
        }
        if (g.Pick(6) == 0) {
            for (std::size_t i = 0, n = 1 + g.Pick(3); i < n; ++i) f.targeting.loyalty_cards.push_back(g.Card());
        }
        flights.push_back(std::move(f));
    }
    return flights;
}

std::vector<CashbackReceipt> MakeReceipts(Generator& g, int count) {
    std::vector<CashbackReceipt> receipts;
    for (int i = 0; i < count; ++i) {
        CashbackReceipt r;
        r.region = g.Region();
        for (std::size_t c = 0, n = g.Pick(4); c < n; ++c) r.loyalty_cards.push_back(g.Card());
        for (std::size_t l = 0, n = 1 + g.Pick(25); l < n; ++l) {
            r.lines.push_back({g.Sku(), g.Name(), g.Category(), static_cast<Kopecks>(1'000 + g.Pick(300'000)),
                               static_cast<std::int64_t>(1 + g.Pick(3))});
        }
        receipts.push_back(std::move(r));
    }
    return receipts;
}

// The peer: every flight × every line, with nothing indexed.
class NaiveMatcher {
  public:
    explicit NaiveMatcher(const std::vector<CashbackFlight>& flights) : m_flights(flights) {
        std::sort(m_flights.begin(), m_flights.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
        for (auto& f : m_flights) {
            for (auto& k : f.match.keywords) k = FoldCaseUtf8(k);
        }
    }

    std::vector<FlightAccrual> Match(const CashbackReceipt& r) const {
        std::vector<std::string> names;
        for (const auto& line : r.lines) names.push_back(FoldCaseUtf8(line.name));
        std::vector<FlightAccrual> out;
        for (const auto& f : m_flights) {
            if (!IsTargeted(f.targeting, r)) continue;
            bool any = false;
            Kopecks sum = 0;
            for (std::size_t l = 0; l < r.lines.size(); ++l) {
                const auto& line = r.lines[l];
                const auto has = [](const std::vector<std::string>& list, const std::string& v) {
                    return std::find(list.begin(), list.end(), v) != list.end();
                };
                bool hit = has(f.match.skus, line.sku) || has(f.match.categories, line.category);
                for (std::size_t k = 0; !hit && k < f.match.keywords.size(); ++k) {
                    hit = names[l].find(f.match.keywords[k]) != std::string::npos;
                }
                if (hit) {
                    any = true;
                    sum = AddKopecks(sum, LineCashback(f.cashback, line));
                }
            }
            if (any) out.push_back({f.id, CapPerReceipt(sum, f.cap_per_receipt_kop)});
        }
        return out;
    }

  private:
    std::vector<CashbackFlight> m_flights;
};

// The CPU time this thread has used: "on one core" means the core's time, and
// the machine is shared (wall time would count other people's builds too).
double ThreadSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Receipts a second of CPU time over at least `seconds` of it, in repeated passes.
template <class M> double Rate(const M& matcher, const std::vector<CashbackReceipt>& receipts, double seconds,
                               std::size_t& sink) {
    std::size_t done = 0;
    const double start = ThreadSeconds();
    double elapsed = 0;
    do {
        for (const auto& r : receipts) {
            sink += matcher.Match(r).size();
        }
        done += receipts.size();
        elapsed = ThreadSeconds() - start;
    } while (elapsed < seconds);
    return static_cast<double>(done) / elapsed;
}

} // namespace

int main(int argc, char** argv) {
    const int receiptCount = argc > 1 ? std::atoi(argv[1]) : 20'000;
    const int flightCount = argc > 2 ? std::atoi(argv[2]) : 1'000;
    if (receiptCount <= 0 || flightCount <= 0) {
        std::fprintf(stderr, "usage: cashback_match_bench [RECEIPTS] [FLIGHTS]\n");
        return 2;
    }
    Generator g(20261129);
    const auto flights = MakeFlights(g, flightCount);
    const auto receipts = MakeReceipts(g, receiptCount);

    const auto buildStart = Clock::now();
    const FlightMatcher matcher(flights);
    const double buildMs = std::chrono::duration<double, std::milli>(Clock::now() - buildStart).count();
    const NaiveMatcher naive(flights);

    // Same answers first: a fast wrong matcher is worth nothing.
    std::size_t lines = 0, matched = 0, accruals = 0;
    const std::size_t checked = std::min<std::size_t>(receipts.size(), 2'000);
    for (std::size_t i = 0; i < checked; ++i) {
        const auto got = matcher.Match(receipts[i]);
        if (got != naive.Match(receipts[i])) {
            std::fprintf(stderr, "cashback_match_bench: receipt %zu matched differently by the peer\n", i);
            return 1;
        }
        lines += receipts[i].lines.size();
        matched += got.empty() ? 0 : 1;
        accruals += got.size();
    }

    std::size_t sink = 0;
    const double fast = Rate(matcher, receipts, 2.0, sink);
    const std::vector<CashbackReceipt> few(receipts.begin(), receipts.begin() + std::min<std::ptrdiff_t>(receipts.size(), 1'000));
    const double slow = Rate(naive, few, 2.0, sink);

    std::printf("cashback_match_bench: %d live flights (keyword automaton %zu states, built in %.1f ms), "
                "%d receipts, %.1f lines each; %.0f%% of receipts match, %.2f accruals each\n",
                flightCount, matcher.KeywordStates(), buildMs, receiptCount,
                static_cast<double>(lines) / static_cast<double>(checked),
                100.0 * static_cast<double>(matched) / static_cast<double>(checked),
                static_cast<double>(accruals) / static_cast<double>(checked));
    std::printf("%-40s %14.0f receipts/s  (%.2f us each)\n", "FlightMatcher (CPU time, one thread)", fast, 1e6 / fast);
    std::printf("%-40s %14.0f receipts/s  (%.2f us each)\n", "  peer: naive, every flight x every line", slow,
                1e6 / slow);
    std::printf("RATIO cashback_match vs naive matching of the same receipts: %.1fx\n", fast / slow);
    std::printf("target: >= %.0f receipts/s on one core: %s\n", kTargetPerSecond,
                fast >= kTargetPerSecond ? "met" : "NOT met");
    return sink == 42 ? 3 : 0; // keeps the work from being optimised away
}
