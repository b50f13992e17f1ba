#include "sandbox/receipt_scan.h"

#include "domain/cashback_accrual.h"
#include "domain/cashback_matcher.h"
#include "sandbox/cashback_app_users.h"
#include "sandbox/cashback_stored_flight.h"
#include "sandbox/wallet_repository.h"

#include <algorithm>

namespace kpd::sandbox {

namespace {
domain::CashbackReceipt ReceiptOf(std::int64_t userId, std::vector<domain::ReceiptLine> lines) {
    domain::CashbackReceipt r;
    r.lines = std::move(lines);
    if (IsAppUser(userId)) {
        const AppUser user = AppUserOf(userId);
        r.region = std::string(user.region);
        for (auto card : user.cards) r.loyalty_cards.emplace_back(card);
    }
    return r;
}

// The receipt's own date (its QR time, YYYY-MM-DDTHH:MM:SS) within the flight's days.
bool WithinDates(const domain::CashbackFlight& f, const StoredReceipt& r) {
    const auto date = domain::ParseIsoDate(r.receipt_at.substr(0, 10));
    return date && *date >= f.starts_on && *date <= f.ends_on;
}

bool SameItem(const domain::ReceiptLine& a, const domain::ReceiptLine& b) {
    return a.sku == b.sku && a.name == b.name && a.price_kop == b.price_kop;
}
} // namespace

ScanSession::ScanSession(soci::session& db, domain::CivilDate day, std::string now)
    : m_db(db), m_day(day), m_dayText(domain::FormatIsoDate(day)), m_now(std::move(now)) {
    for (const auto& stored : ListRunningFlights(db, m_dayText)) {
        auto flight = FromStored(stored);
        if (domain::AccruesOn(flight, day)) {
            m_flights.push_back(std::move(flight));
            m_partners.push_back(stored.partner_id);
        }
    }
}

void ScanSession::Count(std::int64_t partnerId, std::int64_t flightId, const DailyDelta& d) {
    auto& into = m_daily[{partnerId, flightId}];
    into.scanned += d.scanned;
    into.matched += d.matched;
    into.accrued_kop += d.accrued_kop;
    into.reversed_kop += d.reversed_kop;
}

ScanOutcome ScanSession::Sale(const StoredReceipt& receipt, const std::vector<domain::ReceiptLine>& lines) {
    ScanOutcome out;
    if (m_flights.empty()) {
        return out;
    }
    if (!m_matcher) {
        m_matcher.emplace(m_flights);
    }
    const auto cashbackReceipt = ReceiptOf(receipt.user_id, lines);
    for (std::size_t i = 0; i < m_flights.size(); ++i) {
        if (domain::IsTargeted(m_flights[i].targeting, cashbackReceipt)) {
            Count(m_partners[i], m_flights[i].id, {1, 0, 0, 0});
        }
    }
    for (const auto& accrual : m_matcher->Match(cashbackReceipt)) {
        const auto at = std::find_if(m_flights.begin(), m_flights.end(),
                                     [&](const auto& f) { return f.id == accrual.flight_id; });
        if (at == m_flights.end() || !WithinDates(*at, receipt)) {
            continue;
        }
        const std::int64_t partnerId = m_partners[static_cast<std::size_t>(at - m_flights.begin())];
        out.matched = true;
        const domain::Kopecks granted =
            accrual.cashback_kop > 0 ? AccrueWithinBudget(m_db, partnerId, accrual.flight_id, accrual.cashback_kop, m_now)
                                     : 0;
        Count(partnerId, accrual.flight_id, {0, 1, granted, 0});
        if (granted > 0) {
            InsertAccrual(m_db, receipt, {partnerId, accrual.flight_id, granted, 0});
            CreditWallet(m_db, receipt.user_id, granted);
            out.accruals.push_back({accrual.flight_id, granted});
            out.accrued_kop += granted;
        }
    }
    return out;
}

domain::Problems ScanSession::PrepareReturn(const StoredReceipt& original,
                                            const std::vector<domain::ReceiptLine>& returned) {
    LockLines(m_db, original.month, original.id);
    m_saleLines = LoadLines(m_db, original.month, original.id);
    m_taking.assign(m_saleLines.size(), 0);
    domain::Problems problems;
    for (std::size_t k = 0; k < returned.size(); ++k) {
        bool placed = false;
        for (std::size_t j = 0; j < m_saleLines.size() && !placed; ++j) {
            const auto& sold = m_saleLines[j];
            if (SameItem(sold.line, returned[k]) &&
                sold.line.quantity - sold.returned_qty - m_taking[j] >= returned[k].quantity) {
                m_taking[j] += returned[k].quantity;
                placed = true;
            }
        }
        if (!placed) {
            problems.push_back({"/items/" + std::to_string(k), "not_on_original",
                                "the original sale has no line with this sku, name and price with " +
                                    std::to_string(returned[k].quantity) + " item(s) left to return"});
        }
    }
    return problems;
}

ScanOutcome ScanSession::ApplyReturn(const StoredReceipt& original) {
    ScanOutcome out;
    for (std::size_t j = 0; j < m_saleLines.size(); ++j) {
        if (m_taking[j] == 0) continue;
        // The lines are locked since PrepareReturn: the guard cannot fail.
        if (!MarkReturned(m_db, original.month, original.id, static_cast<int>(j) + 1, m_taking[j])) {
            throw std::logic_error("a receipt line was returned past its quantity while locked");
        }
        m_saleLines[j].returned_qty += m_taking[j];
    }
    std::vector<domain::ReceiptLine> kept;
    for (const auto& l : m_saleLines) {
        if (l.line.quantity > l.returned_qty) {
            kept.push_back(l.line);
            kept.back().quantity = l.line.quantity - l.returned_qty;
        }
    }
    const auto keptReceipt = ReceiptOf(original.user_id, kept);
    for (const auto& accrual : ListAccruals(m_db, original.month, original.id)) {
        const domain::Kopecks net = accrual.cashback_kop - accrual.reversed_kop;
        const auto stored = FindFlight(m_db, accrual.partner_id, accrual.flight_id);
        if (net <= 0 || !stored) continue;
        // What the lines kept would have earned on this flight, never more
        // than the sale was granted (the budget may have cut it).
        domain::Kopecks entitled = 0;
        for (const auto& a : domain::FlightMatcher({FromStored(*stored)}).Match(keptReceipt)) {
            entitled =
                domain::AddKopecks(entitled, a.cashback_kop); // saturates, the min below caps it
        }
        const domain::Kopecks take = net - std::min(net, std::min(entitled, accrual.cashback_kop));
        if (take <= 0) continue;
        AddReversal(m_db, original.month, original.id, accrual, take);
        ReverseAccrual(m_db, accrual.partner_id, accrual.flight_id, take);
        DebitWallet(m_db, original.user_id, take);
        Count(accrual.partner_id, accrual.flight_id, {0, 0, 0, take});
        out.accruals.push_back({accrual.flight_id, -take});
        out.accrued_kop -= take;
    }
    return out;
}

void ScanSession::Flush() {
    for (const auto& [key, delta] : m_daily) {
        AddDaily(m_db, key.first, key.second, m_dayText, delta);
    }
    m_daily.clear();
}

} // namespace kpd::sandbox
