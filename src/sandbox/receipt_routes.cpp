// POST /v1/sandbox/receipts and /v1/sandbox/receipts/generate: the app's
// simulated users scan fiscal receipts (the QR string of the receipt and the
// lines it lists). The QR is read by the domain's strict parser; every
// problem with it is answered at /qr with the parser's words, lines that do
// not add up to the QR's sum at /items, a second scan of the same document
// (fn, i, fp) with 409. A sale accrues on the live flights that reach the
// user (receipt_scan.h); a sale return (operation 2) names the sale's
// document number in original_document and takes back what the returned
// lines earned. Sandbox only: no token needed.
#include "contract/cashback_json.h"
#include "sandbox/cashback_app_users.h"
#include "sandbox/cashback_stored_flight.h"
#include "sandbox/http_util.h"
#include "sandbox/receipt_generator.h"
#include "sandbox/receipt_qr.h"
#include "sandbox/receipt_repository.h"
#include "sandbox/receipt_scan.h"
#include "sandbox/routes.h"

#include <cstdio>

namespace kpd::sandbox {

namespace {
constexpr std::size_t kMaxLines = 1000;

std::string ReceiptTime(const ScannedQr& qr) {
    char text[32];
    std::snprintf(text, sizeof text, "%sT%02d:%02d:%02d", domain::FormatIsoDate(qr.date).c_str(), qr.hour,
                  qr.minute, qr.second);
    return text;
}

// The scan's problems that need no database: the QR, the user, the lines
// against the QR's sum, a return's original document. Empty when it may go on.
domain::Problems CheckScan(const contract::ReceiptScanRequest& scan, const QrReading& reading,
                           domain::CivilDate today) {
    const auto& qr = reading.qr;
    domain::Problems problems;
    if (!IsAppUser(scan.user_id)) {
        problems.push_back({"/user_id", "unknown_user",
                            "no simulated app user " + std::to_string(scan.user_id) + "; they are 1 to " +
                                std::to_string(kAppUsers)});
    }
    for (const auto& p : reading.problems) {
        problems.push_back(p);
    }
    if (scan.items.empty() || scan.items.size() > kMaxLines) {
        problems.push_back({"/items", "out_of_range", "a receipt lists 1 to " + std::to_string(kMaxLines) + " lines"});
    }
    // Text a receipt prints has no control characters; a NUL would not even
    // reach the database as text.
    for (std::size_t k = 0; k < scan.items.size(); ++k) {
        const auto& line = scan.items[k];
        for (const auto& [field, text] :
             {std::pair<const char*, const std::string*>{"sku", &line.sku},
              {"name", &line.name},
              {"category", &line.category}}) {
            if (domain::HasControlCharacter(*text)) {
                problems.push_back(
                    {"/items/" + std::to_string(k) + "/" + field, "control_character",
                     std::string(field) +
                         " must not hold control characters (U+0000 to U+001F, U+007F)"});
            }
        }
    }
    if (!qr) {
        return problems;
    }
    if (qr->date > today) {
        problems.push_back({"/qr", "in_future", "the receipt is dated " + domain::FormatIsoDate(qr->date) +
                                                    ", after the sandbox's today " + domain::FormatIsoDate(today)});
    }
    // Each line within the cap, the sum checked: lines never wrap round to
    // the QR's sum.
    domain::Kopecks sum = 0;
    bool summed = true;
    for (std::size_t k = 0; k < scan.items.size(); ++k) {
        const auto amount = domain::LineAmount(scan.items[k]);
        if (!amount) {
            problems.push_back({"/items/" + std::to_string(k), "over_cap",
                                "price_kop × quantity is over the limit of 10000000000000 kop (100 "
                                "billion roubles) "
                                "a line"});
            summed = false;
        } else if (summed && !domain::CheckedAdd(sum, *amount, sum)) {
            problems.push_back(
                {"/items", "sum_overflow", "the lines add up to more than any amount in kopecks"});
            summed = false;
        }
    }
    if (summed && !scan.items.empty() && sum != qr->sum_kop) {
        problems.push_back({"/items", "sum_mismatch",
                            "the lines add up to " + std::to_string(sum) + " kop but the QR's sum is " +
                                std::to_string(qr->sum_kop) + " kop"});
    }
    const bool isReturn = qr->operation == 2;
    if (isReturn && !scan.original_document) {
        problems.push_back({"/original_document", "required",
                            "a sale return names the sale's document number (i) on the same fiscal drive"});
    }
    if (!isReturn && scan.original_document) {
        problems.push_back({"/original_document", "not_a_return", "only a sale return (n=2) has an original document"});
    }
    return problems;
}

void ScanRoute(RequestContext& ctx) {
    auto parsed = contract::ReceiptScanRequestFromJson(ctx.body);
    if (!parsed.Ok()) {
        SendProblem(ctx.res, 422, "validation_failed", "the scan has mistakes", parsed.problems);
        return;
    }
    const auto& scan = *parsed.value;
    const auto now = ctx.state.clock.Now();
    const auto today = MoscowDate(now);
    const auto reading = ReadQr(scan.qr);
    auto problems = CheckScan(scan, reading, today);
    if (!problems.empty()) {
        SendProblem(ctx.res, 422, "validation_failed", "the receipt cannot be scanned", problems);
        return;
    }
    StoredReceipt receipt;
    receipt.user_id = scan.user_id;
    const ScannedQr& qr = *reading.qr;
    receipt.fn = qr.fn;
    receipt.doc_i = qr.document;
    receipt.fp = qr.fiscal_sign;
    receipt.operation = qr.operation;
    receipt.receipt_at = ReceiptTime(qr);
    receipt.month = receipt.receipt_at.substr(0, 7);
    receipt.sum_kop = qr.sum_kop;
    receipt.scanned_on = domain::FormatIsoDate(today);

    std::optional<StoredReceipt> original;
    if (scan.original_document) {
        original = FindSale(ctx.db, receipt.fn, *scan.original_document);
        if (!original) {
            SendProblem(ctx.res, 422, "validation_failed", "the returned sale was never scanned",
                        {{"/original_document", "original_not_found",
                          "no sale with document number " + std::to_string(*scan.original_document) +
                              " on fiscal drive " + receipt.fn + " was scanned"}});
            return;
        }
        receipt.original_month = original->month;
        receipt.original_id = original->id;
    }
    // Nothing is written until the answer is known: an answer with an
    // Idempotency-Key is kept even when it is an error.
    ScanSession session(ctx.db, today, ctx.NowText());
    if (original) {
        const auto returnProblems = session.PrepareReturn(*original, scan.items);
        if (!returnProblems.empty()) {
            SendProblem(ctx.res, 422, "validation_failed", "the return does not fit its sale", returnProblems);
            return;
        }
    }
    receipt.id = NextId(ctx.db, "receipt");
    if (!ClaimReceiptKey(ctx.db, receipt)) {
        SendProblem(ctx.res, 409, "receipt_already_scanned",
                    "this receipt (fn " + receipt.fn + ", i " + std::to_string(receipt.doc_i) + ", fp " + receipt.fp +
                        ") was scanned before");
        return;
    }
    InsertReceipt(ctx.db, receipt, scan.items);
    ScanOutcome outcome;
    if (original) {
        outcome = session.ApplyReturn(*original);
    } else if (receipt.operation == 1) {
        outcome = session.Sale(receipt, scan.items);
    }
    session.Flush();
    contract::ReceiptScanAnswer answer;
    answer.receipt_id = receipt.id;
    answer.operation = receipt.operation;
    answer.accruals = outcome.accruals;
    SendJson(ctx.res, 201, contract::ToJson(answer));
}

void GenerateRoute(RequestContext& ctx) {
    auto parsed = contract::GenerateReceiptsRequestFromJson(ctx.body);
    if (!parsed.Ok()) {
        SendProblem(ctx.res, 422, "validation_failed", "the generation request has mistakes", parsed.problems);
        return;
    }
    const auto now = ctx.state.clock.Now();
    const auto secondsToday = static_cast<int>(
        (now + domain::kMoscowOffset - std::chrono::floor<std::chrono::days>(now + domain::kMoscowOffset)).count());
    const auto made = GenerateScans(ctx.db, MoscowDate(now), parsed.value->count, secondsToday, ctx.NowText());
    contract::GenerateReceiptsAnswer answer;
    answer.generated = made.generated;
    answer.matched = made.matched;
    answer.accrued_kop = made.accrued_kop;
    SendJson(ctx.res, 200, contract::ToJson(answer));
}
} // namespace

void AddReceiptRoutes(Router& router) {
    router.Add({"POST", "/v1/sandbox/receipts", Access::Anyone, Body::Json, true, true, ScanRoute,
                ReadsWith(contract::ReceiptScanRequestFromJson)});
    router.Add({"POST", "/v1/sandbox/receipts/generate", Access::Anyone, Body::Json, true, true, GenerateRoute,
                ReadsWith(contract::GenerateReceiptsRequestFromJson)});
}

} // namespace kpd::sandbox
