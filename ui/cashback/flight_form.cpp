#include "ui/cashback/flight_form.h"

#include "ui/app/words.h"
#include "ui/card_screen/card_screen_words.h"
#include "ui/cashback/cashback_words.h"
#include "ui/cashback/flight_dates.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/radiobut.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/tokenzr.h>

#include <algorithm>

namespace kpd::ui {
namespace {

const wxColour kProblemText(176, 0, 32);

// "a, b; c" or one a line → {"a", "b", "c"}.
std::vector<std::string> SplitList(const wxString& text) {
    std::vector<std::string> items;
    wxStringTokenizer tokens(text, ",;\n");
    while (tokens.HasMoreTokens()) {
        const wxString item = tokens.GetNextToken().Strip(wxString::both);
        if (!item.empty()) items.push_back(ToUtf8(item));
    }
    return items;
}

wxString JoinList(const std::vector<std::string>& items) {
    wxString text;
    for (const auto& item : items) text += (text.empty() ? "" : ", ") + FromUtf8(item);
    return text;
}

} // namespace

FlightForm::FlightForm(wxWindow* parent) : wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL) {
    SetScrollRate(0, FromDIP(12));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    m_general = new wxStaticText(this, wxID_ANY, wxString());
    m_general->SetForegroundColour(kProblemText);
    sizer->Add(m_general, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(4)));

    AddSection(this, sizer, _("Offer in the app"));
    AddText(this, sizer, _("Br&and:"), "/offer/brand", _("As customers know it, e.g. \"Polyanka\""));
    AddText(this, sizer, _("T&itle:"), "/offer/title", _("What the cashback is for, up to 60 characters"));
    m_titleCount = new wxStaticText(this, wxID_ANY, wxString());
    sizer->Add(m_titleCount, wxSizerFlags().Right());
    AddText(this, sizer, _("&Description:"), "/offer/description", _("Conditions in a few sentences, up to 500 characters"),
            true);
    m_descriptionCount = new wxStaticText(this, wxID_ANY, wxString());
    sizer->Add(m_descriptionCount, wxSizerFlags().Right());
    sizer->Add(new wxStaticText(this, wxID_ANY, _("Image (300 to 2000 pixels wide, 1:1 to 2:1):")),
               wxSizerFlags().Border(wxBOTTOM, FromDIP(2)));
    auto* imageRow = new wxBoxSizer(wxHORIZONTAL);
    auto* choose = new wxButton(this, wxID_ANY, _("C&hoose image…"));
    auto* remove = new wxButton(this, wxID_ANY, _("Remo&ve image"));
    m_imageWords = new wxStaticText(this, wxID_ANY, _("No image: the app shows the brand's initial."));
    imageRow->Add(choose, wxSizerFlags().Border(wxRIGHT, FromDIP(8)));
    imageRow->Add(remove);
    sizer->Add(imageRow, wxSizerFlags().Border(wxBOTTOM, FromDIP(4)));
    sizer->Add(m_imageWords, wxSizerFlags().Expand());
    m_chooseImage = choose;
    m_removeImage = remove;
    AddProblemLine(this, sizer, "/offer/image_asset_id");
    choose->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (m_onChooseImage) m_onChooseImage();
    });
    remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (m_onRemoveImage) m_onRemoveImage();
    });

    AddSection(this, sizer, _("What gets cashback"));
    auto* matchNote = new wxStaticText(this, wxID_ANY,
                                       _("An item of a receipt gets cashback when its SKU is listed, its category is "
                                         "listed, or its name contains a keyword. Separate items with commas."));
    matchNote->Wrap(FromDIP(440));
    sizer->Add(matchNote, wxSizerFlags().Border(wxBOTTOM, FromDIP(4)));
    AddProblemLine(this, sizer, "/match");
    AddText(this, sizer, _("SK&Us:"), "/match/skus", _("e.g. 4600000000017, 4600000000024"));
    AddText(this, sizer, _("Name key&words:"), "/match/keywords", _("e.g. latte, cappuccino"));
    AddText(this, sizer, _("Cat&egories:"), "/match/categories", _("e.g. coffee"));

    AddSection(this, sizer, _("Cashback"));
    auto* kinds = new wxBoxSizer(wxHORIZONTAL);
    m_percent = new wxRadioButton(this, wxID_ANY, _("&Percentage of the price"), wxDefaultPosition, wxDefaultSize,
                                  wxRB_GROUP);
    m_fixed = new wxRadioButton(this, wxID_ANY, _("&Fixed sum per item"));
    kinds->Add(m_percent, wxSizerFlags().Border(wxRIGHT, FromDIP(16)));
    kinds->Add(m_fixed);
    sizer->Add(kinds, wxSizerFlags().Border(wxBOTTOM, FromDIP(4)));
    auto* valueRow = new wxBoxSizer(wxHORIZONTAL);
    auto* value = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(120, -1)));
    value->SetName("/cashback");
    m_fields["/cashback"] = value;
    valueRow->Add(value, wxSizerFlags().CentreVertical());
    m_valueUnit = new wxStaticText(this, wxID_ANY, "%");
    valueRow->Add(m_valueUnit, wxSizerFlags().CentreVertical().Border(wxLEFT, FromDIP(6)));
    sizer->Add(valueRow);
    AddProblemLine(this, sizer, "/cashback");
    value->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { Edited(false); });
    m_percent->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) {
        UpdateCashbackKind();
        Edited(false);
    });
    m_fixed->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) {
        UpdateCashbackKind();
        Edited(false);
    });
    AddText(this, sizer, _("&Cap per receipt, ₽:"), "/cap_per_receipt_kop", _("e.g. 300"));

    AddSection(this, sizer, _("Who gets it"));
    auto* targetNote = new wxStaticText(this, wxID_ANY,
                                        _("Leave a list empty to reach everyone. Separate items with commas."));
    targetNote->Wrap(FromDIP(440));
    sizer->Add(targetNote, wxSizerFlags().Border(wxBOTTOM, FromDIP(4)));
    AddText(this, sizer, _("&Loyalty cards held:"), "/targeting/loyalty_cards", _("e.g. polyanka"));
    AddText(this, sizer, _("Re&gions:"), "/targeting/regions", _("Region codes, e.g. RU-MOW, RU-SPE"));
    m_audience = new wxStaticText(this, wxID_ANY, wxString());
    sizer->Add(m_audience, wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(4)));

    AddSection(this, sizer, _("Budget and dates"));
    AddText(this, sizer, _("Budge&t, ₽:"), "/budget_kop", _("e.g. 50000"));
    m_dates = new FlightDates(this);
    sizer->Add(m_dates, wxSizerFlags().Expand().Border(wxTOP, FromDIP(8)));
    AddProblemLine(this, sizer, "/starts_on");
    AddProblemLine(this, sizer, "/ends_on");
    m_dates->SetOnChanged([this] { Edited(false); });

    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(sizer, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(16)));
    SetSizer(outer);
    UpdateCashbackKind();
}

