#include "ui/card_screen/card_screen_editor.h"

#include "domain/color.h"
#include "ui/app/words.h"
#include "ui/card_screen/card_screen_words.h"

#include <wx/intl.h>
#include <wx/propgrid/advprops.h>
#include <wx/propgrid/manager.h>
#include <wx/propgrid/props.h>
#include <wx/sizer.h>

#include <algorithm>
#include <sstream>

namespace kpd::ui {

using domain::CardScreen;

struct CardScreenEditor::Binding {
    std::function<wxVariant(const CardScreen&)> get;
    // Writes the property's value into the screen; false when the text cannot be read (the edit is refused).
    std::function<bool(CardScreen&, const wxVariant&)> set;
};

namespace {

const wxColour kProblemBackground(255, 228, 225);
const wxColour kProblemText(176, 0, 32);

// An image field: its asset id (shown as what the image is, when known), with a "…"
// button that asks the owner to choose a file.
class ImageProperty : public wxStringProperty {
  public:
    ImageProperty(const wxString& label, const wxString& name, std::function<void()> choose,
                  std::function<wxString(const std::string&)> describe)
        : wxStringProperty(label, name), m_choose(std::move(choose)), m_describe(std::move(describe)) {}
    const wxPGEditor* DoGetEditorClass() const override { return wxPGEditor_TextCtrlAndButton; }
    wxString ValueToString(wxVariant& value, int argFlags) const override {
        const wxString id = value.GetString();
        // The text being edited stays the id; the cell says what the image is.
        if ((argFlags & wxPG_EDITABLE_VALUE) || id.empty() || !m_describe) return id;
        const wxString words = m_describe(std::string(id.utf8_str()));
        return words.empty() ? id : words;
    }
    bool OnEvent(wxPropertyGrid* grid, wxWindow* primary, wxEvent& event) override {
        if (event.GetEventType() == wxEVT_BUTTON) {
            // After the click has been handled: the owner opens a modal file dialog.
            grid->CallAfter([choose = m_choose] { choose(); });
            return false;
        }
        return wxStringProperty::OnEvent(grid, primary, event);
    }

  private:
    std::function<void()> m_choose;
    std::function<wxString(const std::string&)> m_describe;
};

// A colour written as the card screen writes it ("#1B5E20"), not wx's "(27,94,32)".
class HexColourProperty : public wxColourProperty {
  public:
    HexColourProperty(const wxString& label, const wxString& name) : wxColourProperty(label, name) {}
    wxString ColourToString(const wxColour& colour, int, int) const override {
        return colour.GetAsString(wxC2S_HTML_SYNTAX).Upper();
    }
};

wxColour ColourOf(const std::string& hex) {
    const auto rgb = domain::ParseHexColor(hex);
    return rgb ? wxColour(rgb->r, rgb->g, rgb->b) : wxColour(0, 0, 0);
}

std::string HexOf(const wxVariant& value) {
    wxColour colour;
    if (value.GetType() == "wxColourPropertyValue") {
        wxColourPropertyValue cpv;
        cpv << value;
        colour = cpv.m_colour;
    } else {
        colour << value;
    }
    return domain::ToHex(domain::Rgb{colour.Red(), colour.Green(), colour.Blue()});
}

template <class E> wxPGChoices Choices(std::initializer_list<E> values, wxString (*name)(E)) {
    wxPGChoices choices;
    for (E value : values) choices.Add(name(value), static_cast<int>(value));
    return choices;
}

std::string At(const std::string& list, std::size_t index) { return "/" + list + "/" + std::to_string(index); }

// The list a pointer belongs to and the element's index: "/banners/2/title" → {"banners", 2}.
bool ListElement(const std::string& pointer, std::string& list, std::size_t& index) {
    std::istringstream in(pointer);
    std::string empty, first, second, third;
    std::getline(in, empty, '/');
    std::getline(in, first, '/');
    std::getline(in, second, '/');
    if (first == "progress" && second == "levels") {
        std::getline(in, third, '/');
        first = "levels";
        second = third;
    }
    if (second.empty() || second.find_first_not_of("0123456789") != std::string::npos) return false;
    list = first;
    index = std::stoul(second);
    return true;
}

} // namespace

CardScreenEditor::CardScreenEditor(wxWindow* parent) : wxPanel(parent) {
    m_manager = new wxPropertyGridManager(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                          wxPG_SPLITTER_AUTO_CENTER | wxPG_TOOLTIPS |
                                              wxPG_BOLD_MODIFIED | wxTAB_TRAVERSAL);
    m_manager->SetName("card-screen-fields");
    m_manager->AddPage(_("Card screen"));
    SetProblemColumn(false);
    Grid()->SetExtraStyle(wxPG_EX_HELP_AS_TOOLTIPS);
    // Arrows move between rows, Enter commits, Tab leaves the grid: usable without a mouse.
    Grid()->AddActionTrigger(wxPG_ACTION_NEXT_PROPERTY, WXK_DOWN);
    Grid()->AddActionTrigger(wxPG_ACTION_PREV_PROPERTY, WXK_UP);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_manager, wxSizerFlags(1).Expand());
    SetSizer(sizer);
    m_manager->Bind(wxEVT_PG_CHANGING, &CardScreenEditor::OnChanging, this);
    m_manager->Bind(wxEVT_PG_CHANGED, &CardScreenEditor::OnChanged, this);
}

