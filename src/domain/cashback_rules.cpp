#include "domain/cashback_rules.h"

#include "domain/cashback_text.h"

#include <string>

namespace kpd::domain {

namespace {
constexpr std::int64_t kMaxPercentBp = 10'000;

void Add(Problems& problems, std::string field, std::string code, std::string message) {
    problems.push_back({std::move(field), std::move(code), std::move(message)});
}

void LimitChars(Problems& problems, const std::string& field, const std::string& value, std::size_t max,
                const char* what) {
    if (CountCharacters(value) > max) {
        Add(problems, field, "too_long", std::string(what) + " must be at most " + std::to_string(max) + " characters");
    }
}

// Every entry of a list must say something: an empty keyword would match every line.
void NoEmptyEntries(Problems& problems, const std::string& field, const std::vector<std::string>& values,
                    const char* what) {
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (values[i].empty()) {
            Add(problems, field + "/" + std::to_string(i), "required", std::string(what) + " must not be empty");
        }
    }
}

void CheckOffer(Problems& problems, const FlightOffer& offer) {
    if (offer.brand.empty()) {
        Add(problems, "/offer/brand", "required", "the brand is required");
    }
    if (offer.title.empty()) {
        Add(problems, "/offer/title", "required", "the title is required");
    }
    LimitChars(problems, "/offer/title", offer.title, kMaxFlightTitleChars, "the title");
    LimitChars(problems, "/offer/description", offer.description, kMaxFlightDescriptionChars, "the description");
    if (offer.image_asset_id && offer.image_asset_id->empty()) {
        Add(problems, "/offer/image_asset_id", "required", "the image asset id must not be empty (or leave it out)");
    }
}

void CheckMatch(Problems& problems, const FlightMatch& match) {
    if (match.skus.empty() && match.keywords.empty() && match.categories.empty()) {
        Add(problems, "/match", "required", "say what matches: at least one SKU, keyword or category");
    }
    NoEmptyEntries(problems, "/match/skus", match.skus, "a SKU");
    NoEmptyEntries(problems, "/match/keywords", match.keywords, "a keyword");
    NoEmptyEntries(problems, "/match/categories", match.categories, "a category");
}

void CheckCashback(Problems& problems, const FlightCashback& cashback) {
    if (cashback.percent_bp.has_value() == cashback.fixed_kop.has_value()) {
        Add(problems, "/cashback", "one_of", "give exactly one of percent_bp and fixed_kop");
    }
    if (cashback.percent_bp && (*cashback.percent_bp < 1 || *cashback.percent_bp > kMaxPercentBp)) {
        Add(problems, "/cashback/percent_bp", "out_of_range",
            "percent_bp must be from 1 to 10000 (0.01 % to 100 %)");
    }
    if (cashback.fixed_kop && *cashback.fixed_kop <= 0) {
        Add(problems, "/cashback/fixed_kop", "out_of_range", "fixed_kop must be above zero");
    }
}
} // namespace

Problems ValidateFlight(const CashbackFlight& flight) {
    Problems problems;
    CheckOffer(problems, flight.offer);
    CheckMatch(problems, flight.match);
    CheckCashback(problems, flight.cashback);
    if (flight.cap_per_receipt_kop <= 0) {
        Add(problems, "/cap_per_receipt_kop", "out_of_range", "the cap per receipt must be above zero");
    }
    NoEmptyEntries(problems, "/targeting/loyalty_cards", flight.targeting.loyalty_cards, "a loyalty card");
    NoEmptyEntries(problems, "/targeting/regions", flight.targeting.regions, "a region");
    if (flight.budget_kop <= 0) {
        Add(problems, "/budget_kop", "out_of_range", "the budget must be above zero");
    }
    if (flight.ends_on < flight.starts_on) {
        Add(problems, "/ends_on", "before_start",
            "ends_on (" + FormatIsoDate(flight.ends_on) + ") is before starts_on (" +
                FormatIsoDate(flight.starts_on) + ")");
    }
    return problems;
}

CalendarResult<CivilDate> EarliestStart(const BusinessCalendar& calendar, CivilDate submitted_on) {
    return calendar.AddBusinessDays(submitted_on, kMinStartBusinessDays);
}

Problems CheckStartDate(const BusinessCalendar& calendar, CivilDate submitted_on, CivilDate starts_on) {
    Problems problems;
    const auto earliest = EarliestStart(calendar, submitted_on);
    if (!earliest) {
        Add(problems, "/starts_on", earliest.Error().code,
            earliest.Error().message + ": the earliest start after " + FormatIsoDate(submitted_on) +
                " cannot be worked out");
    } else if (starts_on < earliest.Value()) {
        Add(problems, "/starts_on", "starts_too_early",
            "a flight submitted on " + FormatIsoDate(submitted_on) + " can start on " +
                FormatIsoDate(earliest.Value()) + " at the earliest (" + std::to_string(kMinStartBusinessDays) +
                " business days after submission), not on " + FormatIsoDate(starts_on));
    }
    return problems;
}

} // namespace kpd::domain