wxStaticText* FlightForm::AddSection(wxWindow* parent, wxSizer* sizer, const wxString& title) {
    auto* label = new wxStaticText(parent, wxID_ANY, title);
    label->SetFont(label->GetFont().Scaled(1.1f).Bold());
    sizer->Add(label, wxSizerFlags().Border(wxTOP | wxBOTTOM, FromDIP(8)));
    return label;
}

wxTextCtrl* FlightForm::AddText(wxWindow* parent, wxSizer* sizer, const wxString& label, const std::string& pointer,
                                const wxString& hint, bool multiline) {
    sizer->Add(new wxStaticText(parent, wxID_ANY, label), wxSizerFlags().Border(wxBOTTOM, FromDIP(2)));
    auto* field = new wxTextCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition,
                                 multiline ? FromDIP(wxSize(-1, 80)) : wxDefaultSize, multiline ? wxTE_MULTILINE : 0);
    field->SetHint(hint);
    field->SetName(pointer);
    sizer->Add(field, wxSizerFlags().Expand());
    m_fields[pointer] = field;
    AddProblemLine(parent, sizer, pointer);
    const bool targeting = pointer.rfind("/targeting", 0) == 0;
    field->Bind(wxEVT_TEXT, [this, targeting](wxCommandEvent&) { Edited(targeting); });
    return field;
}