wxPropertyGrid* CardScreenEditor::Grid() const { return m_manager->GetGrid(); }

std::string CardScreenEditor::StructureKey(const CardScreen& screen) const {
    std::string key = std::to_string(screen.progress.levels.size()) + "/" + std::to_string(screen.banners.size()) +
                      "/" + std::to_string(screen.promo_blocks.size()) + "/";
    for (const auto& q : screen.questions) key += std::to_string(static_cast<int>(q.kind));
    return key;
}

void CardScreenEditor::SetScreen(const CardScreen& screen) {
    m_screen = screen; // at once: the next edit starts from it
    if (m_refreshPending) return;
    m_refreshPending = true;
    // The grid may be inside its own change event (this very edit): touch its rows after it returns.
    CallAfter([this] {
        m_refreshPending = false;
        const std::string structure = StructureKey(m_screen);
        if (!m_built || structure != m_structure) {
            m_structure = structure;
            Build();
        } else {
            FillValues();
        }
        ShowProblems();
    });
}

wxPGProperty* CardScreenEditor::Bind(wxPGProperty* parent, wxPGProperty* property, Binding binding) {
    m_bindings[std::string(property->GetName().utf8_str())] = std::move(binding);
    return m_manager->GetPage(0)->AppendIn(parent, property);
}

