#pragma once
// A register's purchases as a virtual list for wxDataViewCtrl (no object per
// row): order, store, time, amount, the buyer's first payment, state and
// refunds. UI thread only.
#include "domain/settlement.h"

#include <wx/dataview.h>

#include <vector>

namespace kpd::ui {

class PurchasesModel : public wxDataViewVirtualListModel {
  public:
    enum Column { ColOrder, ColStore, ColTime, ColAmount, ColPrepaid, ColStatus, ColRefunded, ColumnCount };

    PurchasesModel() : wxDataViewVirtualListModel(0) {}
    void SetPurchases(std::vector<domain::SettlementTransaction> purchases);
    std::size_t Size() const { return m_rows.size(); }

    unsigned int GetColumnCount() const override { return ColumnCount; }
    wxString GetColumnType(unsigned int) const override { return "string"; }
    void GetValueByRow(wxVariant& value, unsigned row, unsigned column) const override;
    bool SetValueByRow(const wxVariant&, unsigned, unsigned) override { return false; }

  private:
    std::vector<domain::SettlementTransaction> m_rows;
};

} // namespace kpd::ui
