#pragma once
// The reconciliation results as a virtual list for wxDataViewCtrl: the model
// holds no object per row, only an index (std::uint32_t) into the report's
// rows for each row that passes the filter, in the chosen order, so a million
// rows cost four megabytes here and the control asks only for what it paints.
// Filters by class, store, day and amount; sorts by any column; shows the
// user's note per order. UI thread only.
#include "services/settlement_checks.h"

#include <wx/dataview.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kpd::ui {

struct ReconFilter {
    enum class Classes { All, Discrepancies, One };
    Classes classes = Classes::All;
    domain::ReconClass one = domain::ReconClass::Matched;
    std::string store;                     // empty: every store
    std::optional<std::int64_t> from_day;  // days since 1970-01-01, Moscow time, inclusive
    std::optional<std::int64_t> to_day;
    std::optional<domain::Kopecks> min_kop; // either side's amount within [min, max]
    std::optional<domain::Kopecks> max_kop;
};

class ReconTableModel : public wxDataViewVirtualListModel {
  public:
    enum Column { ColClass, ColOrder, ColStore, ColTime, ColPlatform, ColPartner, ColDifference, ColPosLine, ColNote,
                  ColumnCount };

    ReconTableModel();

    void SetReport(std::shared_ptr<const services::ReconcileReport> report, std::map<std::string, std::string> notes);
    const services::ReconcileReport* Report() const { return m_report.get(); }
    std::shared_ptr<const services::ReconcileReport> ReportPtr() const { return m_report; }
    void SetFilter(const ReconFilter& filter);
    void SortBy(int column, bool ascending);
    int SortColumn() const { return m_sortColumn; }
    bool SortAscending() const { return m_ascending; }

    // Rows shown now, and what one of them is.
    std::size_t Shown() const { return m_index.size(); }
    const services::ReconRow& RowOf(unsigned shownRow) const;
    std::string OrderIdOf(unsigned shownRow) const;
    std::string NoteOf(const std::string& orderId) const;
    void SetNote(const std::string& orderId, const std::string& text);
    // Stores named in the report, and the Moscow days of its rows, sorted.
    std::vector<std::string> Stores() const;
    std::vector<std::int64_t> Days() const;

    // Moscow-time words for a Unix time: "20.11.2026 14:05:09".
    static std::string FormatMoscowTime(std::int64_t unixSeconds);
    static std::int64_t MoscowDay(std::int64_t unixSeconds);

    // wxDataViewVirtualListModel
    unsigned int GetColumnCount() const override { return ColumnCount; }
    wxString GetColumnType(unsigned int) const override { return "string"; }
    void GetValueByRow(wxVariant& value, unsigned row, unsigned column) const override;
    bool GetAttrByRow(unsigned row, unsigned column, wxDataViewItemAttr& attr) const override;
    bool SetValueByRow(const wxVariant&, unsigned, unsigned) override { return false; }

  private:
    bool Passes(const services::ReconRow& row) const;
    std::int64_t TimeOf(const services::ReconRow& row) const;
    domain::Kopecks PlatformKop(const services::ReconRow& row) const;
    domain::Kopecks PartnerKop(const services::ReconRow& row) const;
    std::string_view StoreOf(const services::ReconRow& row) const;
    std::string_view OrderOf(const services::ReconRow& row) const;

    std::shared_ptr<const services::ReconcileReport> m_report;
    std::map<std::string, std::string> m_notes;
    std::vector<std::uint32_t> m_index;
    ReconFilter m_filter;
    int m_sortColumn = -1;
    bool m_ascending = true;
};

} // namespace kpd::ui
