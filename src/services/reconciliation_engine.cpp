#include "services/reconciliation_engine.h"

#include <sys/mman.h>

#include <algorithm>
#include <array>
#include <future>
#include <map>
#include <new>
#include <string>
#include <tuple>

namespace kpd::services {

namespace {
using domain::ReconClass;

// An open-addressing table of order ids for one half of the hash range,
// eight bytes a slot: the hash's low 30 bits as a tag, two bits of state and
// a row. A slot stands for one order id and names the row that first carried
// it: the partner's (waiting for the platform, or already paired) or, for ids
// the partner does not have, the platform's. Equal tags are only a hint: ids
// are compared before anything pairs, so a collision never joins two orders.
class IdTable {
  public:
    enum State : std::uint64_t { kEmpty = 0, kPartnerWaiting = 1, kPartnerPaired = 2, kPlatformOnly = 3 };

    // Room for `ids` ids at a load of at most two thirds. Anonymous memory
    // comes zeroed: all slots empty without a pass to clear them. It is
    // populated up front: a slot is read before it is written, and reading
    // an untouched page maps the shared zero page, whose copy on the first
    // write then interrupts the other core to flush its TLB — a quarter of
    // the whole run's time (perf: do_wp_page → flush_tlb_mm_range). Small
    // pages: huge ones, asked for here or for the row arrays, came slower at
    // 5M rows on this VM (their zeroing dominated) though faster at 1M.
    explicit IdTable(std::size_t ids) {
        // Exactly 1.5 slots an id (rounded to whole cache lines), not the next
        // power of two: up to a quarter less memory to populate and to miss in.
        m_slotCount = std::max<std::size_t>(1024, (ids + ids / 2 + 8) & ~std::size_t{7});
        m_bytes = m_slotCount * sizeof(std::uint64_t);
        void* mem = ::mmap(nullptr, m_bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
        if (mem == MAP_FAILED) throw std::bad_alloc();
        m_slots = static_cast<std::uint64_t*>(mem);
    }
    ~IdTable() { ::munmap(m_slots, m_bytes); }
    IdTable(const IdTable&) = delete;
    IdTable& operator=(const IdTable&) = delete;

    // Fibonacci hashing (the product's top bits spread even a test's narrowed
    // hash), then those 32 bits scaled onto the slots by a multiply.
    std::size_t Home(std::uint64_t hash) const {
        return static_cast<std::size_t>(((hash * 0x9E3779B97F4A7C15ull) >> 32) * m_slotCount >> 32);
    }
    std::size_t Next(std::size_t slot) const { return slot + 1 == m_slotCount ? 0 : slot + 1; }
    void Prefetch(std::uint64_t hash) const { __builtin_prefetch(&m_slots[Home(hash)]); }
    std::uint64_t& operator[](std::size_t slot) { return m_slots[slot]; }
    std::size_t Slots() const { return m_slotCount; }

    static std::uint64_t Make(State state, std::uint64_t hash, std::uint32_t row) {
        return (static_cast<std::uint64_t>(state) << 62) | ((hash & 0x3FFFFFFFull) << 32) | row;
    }
    static State StateOf(std::uint64_t slot) { return static_cast<State>(slot >> 62); }
    static bool TagIs(std::uint64_t slot, std::uint64_t hash) { return ((slot >> 32) & 0x3FFFFFFFull) == (hash & 0x3FFFFFFFull); }
    static std::uint32_t RowOf(std::uint64_t slot) { return static_cast<std::uint32_t>(slot); }

  private:
    std::uint64_t* m_slots = nullptr;
    std::size_t m_slotCount = 0;
    std::size_t m_bytes = 0;
};

class Classifier {
  public:
    Classifier(const SaleTable& platform, const SaleTable& partner, const ReconOptions& options, ReconResult& result)
        : m_platform(platform), m_partner(partner), m_options(options), m_result(result) {}
    ReconResult& Result() { return m_result; }

