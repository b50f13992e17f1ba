#include "domain/card_screen_rules.h"

#include "domain/color.h"

#include <algorithm>
#include <cstdio>
#include <set>

namespace kpd::domain {

namespace {
constexpr std::size_t kMaxLabelBytes = 60;
constexpr std::size_t kMaxTitleBytes = 120;
constexpr std::size_t kMaxQuestionBytes = 300;
constexpr std::size_t kMaxLevels = 10;
constexpr std::size_t kMaxPrefixDigits = 8;
constexpr int kMinTotpInterval = 15, kMaxTotpInterval = 300;
constexpr int kMinTotpLength = 4, kMaxTotpLength = 8;

std::string Lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
    return out;
}

bool AllDigits(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool HasSpaceOrControl(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](unsigned char c) { return c <= 0x20 || c == 0x7F; });
}

// "scheme" of "scheme:…" in lower case, or empty when the text has none.
std::string SchemeOf(std::string_view url) {
    const auto colon = url.find(':');
    if (colon == std::string_view::npos || colon == 0) {
        return {};
    }
    const std::string_view scheme = url.substr(0, colon);
    const auto isSchemeChar = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-' ||
               c == '.';
    };
    const char first = scheme.front();
    if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z')) ||
        !std::all_of(scheme.begin(), scheme.end(), isSchemeChar)) {
        return {};
    }
    return Lower(scheme);
}

// Schemes a WebView or browser would run or read locally: never a CTA target.
bool IsUnsafeScheme(const std::string& scheme) {
    static const std::set<std::string> unsafe{"javascript", "data", "file", "vbscript", "about", "blob"};
    return unsafe.count(scheme) > 0;
}

class Checker {
  public:
    Checker(Problems& problems, const AssetLookup& assets) : m_problems(problems), m_assets(assets) {}

    void Add(std::string field, std::string code, std::string message) {
        m_problems.push_back({std::move(field), std::move(code), std::move(message)});
    }

    void Text(const std::string& field, const std::string& value, bool required, std::size_t maxBytes,
              const char* what) {
        if (value.empty()) {
            if (required) {
                Add(field, "required", std::string(what) + " is required");
            }
        } else if (value.size() > maxBytes) {
            Add(field, "too_long", std::string(what) + " must be at most " + std::to_string(maxBytes) + " bytes");
        }
    }

    std::optional<Rgb> Color(const std::string& field, const std::string& value) {
        auto rgb = ParseHexColor(value);
        if (!rgb) {
            Add(field, "invalid_color", "a colour must be written #RRGGBB, not \"" + value + "\"");
        }
        return rgb;
    }

    void Image(const std::string& field, const std::optional<std::string>& id, ImageSlot slot, bool required) {
        if (!id) {
            if (required) {
                Add(field, "required", "an image is required here");
            }
            return;
        }
        if (id->empty()) {
            Add(field, "required", "the image id is empty");
            return;
        }
        if (!m_assets) {
            return;
        }
        const auto asset = m_assets(*id);
        if (!asset) {
            Add(field, "unknown_asset", "no uploaded image has the id \"" + *id + "\"");
            return;
        }
        if (asset->slot != slot) {
            Add(field, "wrong_slot",
                "the image was uploaded for the " + std::string(ToString(asset->slot)) + " slot, not " +
                    std::string(ToString(slot)));
        }
        for (auto& p : ValidateAssetForSlot(*asset, slot, field)) {
            m_problems.push_back(std::move(p));
        }
    }

    void Url(const std::string& field, const std::string& url) {
        const std::string scheme = SchemeOf(url);
        if (IsUnsafeScheme(scheme)) {
            Add(field, "unsafe_url", "a " + scheme + ": link can run code or read local data; use an https URL");
        } else if (!IsHttpsUrl(url)) {
            Add(field, "invalid_url", "must be an https:// URL with a host");
        }
    }

  private:
    Problems& m_problems;
    const AssetLookup& m_assets;
};

void CheckTheme(Checker& c, const CardTheme& theme) {
    const auto background = c.Color("/theme/background_color", theme.background_color);
    const auto text = c.Color("/theme/text_color", theme.text_color);
    c.Color("/theme/accent_color", theme.accent_color);
    if (background && text) {
        const double ratio = ContrastRatio(*background, *text);
        if (ratio < kMinTextContrast) {
            char wording[160];
            std::snprintf(wording, sizeof wording,
                          "text on the background has a contrast of %.2f:1; WCAG AA needs at least 4.5:1", ratio);
            c.Add("/theme/text_color", "low_contrast", wording);
        }
    }
    c.Image("/theme/logo", theme.logo, ImageSlot::Logo, false);
    c.Image("/theme/background_image", theme.background_image, ImageSlot::Background, false);
}