wxStaticText* FlightForm::AddProblemLine(wxWindow* parent, wxSizer* sizer, const std::string& pointer) {
    auto* line = new wxStaticText(parent, wxID_ANY, wxString());
    line->SetForegroundColour(kProblemText);
    line->Hide();
    sizer->Add(line, wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(4)));
    m_problemLines[pointer] = line;
    return line;
}

void FlightForm::Edited(bool targeting) {
    if (m_filling) return;
    m_titleCount->SetLabel(wxString::Format("%zu / 60", m_fields["/offer/title"]->GetValue().length()));
    m_descriptionCount->SetLabel(wxString::Format("%zu / 500", m_fields["/offer/description"]->GetValue().length()));
    if (m_onEdited) m_onEdited();
    if (targeting && m_onTargeting) m_onTargeting();
}

void FlightForm::UpdateCashbackKind() { m_valueUnit->SetLabel(m_percent->GetValue() ? wxString("%") : _("₽ per item")); }

void FlightForm::Fill(const domain::CashbackFlight& flight) {
    m_filling = true;
    m_fields["/offer/brand"]->ChangeValue(FromUtf8(flight.offer.brand));
    m_fields["/offer/title"]->ChangeValue(FromUtf8(flight.offer.title));
    m_fields["/offer/description"]->ChangeValue(FromUtf8(flight.offer.description));
    m_fields["/match/skus"]->ChangeValue(JoinList(flight.match.skus));
    m_fields["/match/keywords"]->ChangeValue(JoinList(flight.match.keywords));
    m_fields["/match/categories"]->ChangeValue(JoinList(flight.match.categories));
    const bool fixed = FixedKop(flight).has_value();
    m_fixed->SetValue(fixed);
    m_percent->SetValue(!fixed);
    if (fixed) {
        m_fields["/cashback"]->ChangeValue(KopecksToText(*FixedKop(flight)));
    } else if (PercentBp(flight)) {
        m_fields["/cashback"]->ChangeValue(BasisPointsToText(static_cast<int>(*PercentBp(flight))));
    } else {
        m_fields["/cashback"]->ChangeValue(wxString());
    }
    UpdateCashbackKind();
    m_fields["/cap_per_receipt_kop"]->ChangeValue(flight.cap_per_receipt_kop > 0 ? KopecksToText(flight.cap_per_receipt_kop)
                                                                                 : wxString());
    m_fields["/targeting/loyalty_cards"]->ChangeValue(JoinList(flight.targeting.loyalty_cards));
    m_fields["/targeting/regions"]->ChangeValue(JoinList(flight.targeting.regions));
    m_fields["/budget_kop"]->ChangeValue(flight.budget_kop > 0 ? KopecksToText(flight.budget_kop) : wxString());
    m_dates->SetDates(flight.starts_on, flight.ends_on);
    m_filling = false;
    m_titleCount->SetLabel(wxString::Format("%zu / 60", m_fields["/offer/title"]->GetValue().length()));
    m_descriptionCount->SetLabel(wxString::Format("%zu / 500", m_fields["/offer/description"]->GetValue().length()));
    ShowProblems({});
}