void CardScreenEditor::Build() {
    const std::string selected = SelectedPointer();
    wxPropertyGrid* grid = Grid();
    grid->Freeze();
    m_manager->GetPage(0)->Clear();
    m_bindings.clear();
    m_problemTexts.clear();
    auto* page = m_manager->GetPage(0);
    const CardScreen& s = m_screen;

    auto category = [&](wxPGProperty* parent, const wxString& label, const std::string& name) {
        auto* cat = new wxPropertyCategory(label, wxString::FromUTF8(name));
        return parent ? page->AppendIn(parent, cat) : page->Append(cat);
    };
    auto colour = [&](wxPGProperty* parent, const wxString& label, const std::string& name,
                      std::string domain::CardTheme::*member) {
        Bind(parent, new HexColourProperty(label, wxString::FromUTF8(name)),
             {[member](const CardScreen& v) { return WXVARIANT(ColourOf(v.theme.*member)); },
              [member](CardScreen& v, const wxVariant& value) {
                  v.theme.*member = HexOf(value);
                  return true;
              }});
    };
    auto text = [&](wxPGProperty* parent, const wxString& label, const std::string& name,
                    std::function<std::string&(CardScreen&)> field) {
        Bind(parent, new wxStringProperty(label, wxString::FromUTF8(name)),
             {[field](const CardScreen& v) {
                  return wxVariant(FromUtf8(field(const_cast<CardScreen&>(v))));
              },
              [field](CardScreen& v, const wxVariant& value) {
                  field(v) = ToUtf8(value.GetString());
                  return true;
              }});
    };
    auto flag = [&](wxPGProperty* parent, const wxString& label, const std::string& name,
                    std::function<bool&(CardScreen&)> field) {
        auto* p = Bind(parent, new wxBoolProperty(label, wxString::FromUTF8(name)),
                       {[field](const CardScreen& v) { return wxVariant(field(const_cast<CardScreen&>(v))); },
                        [field](CardScreen& v, const wxVariant& value) {
                            field(v) = value.GetBool();
                            return true;
                        }});
        p->SetAttribute(wxPG_BOOL_USE_CHECKBOX, true);
    };
    auto number = [&](wxPGProperty* parent, const wxString& label, const std::string& name,
                      std::function<int&(CardScreen&)> field) {
        Bind(parent, new wxIntProperty(label, wxString::FromUTF8(name)),
             {[field](const CardScreen& v) { return wxVariant(static_cast<long>(field(const_cast<CardScreen&>(v)))); },
              [field](CardScreen& v, const wxVariant& value) {
                  field(v) = static_cast<int>(value.GetLong());
                  return true;
              }});
    };
    auto choice = [&](wxPGProperty* parent, const wxString& label, const std::string& name, wxPGChoices choices,
                      std::function<int(const CardScreen&)> get, std::function<void(CardScreen&, int)> set) {
        Bind(parent, new wxEnumProperty(label, wxString::FromUTF8(name), choices),
             {[get](const CardScreen& v) { return wxVariant(static_cast<long>(get(v))); },
              [set](CardScreen& v, const wxVariant& value) {
                  set(v, static_cast<int>(value.GetLong()));
                  return true;
              }});
    };
    auto image = [&](wxPGProperty* parent, const wxString& label, const std::string& name, domain::ImageSlot slot,
                     std::function<std::optional<std::string>&(CardScreen&)> field) {
        auto* p = new ImageProperty(label, wxString::FromUTF8(name), [this, name, slot] { ChooseImage(name, slot); },
                                    [this](const std::string& id) { return m_describeImage ? m_describeImage(id) : wxString(); });
        Bind(parent, p,
             {[field](const CardScreen& v) {
                  const auto& id = field(const_cast<CardScreen&>(v));
                  return wxVariant(id ? FromUtf8(*id) : wxString());
              },
              [field](CardScreen& v, const wxVariant& value) {
                  const std::string id = ToUtf8(value.GetString().Strip(wxString::both));
                  if (id.empty()) {
                      field(v).reset();
                  } else {
                      field(v) = id;
                  }
                  return true;
              }});
        // TRANSLATORS: the help line of an image field; %s is the place on the card, e.g. "logo".
        p->SetHelpString(wxString::Format(_("Press … to choose a PNG or JPEG file for the %s; it is uploaded to the "
                                            "platform. Clear the text to remove the image."),
                                          ImageSlotName(slot)));
    };
    using namespace domain;

    // Theme
    auto* theme = category(nullptr, FieldName("/theme"), "/theme");
    colour(theme, _("Background colour"), "/theme/background_color", &CardTheme::background_color);
    colour(theme, _("Text colour"), "/theme/text_color", &CardTheme::text_color);
    colour(theme, _("Accent colour"), "/theme/accent_color", &CardTheme::accent_color);
    image(theme, _("Logo"), "/theme/logo", ImageSlot::Logo, [](CardScreen& v) -> auto& { return v.theme.logo; });
    image(theme, _("Background image"), "/theme/background_image", ImageSlot::Background,
          [](CardScreen& v) -> auto& { return v.theme.background_image; });

    // Code at the checkout
    auto* id = category(nullptr, FieldName("/identifier"), "/identifier");
    choice(id, _("Kind"), "/identifier/kind",
           Choices({IdentifierKind::Static, IdentifierKind::Dynamic, IdentifierKind::Checkin}, IdentifierKindName),
           [](const CardScreen& v) { return static_cast<int>(v.identifier.kind); },
           [](CardScreen& v, int x) { v.identifier.kind = static_cast<IdentifierKind>(x); });
    choice(id, _("Barcode"), "/identifier/barcode",
           Choices({BarcodeType::Ean8, BarcodeType::Ean13, BarcodeType::Code128, BarcodeType::UpcA,
                    BarcodeType::QrCode},
                   BarcodeTypeName),
           [](const CardScreen& v) { return static_cast<int>(v.identifier.barcode); },
           [](CardScreen& v, int x) { v.identifier.barcode = static_cast<BarcodeType>(x); });
    text(id, _("Prefix"), "/identifier/prefix", [](CardScreen& v) -> auto& { return v.identifier.prefix; });
    number(id, _("Code interval, s"), "/identifier/totp_interval_seconds",
           [](CardScreen& v) -> auto& { return v.identifier.totp_interval_seconds; });
    number(id, _("Code postfix digits"), "/identifier/totp_length",
           [](CardScreen& v) -> auto& { return v.identifier.totp_length; });

    // Balance
    auto* balance = category(nullptr, FieldName("/balance"), "/balance");
    choice(balance, _("Kind"), "/balance/kind",
           Choices({BalanceKind::Points, BalanceKind::DiscountPercent, BalanceKind::None}, BalanceKindName),
           [](const CardScreen& v) { return static_cast<int>(v.balance.kind); },
           [](CardScreen& v, int x) { v.balance.kind = static_cast<BalanceKind>(x); });
    text(balance, _("Label"), "/balance/label", [](CardScreen& v) -> auto& { return v.balance.label; });

    // Progress bar and its levels
    auto* progress = category(nullptr, FieldName("/progress"), "/progress");
    flag(progress, _("Shown"), "/progress/enabled", [](CardScreen& v) -> auto& { return v.progress.enabled; });
    auto* levels = category(progress, _("Levels"), "/progress/levels");
    for (std::size_t i = 0; i < s.progress.levels.size(); ++i) {
        const std::string at = "/progress/levels/" + std::to_string(i);
        auto* level = category(levels, FieldName(at).AfterLast(L'›').Strip(wxString::both), at);
        text(level, _("Name"), at + "/name", [i](CardScreen& v) -> auto& { return v.progress.levels.at(i).name; });
        Bind(level, new wxStringProperty(_("From purchases of, ₽"), wxString::FromUTF8(at + "/threshold")),
             {[i](const CardScreen& v) { return wxVariant(KopecksToText(v.progress.levels.at(i).threshold)); },
              [i](CardScreen& v, const wxVariant& value) {
                  return ParseKopecks(value.GetString(), v.progress.levels.at(i).threshold);
              }});
        Bind(level, new wxStringProperty(_("Discount, %"), wxString::FromUTF8(at + "/discount_bp")),
             {[i](const CardScreen& v) { return wxVariant(BasisPointsToText(v.progress.levels.at(i).discount_bp)); },
              [i](CardScreen& v, const wxVariant& value) {
                  return ParseBasisPoints(value.GetString(), v.progress.levels.at(i).discount_bp);
              }});
    }

    // Banners and promo blocks
    auto blocks = [&](const std::string& list, std::vector<PromoBlock> CardScreen::*member, ImageSlot slot) {
        auto* group = category(nullptr, FieldName("/" + list), "/" + list);
        for (std::size_t i = 0; i < (s.*member).size(); ++i) {
            const std::string at = At(list, i);
            auto* block = category(group, FieldName(at).AfterLast(L'›').Strip(wxString::both), at);
            image(block, _("Image"), at + "/asset", slot,
                  [member, i](CardScreen& v) -> auto& { return (v.*member).at(i).asset; });
            text(block, _("Title"), at + "/title", [member, i](CardScreen& v) -> auto& { return (v.*member).at(i).title; });
            choice(block, _("On tap"), at + "/cta/kind",
                   Choices({CtaKind::Url, CtaKind::AppLink, CtaKind::OnlineShop, CtaKind::PromoOffer,
                            CtaKind::PromoList},
                           CtaKindName),
                   [member, i](const CardScreen& v) { return static_cast<int>((v.*member).at(i).cta.kind); },
                   [member, i](CardScreen& v, int x) { (v.*member).at(i).cta.kind = static_cast<CtaKind>(x); });
            text(block, _("Link"), at + "/cta/target",
                 [member, i](CardScreen& v) -> auto& { return (v.*member).at(i).cta.target; });
        }
    };
    blocks("banners", &CardScreen::banners, ImageSlot::Banner);
    blocks("promo_blocks", &CardScreen::promo_blocks, ImageSlot::Promo);

    // History, QR scanner, links
    auto* history = category(nullptr, FieldName("/history"), "/history");
    flag(history, _("Shown"), "/history/enabled", [](CardScreen& v) -> auto& { return v.history.enabled; });
    flag(history, _("Receipt line items"), "/history/line_items",
         [](CardScreen& v) -> auto& { return v.history.line_items; });
    auto* more = category(nullptr, _("Scanner and links"), "/links");
    flag(more, _("QR scanner for receipts"), "/qr_scanner", [](CardScreen& v) -> auto& { return v.qr_scanner; });
    text(more, _("Program rules"), "/links/rules_url", [](CardScreen& v) -> auto& { return v.links.rules_url; });
    text(more, _("Privacy policy"), "/links/privacy_url", [](CardScreen& v) -> auto& { return v.links.privacy_url; });

    // Issuance questions
    auto* questions = category(nullptr, FieldName("/questions"), "/questions");
    for (std::size_t i = 0; i < s.questions.size(); ++i) {
        const std::string at = At("questions", i);
        auto* q = category(questions, FieldName(at).AfterLast(L'›').Strip(wxString::both), at);
        text(q, _("Question"), at + "/text", [i](CardScreen& v) -> auto& { return v.questions.at(i).text; });
        choice(q, _("Answer"), at + "/kind",
               Choices({QuestionKind::SingleChoice, QuestionKind::MultiChoice, QuestionKind::Text, QuestionKind::Date,
                        QuestionKind::Number},
                       QuestionKindName),
               [i](const CardScreen& v) { return static_cast<int>(v.questions.at(i).kind); },
               [i](CardScreen& v, int x) { v.questions.at(i).kind = static_cast<QuestionKind>(x); });
        flag(q, _("Required"), at + "/required", [i](CardScreen& v) -> auto& { return v.questions.at(i).required; });
        const QuestionKind kind = s.questions[i].kind;
        if (kind == QuestionKind::SingleChoice || kind == QuestionKind::MultiChoice || !s.questions[i].options.empty()) {
            auto* options = Bind(q, new wxArrayStringProperty(_("Options"), wxString::FromUTF8(at + "/options")),
                                 {[i](const CardScreen& v) {
                                      wxArrayString list;
                                      for (const auto& o : v.questions.at(i).options) list.Add(FromUtf8(o));
                                      return wxVariant(list);
                                  },
                                  [i](CardScreen& v, const wxVariant& value) {
                                      auto& list = v.questions.at(i).options;
                                      list.clear();
                                      for (const wxString& o : value.GetArrayString()) list.push_back(ToUtf8(o));
                                      return true;
                                  }});
            options->SetHelpString(_("Press … to add, change, reorder or remove the answer options (2 to 10)."));
        }
    }

    m_built = true;
    FillValues();
    if (m_readOnly) SetReadOnly(true);
    grid->Thaw();
    if (!selected.empty()) SelectField(selected);
}