void CheckIdentifier(Checker& c, const CardIdentifier& id) {
    if (id.kind != IdentifierKind::Dynamic) {
        return;
    }
    // The till reads prefix + card number + postfix as one symbol of variable
    // length, which fixed-length EAN/UPC codes cannot carry.
    if (id.barcode != BarcodeType::Code128 && id.barcode != BarcodeType::QrCode) {
        c.Add("/identifier/barcode", "unsupported_barcode", "a dynamic code needs CODE_128 or QR_CODE");
    }
    if (id.prefix.size() > kMaxPrefixDigits || !AllDigits(id.prefix)) {
        c.Add("/identifier/prefix", "invalid_prefix", "the prefix must be at most 8 digits");
    }
    if (id.totp_interval_seconds < kMinTotpInterval || id.totp_interval_seconds > kMaxTotpInterval) {
        c.Add("/identifier/totp_interval_seconds", "out_of_range", "the code interval must be 15-300 seconds");
    }
    if (id.totp_length < kMinTotpLength || id.totp_length > kMaxTotpLength) {
        c.Add("/identifier/totp_length", "out_of_range", "the code postfix must be 4-8 digits");
    }
}

void CheckProgress(Checker& c, const ProgressBar& progress) {
    if (progress.enabled && progress.levels.empty()) {
        c.Add("/progress/levels", "required", "a progress bar needs at least one level");
    }
    if (progress.levels.size() > kMaxLevels) {
        c.Add("/progress/levels/" + std::to_string(kMaxLevels), "too_many", "at most 10 levels");
    }
    for (std::size_t i = 0; i < progress.levels.size(); ++i) {
        const auto& level = progress.levels[i];
        const std::string at = "/progress/levels/" + std::to_string(i);
        c.Text(at + "/name", level.name, true, kMaxLabelBytes, "the level name");
        if (level.threshold < 0) {
            c.Add(at + "/threshold", "out_of_range", "the threshold cannot be negative");
        } else if (i > 0 && level.threshold <= progress.levels[i - 1].threshold) {
            c.Add(at + "/threshold", "not_increasing", "each level's threshold must be above the previous level's");
        }
        if (level.discount_bp < 0 || level.discount_bp > 10000) {
            c.Add(at + "/discount_bp", "out_of_range", "the discount must be 0-10000 basis points (0-100 %)");
        }
    }
}

void CheckCta(Checker& c, const std::string& at, const CallToAction& cta) {
    const std::string field = at + "/target";
    switch (cta.kind) {
    case CtaKind::Url:
    case CtaKind::OnlineShop: c.Url(field, cta.target); break;
    case CtaKind::AppLink: {
        const std::string scheme = SchemeOf(cta.target);
        if (IsUnsafeScheme(scheme)) {
            c.Add(field, "unsafe_url", "a " + scheme + ": link can run code or read local data");
        } else if (!IsAppDeepLink(cta.target)) {
            c.Add(field, "invalid_deep_link", "must be a link into your app, such as yourapp://offers");
        }
        break;
    }
    case CtaKind::PromoOffer:
        if (cta.target.empty()) {
            c.Add(field, "required", "choose the promo offer to open");
        }
        break;
    case CtaKind::PromoList: break;
    }
}

void CheckBlocks(Checker& c, const char* name, const std::vector<PromoBlock>& blocks, std::size_t max,
                 bool isBanner) {
    const std::string base = std::string("/") + name + "/";
    if (blocks.size() > max) {
        c.Add(base + std::to_string(max), "too_many", "at most " + std::to_string(max) + " " + name);
    }
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const std::string at = base + std::to_string(i);
        c.Image(at + "/asset", blocks[i].asset, isBanner ? ImageSlot::Banner : ImageSlot::Promo, isBanner);
        c.Text(at + "/title", blocks[i].title, !isBanner, kMaxTitleBytes, "the title");
        CheckCta(c, at + "/cta", blocks[i].cta);
    }
}

bool IsChoice(QuestionKind kind) { return kind == QuestionKind::SingleChoice || kind == QuestionKind::MultiChoice; }

