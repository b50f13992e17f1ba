#include "ui/settlements/pos_mapping_dialog.h"

#include "domain/spreadsheet_values.h"
#include "ui/app/settings.h"
#include "ui/app/words.h"
#include "ui/widgets/dialog_buttons.h"
#include "ui/settlements/settlement_words.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/strconv.h>
#include <wx/textctrl.h>

#include <cstdio>

namespace kpd::ui {
namespace {

const char* const kRoleKeys[] = {"order_id", "store", "sold_at", "amount", "refunded"};
const char kDelimiters[] = {';', ',', '\t', '|'};

wxString Decode(const std::string& bytes, domain::TextEncoding encoding) {
    if (encoding == domain::TextEncoding::Cp1251) return wxString(bytes.data(), wxCSConv(wxFONTENCODING_CP1251), bytes.size());
    wxString text = wxString::FromUTF8(bytes.data(), bytes.size());
    return text.empty() && !bytes.empty() ? wxString(bytes.data(), wxCSConv(wxFONTENCODING_CP1251), bytes.size()) : text;
}

// "d=59;e=0;m=44;u=0;h=1;z=180;c=0,1,2,3,-1": a layout as Settings keeps it.
wxString LayoutText(const services::PosLayout& l) {
    const auto& c = l.columns;
    return wxString::Format("d=%d;e=%d;m=%d;u=%d;h=%d;z=%d;c=%d,%d,%d,%d,%d", static_cast<int>(l.delimiter),
                            l.encoding == domain::TextEncoding::Cp1251 ? 1 : 0, static_cast<int>(l.decimal),
                            l.unit == domain::AmountUnit::InKopecks ? 1 : 0, l.header ? 1 : 0, l.utc_offset_minutes,
                            c.order_id, c.store, c.sold_at, c.amount, c.refunded);
}

bool LayoutFromText(const wxString& text, services::PosLayout& l) {
    int d = 0, e = 0, m = 0, u = 0, h = 0, z = 0, c[5] = {};
    if (std::sscanf(text.utf8_str().data(), "d=%d;e=%d;m=%d;u=%d;h=%d;z=%d;c=%d,%d,%d,%d,%d", &d, &e, &m, &u, &h, &z,
                    &c[0], &c[1], &c[2], &c[3], &c[4]) != 11) {
        return false;
    }
    l.delimiter = static_cast<char>(d);
    l.encoding = e == 1 ? domain::TextEncoding::Cp1251 : domain::TextEncoding::Utf8;
    l.decimal = static_cast<char>(m);
    l.unit = u == 1 ? domain::AmountUnit::InKopecks : domain::AmountUnit::Roubles;
    l.header = h == 1;
    l.utc_offset_minutes = z;
    l.columns = {c[0], c[1], c[2], c[3], c[4]};
    return true;
}

int* Slot(services::PosColumns& c, int role) {
    switch (role) {
    case 0: return &c.order_id;
    case 1: return &c.store;
    case 2: return &c.sold_at;
    case 3: return &c.amount;
    default: return &c.refunded;
    }
}

} // namespace

PosMappingDialog::PosMappingDialog(wxWindow* parent, const std::string& path, const services::SniffedLayout& sniffed,
                                   const std::string& head)
    : wxDialog(parent, wxID_ANY, _("Columns of your sales export"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_layout(sniffed.layout) {
    std::string body = head;
    if (body.rfind("\xEF\xBB\xBF", 0) == 0) body.erase(0, 3);
    m_firstLine = body.substr(0, body.find_first_of("\r\n"));
    if (sniffed.workbook) m_workbookHeader = sniffed.header;
    if (!sniffed.header.empty()) {
        m_fingerprint = services::LayoutFingerprint(sniffed.header);
        const wxString kept = Settings::PosLayout(m_fingerprint);
        services::PosLayout remembered = m_layout;
        if (!kept.empty() && LayoutFromText(kept, remembered)) {
            m_layout = remembered;
            m_remembered = true;
        }
    }

    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    const wxString fileName = FromUtf8(path.substr(path.find_last_of('/') + 1));
    auto* intro = new wxStaticText(
        this, wxID_ANY,
        sniffed.workbook
            // TRANSLATORS: the first %s is the name of the XLSX file, the second the name of its sheet.
            ? wxString::Format(_("The desk read the sheet «%s» of %s this way. Check the columns and conventions, "
                                 "then reconcile."),
                               FromUtf8(m_layout.sheet), fileName)
            // TRANSLATORS: %s is the path of the POS file.
            : wxString::Format(_("The desk read %s this way. Check the columns and conventions, then reconcile."),
                               fileName));
    if (m_remembered) {
        intro->SetLabel(intro->GetLabel() + " " +
                        _("The columns are as you confirmed them for a file with these headers before."));
    }
    intro->Wrap(FromDIP(640));
    sizer->Add(intro, wxSizerFlags().Expand().Border(wxALL, gap * 2));

    // The file's first lines, as they are.
    std::string preview;
    std::size_t at = 0;
    for (int line = 0; line < 6 && at < body.size(); ++line) {
        const std::size_t end = body.find('\n', at);
        preview += body.substr(at, end == std::string::npos ? std::string::npos : end - at + 1);
        if (end == std::string::npos) break;
        at = end + 1;
    }
    // A workbook's first rows, their cells set apart by a bar (the sheet has no delimiter to show).
    wxString previewText = Decode(preview, m_layout.encoding);
    if (sniffed.workbook) {
        previewText.clear();
        for (const auto& cells : sniffed.rows) {
            wxString line;
            for (std::size_t i = 0; i < cells.size(); ++i) line += (i == 0 ? "" : " | ") + FromUtf8(cells[i]);
            previewText += line + "\n";
        }
    }
    auto* lines = new wxTextCtrl(this, wxID_ANY, previewText, wxDefaultPosition,
                                 FromDIP(wxSize(640, 110)), wxTE_MULTILINE | wxTE_READONLY | wxTE_DONTWRAP);
    lines->SetFont(wxFont(wxFontInfo(9).Family(wxFONTFAMILY_TELETYPE)));
    sizer->Add(lines, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, gap * 2));

    auto* grid = new wxFlexGridSizer(2, gap, gap * 2);
    grid->AddGrowableCol(1);
    auto row = [this, grid](const wxString& label, wxWindow* control) {
        auto* text = new wxStaticText(this, wxID_ANY, label);
        grid->Add(text, wxSizerFlags().CenterVertical());
        grid->Add(control, wxSizerFlags().Expand());
        return text;
    };
    m_delimiter = new wxChoice(this, wxID_ANY);
    for (const wxString& name : {_("Semicolon ;"), _("Comma ,"), _("Tab"), _("Vertical bar |")}) m_delimiter->Append(name);
    for (int i = 0; i < 4; ++i) {
        if (kDelimiters[i] == m_layout.delimiter) m_delimiter->SetSelection(i);
    }
    wxStaticText* delimiterLabel = row(_("&Delimiter:"), m_delimiter);
    m_encoding = new wxChoice(this, wxID_ANY);
    m_encoding->Append("UTF-8");
    m_encoding->Append("Windows-1251");
    m_encoding->SetSelection(m_layout.encoding == domain::TextEncoding::Cp1251 ? 1 : 0);
    wxStaticText* encodingLabel = row(_("&Encoding:"), m_encoding);
    if (sniffed.workbook) { // a sheet's cells are cells already, its text Unicode
        for (wxWindow* w : {static_cast<wxWindow*>(delimiterLabel), static_cast<wxWindow*>(m_delimiter),
                            static_cast<wxWindow*>(encodingLabel), static_cast<wxWindow*>(m_encoding)}) {
            w->Hide();
        }
    }
    m_decimal = new wxChoice(this, wxID_ANY);
    m_decimal->Append(_("Comma (1234,50)"));
    m_decimal->Append(_("Point (1234.50)"));
    m_decimal->SetSelection(m_layout.decimal == '.' ? 1 : 0);
    row(_("Decimal &mark:"), m_decimal);
    m_unit = new wxChoice(this, wxID_ANY);
    m_unit->Append(_("Roubles"));
    m_unit->Append(_("Kopecks"));
    m_unit->SetSelection(m_layout.unit == domain::AmountUnit::InKopecks ? 1 : 0);
    row(_("Amounts &in:"), m_unit);
    m_header = new wxCheckBox(this, wxID_ANY, _("The first line holds the column &names"));
    m_header->SetValue(m_layout.header);
    grid->AddSpacer(0);
    grid->Add(m_header);
    for (int role = 0; role < kRoles; ++role) {
        m_columns[role] = new wxChoice(this, wxID_ANY);
        wxString label = PosColumnName(kRoleKeys[role]) + ":";
        if (role == 4) label = _("Refunded (optional):");
        row(label, m_columns[role]);
    }
    sizer->Add(grid, wxSizerFlags().Expand().Border(wxALL, gap * 2));
    m_missing = new wxStaticText(this, wxID_ANY, wxString());
    m_missing->SetForegroundColour(wxColour(0xB7, 0x1C, 0x1C));
    sizer->Add(m_missing, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, gap * 2));

    sizer->Add(OkCancelButtons(this, _("&Reconcile")).sizer, wxSizerFlags().Expand().Border(wxALL, gap * 2));
    SetSizerAndFit(sizer);

    FillColumns();
    m_delimiter->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        m_layout.columns = {};
        FillColumns();
    });
    m_header->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { FillColumns(); });
    for (wxChoice* choice : m_columns) choice->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { UpdateOk(); });
    CentreOnParent();
}

