// /v1/settlements and /v1/commission-invoices: the partner's Dolyami
// registers, their purchases (JSON pages, or NDJSON with gzip for a bulk
// download), approvals under the four-eyes rule, disputes, and the monthly
// commission invoices with accept/dispute. Finance roles only.
// Approvals race safely: the approval row's key refuses a second approval by
// the same user, and the register's status moves by a guarded UPDATE on the
// version read, so of two concurrent approvals exactly one changes it.
#include "contract/settlement_json.h"
#include "contract/settlement_ndjson.h"
#include "sandbox/http_util.h"
#include "sandbox/routes.h"
#include "sandbox/settlement_repository.h"

#include <zlib.h>

#include <optional>
#include <regex>
#include <stdexcept>

namespace kpd::sandbox {

namespace {
const char* kRegisterPath = R"(/v1/settlements/(\d{1,18}))";
const char* kInvoicePath = R"(/v1/commission-invoices/(\d{4}-\d{2}))";

bool IsDate(const std::string& text) {
    static const std::regex date(R"(\d{4}-\d{2}-\d{2})");
    return std::regex_match(text, date);
}

std::optional<domain::SettlementRegister> RegisterOrNotFound(RequestContext& ctx) {
    auto reg = FindRegister(ctx.db, ctx.caller->partner_id, ctx.PathId());
    if (!reg) {
        SendProblem(ctx.res, 404, "not_found", "no such register");
    }
    return reg;
}

void SendRegister(RequestContext& ctx, int status, const domain::SettlementRegister& reg) {
    ctx.res.set_header("ETag", ETagOf(reg.version));
    SendJson(ctx.res, status, contract::ToJson(reg));
}

void ListSettlements(RequestContext& ctx) {
    const std::string from = ctx.req.get_param_value("from"), to = ctx.req.get_param_value("to");
    for (const auto& [name, value] : {std::pair{"from", from}, std::pair{"to", to}}) {
        if (!value.empty() && !IsDate(value)) {
            SendProblem(ctx.res, 400, "invalid_parameter", std::string(name) + " must be a date YYYY-MM-DD",
                        {{name, "invalid_date", "expected YYYY-MM-DD"}});
            return;
        }
    }
    auto query = ReadPageQuery(ctx.req, ctx.res, "settlements");
    if (!query) {
        return;
    }
    auto regs = ListRegisters(ctx.db, ctx.caller->partner_id, from, to, query->after.value_or(0), query->limit + 1);
    contract::Page<domain::SettlementRegister> page;
    const bool more = regs.size() > static_cast<std::size_t>(query->limit);
    if (more) regs.pop_back();
    page.items = std::move(regs);
    if (more && !page.items.empty()) page.next_cursor = EncodeCursor("settlements", page.items.back().id);
    SendJson(ctx.res, 200, contract::PageToJson(page, [](const auto& r) { return contract::ToJson(r); }));
}

void GetSettlement(RequestContext& ctx) {
    if (auto reg = RegisterOrNotFound(ctx)) SendRegister(ctx, 200, *reg);
}

// gzip at level 1: on a register of purchases the fastest level already
// shrinks the lines about ninefold, and the sync waits for every byte. The
// lines are compressed as they are written, a quarter megabyte at a time,
// so the text is still in cache when deflate reads it and the whole register
// never sits in memory uncompressed.
class GzipWriter {
  public:
    GzipWriter() {
        if (deflateInit2(&m_z, 1, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) {
            throw std::runtime_error("deflateInit2 failed");
        }
    }
    ~GzipWriter() { deflateEnd(&m_z); }
    GzipWriter(const GzipWriter&) = delete;
    GzipWriter& operator=(const GzipWriter&) = delete;

    // Compresses and clears `text`.
    void Write(std::string& text, bool finish) {
        m_z.next_in = reinterpret_cast<Bytef*>(text.data());
        m_z.avail_in = static_cast<uInt>(text.size());
        const int flush = finish ? Z_FINISH : Z_NO_FLUSH;
        int rc = Z_OK;
        do {
            if (m_out.size() - m_z.total_out < kChunk) m_out.resize(m_z.total_out + 2 * kChunk);
            m_z.next_out = reinterpret_cast<Bytef*>(m_out.data() + m_z.total_out);
            m_z.avail_out = static_cast<uInt>(m_out.size() - m_z.total_out);
            rc = deflate(&m_z, flush);
            if (rc == Z_STREAM_ERROR) throw std::runtime_error("deflate failed");
        } while (m_z.avail_in > 0 || (finish && rc != Z_STREAM_END));
        text.clear();
    }
    std::string Take() {
        m_out.resize(m_z.total_out);
        return std::move(m_out);
    }

    static constexpr std::size_t kChunk = 1 << 18;

  private:
    z_stream m_z{};
    std::string m_out;
};

// The whole register as one JSON object per line (contract/settlement_ndjson.h),
// read by one statement and gzip-compressed as it goes when the client
// accepts it: what the desk's sync streams into its workspace.
void SendNdjson(RequestContext& ctx, std::int64_t registerId) {
    const bool gzip = ctx.req.get_header_value("Accept-Encoding").find("gzip") != std::string::npos;
    std::string lines;
    lines.reserve(GzipWriter::kChunk + 4096);
    std::optional<GzipWriter> zip;
    if (gzip) zip.emplace();
    ForEachTransaction(ctx.db, ctx.caller->partner_id, registerId, [&](const domain::SettlementTransaction& t) {
        contract::AppendTransactionLine(lines, t);
        if (zip && lines.size() >= GzipWriter::kChunk) zip->Write(lines, false);
    });
    ctx.res.status = 200;
    if (zip) {
        zip->Write(lines, true);
        ctx.res.set_header("Content-Encoding", "gzip");
        ctx.res.set_content(zip->Take(), "application/x-ndjson");
    } else {
        ctx.res.set_content(lines, "application/x-ndjson");
    }
}

void ListSettlementTransactions(RequestContext& ctx) {
    auto reg = RegisterOrNotFound(ctx);
    if (!reg) return;
    if (ctx.req.get_header_value("Accept").find("application/x-ndjson") != std::string::npos) {
        SendNdjson(ctx, reg->id);
        return;
    }
    auto query = ReadPageQuery(ctx.req, ctx.res, "settlement-transactions");
    if (!query) return;
    std::vector<std::int64_t> seqs;
    auto rows = ListTransactions(ctx.db, ctx.caller->partner_id, reg->id, query->after.value_or(0), query->limit + 1,
                                 seqs);
    contract::Page<domain::SettlementTransaction> page;
    const bool more = rows.size() > static_cast<std::size_t>(query->limit);
    if (more) rows.pop_back();
    page.items = std::move(rows);
    if (more) page.next_cursor = EncodeCursor("settlement-transactions", seqs[page.items.size() - 1]);
    SendJson(ctx.res, 200, contract::PageToJson(page, [](const auto& t) { return contract::ToJson(t); }));
}

void SendRefusal(RequestContext& ctx, domain::ApprovalOutcome outcome) {
    const int status = outcome == domain::ApprovalOutcome::NotFinance ? 403 : 409;
    SendProblem(ctx.res, status, std::string(domain::RefusalCode(outcome)), domain::RefusalMessage(outcome));
}

void SendChangedMeanwhile(RequestContext& ctx) {
    auto now = FindRegister(ctx.db, ctx.caller->partner_id, ctx.PathId());
    SendProblem(ctx.res, contract::MakeProblem(409, "register_changed", "another user changed the register at the same moment; "
                                                                       "reload it and see whether your approval is still needed"),
                now ? nlohmann::json{{"current", contract::ToJson(*now)}} : nlohmann::json::object());
}

void ApproveSettlement(RequestContext& ctx) {
    auto parsed = contract::ApproveRequestFromJson(ctx.body);
    if (!parsed.Ok()) {
        SendProblem(ctx.res, 422, "validation_failed", "the approval has mistakes", parsed.problems);
        return;
    }
    auto reg = RegisterOrNotFound(ctx);
    if (!reg) return;
    const auto& user = ctx.caller->user;
    const auto outcome = domain::DecideApproval(*reg, {user.id, user.roles});
    if (outcome != domain::ApprovalOutcome::Approved && outcome != domain::ApprovalOutcome::FirstOfTwo) {
        SendRefusal(ctx, outcome);
        return;
    }
    // The guarded update comes first: an answer with an Idempotency-Key is
    // stored even when it is an error, so nothing may be written before it.
    const bool moved = outcome == domain::ApprovalOutcome::Approved
                           ? SetRegisterStatus(ctx.db, ctx.caller->partner_id, reg->id, reg->version,
                                               domain::RegisterStatus::Approved)
                           : TouchRegister(ctx.db, ctx.caller->partner_id, reg->id, reg->version);
    if (!moved) {
        SendChangedMeanwhile(ctx);
        return;
    }
    // The version guard serialises approvals of one register, so this user's
    // row cannot exist yet; the key would refuse it all the same.
    if (!AddApproval(ctx.db, ctx.caller->partner_id, reg->id, {user.id, user.login, ctx.NowText(), parsed.value->comment})) {
        throw std::logic_error("an approval passed the version guard twice");
    }
    ctx.Audit(outcome == domain::ApprovalOutcome::Approved ? "settlement.approved" : "settlement.first_approval",
              "settlement", std::to_string(reg->id),
              "register " + reg->business_date + ", payout " + std::to_string(reg->payout_kop) + " kop");
    SendRegister(ctx, 200, *FindRegister(ctx.db, ctx.caller->partner_id, reg->id));
}

void DisputeSettlement(RequestContext& ctx) {
    auto parsed = contract::RegisterDisputeFromJson(ctx.body);
    if (!parsed.Ok()) {
        SendProblem(ctx.res, 422, "validation_failed", "the dispute has mistakes", parsed.problems);
        return;
    }
    auto reg = RegisterOrNotFound(ctx);
    if (!reg) return;
    if (reg->status != domain::RegisterStatus::PendingReview) {
        SendRefusal(ctx, domain::ApprovalOutcome::NotPending);
        return;
    }
    const auto unknown = OrdersNotOnRegister(ctx.db, ctx.caller->partner_id, reg->id, parsed.value->order_ids);
    if (!unknown.empty()) {
        domain::Problems problems;
        for (std::size_t i = 0; i < parsed.value->order_ids.size(); ++i) {
            if (std::find(unknown.begin(), unknown.end(), parsed.value->order_ids[i]) != unknown.end()) {
                problems.push_back({"/order_ids/" + std::to_string(i), "unknown_order", "the order is not on this register"});
            }
        }
        SendProblem(ctx.res, 422, "validation_failed", "some orders are not on the register", problems);
        return;
    }
    if (!SetRegisterStatus(ctx.db, ctx.caller->partner_id, reg->id, reg->version, domain::RegisterStatus::Disputed)) {
        SendChangedMeanwhile(ctx);
        return;
    }
    AddDispute(ctx.db, ctx.caller->partner_id, reg->id, ctx.caller->user.id, *parsed.value, ctx.NowText());
    ctx.Audit("settlement.disputed", "settlement", std::to_string(reg->id),
              "register " + reg->business_date + ": " + parsed.value->reason + " (" +
                  std::to_string(parsed.value->order_ids.size()) + " orders)");
    SendRegister(ctx, 200, *FindRegister(ctx.db, ctx.caller->partner_id, reg->id));
}

nlohmann::json InvoiceJson(const StoredInvoice& s) {
    auto j = contract::ToJson(s.invoice);
    j["status"] = s.status;
    return j;
}

void GetInvoice(RequestContext& ctx, const std::string& monthText) {
    const auto month = domain::ParseMonth(monthText);
    if (!month) {
        SendProblem(ctx.res, 400, "invalid_parameter", "month must be YYYY-MM", {{"month", "invalid_month", "expected YYYY-MM"}});
        return;
    }
    auto invoice = FindInvoice(ctx.db, ctx.caller->partner_id, *month);
    if (!invoice) {
        SendProblem(ctx.res, 404, "not_found", "no commission invoice for " + monthText);
        return;
    }
    SendJson(ctx.res, 200, InvoiceJson(*invoice));
}

void SettleInvoiceRoute(RequestContext& ctx, const std::string& status) {
    const auto month = domain::ParseMonth(ctx.match[1].str());
    auto invoice = month ? FindInvoice(ctx.db, ctx.caller->partner_id, *month) : std::nullopt;
    if (!invoice) {
        SendProblem(ctx.res, 404, "not_found", "no such commission invoice");
        return;
    }
    std::string reason;
    if (status == "disputed") {
        reason = ctx.body.is_object() && ctx.body.contains("reason") && ctx.body["reason"].is_string()
                     ? ctx.body["reason"].get<std::string>()
                     : "";
        if (reason.empty()) {
            SendProblem(ctx.res, 422, "validation_failed", "say why the invoice is disputed",
                        {{"/reason", "required", "reason is required"}});
            return;
        }
    }
    if (!SettleInvoice(ctx.db, ctx.caller->partner_id, *month, status)) {
        SendProblem(ctx.res, 409, "invoice_not_issued", "the invoice was already " + invoice->status);
        return;
    }
    ctx.Audit(status == "accepted" ? "commission_invoice.accepted" : "commission_invoice.disputed",
              "commission_invoice", ToString(*month), reason);
    SendJson(ctx.res, 200, InvoiceJson(*FindInvoice(ctx.db, ctx.caller->partner_id, *month)));
}
} // namespace

void AddSettlementRoutes(Router& router) {
    router.Add({"GET", "/v1/settlements", Access::Finance, Body::None, false, false, ListSettlements});
    router.Add({"GET", kRegisterPath, Access::Finance, Body::None, false, false, GetSettlement});
    router.Add({"GET", std::string(kRegisterPath) + "/transactions", Access::Finance, Body::None, false, false,
                ListSettlementTransactions});
    router.Add({"POST", std::string(kRegisterPath) + "/approve", Access::Finance, Body::Json, true, true,
                ApproveSettlement, ReadsWith(contract::ApproveRequestFromJson)});
    router.Add({"POST", std::string(kRegisterPath) + "/dispute", Access::Finance, Body::Json, true, true,
                DisputeSettlement, ReadsWith(contract::RegisterDisputeFromJson)});
    router.Add({"GET", "/v1/commission-invoices", Access::Finance, Body::None, false, false,
                [](RequestContext& ctx) { GetInvoice(ctx, ctx.req.get_param_value("month")); }});
    router.Add({"GET", kInvoicePath, Access::Finance, Body::None, false, false,
                [](RequestContext& ctx) { GetInvoice(ctx, ctx.match[1].str()); }});
    router.Add({"POST", std::string(kInvoicePath) + "/accept", Access::Finance, Body::Optional, true, true,
                [](RequestContext& ctx) { SettleInvoiceRoute(ctx, "accepted"); }, ReadsKeys({})});
    router.Add({"POST", std::string(kInvoicePath) + "/dispute", Access::Finance, Body::Json, true, true,
                [](RequestContext& ctx) { SettleInvoiceRoute(ctx, "disputed"); }, ReadsKeys({"reason"})});
}

} // namespace kpd::sandbox