void CardScreenEditor::FillValues() {
    wxPropertyGrid* grid = Grid();
    for (const auto& [name, binding] : m_bindings) {
        wxPGProperty* property = grid->GetPropertyByName(wxString::FromUTF8(name));
        if (!property) continue;
        const wxVariant value = binding.get(m_screen);
        // SetPropertyValue sends no change event: showing a value is not an edit.
        if (property->GetValue() != value) grid->SetPropertyValue(property, value);
    }
    // A dynamic code's settings mean nothing for the other kinds: grey them.
    const bool dynamic = m_screen.identifier.kind == domain::IdentifierKind::Dynamic;
    for (const char* name : {"/identifier/prefix", "/identifier/totp_interval_seconds", "/identifier/totp_length"}) {
        grid->EnableProperty(name, dynamic);
    }
    grid->EnableProperty("/identifier/barcode",
                         m_screen.identifier.kind != domain::IdentifierKind::Checkin);
}

void CardScreenEditor::SetReadOnly(bool readOnly) {
    m_readOnly = readOnly;
    if (!m_built) return;
    wxPGVIterator it = Grid()->GetVIterator(wxPG_ITERATE_ALL);
    for (; !it.AtEnd(); it.Next()) Grid()->SetPropertyReadOnly(it.GetProperty(), readOnly, wxPG_DONT_RECURSE);
}

