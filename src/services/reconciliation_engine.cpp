#include "services/reconciliation_engine.h"

#include <algorithm>
#include <cstring>
#include <future>
#include <map>
#include <string>
#include <tuple>

namespace kpd::services {

namespace {
using domain::ReconClass;

struct Key {
    std::uint64_t hash;
    std::uint32_t row;
};

std::uint64_t Mix(std::uint64_t h) {
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ull;
    h ^= h >> 33;
    return h;
}

// LSD radix sort on 16-bit digits; digits every key shares are skipped, so
// hashes cost four passes and small tables barely one.
void RadixSort(std::vector<Key>& keys) {
    std::vector<Key> buffer(keys.size());
    std::vector<std::uint32_t> count(1u << 16);
    for (int shift = 0; shift < 64; shift += 16) {
        std::fill(count.begin(), count.end(), 0);
        for (const Key& k : keys) {
            ++count[(k.hash >> shift) & 0xFFFF];
        }
        if (!keys.empty() && count[(keys.front().hash >> shift) & 0xFFFF] == keys.size()) {
            continue;
        }
        std::uint32_t sum = 0;
        for (auto& c : count) {
            const std::uint32_t n = c;
            c = sum;
            sum += n;
        }
        for (const Key& k : keys) {
            buffer[count[(k.hash >> shift) & 0xFFFF]++] = k;
        }
        keys.swap(buffer);
    }
}

// Keys of the rows with an order id; rows without one go to `noId`. A stable
// sort keeps rows of one id in file order, so "the first" is the earliest line.
std::vector<Key> SortedKeys(const SaleTable& table, int hashBits, std::vector<std::uint32_t>& noId) {
    const std::uint64_t mask = hashBits >= 64 ? ~0ull : (1ull << hashBits) - 1;
    std::vector<Key> keys;
    keys.reserve(table.Size());
    for (std::size_t i = 0; i < table.Size(); ++i) {
        const auto id = table.OrderId(i);
        if (id.empty()) {
            noId.push_back(static_cast<std::uint32_t>(i));
        } else {
            keys.push_back({OrderIdHash(id) & mask, static_cast<std::uint32_t>(i)});
        }
    }
    RadixSort(keys);
    return keys;
}

class Classifier {
  public:
    Classifier(const SaleTable& platform, const SaleTable& partner, const ReconOptions& options, ReconResult& result)
        : m_platform(platform), m_partner(partner), m_options(options), m_result(result) {}

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
    void Emit(const ReconRow& row) {
        auto& total = m_result.totals[static_cast<std::size_t>(row.cls)];
        ++total.rows;
        if (row.platform != kNoRow) {
            total.platform_kop += m_platform.Amount(row.platform);
        }
        if (row.partner != kNoRow) {
            total.partner_kop += m_partner.Amount(row.partner);
        }
        m_result.rows.push_back(row);
    }

