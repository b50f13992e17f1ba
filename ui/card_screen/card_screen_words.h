#pragma once
// Words for the card screen designer (HOUSE-STYLE 13): the names of the
// screen's choices, its fields by JSON pointer, and its validation problems
// by code, in the UI language. The domain returns codes and pointers only.
// UI thread only (translations).
#include "domain/asset.h"
#include "domain/card_screen.h"
#include "domain/problem.h"

#include <nlohmann/json_fwd.hpp>
#include <wx/arrstr.h>
#include <wx/string.h>

#include <string>

namespace kpd::ui {

wxString BarcodeTypeName(domain::BarcodeType type);
wxString IdentifierKindName(domain::IdentifierKind kind);
wxString BalanceKindName(domain::BalanceKind kind);
wxString CtaKindName(domain::CtaKind kind);
wxString QuestionKindName(domain::QuestionKind kind);
wxString ImageSlotName(domain::ImageSlot slot); // as after "for the": "logo", "banner"…

// "Theme › Text colour", "Banner 2 › Link" for "/theme/text_color", "/banners/1/cta/target".
wxString FieldName(const std::string& pointer);

// A card screen problem as a sentence; `screen` gives the numbers some need (the contrast).
wxString DescribeCardProblem(const domain::Problem& problem, const domain::CardScreen& screen);

// A value of the screen's JSON at `pointer` as one short line for a diff ("#1A1A1A", "yes",
// "3 items", the words of a choice such as "Online shop").
wxString DiffValueText(const std::string& pointer, const nlohmann::json& value);

// Whole roubles with kopecks when there are any ("1500", "1500,50"), and back;
// the reverse accepts a comma or a point and spaces between thousands.
wxString KopecksToText(std::int64_t kopecks);
bool ParseKopecks(const wxString& text, std::int64_t& kopecks);
// Basis points as a percentage ("5", "7,5") and back (at most two decimals, 0–100).
wxString BasisPointsToText(int bp);
bool ParseBasisPoints(const wxString& text, int& bp);

} // namespace kpd::ui
