#pragma once
// The loyalty card screen a partner designs: what the app's users see when
// they open the partner's card, and the extra questions asked when a card is
// issued. One value, edited in the desk, validated by the same rules in the
// desk and in the sandbox (card_screen_rules.h), drawn by src/render.
//
// Field names follow the JSON of `PUT /card-screen/draft` (src/contract/
// card_screen_json.h maps them), so every problem's JSON pointer names the
// field the user edits.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kpd::domain {

// Colours are "#RRGGBB"; images are ids of uploaded assets (POST /assets).
struct CardTheme {
    std::string background_color = "#FFFFFF";
    std::string text_color = "#1A1A1A";
    std::string accent_color = "#2E7D32";
    std::optional<std::string> background_image; // asset id, slot "background"
    std::optional<std::string> logo;             // asset id, slot "logo"

    friend bool operator==(const CardTheme&, const CardTheme&) = default;
};

// The barcode symbologies the app can show at the till (JSON "EAN_8", …).
enum class BarcodeType { Ean8, Ean13, Code128, UpcA, QrCode };

// How the card is identified on the checkout screen (JSON "static", "dynamic", "checkin").
enum class IdentifierKind {
    Static,  // the card number as a barcode of `barcode` type
    Dynamic, // prefix + card number + TOTP postfix (RFC 6238), re-drawn every interval
    Checkin, // a 4-digit one-time secret code the cashier types in
};

struct CardIdentifier {
    IdentifierKind kind = IdentifierKind::Static;
    BarcodeType barcode = BarcodeType::Code128; // static and dynamic codes
    std::string prefix;                         // dynamic: put before the card number (digits)
    int totp_interval_seconds = 30;             // dynamic: TOTP time step
    int totp_length = 6;                        // dynamic: TOTP postfix digits

    friend bool operator==(const CardIdentifier&, const CardIdentifier&) = default;
};

// What the card shows as the customer's balance (JSON "points", "discount_percent", "none").
enum class BalanceKind { Points, DiscountPercent, None };

struct CardBalance {
    BalanceKind kind = BalanceKind::Points;
    std::string label; // e.g. "Баллы"; required unless kind is None

    friend bool operator==(const CardBalance&, const CardBalance&) = default;
};

// One level of the loyalty program; `threshold` is the customer's accumulated
// purchases in kopecks from which the level applies.
struct ProgressLevel {
    std::string name;
    std::int64_t threshold = 0;
    int discount_bp = 0; // 1 % = 100 bp

    friend bool operator==(const ProgressLevel&, const ProgressLevel&) = default;
};

struct ProgressBar {
    bool enabled = false;
    std::vector<ProgressLevel> levels; // thresholds strictly increasing

    friend bool operator==(const ProgressBar&, const ProgressBar&) = default;
};

// What tapping a banner or promo block does (JSON "url", "app", "shop", "promo_offer", "promo_list").
enum class CtaKind {
    Url,        // target: an https URL
    AppLink,    // target: a deep link into the partner's own app (its own scheme)
    OnlineShop, // target: the https URL of the partner's online shop
    PromoOffer, // target: the id of one of the partner's promo offers
    PromoList,  // no target: the list of the partner's promo offers
};

struct CallToAction {
    CtaKind kind = CtaKind::Url;
    std::string target;

    friend bool operator==(const CallToAction&, const CallToAction&) = default;
};

// A banner (image required, slot "banner") or a promo block (title required,
// image optional, slot "promo") under the card.
struct PromoBlock {
    std::optional<std::string> asset;
    std::string title;
    CallToAction cta;

    friend bool operator==(const PromoBlock&, const PromoBlock&) = default;
};

struct PurchaseHistory {
    bool enabled = true;
    bool line_items = false; // receipt line items under each purchase

    friend bool operator==(const PurchaseHistory&, const PurchaseHistory&) = default;
};

struct CardLinks {
    std::string rules_url;   // https, optional (empty: not shown)
    std::string privacy_url; // https, optional (empty: not shown)

    friend bool operator==(const CardLinks&, const CardLinks&) = default;
};

// JSON "single_choice", "multi_choice", "text", "date", "number".
enum class QuestionKind { SingleChoice, MultiChoice, Text, Date, Number };

struct IssuanceQuestion {
    std::string text;
    QuestionKind kind = QuestionKind::Text;
    bool required = false;
    std::vector<std::string> options; // choices only: 2–10 distinct, non-empty

    friend bool operator==(const IssuanceQuestion&, const IssuanceQuestion&) = default;
};

struct CardScreen {
    CardTheme theme;
    CardIdentifier identifier;
    CardBalance balance;
    ProgressBar progress;
    std::vector<PromoBlock> banners;      // at most kMaxBanners
    std::vector<PromoBlock> promo_blocks; // at most kMaxPromoBlocks
    PurchaseHistory history;
    bool qr_scanner = false;
    CardLinks links;
    std::vector<IssuanceQuestion> questions; // at most kMaxIssuanceQuestions

    friend bool operator==(const CardScreen&, const CardScreen&) = default;
};

inline constexpr std::size_t kMaxBanners = 5;
inline constexpr std::size_t kMaxPromoBlocks = 5;
inline constexpr std::size_t kMaxIssuanceQuestions = 3;
inline constexpr std::size_t kMinChoiceOptions = 2;
inline constexpr std::size_t kMaxChoiceOptions = 10;
inline constexpr double kMinTextContrast = 4.5; // WCAG 2 AA for normal text

// The names used in JSON and on the command line; FromString returns nullopt
// for anything else.
std::string_view ToString(BarcodeType type);
std::optional<BarcodeType> BarcodeTypeFromString(std::string_view name);
std::string_view ToString(IdentifierKind kind);
std::optional<IdentifierKind> IdentifierKindFromString(std::string_view name);
std::string_view ToString(BalanceKind kind);
std::optional<BalanceKind> BalanceKindFromString(std::string_view name);
std::string_view ToString(CtaKind kind);
std::optional<CtaKind> CtaKindFromString(std::string_view name);
std::string_view ToString(QuestionKind kind);
std::optional<QuestionKind> QuestionKindFromString(std::string_view name);

// ---- The card screen as the platform keeps it --------------------------------

// `GET /card-screen`: the draft being edited, the published screen the app
// shows, and the configuration's version (its ETag; bumped by every draft
// save, publish and rollback). `published_version` numbers publications 1, 2, …
struct CardScreenState {
    std::optional<CardScreen> draft;
    std::optional<CardScreen> published;
    std::int64_t version = 0;
    std::int64_t published_version = 0;
};

// One entry of `GET /card-screen/versions`: a publication.
struct CardScreenVersion {
    std::int64_t number = 0;       // 1, 2, … in order of publication
    std::string published_at;      // RFC 3339
    std::string published_by;      // login
    std::optional<std::int64_t> rolled_back_from; // set when made by a rollback
    CardScreen screen;
};

} // namespace kpd::domain