    const SaleTable& m_platform;
    const SaleTable& m_partner;
    const ReconOptions& m_options;
    ReconResult& m_result;
};

// One run of equal hashes on each side. Almost always one id; a 64-bit hash
// collision puts several ids in one run, so rows are grouped by the id itself.
void ClassifyRun(const SaleTable& platform, const SaleTable& partner, const Key* p, std::size_t np, const Key* q,
                 std::size_t nq, Classifier& out, std::vector<std::uint32_t>& unmatchedPlatform) {
    std::vector<bool> pDone(np), qDone(nq);
    for (std::size_t i = 0; i < np + nq; ++i) {
        const bool fromP = i < np;
        const std::size_t at = fromP ? i : i - np;
        if (fromP ? pDone[at] : qDone[at]) {
            continue;
        }
        const std::string_view id = fromP ? platform.OrderId(p[at].row) : partner.OrderId(q[at].row);
        std::uint32_t firstP = kNoRow, firstQ = kNoRow;
        for (std::size_t j = 0; j < np; ++j) {
            if (!pDone[j] && platform.OrderId(p[j].row) == id) {
                pDone[j] = true;
                if (firstP == kNoRow) {
                    firstP = p[j].row;
                } else {
                    out.PlatformOnly(p[j].row, ReconClass::Duplicate);
                }
            }
        }
        for (std::size_t j = 0; j < nq; ++j) {
            if (!qDone[j] && partner.OrderId(q[j].row) == id) {
                qDone[j] = true;
                if (firstQ == kNoRow) {
                    firstQ = q[j].row;
                } else {
                    out.PartnerOnly(q[j].row, ReconClass::Duplicate);
                }
            }
        }
        if (firstP != kNoRow && firstQ != kNoRow) {
            out.Pair(firstP, firstQ, false);
        } else if (firstP != kNoRow) {
            unmatchedPlatform.push_back(firstP);
        } else {
            out.PartnerOnly(firstQ, ReconClass::MissingOnPlatform);
        }
    }
}

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
} // namespace

std::uint64_t OrderIdHash(std::string_view id) {
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ id.size();
    std::size_t i = 0;
    for (; i + 8 <= id.size(); i += 8) {
        std::uint64_t chunk;
        std::memcpy(&chunk, id.data() + i, 8);
        h = Mix(h ^ chunk);
    }
    std::uint64_t tail = 0;
    std::memcpy(&tail, id.data() + i, id.size() - i);
    return Mix(h ^ tail ^ 0xA24BAED4963EE407ull);
}

ReconResult Reconcile(const SaleTable& platform, const SaleTable& partner, const ReconOptions& options,
                      const domain::CancelToken* cancel, domain::ProgressSink* progress) {
    ReconResult result;
    domain::NullProgress silent;
    domain::ProgressSink& report = progress ? *progress : silent;
    const auto total = static_cast<std::int64_t>(platform.Size() + partner.Size());
    const auto cancelled = [&] { return cancel && cancel->IsCancelled(); };

    std::vector<std::uint32_t> platformNoId, partnerNoId, unmatchedPlatform;
    report.Report(0, total, "sorting");
    // The two sides sort independently: one on a helper thread, one here.
    auto platformKeys = std::async(std::launch::async,
                                   [&] { return SortedKeys(platform, options.hash_bits, platformNoId); });
    const auto q = SortedKeys(partner, options.hash_bits, partnerNoId);
    const auto p = platformKeys.get();
    if (cancelled()) {
        result.cancelled = true;
        return result;
    }
    report.Report(total / 2, total, "matching");

    result.rows.reserve(std::max(platform.Size(), partner.Size()) + partner.Size() / 8);
    Classifier out(platform, partner, options, result);
    std::size_t i = 0, j = 0;
    // Keys are in hash order, so the rows they name are all over memory: ask
    // for the rows a few keys ahead while this one is classified.
    constexpr std::size_t kAhead = 16;
    while (i < p.size() || j < q.size()) {
        if (i + kAhead < p.size()) {
            platform.PrefetchRow(p[i + kAhead].row);
            platform.PrefetchId(p[i + kAhead / 2].row);
        }
        if (j + kAhead < q.size()) {
            partner.PrefetchRow(q[j + kAhead].row);
            partner.PrefetchId(q[j + kAhead / 2].row);
        }
        const std::uint64_t h = (j == q.size() || (i < p.size() && p[i].hash < q[j].hash)) ? p[i].hash : q[j].hash;
        std::size_t ie = i, je = j;
        while (ie < p.size() && p[ie].hash == h) {
            ++ie;
        }
        while (je < q.size() && q[je].hash == h) {
            ++je;
        }
        if (ie - i == 1 && je - j == 1 &&
            platform.OrderId(p[i].row) == partner.OrderId(q[j].row)) { // the common case: one row each side
            out.Pair(p[i].row, q[j].row, false);
        } else if (ie - i == 1 && je == j) {
            unmatchedPlatform.push_back(p[i].row);
        } else if (je - j == 1 && ie == i) {
            out.PartnerOnly(q[j].row, ReconClass::MissingOnPlatform);
        } else {
            ClassifyRun(platform, partner, p.data() + i, ie - i, q.data() + j, je - j, out, unmatchedPlatform);
        }
        i = ie;
        j = je;
    }
    unmatchedPlatform.insert(unmatchedPlatform.end(), platformNoId.begin(), platformNoId.end());
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
