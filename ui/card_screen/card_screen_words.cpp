#include "ui/card_screen/card_screen_words.h"

#include "contract/json_parse.h"
#include "domain/color.h"
#include "ui/app/words.h"

#include <nlohmann/json.hpp>
#include <wx/intl.h>

#include <cstdlib>
#include <sstream>
#include <vector>

namespace kpd::ui {
namespace {

// "/banners/1/cta/target" → {"banners", "1", "cta", "target"}
std::vector<std::string> Split(const std::string& pointer) {
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(pointer);
    while (std::getline(in, part, '/')) {
        if (!part.empty()) parts.push_back(part);
    }
    return parts;
}

bool IsIndex(const std::string& text, long& index) {
    if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos) return false;
    index = std::strtol(text.c_str(), nullptr, 10);
    return true;
}

wxString LeafName(const std::string& key) {
    if (key == "background_color") return _("Background colour");
    if (key == "text_color") return _("Text colour");
    if (key == "accent_color") return _("Accent colour");
    if (key == "background_image") return _("Background image");
    if (key == "logo") return _("Logo");
    if (key == "kind") return _("Kind");
    if (key == "barcode") return _("Barcode");
    if (key == "prefix") return _("Prefix");
    if (key == "totp_interval_seconds") return _("Code interval, s");
    if (key == "totp_length") return _("Code postfix digits");
    if (key == "label") return _("Label");
    if (key == "enabled") return _("Shown");
    if (key == "levels") return _("Levels");
    if (key == "name") return _("Name");
    if (key == "threshold") return _("From purchases of, ₽");
    if (key == "discount_bp") return _("Discount, %");
    if (key == "asset") return _("Image");
    if (key == "title") return _("Title");
    if (key == "cta") return _("On tap");
    if (key == "target") return _("Link");
    if (key == "line_items") return _("Receipt line items");
    if (key == "rules_url") return _("Program rules");
    if (key == "privacy_url") return _("Privacy policy");
    if (key == "text") return _("Question");
    if (key == "required") return _("Required");
    if (key == "options") return _("Options");
    return wxString::FromUTF8(key);
}

wxString GroupName(const std::string& key) {
    if (key == "theme") return _("Theme");
    if (key == "identifier") return _("Code at the checkout");
    if (key == "balance") return _("Balance");
    if (key == "progress") return _("Progress bar");
    if (key == "history") return _("Purchase history");
    if (key == "qr_scanner") return _("QR scanner");
    if (key == "links") return _("Links");
    if (key == "banners") return _("Banners");
    if (key == "promo_blocks") return _("Promo blocks");
    if (key == "questions") return _("Issuance questions");
    return wxString::FromUTF8(key);
}

wxString ElementName(const std::string& group, long index) {
    const long n = index + 1;
    // TRANSLATORS: one element of a list on the card screen; %ld is its number from 1.
    if (group == "banners") return wxString::Format(_("Banner %ld"), n);
    // TRANSLATORS: %ld is the number of the promo block from 1.
    if (group == "promo_blocks") return wxString::Format(_("Promo block %ld"), n);
    // TRANSLATORS: %ld is the number of the issuance question from 1.
    if (group == "questions") return wxString::Format(_("Question %ld"), n);
    // TRANSLATORS: %ld is the number of the progress level from 1.
    if (group == "levels") return wxString::Format(_("Level %ld"), n);
    // TRANSLATORS: %ld is the number of the answer option from 1.
    if (group == "options") return wxString::Format(_("Option %ld"), n);
    return wxString::Format("%ld", n);
}

} // namespace

wxString BarcodeTypeName(domain::BarcodeType type) {
    switch (type) {
    case domain::BarcodeType::Ean8: return "EAN-8";
    case domain::BarcodeType::Ean13: return "EAN-13";
    case domain::BarcodeType::Code128: return "Code 128";
    case domain::BarcodeType::UpcA: return "UPC-A";
    case domain::BarcodeType::QrCode: return _("QR code");
    }
    return wxString();
}

wxString IdentifierKindName(domain::IdentifierKind kind) {
    switch (kind) {
    case domain::IdentifierKind::Static: return _("Card number as a barcode");
    case domain::IdentifierKind::Dynamic: return _("Dynamic anti-fraud code");
    case domain::IdentifierKind::Checkin: return _("4-digit check-in code");
    }
    return wxString();
}

wxString BalanceKindName(domain::BalanceKind kind) {
    switch (kind) {
    case domain::BalanceKind::Points: return _("Points");
    case domain::BalanceKind::DiscountPercent: return _("Discount percent");
    case domain::BalanceKind::None: return _("Not shown");
    }
    return wxString();
}

wxString CtaKindName(domain::CtaKind kind) {
    switch (kind) {
    case domain::CtaKind::Url: return _("Web page (https)");
    case domain::CtaKind::AppLink: return _("Link into your app");
    case domain::CtaKind::OnlineShop: return _("Online shop");
    case domain::CtaKind::PromoOffer: return _("Promo offer");
    case domain::CtaKind::PromoList: return _("List of promo offers");
    }
    return wxString();
}

