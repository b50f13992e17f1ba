#include "contract/cashback_json.h"

#include "contract/json_reader.h"

namespace kpd::contract {

using nlohmann::json;

namespace {
using domain::Problems;

template <class T, class Read> Parsed<T> Whole(const json& j, Read read) {
    Problems problems;
    auto value = read(j, problems, std::string());
    if (!value || !problems.empty()) {
        return Parsed<T>::Failure(std::move(problems));
    }
    return Parsed<T>::Success(std::move(*value));
}

json DateOrNull(const std::optional<domain::CivilDate>& date) {
    return date ? json(domain::FormatIsoDate(*date)) : json();
}

std::optional<domain::CivilDate> ReadDate(JsonReader& r, const std::string& key, bool required = true) {
    if (auto text = r.String(key, required)) {
        if (auto date = domain::ParseIsoDate(*text)) {
            return date;
        }
        r.Fail(r.Pointer(key), "invalid_date", key + " must be a date YYYY-MM-DD that exists");
    }
    return std::nullopt;
}

std::vector<std::string> ReadStrings(JsonReader& r, Problems& problems, const std::string& key, bool required) {
    std::vector<std::string> out;
    if (const auto* array = r.Array(key, required)) {
        for (std::size_t i = 0; i < array->size(); ++i) {
            const auto& item = (*array)[i];
            if (item.is_string()) {
                out.push_back(item.get<std::string>());
            } else {
                problems.push_back({r.Pointer(key) + "/" + std::to_string(i), "type", key + " must hold strings"});
            }
        }
    }
    return out;
}

json OfferJson(const domain::FlightOffer& offer) {
    return {{"brand", offer.brand},
            {"title", offer.title},
            {"description", offer.description},
            {"image_asset_id", offer.image_asset_id ? json(*offer.image_asset_id) : json()}};
}

json MatchJson(const domain::FlightMatch& match) {
    return {{"skus", match.skus}, {"keywords", match.keywords}, {"categories", match.categories}};
}

json CashbackJson(const domain::FlightCashback& cashback) {
    json out = json::object();
    if (cashback.percent_bp) {
        out["percent_bp"] = *cashback.percent_bp;
    }
    if (cashback.fixed_kop) {
        out["fixed_kop"] = *cashback.fixed_kop;
    }
    return out;
}

// The fields the partner edits, shared by the whole flight and the new-flight body.
json EditableToJson(const domain::CashbackFlight& f) {
    return {{"offer", OfferJson(f.offer)},
            {"match", MatchJson(f.match)},
            {"cashback", CashbackJson(f.cashback)},
            {"cap_per_receipt_kop", f.cap_per_receipt_kop},
            {"targeting", ToJson(f.targeting)},
            {"budget_kop", f.budget_kop},
            {"starts_on", domain::FormatIsoDate(f.starts_on)},
            {"ends_on", domain::FormatIsoDate(f.ends_on)}};
}

void ReadTargeting(const json& j, Problems& problems, const std::string& pointer, domain::FlightTargeting& t) {
    JsonReader r(j, problems, pointer);
    t.loyalty_cards = ReadStrings(r, problems, "loyalty_cards", false);
    t.regions = ReadStrings(r, problems, "regions", false);
}

void ReadEditable(JsonReader& r, Problems& problems, domain::CashbackFlight& f) {
    if (const auto* offer = r.Object("offer")) {
        JsonReader o(*offer, problems, r.Pointer("offer"));
        f.offer.brand = o.String("brand").value_or("");
        f.offer.title = o.String("title").value_or("");
        f.offer.description = o.String("description", false).value_or("");
        f.offer.image_asset_id = o.String("image_asset_id", false);
    }
    if (const auto* match = r.Object("match")) {
        JsonReader m(*match, problems, r.Pointer("match"));
        f.match.skus = ReadStrings(m, problems, "skus", false);
        f.match.keywords = ReadStrings(m, problems, "keywords", false);
        f.match.categories = ReadStrings(m, problems, "categories", false);
    }
    if (const auto* cashback = r.Object("cashback")) {
        JsonReader c(*cashback, problems, r.Pointer("cashback"));
        f.cashback.percent_bp = c.Int("percent_bp", false);
        f.cashback.fixed_kop = c.Int("fixed_kop", false);
    }
    f.cap_per_receipt_kop = r.Int("cap_per_receipt_kop").value_or(0);
    if (const auto* targeting = r.Object("targeting", false)) {
        ReadTargeting(*targeting, problems, r.Pointer("targeting"), f.targeting);
    }
    f.budget_kop = r.Int("budget_kop").value_or(0);
    f.starts_on = ReadDate(r, "starts_on").value_or(domain::CivilDate{});
    f.ends_on = ReadDate(r, "ends_on").value_or(domain::CivilDate{});
}

std::optional<domain::ReceiptLine> ReadLine(const json& j, Problems& problems, const std::string& pointer) {
    const auto before = problems.size();
    JsonReader r(j, problems, pointer);
    domain::ReceiptLine line;
    line.sku = r.String("sku", false).value_or("");
    line.name = r.String("name").value_or("");
    line.category = r.String("category", false).value_or("");
    if (auto price = r.Int("price_kop")) {
        if (*price < 0 || *price > domain::kMaxReceiptLinePriceKop) {
            r.Fail(r.Pointer("price_kop"), "out_of_range", "price_kop must be from 0 to 100000000000 (a billion roubles)");
        }
        line.price_kop = *price;
    }
    if (auto quantity = r.Int("quantity")) {
        if (*quantity < 1 || *quantity > domain::kMaxReceiptLineQuantity) {
            r.Fail(r.Pointer("quantity"), "out_of_range", "quantity must be a whole number from 1 to 1000000");
        }
        line.quantity = *quantity;
    }
    if (problems.size() != before) {
        return std::nullopt;
    }
    return line;
}

json LineJson(const domain::ReceiptLine& line) {
    return {{"sku", line.sku},
            {"name", line.name},
            {"category", line.category},
            {"price_kop", line.price_kop},
            {"quantity", line.quantity}};
}
} // namespace

// ---- Flights ------------------------------------------------------------------------

json ToJson(const domain::CashbackFlight& f) {
    json out = EditableToJson(f);
    out["id"] = f.id;
    out["version"] = f.version;
    out["status"] = domain::ToString(f.status);
    out["submitted_on"] = DateOrNull(f.submitted_on);
    out["accrued_kop"] = f.accrued_kop;
    out["finish_reason"] = f.finish_reason ? json(domain::ToString(*f.finish_reason)) : json();
    out["created_at"] = f.created_at;
    out["updated_at"] = f.updated_at;
    return out;
}

std::optional<domain::CashbackFlight> FlightFromJson(const json& j, Problems& problems, const std::string& pointer) {
    const auto before = problems.size();
    JsonReader r(j, problems, pointer);
    domain::CashbackFlight f;
    f.id = r.Int("id").value_or(0);
    f.version = r.Int("version").value_or(0);
    if (auto status = r.String("status")) {
        if (auto s = domain::FlightStatusFromString(*status)) {
            f.status = *s;
        } else {
            r.Fail(r.Pointer("status"), "unknown_value", "status has no value \"" + *status + "\"");
        }
    }
    ReadEditable(r, problems, f);
    f.submitted_on = ReadDate(r, "submitted_on", false);
    f.accrued_kop = r.Int("accrued_kop").value_or(0);
    if (auto reason = r.String("finish_reason", false)) {
        if (auto fr = domain::FinishReasonFromString(*reason)) {
            f.finish_reason = *fr;
        } else {
            r.Fail(r.Pointer("finish_reason"), "unknown_value", "finish_reason has no value \"" + *reason + "\"");
        }
    }
    f.created_at = r.String("created_at").value_or("");
    f.updated_at = r.String("updated_at").value_or("");
    if (problems.size() != before) {
        return std::nullopt;
    }
    return f;
}

Parsed<domain::CashbackFlight> FlightFromJson(const json& j) {
    return Whole<domain::CashbackFlight>(
        j, [](const json& v, Problems& p, const std::string& ptr) { return FlightFromJson(v, p, ptr); });
}

Parsed<Page<domain::CashbackFlight>> FlightPageFromJson(const json& j) {
    return PageFromJson<domain::CashbackFlight>(
        j, [](const json& v, Problems& p, const std::string& ptr) { return FlightFromJson(v, p, ptr); });
}

json ToNewFlightJson(const domain::CashbackFlight& flight) { return EditableToJson(flight); }

Parsed<domain::CashbackFlight> NewFlightFromJson(const json& j) {
    Problems problems;
    JsonReader r(j, problems);
    domain::CashbackFlight f;
    ReadEditable(r, problems, f);
    if (!problems.empty()) {
        return Parsed<domain::CashbackFlight>::Failure(std::move(problems));
    }
    return Parsed<domain::CashbackFlight>::Success(std::move(f));
}

// ---- Report ---------------------------------------------------------------------------

json ToJson(const domain::FlightReport& report) {
    json daily = json::array();
    for (const auto& day : report.daily) {
        daily.push_back({{"date", domain::FormatIsoDate(day.date)},
                         {"scanned", day.scanned},
                         {"matched", day.matched},
                         {"accrued_kop", day.accrued_kop}});
    }
    return {{"flight_id", report.flight_id},
            {"receipts_scanned", report.receipts_scanned},
            {"receipts_matched", report.receipts_matched},
            {"accrued_kop", report.accrued_kop},
            {"reversed_kop", report.reversed_kop},
            {"budget_kop", report.budget_kop},
            {"budget_left_kop", report.budget_left_kop},
            {"daily", daily},
            {"forecast_exhausted_on", DateOrNull(report.forecast_exhausted_on)}};
}

Parsed<domain::FlightReport> FlightReportFromJson(const json& j) {
    Problems problems;
    JsonReader r(j, problems);
    domain::FlightReport report;
    report.flight_id = r.Int("flight_id").value_or(0);
    report.receipts_scanned = r.Int("receipts_scanned").value_or(0);
    report.receipts_matched = r.Int("receipts_matched").value_or(0);
    report.accrued_kop = r.Int("accrued_kop").value_or(0);
    report.reversed_kop = r.Int("reversed_kop").value_or(0);
    report.budget_kop = r.Int("budget_kop").value_or(0);
    report.budget_left_kop = r.Int("budget_left_kop").value_or(0);
    if (const auto* daily = r.Array("daily")) {
        for (std::size_t i = 0; i < daily->size(); ++i) {
            JsonReader d((*daily)[i], problems, r.Pointer("daily") + "/" + std::to_string(i));
            domain::FlightDay day;
            day.date = ReadDate(d, "date").value_or(domain::CivilDate{});
            day.scanned = d.Int("scanned").value_or(0);
            day.matched = d.Int("matched").value_or(0);
            day.accrued_kop = d.Int("accrued_kop").value_or(0);
            report.daily.push_back(day);
        }
    }
    report.forecast_exhausted_on = ReadDate(r, "forecast_exhausted_on", false);
    if (!problems.empty()) {
        return Parsed<domain::FlightReport>::Failure(std::move(problems));
    }
    return Parsed<domain::FlightReport>::Success(std::move(report));
}

// ---- Audience estimate -------------------------------------------------------------------

json ToJson(const domain::FlightTargeting& t) { return {{"loyalty_cards", t.loyalty_cards}, {"regions", t.regions}}; }

Parsed<domain::FlightTargeting> TargetingFromJson(const json& j) {
    Problems problems;
    domain::FlightTargeting t;
    ReadTargeting(j, problems, "", t);
    if (!problems.empty()) {
        return Parsed<domain::FlightTargeting>::Failure(std::move(problems));
    }
    return Parsed<domain::FlightTargeting>::Success(std::move(t));
}

json ToJson(const AudienceEstimate& estimate) { return {{"users", estimate.users}}; }

Parsed<AudienceEstimate> AudienceEstimateFromJson(const json& j) {
    Problems problems;
    JsonReader r(j, problems);
    AudienceEstimate estimate;
    estimate.users = r.Int("users").value_or(0);
    if (!problems.empty()) {
        return Parsed<AudienceEstimate>::Failure(std::move(problems));
    }
    return Parsed<AudienceEstimate>::Success(estimate);
}

// ---- Sandbox receipts --------------------------------------------------------------------

json ToJson(const ReceiptScanRequest& request) {
    json items = json::array();
    for (const auto& line : request.items) {
        items.push_back(LineJson(line));
    }
    json out{{"user_id", request.user_id}, {"qr", request.qr}, {"items", items}};
    if (request.original_document) {
        out["original_document"] = *request.original_document;
    }
    return out;
}

Parsed<ReceiptScanRequest> ReceiptScanRequestFromJson(const json& j) {
    Problems problems;
    JsonReader r(j, problems);
    ReceiptScanRequest request;
    request.user_id = r.Int("user_id").value_or(0);
    request.qr = r.String("qr").value_or("");
    if (const auto* items = r.Array("items")) {
        for (std::size_t i = 0; i < items->size(); ++i) {
            if (auto line = ReadLine((*items)[i], problems, r.Pointer("items") + "/" + std::to_string(i))) {
                request.items.push_back(std::move(*line));
            }
        }
    }
    request.original_document = r.Int("original_document", false);
    if (!problems.empty()) {
        return Parsed<ReceiptScanRequest>::Failure(std::move(problems));
    }
    return Parsed<ReceiptScanRequest>::Success(std::move(request));
}

json ToJson(const ReceiptScanAnswer& answer) {
    json accruals = json::array();
    for (const auto& a : answer.accruals) {
        accruals.push_back({{"flight_id", a.flight_id}, {"cashback_kop", a.cashback_kop}});
    }
    return {{"receipt_id", answer.receipt_id}, {"operation", answer.operation}, {"accruals", accruals}};
}

Parsed<ReceiptScanAnswer> ReceiptScanAnswerFromJson(const json& j) {
    Problems problems;
    JsonReader r(j, problems);
    ReceiptScanAnswer answer;
    answer.receipt_id = r.Int("receipt_id").value_or(0);
    if (auto operation = r.Int("operation")) {
        if (*operation < 1 || *operation > 4) {
            r.Fail(r.Pointer("operation"), "out_of_range", "operation must be 1, 2, 3 or 4");
        }
        answer.operation = static_cast<int>(*operation);
    }
    if (const auto* accruals = r.Array("accruals")) {
        for (std::size_t i = 0; i < accruals->size(); ++i) {
            JsonReader a((*accruals)[i], problems, r.Pointer("accruals") + "/" + std::to_string(i));
            domain::FlightAccrual accrual;
            accrual.flight_id = a.Int("flight_id").value_or(0);
            accrual.cashback_kop = a.Int("cashback_kop").value_or(0);
            answer.accruals.push_back(accrual);
        }
    }
    if (!problems.empty()) {
        return Parsed<ReceiptScanAnswer>::Failure(std::move(problems));
    }
    return Parsed<ReceiptScanAnswer>::Success(std::move(answer));
}

json ToJson(const GenerateReceiptsRequest& request) { return {{"count", request.count}}; }

Parsed<GenerateReceiptsRequest> GenerateReceiptsRequestFromJson(const json& j) {
    Problems problems;
    JsonReader r(j, problems);
    GenerateReceiptsRequest request;
    if (auto count = r.Int("count")) {
        if (*count < 1 || *count > kMaxGeneratedReceipts) {
            r.Fail(r.Pointer("count"), "out_of_range", "count must be from 1 to 100000");
        }
        request.count = *count;
    }
    if (!problems.empty()) {
        return Parsed<GenerateReceiptsRequest>::Failure(std::move(problems));
    }
    return Parsed<GenerateReceiptsRequest>::Success(request);
}

json ToJson(const GenerateReceiptsAnswer& answer) {
    return {{"generated", answer.generated}, {"matched", answer.matched}, {"accrued_kop", answer.accrued_kop}};
}

Parsed<GenerateReceiptsAnswer> GenerateReceiptsAnswerFromJson(const json& j) {
    Problems problems;
    JsonReader r(j, problems);
    GenerateReceiptsAnswer answer;
    answer.generated = r.Int("generated").value_or(0);
    answer.matched = r.Int("matched").value_or(0);
    answer.accrued_kop = r.Int("accrued_kop").value_or(0);
    if (!problems.empty()) {
        return Parsed<GenerateReceiptsAnswer>::Failure(std::move(problems));
    }
    return Parsed<GenerateReceiptsAnswer>::Success(answer);
}

// ---- Sandbox wallets -----------------------------------------------------------------------

json ToJson(const Wallet& wallet) {
    return {{"balance_kop", wallet.balance_kop},
            {"withdrawn_this_month_kop", wallet.withdrawn_this_month_kop},
            {"can_withdraw", wallet.can_withdraw}};
}

Parsed<Wallet> WalletFromJson(const json& j) {
    Problems problems;
    JsonReader r(j, problems);
    Wallet wallet;
    wallet.balance_kop = r.Int("balance_kop").value_or(0);
    wallet.withdrawn_this_month_kop = r.Int("withdrawn_this_month_kop").value_or(0);
    wallet.can_withdraw = r.Bool("can_withdraw").value_or(false);
    if (!problems.empty()) {
        return Parsed<Wallet>::Failure(std::move(problems));
    }
    return Parsed<Wallet>::Success(wallet);
}

json ToJson(const WithdrawRequest& request) { return {{"amount_kop", request.amount_kop}}; }

Parsed<WithdrawRequest> WithdrawRequestFromJson(const json& j) {
    Problems problems;
    JsonReader r(j, problems);
    WithdrawRequest request;
    if (auto amount = r.Int("amount_kop")) {
        if (*amount <= 0) {
            r.Fail(r.Pointer("amount_kop"), "out_of_range", "amount_kop must be above zero");
        }
        request.amount_kop = *amount;
    }
    if (!problems.empty()) {
        return Parsed<WithdrawRequest>::Failure(std::move(problems));
    }
    return Parsed<WithdrawRequest>::Success(request);
}

} // namespace kpd::contract