void PosMappingDialog::FillColumns() {
    const char delimiter = kDelimiters[std::max(0, m_delimiter->GetSelection())];
    std::vector<std::string> cells = m_workbookHeader;
    if (m_workbookHeader.empty()) {
        std::string cell;
        for (char c : m_firstLine) {
            if (c == delimiter) {
                cells.push_back(cell);
                cell.clear();
            } else if (c != '"') {
                cell += c;
            }
        }
        cells.push_back(cell);
    }
    const auto encoding = m_encoding->GetSelection() == 1 ? domain::TextEncoding::Cp1251 : domain::TextEncoding::Utf8;
    for (int role = 0; role < kRoles; ++role) {
        wxChoice* choice = m_columns[role];
        const int kept = *Slot(m_layout.columns, role);
        choice->Clear();
        choice->Append(_("(none)"));
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (m_header->GetValue()) {
                choice->Append(m_workbookHeader.empty() ? Decode(cells[i], encoding) : FromUtf8(cells[i]));
            } else if (!m_workbookHeader.empty()) {
                // TRANSLATORS: a column of a sheet without a header, %s is its letter (A, B, …).
                choice->Append(wxString::Format(_("Column %s"), domain::ColumnLetters(static_cast<int>(i))));
            } else {
                // TRANSLATORS: a column of the POS file without a header, %zu is its number from 1.
                choice->Append(wxString::Format(_("Column %zu"), i + 1));
            }
        }
        choice->SetSelection(kept >= 0 && kept < static_cast<int>(cells.size()) ? kept + 1 : 0);
    }
    UpdateOk();
}