    void Pair(std::uint32_t p, std::uint32_t q, bool byAttributes) {
        ReconClass cls = ReconClass::Matched;
        const auto dt = m_platform.At(p) - m_partner.At(q);
        if (m_platform.Amount(p) != m_partner.Amount(q)) {
            cls = ReconClass::AmountMismatch;
        } else if (m_partner.KnowsRefund(q) && m_platform.Refunded(p) != m_partner.Refunded(q)) {
            cls = ReconClass::RefundMismatch;
        } else if (dt > m_options.time_tolerance_seconds || -dt > m_options.time_tolerance_seconds) {
            cls = ReconClass::DateOutsideTolerance;
        }
        Emit({cls, byAttributes, p, q});
    }
    void PlatformOnly(std::uint32_t p, ReconClass cls) { Emit({cls, false, p, kNoRow}); }
    void PartnerOnly(std::uint32_t q, ReconClass cls) { Emit({cls, false, kNoRow, q}); }

  private:
    // Checked sums, the overflow flag or-ed in without a branch of its own.
    void Emit(const ReconRow& row) {
        auto& total = m_result.totals[static_cast<std::size_t>(row.cls)];
        ++total.rows;
        bool overflow = false;
        if (row.platform != kNoRow) {
            overflow |= !domain::CheckedAdd(total.platform_kop, m_platform.Amount(row.platform),
                                            total.platform_kop);
        }
        if (row.partner != kNoRow) {
            overflow |= !domain::CheckedAdd(total.partner_kop, m_partner.Amount(row.partner),
                                            total.partner_kop);
        }
        m_result.totals_overflow |= overflow;
        m_result.rows.push_back(row);
    }