domain::Problems FlightForm::Read(domain::CashbackFlight& flight) const {
    domain::Problems problems;
    auto text = [this](const char* pointer) { return m_fields.at(pointer)->GetValue().Strip(wxString::both); };
    flight.offer.brand = ToUtf8(text("/offer/brand"));
    flight.offer.title = ToUtf8(text("/offer/title"));
    flight.offer.description = ToUtf8(text("/offer/description"));
    flight.match.skus = SplitList(text("/match/skus"));
    flight.match.keywords = SplitList(text("/match/keywords"));
    flight.match.categories = SplitList(text("/match/categories"));
    flight.targeting.loyalty_cards = SplitList(text("/targeting/loyalty_cards"));
    flight.targeting.regions = SplitList(text("/targeting/regions"));

    const wxString value = text("/cashback");
    if (m_percent->GetValue()) {
        int bp = 0;
        if (value.empty()) {
            SetCashback(flight, std::nullopt, std::nullopt);
        } else if (ParseBasisPoints(value, bp)) {
            SetCashback(flight, bp, std::nullopt);
        } else {
            SetCashback(flight, std::nullopt, std::nullopt);
            problems.push_back({"/cashback/percent_bp", "not_percent", "not a percentage"});
        }
    } else {
        std::int64_t kop = 0;
        if (value.empty()) {
            SetCashback(flight, std::nullopt, std::nullopt);
        } else if (ParseKopecks(value, kop)) {
            SetCashback(flight, std::nullopt, kop);
        } else {
            SetCashback(flight, std::nullopt, std::nullopt);
            problems.push_back({"/cashback/fixed_kop", "not_money", "not a sum of money"});
        }
    }
    auto money = [&](const char* pointer, std::int64_t& target) {
        const wxString t = text(pointer);
        std::int64_t kop = 0;
        if (t.empty()) {
            target = 0;
        } else if (ParseKopecks(t, kop)) {
            target = kop;
        } else {
            target = 0;
            problems.push_back({pointer, "not_money", "not a sum of money"});
        }
    };
    money("/cap_per_receipt_kop", flight.cap_per_receipt_kop);
    money("/budget_kop", flight.budget_kop);
    flight.starts_on = m_dates->Starts();
    flight.ends_on = m_dates->Ends();
    return problems;
}

void FlightForm::ShowProblems(const domain::Problems& problems) {
    std::map<std::string, wxString> texts;
    wxString general;
    for (const auto& problem : problems) {
        // The longest pointer with a line that the problem's field starts with: "/match/skus/2" → "/match/skus".
        std::string best;
        for (const auto& [pointer, line] : m_problemLines) {
            if (problem.field.rfind(pointer, 0) == 0 && pointer.size() > best.size() &&
                (problem.field.size() == pointer.size() || problem.field[pointer.size()] == '/')) {
                best = pointer;
            }
        }
        const wxString words = DescribeFlightProblem(problem);
        if (best.empty()) {
            general += (general.empty() ? "" : "\n") + words;
        } else {
            wxString& t = texts[best];
            if (!t.Contains(words)) t += (t.empty() ? "" : " ") + words;
        }
    }
    bool changed = false;
    for (const auto& [pointer, line] : m_problemLines) {
        const wxString& t = texts[pointer];
        if (line->GetLabel() == t && line->IsShown() == !t.empty()) continue;
        line->SetLabel(t);
        line->Wrap(FromDIP(440));
        line->Show(!t.empty());
        changed = true;
    }
    if (m_general->GetLabel() != general) {
        m_general->SetLabel(general);
        m_general->Wrap(FromDIP(440));
        changed = true;
    }
    if (changed) {
        Layout();
        FitInside();
    }
}

void FlightForm::SetReadOnly(bool readOnly) {
    for (const auto& [pointer, field] : m_fields) field->SetEditable(!readOnly);
    m_percent->Enable(!readOnly);
    m_fixed->Enable(!readOnly);
    m_chooseImage->Show(!readOnly);
    m_removeImage->Show(!readOnly);
    Layout();
}

void FlightForm::SetImageWords(const wxString& words) {
    m_imageWords->SetLabel(words);
    Layout();
}

void FlightForm::SetAudience(const wxString& words) {
    if (m_audience->GetLabel() == words) return;
    m_audience->SetLabel(words);
    m_audience->Wrap(FromDIP(440));
    Layout();
    FitInside();
}

wxTextCtrl* FlightForm::Field(const std::string& pointer) const {
    const auto it = m_fields.find(pointer);
    return it == m_fields.end() ? nullptr : it->second;
}

wxString FlightForm::ProblemText(const std::string& pointer) const {
    const auto it = m_problemLines.find(pointer);
    return it == m_problemLines.end() ? wxString() : it->second->GetLabel();
}

void FlightForm::ScrollToDates() {
    int unit = 1;
    GetScrollPixelsPerUnit(nullptr, &unit);
    const int y = m_dates->GetPosition().y + GetViewStart().y * std::max(1, unit);
    Scroll(0, std::max(0, y - FromDIP(40)) / std::max(1, unit));
}

void FlightForm::FocusFirst() { m_fields["/offer/brand"]->SetFocus(); }

} // namespace kpd::ui