void PosMappingDialog::UpdateOk() {
    wxString missing;
    for (int role = 0; role < 4; ++role) {
        if (m_columns[role]->GetSelection() <= 0) {
            if (!missing.empty()) missing += ", ";
            missing += PosColumnName(kRoleKeys[role]);
        }
    }
    // TRANSLATORS: %s lists the columns still to choose, e.g. "Store, Amount".
    m_missing->SetLabel(missing.empty() ? wxString() : wxString::Format(_("Choose the column for: %s."), missing));
    if (auto* ok = AffirmativeButtonOf(this)) ok->Enable(missing.empty());
    Layout();
}

void PosMappingDialog::Remember() const {
    if (!m_fingerprint.empty()) Settings::SetPosLayout(m_fingerprint, LayoutText(ChosenLayout()));
}

services::PosLayout PosMappingDialog::ChosenLayout() const {
    services::PosLayout layout = m_layout;
    layout.delimiter = kDelimiters[std::max(0, m_delimiter->GetSelection())];
    layout.encoding = m_encoding->GetSelection() == 1 ? domain::TextEncoding::Cp1251 : domain::TextEncoding::Utf8;
    layout.decimal = m_decimal->GetSelection() == 1 ? '.' : ',';
    layout.unit = m_unit->GetSelection() == 1 ? domain::AmountUnit::InKopecks : domain::AmountUnit::Roubles;
    layout.header = m_header->GetValue();
    for (int role = 0; role < kRoles; ++role) *Slot(layout.columns, role) = m_columns[role]->GetSelection() - 1;
    return layout;
}

} // namespace kpd::ui
