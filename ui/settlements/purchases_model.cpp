#include "ui/settlements/purchases_model.h"

#include "ui/app/words.h"
#include "ui/settlements/recon_table_model.h"
#include "ui/settlements/settlement_words.h"

namespace kpd::ui {

void PurchasesModel::SetPurchases(std::vector<domain::SettlementTransaction> purchases) {
    m_rows = std::move(purchases);
    Reset(static_cast<unsigned>(m_rows.size()));
}

void PurchasesModel::GetValueByRow(wxVariant& value, unsigned row, unsigned column) const {
    wxString text;
    if (row < m_rows.size()) {
        const auto& p = m_rows[row];
        switch (column) {
        case ColOrder: text = FromUtf8(p.order_id); break;
        case ColStore: text = FromUtf8(p.store_id); break;
        case ColTime: text = FromUtf8(ReconTableModel::FormatMoscowTime(p.purchased_at)); break;
        case ColAmount: text = Money(p.amount_kop); break;
        case ColPrepaid: text = Money(p.prepaid_kop); break;
        case ColStatus: text = OrderStatusName(p.status); break;
        case ColRefunded: if (p.refunded_kop != 0) text = Money(p.refunded_kop); break;
        default: break;
        }
    }
    value = text;
}

} // namespace kpd::ui
