#pragma once
// What the simulated shoppers buy: a small fixed catalogue of goods (SKU,
// name as a till prints it, category, price), and the rule by which a
// generated receipt includes something a running flight pays cashback for,
// so a demo's live flights see matches whatever their rules. Pure; any thread.
#include "sandbox/receipt_repository.h"

#include <cstdint>
#include <string>
#include <vector>

namespace kpd::sandbox {

struct CatalogItem {
    const char* sku;
    const char* name;
    const char* category;
    std::int64_t price_kop;
};

const std::vector<CatalogItem>& ReceiptCatalog();

// What a flight matches, as the generator needs it to make a matching line.
struct FlightBait {
    std::vector<std::string> skus, keywords, categories;
    std::string title; // the offer's title: the name of a line made for a SKU
};

// A deterministic stream of draws (SplitMix64 over a seed).
class Draws {
  public:
    explicit Draws(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t Next();
    // Uniform in [0, n) for n > 0.
    std::int64_t Below(std::int64_t n);

  private:
    std::uint64_t m_state;
};

// One to six lines from the catalogue; with `baitChance` per mille, one more
// line that matches one of `baits` (a SKU, a category or a name with a
// keyword of a flight drawn among them).
std::vector<ReceiptLine> DrawLines(Draws& draws, const std::vector<FlightBait>& baits, int baitChance);

} // namespace kpd::sandbox
