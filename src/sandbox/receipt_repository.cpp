#include "sandbox/receipt_repository.h"

#include "sandbox/bulk_insert.h"
#include "store/database.h"
#include "store/soci_optional.h"

namespace kpd::sandbox {

namespace {
constexpr std::size_t kBatchRows = 400;

std::string Number(std::int64_t n) {
    return std::to_string(n);
}

const char* kReceiptColumns = "receipt_month, receipt_id, user_id, fn, doc_i, fp, operation, receipt_at, sum_kop, "
                              "scanned_on, original_month, original_id";
const char* kLineColumns = "receipt_month, receipt_id, line_no, sku, name, category, price_kop, quantity";
} // namespace

bool ClaimReceiptKey(soci::session& db, const StoredReceipt& r) {
    // ON CONFLICT DO NOTHING keeps the transaction usable on PostgreSQL; a
    // racing scan of the same document waits for the first one's commit and
    // then finds the key taken.
    std::int64_t claimed = 0;
    db << "INSERT INTO receipt_keys (fn, doc_i, fp, receipt_month, receipt_id) VALUES (:fn, :i, :fp, :m, :id) "
          "ON CONFLICT (fn, doc_i, fp) DO NOTHING RETURNING receipt_id",
        soci::into(claimed), soci::use(r.fn, "fn"), soci::use(r.doc_i, "i"), soci::use(r.fp, "fp"),
        soci::use(r.month, "m"), soci::use(r.id, "id");
    return db.got_data();
}

void InsertReceipt(soci::session& db, const StoredReceipt& r, const std::vector<ReceiptLine>& lines) {
    db << "INSERT INTO receipts (" << kReceiptColumns
       << ") VALUES (:m, :id, :u, :fn, :i, :fp, :op, :at, :sum, :on, :om, :oid)",
        soci::use(r.month, "m"), soci::use(r.id, "id"), soci::use(r.user_id, "u"), soci::use(r.fn, "fn"),
        soci::use(r.doc_i, "i"), soci::use(r.fp, "fp"), soci::use(r.operation, "op"), soci::use(r.receipt_at, "at"),
        soci::use(r.sum_kop, "sum"), soci::use(r.scanned_on, "on"), soci::use(r.original_month, "om"),
        soci::use(r.original_id, "oid");
    BatchInsert insert(db, std::string("INSERT INTO receipt_items (") + kLineColumns + ") VALUES ", kBatchRows);
    int lineNo = 0;
    for (const auto& l : lines) {
        insert.Add(Quoted(r.month) + "," + Number(r.id) + "," + Number(++lineNo) + "," + Quoted(l.sku) + "," +
                   Quoted(l.name) + "," + Quoted(l.category) + "," + Number(l.price_kop) + "," + Number(l.quantity));
    }
    insert.Flush();
}

void InsertReceipts(soci::session& db, const std::vector<StoredReceipt>& receipts,
                    const std::vector<std::vector<ReceiptLine>>& lines) {
    BatchInsert keys(db, "INSERT INTO receipt_keys (fn, doc_i, fp, receipt_month, receipt_id) VALUES ",
                     kBatchRows);
    BatchInsert heads(db, std::string("INSERT INTO receipts (") + kReceiptColumns + ") VALUES ", kBatchRows);
    BatchInsert items(db, std::string("INSERT INTO receipt_items (") + kLineColumns + ") VALUES ", kBatchRows);
    for (std::size_t k = 0; k < receipts.size(); ++k) {
        const auto& r = receipts[k];
        keys.Add(Quoted(r.fn) + "," + Number(r.doc_i) + "," + Quoted(r.fp) + "," + Quoted(r.month) + "," +
                 Number(r.id));
        heads.Add(Quoted(r.month) + "," + Number(r.id) + "," + Number(r.user_id) + "," + Quoted(r.fn) + "," +
                  Number(r.doc_i) + "," + Quoted(r.fp) + "," + Number(r.operation) + "," + Quoted(r.receipt_at) +
                  "," + Number(r.sum_kop) + "," + Quoted(r.scanned_on) + ",NULL,NULL");
        int lineNo = 0;
        for (const auto& l : lines[k]) {
            items.Add(Quoted(r.month) + "," + Number(r.id) + "," + Number(++lineNo) + "," + Quoted(l.sku) + "," +
                      Quoted(l.name) + "," + Quoted(l.category) + "," + Number(l.price_kop) + "," +
                      Number(l.quantity));
        }
    }
    keys.Flush();
    heads.Flush();
    items.Flush();
}

std::optional<StoredReceipt> FindSale(soci::session& db, const std::string& fn, std::int64_t docI) {
    StoredReceipt r;
    db << "SELECT " << kReceiptColumns << " FROM receipts WHERE fn = :fn AND doc_i = :i AND operation = 1",
        soci::into(r.month), soci::into(r.id), soci::into(r.user_id), soci::into(r.fn), soci::into(r.doc_i),
        soci::into(r.fp), soci::into(r.operation), soci::into(r.receipt_at), soci::into(r.sum_kop),
        soci::into(r.scanned_on), soci::into(r.original_month), soci::into(r.original_id), soci::use(fn, "fn"),
        soci::use(docI, "i");
    if (!db.got_data()) {
        return std::nullopt;
    }
    return r;
}

std::vector<StoredLine> LoadLines(soci::session& db, const std::string& month, std::int64_t receiptId) {
    std::vector<StoredLine> out;
    StoredLine s;
    auto& l = s.line;
    soci::statement st = (db.prepare << "SELECT sku, name, category, price_kop, quantity, returned_qty FROM "
                                        "receipt_items WHERE receipt_month = :m AND receipt_id = :id ORDER BY line_no",
                          soci::into(l.sku), soci::into(l.name), soci::into(l.category), soci::into(l.price_kop),
                          soci::into(l.quantity), soci::into(s.returned_qty), soci::use(month, "m"),
                          soci::use(receiptId, "id"));
    st.execute();
    while (st.fetch()) {
        out.push_back(s);
    }
    return out;
}

void LockLines(soci::session& db, const std::string& month, std::int64_t receiptId) {
    db << "UPDATE receipt_items SET returned_qty = returned_qty WHERE receipt_month = :m AND receipt_id = :id",
        soci::use(month, "m"), soci::use(receiptId, "id");
}

bool MarkReturned(soci::session& db, const std::string& month, std::int64_t receiptId, int lineNo, std::int64_t qty) {
    soci::statement st =
        (db.prepare << "UPDATE receipt_items SET returned_qty = returned_qty + :q WHERE receipt_month = :m AND "
                       "receipt_id = :id AND line_no = :n AND returned_qty + :q2 <= quantity",
         soci::use(qty, "q"), soci::use(month, "m"), soci::use(receiptId, "id"), soci::use(lineNo, "n"),
         soci::use(qty, "q2"));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

void InsertAccrual(soci::session& db, const StoredReceipt& r, const Accrual& a) {
    db << "INSERT INTO cashback_accruals (partner_id, flight_id, receipt_month, receipt_id, user_id, accrued_on, "
          "cashback_kop, reversed_kop) VALUES (:p, :f, :m, :id, :u, :on, :kop, 0)",
        soci::use(a.partner_id, "p"), soci::use(a.flight_id, "f"), soci::use(r.month, "m"), soci::use(r.id, "id"),
        soci::use(r.user_id, "u"), soci::use(r.scanned_on, "on"), soci::use(a.cashback_kop, "kop");
}

std::vector<Accrual> ListAccruals(soci::session& db, const std::string& month, std::int64_t receiptId) {
    std::vector<Accrual> out;
    Accrual a;
    soci::statement st =
        (db.prepare << "SELECT partner_id, flight_id, cashback_kop, reversed_kop FROM cashback_accruals WHERE "
                       "receipt_month = :m AND receipt_id = :id ORDER BY partner_id, flight_id",
         soci::into(a.partner_id), soci::into(a.flight_id), soci::into(a.cashback_kop), soci::into(a.reversed_kop),
         soci::use(month, "m"), soci::use(receiptId, "id"));
    st.execute();
    while (st.fetch()) {
        out.push_back(a);
    }
    return out;
}

void AddReversal(soci::session& db, const std::string& month, std::int64_t receiptId, const Accrual& a,
                 std::int64_t amount) {
    db << "UPDATE cashback_accruals SET reversed_kop = reversed_kop + :x WHERE partner_id = :p AND flight_id = :f "
          "AND receipt_month = :m AND receipt_id = :id AND reversed_kop + :x2 <= cashback_kop",
        soci::use(amount, "x"), soci::use(a.partner_id, "p"), soci::use(a.flight_id, "f"), soci::use(month, "m"),
        soci::use(receiptId, "id"), soci::use(amount, "x2");
}

} // namespace kpd::sandbox
