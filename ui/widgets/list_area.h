#pragma once
// The frame the list areas (cashback flights, settlements) share: the page
// header and an info bar for messages; then, for a role that may not see the
// area, a note saying so and nothing else; otherwise a book whose first page
// holds a row of buttons, a summary line and a list of whole rows. The area
// adds its own columns, pages and bindings. UI thread only.
#include <wx/string.h>

#include <initializer_list>

class wxBoxSizer;
class wxButton;
class wxDataViewListCtrl;
class wxInfoBar;
class wxPanel;
class wxSimplebook;
class wxStaticText;
class wxWindow;

namespace kpd::ui {

class PageHeader;

struct ListArea {
    wxBoxSizer* sizer = nullptr; // the area's own: already set on it when the role may not see it
    PageHeader* header = nullptr;
    wxInfoBar* banner = nullptr;
    wxSimplebook* book = nullptr; // null when the role may not see the area
    wxPanel* list_page = nullptr; // the book's first page, not added to it yet
    wxBoxSizer* list_sizer = nullptr;
};

// Adds the header and the banner to `area`; when `may_see` is false also the
// wrapped `refused` note, and sets the sizer; else makes the book and its
// (empty) list page, which the caller fills, adds as the first page, then adds
// the book to `sizer` and sets it.
ListArea BuildListArea(wxPanel* area, const wxString& title, const wxString& description, bool may_see,
                       const wxString& refused);

// On the list page: `leading` buttons, a stretch and `trailing` buttons in one
// row (made on list_page by the caller), and under it an empty summary line,
// which it returns.
wxStaticText* AddButtonRowAndSummary(const ListArea& area, std::initializer_list<wxButton*> leading,
                                     std::initializer_list<wxButton*> trailing);

// An empty list of whole rows with lines between them, one selected at a time.
wxDataViewListCtrl* NewRowList(wxWindow* parent);

} // namespace kpd::ui