    const SaleTable& m_platform;
    const SaleTable& m_partner;
    const ReconOptions& m_options;
    ReconResult& m_result;
};

// Partner rows without an order id against the platform rows nobody claimed:
// the same store and amount, the nearest time within tolerance, each platform
// row used once. Such rows are few (tills that lost the id), so a map will do.
void MatchByAttributes(const SaleTable& platform, const SaleTable& partner, const std::vector<std::uint32_t>& noIdRows,
                       std::vector<std::uint32_t>& unmatchedPlatform, const ReconOptions& options, Classifier& out) {
    using Slot = std::tuple<std::string_view, domain::Kopecks>;
    std::map<Slot, std::multimap<std::int64_t, std::uint32_t>> pool;
    for (std::uint32_t p : unmatchedPlatform) {
        pool[{platform.Store(p), platform.Amount(p)}].emplace(platform.At(p), p);
    }
    for (std::uint32_t q : noIdRows) {
        auto slot = pool.find({partner.Store(q), partner.Amount(q)});
        if (slot == pool.end() || slot->second.empty()) {
            out.PartnerOnly(q, ReconClass::MissingOnPlatform);
            continue;
        }
        auto& times = slot->second;
        const std::int64_t t = partner.At(q);
        auto best = times.end();
        auto after = times.lower_bound(t);
        if (after != times.end() && after->first - t <= options.time_tolerance_seconds) {
            best = after;
        }
        if (after != times.begin()) {
            auto before = std::prev(after);
            if (t - before->first <= options.time_tolerance_seconds &&
                (best == times.end() || t - before->first <= best->first - t)) {
                best = before;
            }
        }
        if (best == times.end()) {
            out.PartnerOnly(q, ReconClass::MissingOnPlatform);
            continue;
        }
        out.Pair(best->second, q, true);
        times.erase(best);
    }
    unmatchedPlatform.clear();
    for (const auto& [slot, times] : pool) {
        for (const auto& [t, p] : times) {
            unmatchedPlatform.push_back(p);
        }
    }
    std::sort(unmatchedPlatform.begin(), unmatchedPlatform.end());
}

// One half of the hash range: the rows of each side whose hash has that top
// bit, in file order (the tables list them as they fill, so no thread walks
// the other half's rows or guesses at a branch a row). The partner's ids go
// into a table, the first row of each; the platform's rows then look theirs
// up in file order, so the first platform row of an id pairs with the first
// partner row and every later row on either side is a duplicate. Only the
// table and the partner row an id leads to are random reads, and both are
// fetched a few rows ahead.
// Rows without an order id hash alike, so one half meets them all: it lists
// them, in file order, for the matching by attributes afterwards.
struct HalfLeftovers {
    std::vector<std::uint32_t> unmatched_platform; // platform rows whose id the partner lacks, file order
    std::vector<std::uint32_t> platform_no_id, partner_no_id;
};

void JoinHalf(const SaleTable& platform, const SaleTable& partner, const std::vector<std::uint32_t>& platformRows,
              const std::vector<std::uint32_t>& partnerRows, std::uint64_t mask, Classifier& out, HalfLeftovers& left) {
    constexpr std::size_t kAhead = 16;
    IdTable table(platformRows.size() + partnerRows.size());

    const std::size_t nq = partnerRows.size();
    for (std::size_t i = 0; i < nq; ++i) {
        if (i + kAhead < nq) table.Prefetch(partner.Hash(partnerRows[i + kAhead]) & mask);
        const std::uint32_t q = partnerRows[i];
        const std::uint64_t h = partner.Hash(q) & mask;
        if (partner.OrderId(q).empty()) {
            left.partner_no_id.push_back(q);
            continue;
        }
        for (std::size_t slot = table.Home(h);; slot = table.Next(slot)) {
            const std::uint64_t e = table[slot];
            if (e == 0) {
                table[slot] = IdTable::Make(IdTable::kPartnerWaiting, h, q);
                break;
            }
            if (IdTable::TagIs(e, h) && SameBytes(partner.OrderId(IdTable::RowOf(e)), partner.OrderId(q))) {
                out.PartnerOnly(q, ReconClass::Duplicate);
                break;
            }
        }
    }

    const std::size_t np = platformRows.size();
    for (std::size_t i = 0; i < np; ++i) {
        if (i + kAhead < np) table.Prefetch(platform.Hash(platformRows[i + kAhead]) & mask);
        if (i + kAhead / 2 < np) {
            // Its slot is on the way by now: ask for the partner row it names.
            const std::uint64_t e = table[table.Home(platform.Hash(platformRows[i + kAhead / 2]) & mask)];
            if (IdTable::StateOf(e) == IdTable::kPartnerWaiting) {
                partner.PrefetchRow(IdTable::RowOf(e));
                partner.PrefetchId(IdTable::RowOf(e));
            }
        }
        const std::uint32_t row = platformRows[i];
        const std::uint64_t h = platform.Hash(row) & mask;
        const std::string_view id = platform.OrderId(row);
        if (id.empty()) {
            left.platform_no_id.push_back(row);
            continue;
        }
        for (std::size_t slot = table.Home(h);; slot = table.Next(slot)) {
            const std::uint64_t e = table[slot];
            if (e == 0) {
                table[slot] = IdTable::Make(IdTable::kPlatformOnly, h, row);
                left.unmatched_platform.push_back(row);
                break;
            }
            if (!IdTable::TagIs(e, h)) continue;
            const auto state = IdTable::StateOf(e);
            const std::uint32_t first = IdTable::RowOf(e);
            if (!SameBytes(state == IdTable::kPlatformOnly ? platform.OrderId(first) : partner.OrderId(first), id)) continue;
            if (state == IdTable::kPartnerWaiting) {
                out.Pair(row, first, false);
                table[slot] = IdTable::Make(IdTable::kPartnerPaired, h, first);
            } else {
                out.PlatformOnly(row, ReconClass::Duplicate);
            }
            break;
        }
    }

    // The partner's ids no platform row asked for, in file order.
    std::vector<std::uint32_t> missing;
    for (std::size_t slot = 0; slot < table.Slots(); ++slot) {
        if (IdTable::StateOf(table[slot]) == IdTable::kPartnerWaiting) missing.push_back(IdTable::RowOf(table[slot]));
    }
    std::sort(missing.begin(), missing.end());
    for (std::uint32_t q : missing) out.PartnerOnly(q, ReconClass::MissingOnPlatform);
}

// Each side's rows by the top bit of their (masked) hash, in file order: the
// tables' own lists for the full hash; a test's narrowed hash needs a pass.
class RowsByHalf {
  public:
    RowsByHalf(const SaleTable& table, std::uint64_t mask) : m_table(table), m_narrowed(mask != ~0ull) {
        if (!m_narrowed) return;
        for (std::size_t i = 0; i < table.Size(); ++i) {
            m_rows[(table.Hash(i) & mask) >> 63].push_back(static_cast<std::uint32_t>(i));
        }
    }
    // Chosen on each call rather than kept as a pointer into this object, which a copy would leave dangling.
    const std::vector<std::uint32_t>& Rows(int half) const {
        return m_narrowed ? m_rows[half != 0] : m_table.RowsInHalf(half);
    }

