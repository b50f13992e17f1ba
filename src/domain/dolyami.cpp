#include "domain/dolyami.h"

#include "domain/timestamp.h"

#include <chrono>
#include <cstdio>

namespace kpd::domain {

namespace {
constexpr std::array<std::string_view, 7> kStatusNames{"new",  "approved", "rejected", "canceled",
                                                       "wait_for_commit", "committed", "completed"};
constexpr std::int64_t kMoscowSeconds = 3 * 3600;

// Unix seconds of 00:00 Moscow time on the first day of the month.
std::int64_t MonthStart(Month m) {
    using namespace std::chrono;
    const sys_days day = year_month_day{year{m.year}, month{static_cast<unsigned>(m.month)}, std::chrono::day{1}};
    return day.time_since_epoch().count() * 86400 - kMoscowSeconds;
}

Month Next(Month m) { return m.month == 12 ? Month{m.year + 1, 1} : Month{m.year, m.month + 1}; }
} // namespace

std::string_view ToString(DolyamiOrderStatus status) { return kStatusNames[static_cast<std::size_t>(status)]; }

std::optional<DolyamiOrderStatus> DolyamiOrderStatusFromString(std::string_view name) {
    for (std::size_t i = 0; i < kStatusNames.size(); ++i) {
        if (kStatusNames[i] == name) {
            return static_cast<DolyamiOrderStatus>(i);
        }
    }
    return std::nullopt;
}

bool CountsTowardsTurnover(DolyamiOrderStatus status) {
    return status == DolyamiOrderStatus::Committed || status == DolyamiOrderStatus::Completed;
}

std::array<InstalmentPart, 4> PaymentSchedule(Kopecks price) {
    const Kopecks part = price / 4;
    const Kopecks remainder = price - part * 4;
    return {{{0, part + remainder}, {14, part}, {28, part}, {42, part}}};
}

std::optional<Month> ParseMonth(std::string_view text) {
    if (text.size() != 7 || text[4] != '-') {
        return std::nullopt;
    }
    int y = 0, m = 0;
    for (std::size_t i = 0; i < 7; ++i) {
        if (i == 4) continue;
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
        (i < 4 ? y : m) = (i < 4 ? y : m) * 10 + (text[i] - '0');
    }
    if (m < 1 || m > 12 || y < 1970) {
        return std::nullopt;
    }
    return Month{y, m};
}

std::string ToString(Month month) {
    char text[32]; // room for any int, so -Wformat-truncation has nothing to fear
    std::snprintf(text, sizeof text, "%04d-%02d", month.year, month.month);
    return text;
}

bool InMonth(Month month, std::int64_t unixSeconds) {
    return unixSeconds >= MonthStart(month) && unixSeconds < MonthStart(Next(month));
}

int VatRateBp(Month month) { return month.year >= 2026 ? 2200 : 2000; }

Kopecks ApplyBasisPoints(Kopecks amount, int bp) {
    // Split the amount at 10000 so neither product can overflow 64 bits:
    // |amount| = whole * 10000 + rest, and only rest * bp needs rounding.
    const bool negative = amount < 0;
    const Kopecks magnitude = negative ? -amount : amount;
    const Kopecks whole = magnitude / 10000, rest = magnitude % 10000;
    const Kopecks result = whole * bp + (rest * bp + 5000) / 10000;
    return negative ? -result : result;
}

std::vector<InvoiceDifference> CompareInvoices(const CommissionInvoice& a, const CommissionInvoice& b) {
    std::vector<InvoiceDifference> out;
    const auto field = [&](const char* name, Kopecks x, Kopecks y) {
        if (x != y) out.push_back({name, x, y});
    };
    field("turnover_kop", a.turnover_kop, b.turnover_kop);
    field("refunds_kop", a.refunds_kop, b.refunds_kop);
    field("base_kop", a.base_kop, b.base_kop);
    field("rate_bp", a.rate_bp, b.rate_bp);
    field("commission_kop", a.commission_kop, b.commission_kop);
    field("vat_kop", a.vat_kop, b.vat_kop);
    field("total_kop", a.total_kop, b.total_kop);
    return out;
}

} // namespace kpd::domain