void CardScreenEditor::OnChanging(wxPropertyGridEvent& event) {
    const std::string name(event.GetPropertyName().utf8_str());
    auto it = m_bindings.find(name);
    if (it == m_bindings.end()) return;
    CardScreen probe = m_screen;
    if (!it->second.set(probe, event.GetValue())) {
        // Text that is not a number: refuse it and say why, in place.
        event.Veto();
        event.SetValidationFailureBehavior(wxPG_VFB_STAY_IN_PROPERTY | wxPG_VFB_MARK_CELL | wxPG_VFB_SHOW_MESSAGE);
        Grid()->GetValidationInfo().SetFailureMessage(
            name.find("discount_bp") != std::string::npos ? _("Write a percentage from 0 to 100, e.g. 7,5.")
                                                           : _("Write an amount in roubles, e.g. 15000 or 1500,50."));
    }
}

void CardScreenEditor::OnChanged(wxPropertyGridEvent& event) {
    wxPGProperty* property = event.GetProperty();
    if (!property) return;
    if (m_readOnly) { // nothing changes: show the value again
        SetScreen(m_screen);
        return;
    }
    const std::string name(property->GetName().utf8_str());
    auto it = m_bindings.find(name);
    if (it == m_bindings.end()) return;
    CardScreen after = m_screen;
    if (!it->second.set(after, property->GetValue()) || after == m_screen) return;
    Edit(std::move(after), FieldName(name));
}

