#pragma once
// The card screen's fields in a property grid beside the preview. Every
// property is named by the JSON pointer of its field ("/theme/text_color",
// "/banners/1/cta/target"), so a validation problem lands on its field by
// name: the row turns red and its problem is written in a third column next to
// the value (and in the row's tooltip). The editor never changes the value
// itself: each edit is offered to the owner as a whole new CardScreen (the
// owner makes it an undoable command and hands the result back with
// SetScreen). Lists (levels, banners, promo blocks, questions) grow and
// shrink through AddItem / RemoveSelected. UI thread only.
#include "domain/asset.h"
#include "domain/card_screen.h"
#include "domain/problem.h"

#include <wx/panel.h>

#include <functional>
#include <map>
#include <string>

class wxPGProperty;
class wxPropertyGrid;
class wxPropertyGridEvent;
class wxPropertyGridManager;
class wxVariant;

namespace kpd::ui {

class CardScreenEditor : public wxPanel {
  public:
    explicit CardScreenEditor(wxWindow* parent);

    // Shows `screen`: takes the value at once, and right after the current event rebuilds the rows
    // (when lists changed) or updates their values.
    void SetScreen(const domain::CardScreen& screen);
    const domain::CardScreen& Screen() const { return m_screen; }
    void SetProblems(const domain::Problems& problems);
    void SetReadOnly(bool readOnly);

    // An edit: the new screen and what changed in words (for the Undo menu item).
    void SetOnEdit(std::function<void(const domain::CardScreen&, const wxString&)> handler) {
        m_onEdit = std::move(handler);
    }
    // The "…" button of an image field: the owner picks a file, uploads it and calls SetImage.
    void SetOnChooseImage(std::function<void(const std::string& pointer, domain::ImageSlot slot)> handler) {
        m_onChooseImage = std::move(handler);
    }
    // How an image field shows its asset ("1029×258 PNG, 84 KB"); without it, the id.
    void SetImageDescriber(std::function<wxString(const std::string& assetId)> describe) {
        m_describeImage = std::move(describe);
    }
    // Sets an image field (by pointer) to an uploaded asset's id, as an edit.
    void SetImage(const std::string& pointer, const std::string& assetId);

    // Lists: "levels", "banners", "promo_blocks", "questions".
    void AddItem(const std::string& list);
    bool CanRemoveSelected() const;
    void RemoveSelected();

    // Selects the row of a field (or the nearest group that exists) and scrolls to it.
    void SelectField(const std::string& pointer);
    std::string SelectedPointer() const;
    // For tests: the text shown as the problem of a field, and the grid itself.
    wxString ProblemText(const std::string& pointer) const;
    wxPropertyGrid* Grid() const;

  private:
    struct Binding;
    void Build();
    void FillValues();
    void ShowProblems();
    void SetProblemColumn(bool shown);
    std::string StructureKey(const domain::CardScreen& screen) const;
    wxPGProperty* Bind(wxPGProperty* parent, wxPGProperty* property, Binding binding);
    wxPGProperty* FindNearest(const std::string& pointer) const;
    void OnChanging(wxPropertyGridEvent& event);
    void OnChanged(wxPropertyGridEvent& event);
    void Edit(domain::CardScreen after, const wxString& what);
    void ChooseImage(const std::string& pointer, domain::ImageSlot slot);

    wxPropertyGridManager* m_manager = nullptr;
    domain::CardScreen m_screen;
    std::string m_structure;
    std::map<std::string, Binding> m_bindings; // property name (pointer) -> how to read and write it
    std::map<std::string, wxString> m_problemTexts;
    bool m_readOnly = false;
    bool m_built = false;
    bool m_refreshPending = false;
    domain::Problems m_problems;
    std::function<void(const domain::CardScreen&, const wxString&)> m_onEdit;
    std::function<void(const std::string&, domain::ImageSlot)> m_onChooseImage;
    std::function<wxString(const std::string&)> m_describeImage;
};

} // namespace kpd::ui