void CheckQuestions(Checker& c, const std::vector<IssuanceQuestion>& questions) {
    if (questions.size() > kMaxIssuanceQuestions) {
        c.Add("/questions/" + std::to_string(kMaxIssuanceQuestions), "too_many",
              "at most 3 questions may be asked when a card is issued");
    }
    for (std::size_t i = 0; i < questions.size(); ++i) {
        const auto& q = questions[i];
        const std::string at = "/questions/" + std::to_string(i);
        c.Text(at + "/text", q.text, true, kMaxQuestionBytes, "the question");
        if (!IsChoice(q.kind)) {
            if (!q.options.empty()) {
                c.Add(at + "/options", "options_not_allowed", "only choice questions have options");
            }
            continue;
        }
        if (q.options.size() < kMinChoiceOptions || q.options.size() > kMaxChoiceOptions) {
            c.Add(at + "/options", "options_count",
                  "a choice needs 2-10 options; it has " + std::to_string(q.options.size()));
        }
        std::set<std::string> seen;
        for (std::size_t j = 0; j < q.options.size(); ++j) {
            const std::string optionAt = at + "/options/" + std::to_string(j);
            c.Text(optionAt, q.options[j], true, kMaxLabelBytes, "the option");
            if (!q.options[j].empty() && !seen.insert(q.options[j]).second) {
                c.Add(optionAt, "duplicate_option", "the option \"" + q.options[j] + "\" is listed twice");
            }
        }
    }
}
} // namespace

Problems ValidateCardScreen(const CardScreen& screen, const AssetLookup& assets) {
    Problems problems;
    Checker c(problems, assets);
    CheckTheme(c, screen.theme);
    CheckIdentifier(c, screen.identifier);
    if (screen.balance.kind != BalanceKind::None) {
        c.Text("/balance/label", screen.balance.label, true, kMaxLabelBytes, "the balance label");
    }
    CheckProgress(c, screen.progress);
    CheckBlocks(c, "banners", screen.banners, kMaxBanners, true);
    CheckBlocks(c, "promo_blocks", screen.promo_blocks, kMaxPromoBlocks, false);
    if (screen.history.line_items && !screen.history.enabled) {
        c.Add("/history/line_items", "requires_history", "line items are shown only with the purchase history on");
    }
    if (!screen.links.rules_url.empty()) {
        c.Url("/links/rules_url", screen.links.rules_url);
    }
    if (!screen.links.privacy_url.empty()) {
        c.Url("/links/privacy_url", screen.links.privacy_url);
    }
    CheckQuestions(c, screen.questions);
    return problems;
}

bool IsHttpsUrl(std::string_view url) {
    constexpr std::string_view kHttps = "https://";
    if (url.size() <= kHttps.size() || Lower(url.substr(0, kHttps.size())) != kHttps || HasSpaceOrControl(url)) {
        return false;
    }
    const std::string_view rest = url.substr(kHttps.size());
    const std::string_view host = rest.substr(0, rest.find_first_of("/?#"));
    return !host.empty() && host.find('@') == std::string_view::npos && host.front() != '.' && host.front() != ':';
}

bool IsAppDeepLink(std::string_view url) {
    const std::string scheme = SchemeOf(url);
    if (scheme.empty() || scheme == "http" || scheme == "https" || IsUnsafeScheme(scheme) || HasSpaceOrControl(url)) {
        return false;
    }
    const std::string_view rest = url.substr(scheme.size() + 1);
    return rest.size() > 2 && rest.substr(0, 2) == "//";
}

namespace {
// GS1 check digit over all digits but the last (EAN-8, EAN-13, UPC-A alike).
bool CheckDigitOk(std::string_view digits) {
    int sum = 0;
    const std::size_t n = digits.size() - 1;
    for (std::size_t i = 0; i < n; ++i) {
        const int d = digits[n - 1 - i] - '0';
        sum += (i % 2 == 0) ? d * 3 : d;
    }
    return (10 - sum % 10) % 10 == digits.back() - '0';
}

bool FitsGs1(std::string_view number, std::size_t withCheck) {
    if (!AllDigits(number)) {
        return false;
    }
    if (number.size() == withCheck - 1) {
        return true; // the barcode adds the check digit itself
    }
    return number.size() == withCheck && CheckDigitOk(number);
}
} // namespace

bool FitsBarcode(BarcodeType type, std::string_view card_number) {
    if (card_number.empty()) {
        return false;
    }
    switch (type) {
    case BarcodeType::Ean8: return FitsGs1(card_number, 8);
    case BarcodeType::Ean13: return FitsGs1(card_number, 13);
    case BarcodeType::UpcA: return FitsGs1(card_number, 12);
    case BarcodeType::Code128:
        return card_number.size() <= 80 &&
               std::all_of(card_number.begin(), card_number.end(), [](char c) { return c >= 0x20 && c <= 0x7E; });
    case BarcodeType::QrCode: return card_number.size() <= 500;
    }
    return false;
}

} // namespace kpd::domain