void CardScreenEditor::Edit(CardScreen after, const wxString& what) {
    if (m_onEdit) m_onEdit(after, what);
}

void CardScreenEditor::ChooseImage(const std::string& pointer, domain::ImageSlot slot) {
    if (m_readOnly || !m_onChooseImage) return;
    m_onChooseImage(pointer, slot);
}

void CardScreenEditor::SetImage(const std::string& pointer, const std::string& assetId) {
    auto it = m_bindings.find(pointer);
    if (it == m_bindings.end()) return;
    CardScreen after = m_screen;
    it->second.set(after, wxVariant(FromUtf8(assetId)));
    if (after != m_screen) Edit(std::move(after), FieldName(pointer));
}

void CardScreenEditor::AddItem(const std::string& list) {
    if (m_readOnly) return;
    CardScreen after = m_screen;
    std::string at;
    if (list == "levels") {
        domain::ProgressLevel level;
        const auto& levels = after.progress.levels;
        level.threshold = levels.empty() ? 0 : levels.back().threshold + 1000000; // next level 10 000 ₽ higher
        level.discount_bp = levels.empty() ? 300 : levels.back().discount_bp + 200;
        // TRANSLATORS: the name a new progress level gets; %zu is its number.
        level.name = ToUtf8(wxString::Format(_("Level %zu"), levels.size() + 1));
        after.progress.levels.push_back(level);
        at = "/progress/levels/" + std::to_string(levels.size() - 1) + "/name";
    } else if (list == "banners") {
        after.banners.emplace_back();
        after.banners.back().cta.target = "https://";
        at = At(list, after.banners.size() - 1) + "/asset";
    } else if (list == "promo_blocks") {
        after.promo_blocks.emplace_back();
        after.promo_blocks.back().title = ToUtf8(_("New offer"));
        after.promo_blocks.back().cta.kind = domain::CtaKind::PromoList;
        at = At(list, after.promo_blocks.size() - 1) + "/title";
    } else if (list == "questions") {
        after.questions.emplace_back();
        at = At(list, after.questions.size() - 1) + "/text";
    } else {
        return;
    }
    // TRANSLATORS: the Undo menu item after adding to a list, e.g. "Undo Add to Banners".
    Edit(std::move(after), wxString::Format(_("Add to %s"), FieldName(list == "levels" ? "/progress/levels" : "/" + list)));
    CallAfter([this, at] { SelectField(at); });
}

bool CardScreenEditor::CanRemoveSelected() const {
    std::string list;
    std::size_t index = 0;
    return !m_readOnly && ListElement(SelectedPointer(), list, index);
}

void CardScreenEditor::RemoveSelected() {
    std::string list;
    std::size_t index = 0;
    if (m_readOnly || !ListElement(SelectedPointer(), list, index)) return;
    CardScreen after = m_screen;
    auto erase = [index](auto& items) {
        if (index < items.size()) items.erase(items.begin() + static_cast<std::ptrdiff_t>(index));
    };
    if (list == "levels") erase(after.progress.levels);
    if (list == "banners") erase(after.banners);
    if (list == "promo_blocks") erase(after.promo_blocks);
    if (list == "questions") erase(after.questions);
    if (after == m_screen) return;
    const std::string element = list == "levels" ? "/progress/levels/" + std::to_string(index) : At(list, index);
    // TRANSLATORS: the Undo menu item after removing an element, e.g. "Undo Remove Banners › Banner 2".
    Edit(std::move(after), wxString::Format(_("Remove %s"), FieldName(element)));
}