wxString QuestionKindName(domain::QuestionKind kind) {
    switch (kind) {
    case domain::QuestionKind::SingleChoice: return _("One choice");
    case domain::QuestionKind::MultiChoice: return _("Several choices");
    case domain::QuestionKind::Text: return _("Text");
    case domain::QuestionKind::Date: return _("Date");
    case domain::QuestionKind::Number: return _("Number");
    }
    return wxString();
}

wxString ImageSlotName(domain::ImageSlot slot) {
    // TRANSLATORS: the four places an image fills, always shown after "for the" ("for the logo"):
    // in Russian the genitive ("для логотипа").
    switch (slot) {
    case domain::ImageSlot::Logo: return _("logo");
    case domain::ImageSlot::Banner: return _("banner");
    case domain::ImageSlot::Promo: return _("promo block");
    case domain::ImageSlot::Background: return _("background");
    }
    return wxString();
}

wxString FieldName(const std::string& pointer) {
    const std::vector<std::string> parts = Split(pointer);
    wxString name;
    std::string group;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        long index = 0;
        wxString piece;
        if (IsIndex(parts[i], index)) {
            piece = ElementName(group, index);
        } else if (i == 0) {
            piece = GroupName(parts[i]);
        } else {
            piece = LeafName(parts[i]);
        }
        group = parts[i];
        if (!name.empty()) name += wxString::FromUTF8(" › ");
        name += piece;
    }
    return name.empty() ? _("Card screen") : name;
}

wxString DescribeCardProblem(const domain::Problem& problem, const domain::CardScreen& screen) {
    const std::string& code = problem.code;
    const std::string& field = problem.field;
    if (code == "required") {
        if (field == "/progress/levels") return _("Add at least one level to show the progress bar.");
        if (field.find("/cta/target") != std::string::npos) return _("Choose what the tap opens.");
        return _("Required.");
    }
    if (code == "too_long") return _("Too long.");
    if (code == "invalid_color") return _("Write a colour as #RRGGBB, e.g. #1A1A1A.");
    if (code == "low_contrast") {
        const auto text = domain::ParseHexColor(screen.theme.text_color);
        const auto background = domain::ParseHexColor(screen.theme.background_color);
        if (text && background) {
            // TRANSLATORS: %.1f is the contrast ratio of text to background, e.g. "2.3".
            return wxString::Format(_("Text is hard to read: contrast %.1f:1, at least 4.5:1 is needed (WCAG AA)."),
                                    domain::ContrastRatio(*text, *background));
        }
        return _("Text is hard to read on this background: at least 4.5:1 contrast is needed (WCAG AA).");
    }
    if (code == "unsupported_barcode") return _("A dynamic code is drawn as Code 128 or QR code only.");
    if (code == "invalid_prefix") return _("At most 8 digits.");
    if (code == "out_of_range") {
        if (field == "/identifier/totp_interval_seconds") return _("From 15 to 300 seconds.");
        if (field == "/identifier/totp_length") return _("From 4 to 8 digits.");
        if (field.find("/threshold") != std::string::npos) return _("Cannot be negative.");
        if (field.find("/discount_bp") != std::string::npos) return _("From 0 to 100 %.");
        return _("Out of the allowed range.");
    }
    if (code == "not_increasing") return _("Must be above the previous level's threshold.");
    if (code == "too_many") {
        if (field.rfind("/banners", 0) == 0)
            // TRANSLATORS: %zu is the most banners a card screen may have (5).
            return wxString::Format(_("At most %zu banners."), domain::kMaxBanners);
        if (field.rfind("/promo_blocks", 0) == 0)
            // TRANSLATORS: %zu is the most promo blocks a card screen may have (5).
            return wxString::Format(_("At most %zu promo blocks."), domain::kMaxPromoBlocks);
        if (field.rfind("/questions", 0) == 0)
            // TRANSLATORS: %zu is the most issuance questions (3).
            return wxString::Format(_("At most %zu questions when a card is issued."), domain::kMaxIssuanceQuestions);
        return _("Too many.");
    }
    if (code == "unsafe_url") return _("This link could run code on the phone. Use an https:// address.");
    if (code == "invalid_url") return _("Must be an https:// address with a host.");
    if (code == "invalid_deep_link") return _("Must be a link into your app, such as yourapp://offers.");
    if (code == "options_not_allowed") return _("Only choice questions have options.");
    if (code == "options_count")
        // TRANSLATORS: %zu and %zu are the least and the most options of a choice question (2 and 10).
        return wxString::Format(_("A choice needs %zu to %zu options."), domain::kMinChoiceOptions,
                                domain::kMaxChoiceOptions);
    if (code == "duplicate_option") return _("This option is listed twice.");
    if (code == "requires_history") return _("Line items are shown only with the purchase history on.");
    if (code == "unknown_asset") return _("This image is not among your uploaded images. Choose the file again.");
    if (code == "wrong_slot") return _("This image was uploaded for another place on the card. Choose it again here.");
    if (code == "unsupported_media_type") return _("The image must be PNG or JPEG.");
    if (code == "image_too_large") return _("The image is larger than 2 MiB.");
    if (code == "image_dimensions") {
        if (field.rfind("/theme/logo", 0) == 0) return _("A logo is square, 128 to 1024 pixels.");
        if (field.rfind("/theme/background_image", 0) == 0)
            return _("A background is portrait, 720 to 2400 pixels wide.");
        if (field.rfind("/banners", 0) == 0) return _("A banner is 600 to 2400 pixels wide, about 4:1 (e.g. 1029×258).");
        return _("A promo image is 300 to 2000 pixels wide, from 1:1 to 2:1.");
    }
    return DescribeProblem(problem); // shared codes and, last, the platform's English words
}

