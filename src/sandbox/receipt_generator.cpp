#include "sandbox/receipt_generator.h"

#include "sandbox/cashback_app_users.h"
#include "sandbox/cashback_stored_flight.h"
#include "sandbox/receipt_catalog.h"
#include "sandbox/receipt_scan.h"
#include "sandbox/request_log.h"

#include <algorithm>
#include <cstdio>

namespace kpd::sandbox {

namespace {
constexpr int kBaitChance = 350; // per mille of receipts carry a line some flight pays for
constexpr int kOpening = 8 * 3600, kClosing = 23 * 3600;

// Reserves `n` consecutive ids of a kind and returns the first.
std::int64_t ReserveIds(soci::session& db, const std::string& kind, std::int64_t n) {
    std::int64_t last = 0;
    db << "UPDATE id_counters SET last_id = last_id + :n WHERE name = :k RETURNING last_id", soci::into(last),
        soci::use(n, "n"), soci::use(kind, "k");
    return last - n + 1;
}

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

GeneratedScans GenerateScans(soci::session& db, domain::CivilDate day, std::int64_t count, int latestSecond,
                             const std::string& now) {
    GeneratedScans result;
    if (count <= 0) {
        return result;
    }
    ScanSession session(db, day, now);
    const auto baits = BaitsOf(session.Flights());
    const std::string dayText = domain::FormatIsoDate(day);
    const std::int64_t firstId = ReserveIds(db, "receipt", count);
    Draws draws(Mix64(static_cast<std::uint64_t>(firstId)) ^ static_cast<std::uint64_t>(domain::DaysFromCivil(day)));
    const int from = std::min(kOpening, latestSecond);
    const int to = std::max(from, std::min(kClosing, latestSecond));

    std::vector<StoredReceipt> receipts;
    std::vector<std::vector<domain::ReceiptLine>> lines;
    receipts.reserve(static_cast<std::size_t>(count));
    lines.reserve(static_cast<std::size_t>(count));
    for (std::int64_t k = 0; k < count; ++k) {
        StoredReceipt r;
        r.id = firstId + k;
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
            r.sum_kop += l.price_kop * l.quantity;
        }
        receipts.push_back(std::move(r));
    }
    InsertReceipts(db, receipts, lines);
    for (std::size_t k = 0; k < receipts.size(); ++k) {
        const auto outcome = session.Sale(receipts[k], lines[k]);
        result.matched += outcome.matched ? 1 : 0;
        result.accrued_kop += outcome.accrued_kop;
    }
    session.Flush();
    result.generated = count;
    return result;
}

std::int64_t SimulateDaysPassed(soci::session& db, domain::Instant from, domain::Instant to, int scansPerDay) {
    if (scansPerDay <= 0 || to <= from) {
        return 0;
    }
    const std::int64_t first = domain::DaysFromCivil(MoscowDate(from));
    const std::int64_t end = domain::DaysFromCivil(MoscowDate(to)); // the day `to` is in has not passed
    const std::int64_t start = std::max(first, end - kMaxSimulatedDays);
    if (start > first) {
        LogInfo("the clock moved over " + std::to_string(end - first) + " days; scans are simulated for the last " +
                std::to_string(kMaxSimulatedDays) + " only");
    }
    std::int64_t total = 0;
    for (std::int64_t d = start; d < end; ++d) {
        const auto day = domain::CivilFromDays(d);
        const auto partners = PartnersWithRunningFlights(db, domain::FormatIsoDate(day));
        if (partners.empty()) continue;
        // Budget changes of the day are stamped with its last second.
        const domain::Instant endOfDay{std::chrono::seconds((d + 1) * 86400 - 1) - domain::kMoscowOffset};
        total += GenerateScans(db, day, static_cast<std::int64_t>(scansPerDay) * static_cast<std::int64_t>(partners.size()),
                               kClosing, domain::FormatRfc3339(endOfDay))
                     .generated;
    }
    return total;
}

} // namespace kpd::sandbox
