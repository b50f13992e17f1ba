#include "contract/card_screen_json.h"

#include "contract/json_reader.h"

#include <limits>
#include <map>
#include <utility>
#include <vector>

namespace kpd::contract {

namespace {
using nlohmann::json;

json OptionalString(const std::optional<std::string>& value) { return value ? json(*value) : json(); }

// An enum field read through the domain's name table; an unknown name is a
// problem at the field, and the default stays in place.
template <class E, class FromString>
void ReadEnum(JsonReader& r, const std::string& key, E& out, FromString fromString) {
    if (auto name = r.String(key, false)) {
        if (auto value = fromString(*name)) {
            out = *value;
        } else {
            r.Fail(r.Pointer(key), "unknown_value", key + " has no value \"" + *name + "\"");
        }
    }
}

// Small integers (intervals, lengths, basis points): a JSON integer that fits an int.
void ReadInt(JsonReader& r, const std::string& key, int& out) {
    if (auto v = r.Int(key, false)) {
        if (*v < std::numeric_limits<int>::min() || *v > std::numeric_limits<int>::max()) {
            r.Fail(r.Pointer(key), "out_of_range", key + " is out of range");
        } else {
            out = static_cast<int>(*v);
        }
    }
}

void ReadString(JsonReader& r, const std::string& key, std::string& out) {
    if (auto v = r.String(key, false)) {
        out = std::move(*v);
    }
}

void ReadBool(JsonReader& r, const std::string& key, bool& out) {
    if (auto v = r.Bool(key, false)) {
        out = *v;
    }
}

// Calls `read(element, pointer)` for each element of an optional array field.
template <class Fn> void ForEach(JsonReader& r, const std::string& key, Fn read) {
    if (const auto* array = r.Array(key, false)) {
        for (std::size_t i = 0; i < array->size(); ++i) {
            read((*array)[i], r.Pointer(key) + "/" + std::to_string(i));
        }
    }
}

json ToJson(const domain::CallToAction& cta) { return {{"kind", ToString(cta.kind)}, {"target", cta.target}}; }

json ToJson(const domain::PromoBlock& block) {
    return {{"asset", OptionalString(block.asset)}, {"title", block.title}, {"cta", ToJson(block.cta)}};
}

json BlocksToJson(const std::vector<domain::PromoBlock>& blocks) {
    json out = json::array();
    for (const auto& b : blocks) {
        out.push_back(ToJson(b));
    }
    return out;
}

void ReadTheme(const json& j, domain::Problems& p, const std::string& at, domain::CardTheme& theme) {
    JsonReader r(j, p, at);
    ReadString(r, "background_color", theme.background_color);
    ReadString(r, "text_color", theme.text_color);
    ReadString(r, "accent_color", theme.accent_color);
    theme.background_image = r.String("background_image", false);
    theme.logo = r.String("logo", false);
}

void ReadIdentifier(const json& j, domain::Problems& p, const std::string& at, domain::CardIdentifier& id) {
    JsonReader r(j, p, at);
    ReadEnum(r, "kind", id.kind, domain::IdentifierKindFromString);
    ReadEnum(r, "barcode", id.barcode, domain::BarcodeTypeFromString);
    ReadString(r, "prefix", id.prefix);
    ReadInt(r, "totp_interval_seconds", id.totp_interval_seconds);
    ReadInt(r, "totp_length", id.totp_length);
}

void ReadProgress(const json& j, domain::Problems& p, const std::string& at, domain::ProgressBar& progress) {
    JsonReader r(j, p, at);
    ReadBool(r, "enabled", progress.enabled);
    ForEach(r, "levels", [&](const json& e, const std::string& ptr) {
        JsonReader lr(e, p, ptr);
        domain::ProgressLevel level;
        ReadString(lr, "name", level.name);
        level.threshold = lr.Int("threshold", false).value_or(0);
        ReadInt(lr, "discount_bp", level.discount_bp);
        progress.levels.push_back(std::move(level));
    });
}

domain::PromoBlock ReadBlock(const json& j, domain::Problems& p, const std::string& at) {
    JsonReader r(j, p, at);
    domain::PromoBlock block;
    block.asset = r.String("asset", false);
    ReadString(r, "title", block.title);
    if (const auto* cta = r.Object("cta", false)) {
        JsonReader cr(*cta, p, r.Pointer("cta"));
        ReadEnum(cr, "kind", block.cta.kind, domain::CtaKindFromString);
        ReadString(cr, "target", block.cta.target);
    }
    return block;
}

domain::IssuanceQuestion ReadQuestion(const json& j, domain::Problems& p, const std::string& at) {
    JsonReader r(j, p, at);
    domain::IssuanceQuestion q;
    ReadString(r, "text", q.text);
    ReadEnum(r, "kind", q.kind, domain::QuestionKindFromString);
    ReadBool(r, "required", q.required);
    ForEach(r, "options", [&](const json& e, const std::string& ptr) {
        if (e.is_string()) {
            q.options.push_back(e.get<std::string>());
        } else {
            p.push_back({ptr, "type", "an option must be a string"});
        }
    });
    return q;
}

template <class T, class Read>
Parsed<T> ParseWhole(const json& j, Read read) {
    domain::Problems problems;
    auto value = read(j, problems, "");
    if (!value || !problems.empty()) {
        return Parsed<T>::Failure(std::move(problems));
    }
    return Parsed<T>::Success(std::move(*value));
}

// Every leaf (and empty array) of `root` by its pointer. An explicit stack, as
// every walk over JSON here has: no walk's depth is bounded by recursion.
void Flatten(const json& root, std::map<std::string, json>& leaves) {
    std::vector<std::pair<const json*, std::string>> stack{{&root, ""}};
    while (!stack.empty()) {
        auto [value, pointer] = std::move(stack.back());
        stack.pop_back();
        if (value->is_object()) {
            for (const auto& [key, child] : value->items()) {
                stack.emplace_back(&child, pointer + "/" + EscapePointerToken(key));
            }
        } else if (value->is_array() && !value->empty()) {
            for (std::size_t i = 0; i < value->size(); ++i) {
                stack.emplace_back(&(*value)[i], pointer + "/" + std::to_string(i));
            }
        } else {
            leaves[pointer] = *value;
        }
    }
}
} // namespace

json ToJson(const domain::CardScreen& s) {
    json levels = json::array();
    for (const auto& l : s.progress.levels) {
        levels.push_back({{"name", l.name}, {"threshold", l.threshold}, {"discount_bp", l.discount_bp}});
    }
    json questions = json::array();
    for (const auto& q : s.questions) {
        questions.push_back(
            {{"text", q.text}, {"kind", ToString(q.kind)}, {"required", q.required}, {"options", q.options}});
    }
    return {{"theme",
             {{"background_color", s.theme.background_color},
              {"text_color", s.theme.text_color},
              {"accent_color", s.theme.accent_color},
              {"background_image", OptionalString(s.theme.background_image)},
              {"logo", OptionalString(s.theme.logo)}}},
            {"identifier",
             {{"kind", ToString(s.identifier.kind)},
              {"barcode", ToString(s.identifier.barcode)},
              {"prefix", s.identifier.prefix},
              {"totp_interval_seconds", s.identifier.totp_interval_seconds},
              {"totp_length", s.identifier.totp_length}}},
            {"balance", {{"kind", ToString(s.balance.kind)}, {"label", s.balance.label}}},
            {"progress", {{"enabled", s.progress.enabled}, {"levels", levels}}},
            {"banners", BlocksToJson(s.banners)},
            {"promo_blocks", BlocksToJson(s.promo_blocks)},
            {"history", {{"enabled", s.history.enabled}, {"line_items", s.history.line_items}}},
            {"qr_scanner", s.qr_scanner},
            {"links", {{"rules_url", s.links.rules_url}, {"privacy_url", s.links.privacy_url}}},
            {"questions", questions}};
}

// Every field is optional and keeps the domain's default when absent, so a
// hand-written draft file may name only what it changes; a present field of
// the wrong type or an unknown name is a problem at its pointer.
std::optional<domain::CardScreen> CardScreenFromJson(const json& j, domain::Problems& problems,
                                                     const std::string& pointer) {
    const auto before = problems.size();
    JsonReader r(j, problems, pointer);
    domain::CardScreen s;
    if (const auto* theme = r.Object("theme", false)) {
        ReadTheme(*theme, problems, r.Pointer("theme"), s.theme);
    }
    if (const auto* id = r.Object("identifier", false)) {
        ReadIdentifier(*id, problems, r.Pointer("identifier"), s.identifier);
    }
    if (const auto* balance = r.Object("balance", false)) {
        JsonReader br(*balance, problems, r.Pointer("balance"));
        ReadEnum(br, "kind", s.balance.kind, domain::BalanceKindFromString);
        ReadString(br, "label", s.balance.label);
    }
    if (const auto* progress = r.Object("progress", false)) {
        ReadProgress(*progress, problems, r.Pointer("progress"), s.progress);
    }
    ForEach(r, "banners", [&](const json& e, const std::string& ptr) { s.banners.push_back(ReadBlock(e, problems, ptr)); });
    ForEach(r, "promo_blocks",
            [&](const json& e, const std::string& ptr) { s.promo_blocks.push_back(ReadBlock(e, problems, ptr)); });
    if (const auto* history = r.Object("history", false)) {
        JsonReader hr(*history, problems, r.Pointer("history"));
        ReadBool(hr, "enabled", s.history.enabled);
        ReadBool(hr, "line_items", s.history.line_items);
    }
    ReadBool(r, "qr_scanner", s.qr_scanner);
    if (const auto* links = r.Object("links", false)) {
        JsonReader lr(*links, problems, r.Pointer("links"));
        ReadString(lr, "rules_url", s.links.rules_url);
        ReadString(lr, "privacy_url", s.links.privacy_url);
    }
    ForEach(r, "questions",
            [&](const json& e, const std::string& ptr) { s.questions.push_back(ReadQuestion(e, problems, ptr)); });
    if (problems.size() != before) {
        return std::nullopt;
    }
    return s;
}

Parsed<domain::CardScreen> CardScreenFromJson(const json& j) {
    return ParseWhole<domain::CardScreen>(
        j, [](const json& v, domain::Problems& p, const std::string& ptr) { return CardScreenFromJson(v, p, ptr); });
}

json ToJson(const domain::CardScreenState& state) {
    return {{"draft", state.draft ? ToJson(*state.draft) : json()},
            {"published", state.published ? ToJson(*state.published) : json()},
            {"version", state.version},
            {"published_version", state.published_version}};
}

Parsed<domain::CardScreenState> CardScreenStateFromJson(const json& j) {
    domain::Problems problems;
    JsonReader r(j, problems);
    domain::CardScreenState state;
    if (const auto* draft = r.Object("draft", false)) {
        state.draft = CardScreenFromJson(*draft, problems, "/draft");
    }
    if (const auto* published = r.Object("published", false)) {
        state.published = CardScreenFromJson(*published, problems, "/published");
    }
    state.version = r.Int("version").value_or(0);
    state.published_version = r.Int("published_version").value_or(0);
    if (!problems.empty()) {
        return Parsed<domain::CardScreenState>::Failure(std::move(problems));
    }
    return Parsed<domain::CardScreenState>::Success(std::move(state));
}

json ToJson(const domain::CardScreenVersion& v, bool with_screen) {
    json out{{"number", v.number},
             {"published_at", v.published_at},
             {"published_by", v.published_by},
             {"rolled_back_from", v.rolled_back_from ? json(*v.rolled_back_from) : json()}};
    if (with_screen) {
        out["screen"] = ToJson(v.screen);
    }
    return out;
}

std::optional<domain::CardScreenVersion> CardScreenVersionFromJson(const json& j, domain::Problems& problems,
                                                                   const std::string& pointer) {
    const auto before = problems.size();
    JsonReader r(j, problems, pointer);
    domain::CardScreenVersion v;
    v.number = r.Int("number").value_or(0);
    v.published_at = r.String("published_at").value_or("");
    v.published_by = r.String("published_by").value_or("");
    v.rolled_back_from = r.Int("rolled_back_from", false);
    if (const auto* screen = r.Object("screen", false)) {
        if (auto s = CardScreenFromJson(*screen, problems, r.Pointer("screen"))) {
            v.screen = std::move(*s);
        }
    }
    if (problems.size() != before) {
        return std::nullopt;
    }
    return v;
}

Parsed<domain::CardScreenVersion> CardScreenVersionFromJson(const json& j) {
    return ParseWhole<domain::CardScreenVersion>(j, [](const json& v, domain::Problems& p, const std::string& ptr) {
        return CardScreenVersionFromJson(v, p, ptr);
    });
}

Parsed<Page<domain::CardScreenVersion>> CardScreenVersionPageFromJson(const json& j) {
    return PageFromJson<domain::CardScreenVersion>(
        j, [](const json& v, domain::Problems& p, const std::string& ptr) { return CardScreenVersionFromJson(v, p, ptr); });
}

json ToJson(const RollbackRequest& request) { return {{"version", request.version}}; }

Parsed<RollbackRequest> RollbackRequestFromJson(const json& j) {
    domain::Problems problems;
    JsonReader r(j, problems);
    RollbackRequest request;
    request.version = r.Int("version").value_or(0);
    if (problems.empty() && request.version < 1) {
        problems.push_back({"/version", "out_of_range", "version must be a publication number (1 or more)"});
    }
    if (!problems.empty()) {
        return Parsed<RollbackRequest>::Failure(std::move(problems));
    }
    return Parsed<RollbackRequest>::Success(request);
}

json ToJson(const domain::AssetInfo& a) {
    return {{"id", a.id},         {"slot", ToString(a.slot)}, {"media_type", a.media_type}, {"width", a.width},
            {"height", a.height}, {"bytes", a.bytes},         {"sha256", a.sha256}};
}

std::optional<domain::AssetInfo> AssetInfoFromJson(const json& j, domain::Problems& problems,
                                                   const std::string& pointer) {
    const auto before = problems.size();
    JsonReader r(j, problems, pointer);
    domain::AssetInfo a;
    a.id = r.String("id").value_or("");
    if (auto slot = r.String("slot")) {
        if (auto s = domain::ImageSlotFromString(*slot)) {
            a.slot = *s;
        } else {
            r.Fail(r.Pointer("slot"), "unknown_value", "slot has no value \"" + *slot + "\"");
        }
    }
    a.media_type = r.String("media_type").value_or("");
    ReadInt(r, "width", a.width);
    ReadInt(r, "height", a.height);
    a.bytes = r.Int("bytes").value_or(0);
    a.sha256 = r.String("sha256").value_or("");
    if (problems.size() != before) {
        return std::nullopt;
    }
    return a;
}

Parsed<domain::AssetInfo> AssetInfoFromJson(const json& j) {
    return ParseWhole<domain::AssetInfo>(
        j, [](const json& v, domain::Problems& p, const std::string& ptr) { return AssetInfoFromJson(v, p, ptr); });
}

std::vector<FieldChange> DiffCardScreens(const domain::CardScreen& before, const domain::CardScreen& after) {
    std::map<std::string, json> a, b;
    Flatten(ToJson(before), a);
    Flatten(ToJson(after), b);
    std::vector<FieldChange> changes;
    auto ia = a.begin();
    auto ib = b.begin();
    // Both maps are ordered by pointer: one merge walk finds removed, added and changed leaves.
    while (ia != a.end() || ib != b.end()) {
        if (ib == b.end() || (ia != a.end() && ia->first < ib->first)) {
            changes.push_back({ia->first, ia->second, std::nullopt});
            ++ia;
        } else if (ia == a.end() || ib->first < ia->first) {
            changes.push_back({ib->first, std::nullopt, ib->second});
            ++ib;
        } else {
            if (ia->second != ib->second) {
                changes.push_back({ia->first, ia->second, ib->second});
            }
            ++ia;
            ++ib;
        }
    }
    return changes;
}

} // namespace kpd::contract
