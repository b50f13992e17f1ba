#include "ui/settlements/recon_table_model.h"

#include "domain/timestamp.h"
#include "ui/app/words.h"
#include "ui/settlements/settlement_words.h"

#include <algorithm>
#include <cstdio>
#include <set>

namespace kpd::ui {
namespace {

constexpr std::int64_t kMoscowOffset = 3 * 3600;

std::int64_t FloorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

} // namespace

ReconTableModel::ReconTableModel() : wxDataViewVirtualListModel(0) {}

std::string ReconTableModel::FormatMoscowTime(std::int64_t unixSeconds) {
    const std::int64_t local = unixSeconds + kMoscowOffset;
    const std::int64_t day = FloorDiv(local, 86400);
    const std::int64_t secs = local - day * 86400;
    const auto date = domain::CivilFromDays(day);
    char text[32];
    std::snprintf(text, sizeof text, "%02u.%02u.%04d %02d:%02d:%02d", date.day, date.month, date.year, static_cast<int>(secs / 3600),
                  static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60));
    return text;
}

std::int64_t ReconTableModel::MoscowDay(std::int64_t unixSeconds) { return FloorDiv(unixSeconds + kMoscowOffset, 86400); }

void ReconTableModel::SetReport(std::shared_ptr<const services::ReconcileReport> report,
                                std::map<std::string, std::string> notes) {
    m_report = std::move(report);
    m_notes = std::move(notes);
    m_sortColumn = -1;
    SetFilter(m_filter);
}

const services::ReconRow& ReconTableModel::RowOf(unsigned shownRow) const {
    return m_report->result.rows[m_index[shownRow]];
}

std::string_view ReconTableModel::OrderOf(const services::ReconRow& row) const {
    if (row.platform != services::kNoRow) return m_report->platform.OrderId(row.platform);
    return m_report->pos.table.OrderId(row.partner);
}

std::string_view ReconTableModel::StoreOf(const services::ReconRow& row) const {
    if (row.platform != services::kNoRow) return m_report->platform.Store(row.platform);
    return m_report->pos.table.Store(row.partner);
}

std::int64_t ReconTableModel::TimeOf(const services::ReconRow& row) const {
    if (row.platform != services::kNoRow) return m_report->platform.At(row.platform);
    return m_report->pos.table.At(row.partner);
}

domain::Kopecks ReconTableModel::PlatformKop(const services::ReconRow& row) const {
    return row.platform == services::kNoRow ? 0 : m_report->platform.Amount(row.platform);
}

domain::Kopecks ReconTableModel::PartnerKop(const services::ReconRow& row) const {
    return row.partner == services::kNoRow ? 0 : m_report->pos.table.Amount(row.partner);
}

std::string ReconTableModel::OrderIdOf(unsigned shownRow) const { return std::string(OrderOf(RowOf(shownRow))); }

std::string ReconTableModel::NoteOf(const std::string& orderId) const {
    const auto it = m_notes.find(orderId);
    return it == m_notes.end() ? std::string() : it->second;
}

void ReconTableModel::SetNote(const std::string& orderId, const std::string& text) {
    if (text.empty()) {
        m_notes.erase(orderId);
    } else {
        m_notes[orderId] = text;
    }
    for (unsigned row = 0; row < m_index.size(); ++row) {
        if (OrderOf(RowOf(row)) == orderId) RowValueChanged(row, ColNote);
    }
}

std::vector<std::string> ReconTableModel::Stores() const {
    std::set<std::string> stores;
    if (m_report) {
        for (const auto& row : m_report->result.rows) stores.emplace(StoreOf(row));
    }
    return {stores.begin(), stores.end()};
}

std::vector<std::int64_t> ReconTableModel::Days() const {
    std::set<std::int64_t> days;
    if (m_report) {
        for (const auto& row : m_report->result.rows) days.insert(MoscowDay(TimeOf(row)));
    }
    return {days.begin(), days.end()};
}

bool ReconTableModel::Passes(const services::ReconRow& row) const {
    const ReconFilter& f = m_filter;
    if (f.classes == ReconFilter::Classes::Discrepancies && row.cls == domain::ReconClass::Matched) return false;
    if (f.classes == ReconFilter::Classes::One && row.cls != f.one) return false;
    if (!f.store.empty() && StoreOf(row) != f.store) return false;
    if (f.from_day || f.to_day) {
        const std::int64_t day = MoscowDay(TimeOf(row));
        if (f.from_day && day < *f.from_day) return false;
        if (f.to_day && day > *f.to_day) return false;
    }
    if (f.min_kop || f.max_kop) {
        auto inRange = [&f](domain::Kopecks kop) {
            return (!f.min_kop || kop >= *f.min_kop) && (!f.max_kop || kop <= *f.max_kop);
        };
        const bool platform = row.platform != services::kNoRow && inRange(PlatformKop(row));
        const bool partner = row.partner != services::kNoRow && inRange(PartnerKop(row));
        if (!platform && !partner) return false;
    }
    return true;
}