namespace {

bool EndsWith(const std::string& text, const std::string& tail) {
    return text.size() >= tail.size() && text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

// The words of a choice, by the field it is in; empty when the field is no choice or the name is unknown.
wxString ChoiceWords(const std::string& pointer, const std::string& name) {
    if (pointer == "/identifier/kind") {
        if (auto kind = domain::IdentifierKindFromString(name)) return IdentifierKindName(*kind);
    } else if (pointer == "/identifier/barcode") {
        if (auto type = domain::BarcodeTypeFromString(name)) return BarcodeTypeName(*type);
    } else if (pointer == "/balance/kind") {
        if (auto kind = domain::BalanceKindFromString(name)) return BalanceKindName(*kind);
    } else if (EndsWith(pointer, "/cta/kind")) {
        if (auto kind = domain::CtaKindFromString(name)) return CtaKindName(*kind);
    } else if (pointer.rfind("/questions/", 0) == 0 && EndsWith(pointer, "/kind")) {
        if (auto kind = domain::QuestionKindFromString(name)) return QuestionKindName(*kind);
    }
    return wxString();
}

} // namespace

wxString DiffValueText(const std::string& pointer, const nlohmann::json& value) {
    if (value.is_string()) {
        const wxString words = ChoiceWords(pointer, value.get<std::string>());
        if (!words.empty()) return words;
    }
    if (pointer.find("/discount_bp") != std::string::npos && value.is_number_integer()) {
        return BasisPointsToText(value.get<int>()) + " %";
    }
    if (pointer.find("/threshold") != std::string::npos && value.is_number_integer()) {
        return KopecksToText(value.get<std::int64_t>()) + wxString::FromUTF8(" ₽");
    }
    if (value.is_null()) return _("(none)");
    if (value.is_boolean()) return value.get<bool>() ? _("yes") : _("no");
    if (value.is_string()) {
        const std::string text = value.get<std::string>();
        return text.empty() ? _("(empty)") : wxString::FromUTF8(text);
    }
    if (value.is_array()) {
        // TRANSLATORS: how a list value is shown in a diff; %zu is its length.
        return wxString::Format(wxPLURAL("%zu item", "%zu items", value.size()), value.size());
    }
    if (value.is_object()) return _("(a group of fields)");
    return wxString::FromUTF8(contract::DumpJson(value));
}

wxString KopecksToText(std::int64_t kopecks) {
    const std::int64_t roubles = kopecks / 100;
    const std::int64_t rest = std::llabs(kopecks % 100);
    if (rest == 0) return wxString::Format("%lld", static_cast<long long>(roubles));
    return wxString::Format("%lld,%02lld", static_cast<long long>(roubles), static_cast<long long>(rest));
}

namespace {

// Digits with an optional comma/point and at most two decimals, in hundredths.
bool ParseHundredths(const wxString& input, std::int64_t& hundredths) {
    std::string text;
    for (wxUniChar c : input) {
        if (c == ' ' || c == 0x00A0 || c == 0x202F) continue;
        if (c == ',') c = '.';
        if (!c.IsAscii()) return false;
        text += static_cast<char>(c.GetValue());
    }
    if (text.empty()) return false;
    const auto point = text.find('.');
    const std::string whole = text.substr(0, point);
    const std::string fraction = point == std::string::npos ? "" : text.substr(point + 1);
    if (whole.empty() || whole.size() > 12 || fraction.size() > 2) return false;
    if (whole.find_first_not_of("0123456789") != std::string::npos) return false;
    if (fraction.find_first_not_of("0123456789") != std::string::npos) return false;
    hundredths = std::strtoll(whole.c_str(), nullptr, 10) * 100;
    if (!fraction.empty()) hundredths += std::strtoll(fraction.c_str(), nullptr, 10) * (fraction.size() == 1 ? 10 : 1);
    return true;
}

} // namespace

bool ParseKopecks(const wxString& text, std::int64_t& kopecks) { return ParseHundredths(text, kopecks); }

wxString BasisPointsToText(int bp) {
    if (bp % 100 == 0) return wxString::Format("%d", bp / 100);
    if (bp % 10 == 0) return wxString::Format("%d,%d", bp / 100, std::abs(bp % 100) / 10);
    return wxString::Format("%d,%02d", bp / 100, std::abs(bp % 100));
}

bool ParseBasisPoints(const wxString& text, int& bp) {
    std::int64_t value = 0;
    if (!ParseHundredths(text, value) || value > 10000) return false;
    bp = static_cast<int>(value);
    return true;
}

} // namespace kpd::ui
