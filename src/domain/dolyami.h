#pragma once
// Dolyami, the buy-now-pay-later service: a purchase is paid by the buyer in
// four parts of 25 % (the first at purchase, then every two weeks), while the
// partner is paid the full amount the next business day and pays Dolyami a
// commission on the month's turnover net of refunds, with VAT on top.
// Values and arithmetic only; the platform's registers and invoices are
// checked against these numbers to the kopeck.
#include "domain/money.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kpd::domain {

// Dolyami's own order states.
enum class DolyamiOrderStatus { New, Approved, Rejected, Canceled, WaitForCommit, Committed, Completed };
std::string_view ToString(DolyamiOrderStatus status);
std::optional<DolyamiOrderStatus> DolyamiOrderStatusFromString(std::string_view name);

// Orders that count towards turnover: the buyer was approved and the sale not undone.
bool CountsTowardsTurnover(DolyamiOrderStatus status);

enum class RefundStatus { Pending, Processed };

struct DolyamiRefund {
    Kopecks amount_kop = 0;
    std::int64_t created_at = 0; // Unix seconds
    RefundStatus status = RefundStatus::Pending;
};

struct DolyamiOrder {
    std::string order_id;
    std::string store_id;
    std::int64_t purchased_at = 0; // Unix seconds
    Kopecks amount_kop = 0;
    DolyamiOrderStatus status = DolyamiOrderStatus::Committed;
    std::vector<DolyamiRefund> refunds;
};

// The buyer's four payments: day offsets 0, 14, 28, 42 from the purchase and
// the amounts; a kopeck remainder goes to the first payment so the parts sum
// to the price exactly.
struct InstalmentPart {
    int day_offset = 0;
    Kopecks amount_kop = 0;
};
std::array<InstalmentPart, 4> PaymentSchedule(Kopecks price);

// A month as "YYYY-MM"; months are Moscow-time calendar months.
struct Month {
    int year = 0;
    int month = 0; // 1–12
    friend bool operator==(const Month&, const Month&) = default;
};
std::optional<Month> ParseMonth(std::string_view text);
std::string ToString(Month month);
// Whether a moment falls in the month in Moscow time.
bool InMonth(Month month, std::int64_t unixSeconds);

// VAT on services in Russia: 20 % through 2025, 22 % from 1 January 2026.
int VatRateBp(Month month);

// The fields of `GET /commission-invoices?month=…`.
struct CommissionInvoice {
    Month month;
    Kopecks turnover_kop = 0; // orders counted towards turnover, purchased in the month
    Kopecks refunds_kop = 0;  // refunds processed in the month
    Kopecks base_kop = 0;     // turnover − refunds
    int rate_bp = 0;          // the partner's commission rate
    Kopecks commission_kop = 0;
    Kopecks vat_kop = 0;
    Kopecks total_kop = 0;
};

// a × bp / 10000 rounded half away from zero, exact for any kopeck amount.
Kopecks ApplyBasisPoints(Kopecks amount, int bp);

// One field where the platform's invoice and the desk's computation differ.
struct InvoiceDifference {
    std::string field;      // "turnover_kop", "vat_kop", …
    Kopecks invoiced = 0;
    Kopecks computed = 0;
};
std::vector<InvoiceDifference> CompareInvoices(const CommissionInvoice& invoiced, const CommissionInvoice& computed);

} // namespace kpd::domain
