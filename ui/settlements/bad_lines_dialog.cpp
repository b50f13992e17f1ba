#include "ui/settlements/bad_lines_dialog.h"

#include "ui/app/words.h"
#include "ui/settlements/settlement_words.h"
#include "ui/widgets/dialog_buttons.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace kpd::ui {

BadLinesDialog::BadLinesDialog(wxWindow* parent, const domain::Problems& problems)
    : wxDialog(parent, wxID_ANY, _("Bad lines in your sales export"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* intro = new wxStaticText(
        this, wxID_ANY,
        // TRANSLATORS: %zu is the number of bad lines listed.
        wxString::Format(wxPLURAL("%zu line of the file cannot be read. Nothing was reconciled yet. Skip it and "
                                  "reconcile the rest, or stop and fix the file?",
                                  "%zu lines of the file cannot be read. Nothing was reconciled yet. Skip them and "
                                  "reconcile the rest, or stop and fix the file?",
                                  problems.size()),
                         problems.size()));
    intro->Wrap(FromDIP(600));
    sizer->Add(intro, wxSizerFlags().Expand().Border(wxALL, gap * 2));

    auto* list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(620, 240)),
                                wxLC_REPORT | wxLC_SINGLE_SEL | wxLC_HRULES);
    list->AppendColumn(_("Line"), wxLIST_FORMAT_RIGHT, FromDIP(60));
    list->AppendColumn(_("Column"), wxLIST_FORMAT_LEFT, FromDIP(130));
    list->AppendColumn(_("What is wrong"), wxLIST_FORMAT_LEFT, FromDIP(400));
    long row = 0;
    for (const auto& p : problems) {
        // The core names the place as "line N", "line N column" or "line N column cell".
        wxString where = FromUtf8(p.field);
        wxString line = where, column;
        if (where.StartsWith("line ", &line)) {
            column = line.AfterFirst(' ');
            line = line.BeforeFirst(' ');
        }
        // A sheet's problem names its cell after the column: "amount D17".
        const wxString cell = column.AfterFirst(' ');
        column = column.BeforeFirst(' ');
        wxString columnText = column.empty() ? wxString() : PosColumnName(ToUtf8(column));
        if (!cell.empty()) columnText += " (" + cell + ")";
        const long item = list->InsertItem(row++, line);
        list->SetItem(item, 1, columnText);
        list->SetItem(item, 2, PosProblemWords(p.code, p.message));
    }
    sizer->Add(list, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, gap * 2));

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->AddStretchSpacer();
    auto* skip = MakeAffirmativeButton(this, _("&Skip these lines and reconcile"), wxID_YES);
    auto* stop = MakeEscapeButton(this, _("S&top"));
    buttons->Add(skip, wxSizerFlags().Border(wxRIGHT, gap));
    buttons->Add(stop);
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, gap * 2));
    SetSizerAndFit(sizer);
    stop->SetDefault();
    stop->SetFocus();
    CentreOnParent();
}

} // namespace kpd::ui