  private:
    const SaleTable& m_table;
    bool m_narrowed;
    std::array<std::vector<std::uint32_t>, 2> m_rows;
};
} // namespace

ReconResult Reconcile(const SaleTable& platform, const SaleTable& partner, const ReconOptions& options,
                      const domain::CancelToken* cancel, domain::ProgressSink* progress) {
    ReconResult result;
    domain::NullProgress silent;
    domain::ProgressSink& report = progress ? *progress : silent;
    const auto total = static_cast<std::int64_t>(platform.Size() + partner.Size());
    const std::uint64_t mask = options.hash_bits >= 64 ? ~0ull : (1ull << options.hash_bits) - 1;
    if (cancel && cancel->IsCancelled()) {
        result.cancelled = true;
        return result;
    }
    report.Report(0, total, "matching");

    // The two halves of the hash range are independent: the lower one on a
    // helper thread, the upper one here, each into rows of its own that are
    // joined afterwards.
    const RowsByHalf platformHalves(platform, mask), partnerHalves(partner, mask);
    const std::size_t expected = std::max(platform.Size(), partner.Size()) + partner.Size() / 8;
    HalfLeftovers low, high;
    ReconResult highRows;
    auto lowerHalf = std::async(std::launch::async, [&] {
        result.rows.reserve(expected);
        Classifier out(platform, partner, options, result);
        JoinHalf(platform, partner, platformHalves.Rows(0), partnerHalves.Rows(0), mask, out, low);
    });
    try {
        highRows.rows.reserve(expected / 2 + expected / 16);
        Classifier out(platform, partner, options, highRows);
        JoinHalf(platform, partner, platformHalves.Rows(1), partnerHalves.Rows(1), mask, out, high);
    } catch (...) {
        lowerHalf.wait(); // it uses this frame's locals
        throw;
    }
    lowerHalf.get();
    result.rows.insert(result.rows.end(), highRows.rows.begin(), highRows.rows.end());
    result.totals_overflow |= highRows.totals_overflow;
    for (std::size_t c = 0; c < domain::kReconClassCount; ++c) {
        auto& t = result.totals[c];
        const auto& h = highRows.totals[c];
        t.rows += h.rows;
        result.totals_overflow |=
            !domain::CheckedAdd(t.platform_kop, h.platform_kop, t.platform_kop) ||
            !domain::CheckedAdd(t.partner_kop, h.partner_kop, t.partner_kop);
    }
    highRows = {};
    if (cancel && cancel->IsCancelled()) {
        result = {};
        result.cancelled = true;
        return result;
    }
    report.Report(total / 2, total, "matching without order ids");

    // What is left of the platform's rows, in file order: partner rows
    // without an id may claim them by attributes (the earliest line first
    // among equals), and the rest are missing at the partner.
    std::vector<std::uint32_t>& unmatchedPlatform = low.unmatched_platform;
    std::vector<std::uint32_t>& partnerNoId = low.partner_no_id.empty() ? high.partner_no_id : low.partner_no_id;
    for (const auto* extra : {&high.unmatched_platform, &low.platform_no_id, &high.platform_no_id}) {
        unmatchedPlatform.insert(unmatchedPlatform.end(), extra->begin(), extra->end());
    }
    std::sort(unmatchedPlatform.begin(), unmatchedPlatform.end());
    Classifier out(platform, partner, options, result);
    if (!partnerNoId.empty()) {
        MatchByAttributes(platform, partner, partnerNoId, unmatchedPlatform, options, out);
    }
    for (std::uint32_t row : unmatchedPlatform) {
        out.PlatformOnly(row, ReconClass::MissingAtPartner);
    }
    report.Report(total, total, "done");
    return result;
}

} // namespace kpd::services
