#include "contract/settlement_json.h"

#include "contract/json_reader.h"
#include "domain/timestamp.h"

#include <chrono>

namespace kpd::contract {

namespace {
using nlohmann::json;

template <class T, class Read> Parsed<T> Whole(const json& j, Read read) {
    domain::Problems problems;
    auto value = read(j, problems, "");
    if (!value || !problems.empty()) {
        return Parsed<T>::Failure(std::move(problems));
    }
    return Parsed<T>::Success(std::move(*value));
}

std::string Moscow(std::int64_t unix) { return domain::FormatRfc3339(domain::Instant{std::chrono::seconds{unix}}); }

std::string MoscowDay(std::int64_t unix) { return Moscow(unix).substr(0, 10); }

std::int64_t ReadInstant(JsonReader& r, const std::string& key) {
    if (auto text = r.String(key)) {
        if (auto at = domain::ParseRfc3339(*text)) {
            return at->time_since_epoch().count();
        }
        r.Fail(r.Pointer(key), "invalid_time", key + " must be an RFC 3339 time");
    }
    return 0;
}
} // namespace

json ToJson(const domain::SettlementRegister& r) {
    json approvals = json::array();
    for (const auto& a : r.approvals) {
        approvals.push_back(
            {{"user_id", a.user_id}, {"login", a.login}, {"approved_at", a.approved_at}, {"comment", a.comment}});
    }
    return {{"id", r.id},
            {"business_date", r.business_date},
            {"status", ToString(r.status)},
            {"count", r.count},
            {"turnover_kop", r.turnover_kop},
            {"refunds_kop", r.refunds_kop},
            {"payout_kop", r.payout_kop},
            {"payout_date", r.payout_date},
            {"needs_second_approval", r.needs_second_approval},
            {"approvals", approvals},
            {"version", r.version}};
}

std::optional<domain::SettlementRegister> RegisterFromJson(const json& j, domain::Problems& problems,
                                                           const std::string& pointer) {
    const auto before = problems.size();
    JsonReader r(j, problems, pointer);
    domain::SettlementRegister reg;
    reg.id = r.Int("id").value_or(0);
    reg.business_date = r.String("business_date").value_or("");
    if (auto status = r.String("status")) {
        if (auto s = domain::RegisterStatusFromString(*status)) {
            reg.status = *s;
        } else {
            r.Fail(r.Pointer("status"), "unknown_value", "status has no value \"" + *status + "\"");
        }
    }
    reg.count = r.Int("count").value_or(0);
    reg.turnover_kop = r.Int("turnover_kop").value_or(0);
    reg.refunds_kop = r.Int("refunds_kop").value_or(0);
    reg.payout_kop = r.Int("payout_kop").value_or(0);
    reg.payout_date = r.String("payout_date").value_or("");
    reg.needs_second_approval = r.Bool("needs_second_approval").value_or(false);
    if (const auto* approvals = r.Array("approvals")) {
        for (std::size_t i = 0; i < approvals->size(); ++i) {
            JsonReader a((*approvals)[i], problems, r.Pointer("approvals") + "/" + std::to_string(i));
            domain::RegisterApproval approval;
            approval.user_id = a.Int("user_id").value_or(0);
            approval.login = a.String("login").value_or("");
            approval.approved_at = a.String("approved_at").value_or("");
            approval.comment = a.String("comment").value_or("");
            reg.approvals.push_back(std::move(approval));
        }
    }
    reg.version = r.Int("version").value_or(0);
    if (problems.size() != before) {
        return std::nullopt;
    }
    return reg;
}

Parsed<domain::SettlementRegister> RegisterFromJson(const json& j) {
    return Whole<domain::SettlementRegister>(
        j, [](const json& v, domain::Problems& p, const std::string& ptr) { return RegisterFromJson(v, p, ptr); });
}

Parsed<Page<domain::SettlementRegister>> RegisterPageFromJson(const json& j) {
    return PageFromJson<domain::SettlementRegister>(
        j, [](const json& v, domain::Problems& p, const std::string& ptr) { return RegisterFromJson(v, p, ptr); });
}

json ToJson(const domain::SettlementTransaction& t) {
    json schedule = json::array();
    for (const auto& part : domain::PaymentSchedule(t.amount_kop)) {
        schedule.push_back(
            {{"due_date", MoscowDay(t.purchased_at + part.day_offset * 86400)}, {"amount_kop", part.amount_kop}});
    }
    return {{"order_id", t.order_id},
            {"store_id", t.store_id},
            {"purchased_at", Moscow(t.purchased_at)},
            {"amount_kop", t.amount_kop},
            {"prepaid_kop", t.prepaid_kop},
            {"status", t.status},
            {"refunded_kop", t.refunded_kop},
            {"refund_status", t.refund_status ? json(*t.refund_status) : json()},
            {"payment_schedule", schedule}};
}

std::optional<domain::SettlementTransaction> TransactionFromJson(const json& j, domain::Problems& problems,
                                                                 const std::string& pointer) {
    const auto before = problems.size();
    JsonReader r(j, problems, pointer);
    domain::SettlementTransaction t;
    t.order_id = r.String("order_id").value_or("");
    t.store_id = r.String("store_id").value_or("");
    t.purchased_at = ReadInstant(r, "purchased_at");
    t.amount_kop = r.Int("amount_kop").value_or(0);
    t.prepaid_kop = r.Int("prepaid_kop").value_or(0);
    t.status = r.String("status").value_or("");
    t.refunded_kop = r.Int("refunded_kop").value_or(0);
    t.refund_status = r.String("refund_status", false);
    if (problems.size() != before) {
        return std::nullopt;
    }
    return t;
}

Parsed<Page<domain::SettlementTransaction>> TransactionPageFromJson(const json& j) {
    return PageFromJson<domain::SettlementTransaction>(
        j, [](const json& v, domain::Problems& p, const std::string& ptr) { return TransactionFromJson(v, p, ptr); });
}

json ToJson(const ApproveRequest& request) { return {{"comment", request.comment}}; }

Parsed<ApproveRequest> ApproveRequestFromJson(const json& j) {
    domain::Problems problems;
    JsonReader r(j, problems);
    ApproveRequest request;
    request.comment = r.String("comment", false).value_or("");
    if (request.comment.size() > 1000) {
        problems.push_back({"/comment", "too_long", "the comment must be at most 1000 bytes"});
    }
    if (!problems.empty()) {
        return Parsed<ApproveRequest>::Failure(std::move(problems));
    }
    return Parsed<ApproveRequest>::Success(std::move(request));
}

json ToJson(const domain::RegisterDispute& d) { return {{"reason", d.reason}, {"order_ids", d.order_ids}}; }

Parsed<domain::RegisterDispute> RegisterDisputeFromJson(const json& j) {
    domain::Problems problems;
    JsonReader r(j, problems);
    domain::RegisterDispute d;
    d.reason = r.String("reason").value_or("");
    if (r.IsObject() && j.contains("reason") && j["reason"].is_string() && d.reason.empty()) {
        problems.push_back({"/reason", "required", "say why the register is disputed"});
    }
    if (const auto* ids = r.Array("order_ids", false)) {
        for (std::size_t i = 0; i < ids->size(); ++i) {
            if ((*ids)[i].is_string() && !(*ids)[i].get<std::string>().empty()) {
                d.order_ids.push_back((*ids)[i].get<std::string>());
            } else {
                problems.push_back({"/order_ids/" + std::to_string(i), "type", "an order id must be a non-empty string"});
            }
        }
    }
    if (!problems.empty()) {
        return Parsed<domain::RegisterDispute>::Failure(std::move(problems));
    }
    return Parsed<domain::RegisterDispute>::Success(std::move(d));
}

json ToJson(const domain::CommissionInvoice& i) {
    return {{"month", ToString(i.month)},          {"turnover_kop", i.turnover_kop}, {"refunds_kop", i.refunds_kop},
            {"base_kop", i.base_kop},              {"rate_bp", i.rate_bp},           {"commission_kop", i.commission_kop},
            {"vat_kop", i.vat_kop},                {"total_kop", i.total_kop}};
}

Parsed<domain::CommissionInvoice> CommissionInvoiceFromJson(const json& j) {
    domain::Problems problems;
    JsonReader r(j, problems);
    domain::CommissionInvoice i;
    if (auto month = r.String("month")) {
        if (auto m = domain::ParseMonth(*month)) {
            i.month = *m;
        } else {
            r.Fail(r.Pointer("month"), "invalid_month", "month must be YYYY-MM");
        }
    }
    i.turnover_kop = r.Int("turnover_kop").value_or(0);
    i.refunds_kop = r.Int("refunds_kop").value_or(0);
    i.base_kop = r.Int("base_kop").value_or(0);
    i.rate_bp = static_cast<int>(r.Int("rate_bp").value_or(0));
    i.commission_kop = r.Int("commission_kop").value_or(0);
    i.vat_kop = r.Int("vat_kop").value_or(0);
    i.total_kop = r.Int("total_kop").value_or(0);
    if (!problems.empty()) {
        return Parsed<domain::CommissionInvoice>::Failure(std::move(problems));
    }
    return Parsed<domain::CommissionInvoice>::Success(std::move(i));
}

} // namespace kpd::contract