void ReconTableModel::SetFilter(const ReconFilter& filter) {
    m_filter = filter;
    m_index.clear();
    if (m_report) {
        const auto& rows = m_report->result.rows;
        m_index.reserve(rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i) {
            if (Passes(rows[i])) m_index.push_back(static_cast<std::uint32_t>(i));
        }
    }
    if (m_sortColumn >= 0) {
        SortBy(m_sortColumn, m_ascending); // resets the control
    } else {
        Reset(static_cast<unsigned>(m_index.size()));
    }
}

void ReconTableModel::SortBy(int column, bool ascending) {
    m_sortColumn = column;
    m_ascending = ascending;
    if (m_report) {
        const auto& rows = m_report->result.rows;
        auto key = [this, &rows, column](std::uint32_t a, std::uint32_t b) -> bool {
            const auto& x = rows[a];
            const auto& y = rows[b];
            switch (column) {
            case ColClass: return x.cls < y.cls;
            case ColOrder: return OrderOf(x) < OrderOf(y);
            case ColStore: return StoreOf(x) < StoreOf(y);
            case ColTime: return TimeOf(x) < TimeOf(y);
            case ColPlatform: return PlatformKop(x) < PlatformKop(y);
            case ColPartner: return PartnerKop(x) < PartnerKop(y);
            case ColDifference: return PartnerKop(x) - PlatformKop(x) < PartnerKop(y) - PlatformKop(y);
            case ColPosLine: {
                const auto lx = x.partner == services::kNoRow ? -1 : m_report->pos.table.SourceLine(x.partner);
                const auto ly = y.partner == services::kNoRow ? -1 : m_report->pos.table.SourceLine(y.partner);
                return lx < ly;
            }
            case ColNote: return NoteOf(std::string(OrderOf(x))) < NoteOf(std::string(OrderOf(y)));
            default: return a < b;
            }
        };
        if (ascending) {
            std::stable_sort(m_index.begin(), m_index.end(), key);
        } else {
            std::stable_sort(m_index.begin(), m_index.end(), [&key](std::uint32_t a, std::uint32_t b) { return key(b, a); });
        }
    }
    Reset(static_cast<unsigned>(m_index.size()));
}

void ReconTableModel::GetValueByRow(wxVariant& value, unsigned row, unsigned column) const {
    if (!m_report || row >= m_index.size()) {
        value = wxString();
        return;
    }
    const services::ReconRow& r = RowOf(row);
    wxString text;
    switch (column) {
    case ColClass: text = ReconClassName(r.cls); break;
    case ColOrder: text = FromUtf8(std::string(OrderOf(r))); break;
    case ColStore: text = FromUtf8(std::string(StoreOf(r))); break;
    case ColTime: text = FromUtf8(FormatMoscowTime(TimeOf(r))); break;
    case ColPlatform: if (r.platform != services::kNoRow) text = Money(PlatformKop(r)); break;
    case ColPartner: if (r.partner != services::kNoRow) text = Money(PartnerKop(r)); break;
    case ColDifference:
        // Your records minus the platform's, as in the totals (a one-sided row differs by its whole amount).
        if (PartnerKop(r) != PlatformKop(r)) text = Money(PartnerKop(r) - PlatformKop(r));
        break;
    case ColPosLine:
        if (r.partner != services::kNoRow) text << m_report->pos.table.SourceLine(r.partner);
        break;
    case ColNote: text = FromUtf8(NoteOf(std::string(OrderOf(r)))); break;
    default: break;
    }
    value = text;
}

bool ReconTableModel::GetAttrByRow(unsigned row, unsigned column, wxDataViewItemAttr& attr) const {
    if (!m_report || row >= m_index.size()) return false;
    const services::ReconRow& r = RowOf(row);
    if (r.cls == domain::ReconClass::Matched) return false;
    if (column == ColClass || column == ColDifference) {
        attr.SetColour(wxColour(0xB7, 0x1C, 0x1C));
        attr.SetBold(true);
        return true;
    }
    return false;
}

} // namespace kpd::ui
