#pragma once
// Scanned fiscal receipts in the sandbox database: the receipt (partitioned
// by the month of its date), its line items, the (fn, i, fp) key that makes a
// second scan of one document fail even when two race, and the cashback each
// receipt earned on each flight with what returns took back. Functions take
// the caller's session inside the caller's transaction; any thread.
#include "domain/cashback_receipt.h"

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kpd::sandbox {

// A stored line and how many of its items return receipts took back.
struct StoredLine {
    domain::ReceiptLine line;
    std::int64_t returned_qty = 0;
};
using domain::ReceiptLine;

struct StoredReceipt {
    std::string month; // YYYY-MM of receipt_at: the partition key
    std::int64_t id = 0;
    std::int64_t user_id = 0;
    std::string fn;
    std::int64_t doc_i = 0;
    std::string fp;
    int operation = 1; // 1 sale, 2 sale return, 3 expense, 4 expense return
    std::string receipt_at; // YYYY-MM-DDTHH:MM:SS, the receipt's own (local) time
    std::int64_t sum_kop = 0;
    std::string scanned_on; // Moscow date on the sandbox clock
    std::optional<std::string> original_month;
    std::optional<std::int64_t> original_id;
};

// Claims the document's (fn, i, fp) for receipt `id` of `month`; false when
// it was scanned before (or by a concurrent request that committed first).
bool ClaimReceiptKey(soci::session& db, const StoredReceipt& receipt);
// The receipt and its lines (numbered from 1 in order).
void InsertReceipt(soci::session& db, const StoredReceipt& receipt, const std::vector<ReceiptLine>& lines);
// Many receipts with their lines in a few multi-row INSERTs (the generator).
void InsertReceipts(soci::session& db, const std::vector<StoredReceipt>& receipts,
                    const std::vector<std::vector<ReceiptLine>>& lines);

// The sale (operation 1) with document number `docI` on fiscal drive `fn`.
std::optional<StoredReceipt> FindSale(soci::session& db, const std::string& fn, std::int64_t docI);
std::vector<StoredLine> LoadLines(soci::session& db, const std::string& month, std::int64_t receiptId);
// Takes the row locks of a receipt's lines (a no-op UPDATE): concurrent
// returns of one sale then run one after the other.
void LockLines(soci::session& db, const std::string& month, std::int64_t receiptId);
// Adds `qty` to a line's returned quantity unless that would pass its quantity.
bool MarkReturned(soci::session& db, const std::string& month, std::int64_t receiptId, int lineNo, std::int64_t qty);

struct Accrual {
    std::int64_t partner_id = 0, flight_id = 0;
    std::int64_t cashback_kop = 0, reversed_kop = 0;
};
void InsertAccrual(soci::session& db, const StoredReceipt& receipt, const Accrual& accrual);
// What a receipt earned, by partner and flight.
std::vector<Accrual> ListAccruals(soci::session& db, const std::string& month, std::int64_t receiptId);
// Records `amount` more taken back from an accrual (never beyond it).
void AddReversal(soci::session& db, const std::string& month, std::int64_t receiptId, const Accrual& accrual,
                 std::int64_t amount);

} // namespace kpd::sandbox
