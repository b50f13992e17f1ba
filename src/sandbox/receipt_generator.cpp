#include "sandbox/receipt_generator.h"

#include "sandbox/cashback_app_users.h"
#include "sandbox/cashback_repository.h"
#include "sandbox/cashback_stored_flight.h"
#include "sandbox/clock.h"
#include "sandbox/receipt_catalog.h"
#include "sandbox/receipt_scan.h"

#include <algorithm>
#include <cstdio>

namespace kpd::sandbox {

namespace {
constexpr int kBaitChance = 350; // per mille of receipts carry a line some flight pays for
constexpr int kOpening = 8 * 3600, kClosing = 23 * 3600;

constexpr std::int64_t kChunk = 500; // receipts made, stored and scanned together
std::string Digits(std::uint64_t value, int width) {
    std::string text(static_cast<std::size_t>(width), '0');
    for (int k = width - 1; k >= 0 && value > 0; --k, value /= 10) {
        text[static_cast<std::size_t>(k)] = static_cast<char>('0' + value % 10);
    }
    return text;
}

std::string TimeOfDay(const std::string& day, int second) {
    char text[32];
    std::snprintf(text, sizeof text, "%sT%02d:%02d:%02d", day.c_str(), second / 3600, second / 60 % 60, second % 60);
    return text;
}

std::vector<FlightBait> BaitsOf(const std::vector<domain::CashbackFlight>& flights) {
    std::vector<FlightBait> baits;
    for (const auto& f : flights) {
        baits.push_back({f.match.skus, f.match.keywords, f.match.categories, f.offer.title});
    }
    return baits;
}
} // namespace

GeneratedScans GenerateScans(soci::session& db, domain::CivilDate day, std::int64_t count,
                             int latestSecond, const std::string& now,
                             const domain::CancelToken* stop) {
    GeneratedScans result;
    if (count <= 0) {
        return result;
    }
    ScanSession session(db, day, now);
    const auto baits = BaitsOf(session.Flights());
    const std::string dayText = domain::FormatIsoDate(day);
    const std::vector<std::int64_t> ids = NextIds(db, "receipt", count);
    Draws draws(Mix64(static_cast<std::uint64_t>(ids.front())) ^
                static_cast<std::uint64_t>(domain::DaysFromCivil(day)));
    const int from = std::min(kOpening, latestSecond);
    const int to = std::max(from, std::min(kClosing, latestSecond));

    std::vector<StoredReceipt> receipts;
    std::vector<std::vector<domain::ReceiptLine>> lines;
    // In chunks, the draws in the same order as all at once: the same receipts.
    for (std::int64_t done = 0; done < count; done += kChunk) {
        if (stop && stop->IsCancelled()) {
            throw SandboxStopping();
        }
        const std::int64_t n = std::min(kChunk, count - done);
        receipts.clear();
        lines.clear();
        for (std::int64_t k = done; k < done + n; ++k) {
            StoredReceipt r;
            r.id = ids[static_cast<std::size_t>(k)];
            r.month = dayText.substr(0, 7);
            r.user_id = 1 + draws.Below(kAppUsers);
            // A shop's fiscal drive (16 digits); the document number is the
            // receipt's id, unique on every drive, and the fiscal sign a hash of it.
            r.fn = "9999" + Digits(static_cast<std::uint64_t>(1 + draws.Below(500)), 12);
            r.doc_i = r.id;
            r.fp = Digits(Mix64(static_cast<std::uint64_t>(r.id) * 31 + 7) % 10'000'000'000ULL, 10);
            r.operation = 1;
            r.receipt_at = TimeOfDay(dayText, from + static_cast<int>(draws.Below(to - from + 1)));
            r.scanned_on = dayText;
            lines.push_back(DrawLines(draws, baits, kBaitChance));
            for (const auto& l : lines.back()) {
                r.sum_kop += l.price_kop * l.quantity; // catalogue prices: far below any overflow
            }
            receipts.push_back(std::move(r));
        }
        InsertReceipts(db, receipts, lines);
        for (std::size_t k = 0; k < receipts.size(); ++k) {
            const auto outcome = session.Sale(receipts[k], lines[k]);
            result.matched += outcome.matched ? 1 : 0;
            result.accrued_kop += outcome.accrued_kop;
        }
    }
    session.Flush();
    result.generated = count;
    return result;
}

std::int64_t SimulateScansOfDay(soci::session& db, std::int64_t d, int scansPerDay,
                                const domain::CancelToken* stop) {
    if (scansPerDay <= 0) {
        return 0;
    }
    const auto day = domain::CivilFromDays(d);
    const auto partners = PartnersWithRunningFlights(db, domain::FormatIsoDate(day));
    if (partners.empty()) {
        return 0;
    }
    // Budget changes of the day are stamped with its last second.
    const domain::Instant endOfDay{std::chrono::seconds((d + 1) * 86400 - 1) -
                                   domain::kMoscowOffset};
    return GenerateScans(db, day,
                         static_cast<std::int64_t>(scansPerDay) *
                             static_cast<std::int64_t>(partners.size()),
                         kClosing, domain::FormatRfc3339(endOfDay), stop)
        .generated;
}

} // namespace kpd::sandbox