wxPGProperty* CardScreenEditor::FindNearest(const std::string& pointer) const {
    std::string name = pointer;
    while (!name.empty()) {
        if (wxPGProperty* p = Grid()->GetPropertyByName(wxString::FromUTF8(name))) return p;
        const auto slash = name.rfind('/');
        if (slash == std::string::npos) break;
        name.erase(slash);
    }
    return nullptr;
}

void CardScreenEditor::SelectField(const std::string& pointer) {
    wxPGProperty* property = FindNearest(pointer);
    if (!property) return;
    Grid()->EnsureVisible(property);
    Grid()->SelectProperty(property, false);
}

std::string CardScreenEditor::SelectedPointer() const {
    wxPGProperty* property = Grid()->GetSelection();
    return property ? std::string(property->GetName().utf8_str()) : std::string();
}

void CardScreenEditor::SetProblemColumn(bool shown) {
    // Name and value; while there are problems, a third column says each next to its value.
    const int columns = shown ? 3 : 2;
    if (static_cast<int>(Grid()->GetColumnCount()) == columns && m_built) return;
    m_manager->SetColumnCount(columns);
    Grid()->SetColumnProportion(0, 4);
    Grid()->SetColumnProportion(1, 5);
    if (shown) Grid()->SetColumnProportion(2, 6);
    Grid()->ResetColumnSizes(true);
}

void CardScreenEditor::SetProblems(const domain::Problems& problems) {
    m_problems = problems;
    if (!m_refreshPending) ShowProblems(); // else with the rows, when they are refreshed
}

void CardScreenEditor::ShowProblems() {
    const domain::Problems& problems = m_problems;
    wxPropertyGrid* grid = Grid();
    // Clear the last marks.
    for (const auto& [name, text] : m_problemTexts) {
        wxPGProperty* p = grid->GetPropertyByName(wxString::FromUTF8(name));
        if (!p) continue;
        grid->SetPropertyColoursToDefault(p, wxPG_DONT_RECURSE);
        p->SetCell(2, wxPGCell(wxString()));
        if (p->IsCategory()) grid->SetPropertyLabel(p, p->GetLabel().BeforeFirst(L'⚠').Strip(wxString::trailing));
        p->SetHelpString(p->IsCategory() ? wxString() : p->GetHelpString().BeforeFirst(L'⚠').Strip(wxString::trailing));
    }
    m_problemTexts.clear();
    for (const domain::Problem& problem : problems) {
        wxPGProperty* p = FindNearest(problem.field);
        if (!p) continue;
        const std::string name(p->GetName().utf8_str());
        wxString& text = m_problemTexts[name];
        if (!text.empty()) text += " ";
        text += DescribeCardProblem(problem, m_screen);
    }
    SetProblemColumn(!m_problemTexts.empty());
    for (const auto& [name, text] : m_problemTexts) {
        wxPGProperty* p = grid->GetPropertyByName(wxString::FromUTF8(name));
        grid->SetPropertyBackgroundColour(p, kProblemBackground, wxPG_DONT_RECURSE);
        // A group's row is one caption across the grid: its problem (too many banners…) goes into it.
        if (p->IsCategory()) grid->SetPropertyLabel(p, p->GetLabel() + wxString::FromUTF8("   ⚠ ") + text);
        p->SetCell(2, wxPGCell(wxString::FromUTF8("⚠ ") + text, wxNullBitmap, kProblemText, kProblemBackground));
        const wxString help = p->GetHelpString();
        p->SetHelpString(help.empty() ? wxString::FromUTF8("⚠ ") + text : help + "\n" + wxString::FromUTF8("⚠ ") + text);
    }
    grid->Refresh();
}

wxString CardScreenEditor::ProblemText(const std::string& pointer) const {
    auto it = m_problemTexts.find(pointer);
    return it == m_problemTexts.end() ? wxString() : it->second;
}

} // namespace kpd::ui
