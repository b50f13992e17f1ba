#pragma once
// The column-mapping step of a reconciliation: what the desk sniffed from the
// partner's POS export (delimiter, encoding, decimal mark, unit, and which
// column holds the order number, store, time of sale, amount and refunds),
// shown over the file's first lines (an XLSX sheet's first rows, without the
// delimiter and encoding a sheet does not have) and editable before anything is read.
// UI thread only.
#include "services/pos_layout.h"

#include <wx/dialog.h>

#include <string>
#include <vector>

class wxCheckBox;
class wxChoice;
class wxStaticText;

namespace kpd::ui {

class PosMappingDialog : public wxDialog {
  public:
    PosMappingDialog(wxWindow* parent, const std::string& path, const services::SniffedLayout& sniffed,
                     const std::string& head);

    services::PosLayout ChosenLayout() const;
    // Keeps the chosen layout for files with this header (the next one opens with it).
    void Remember() const;
    bool Remembered() const { return m_remembered; } // opened with a layout kept earlier

  private:
    void FillColumns();
    void UpdateOk();

    static constexpr int kRoles = 5; // order_id, store, sold_at, amount, refunded
    services::PosLayout m_layout;
    std::string m_firstLine;
    std::vector<std::string> m_workbookHeader; // an XLSX sheet's first row; empty for CSV
    std::string m_fingerprint; // of the header; empty without one
    bool m_remembered = false;
    wxChoice* m_delimiter = nullptr;
    wxChoice* m_encoding = nullptr;
    wxChoice* m_decimal = nullptr;
    wxChoice* m_unit = nullptr;
    wxCheckBox* m_header = nullptr;
    wxChoice* m_columns[kRoles] = {};
    wxStaticText* m_missing = nullptr;
};

} // namespace kpd::ui
