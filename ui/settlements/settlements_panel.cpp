#include "ui/settlements/settlements_panel.h"

#include "ui/app/desk_session.h"
#include "ui/app/task_runner.h"
#include "ui/app/words.h"
#include "ui/settlements/commission_view.h"
#include "ui/settlements/register_view.h"
#include "ui/settlements/settlement_words.h"
#include "ui/widgets/list_area.h"
#include "ui/widgets/page_header.h"

#include <wx/button.h>
#include <wx/dataview.h>
#include <wx/infobar.h>
#include <wx/intl.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>

namespace kpd::ui {

SettlementsPanel::SettlementsPanel(wxWindow* parent, std::shared_ptr<DeskSession> session, DeskShell& shell)
    : wxPanel(parent), m_session(std::move(session)), m_shell(shell) {
    auto area = BuildListArea(
        this, _("Dolyami settlements"),
        _("Daily registers of Dolyami instalment purchases: check each against your own sales export, approve or "
          "dispute it, and check the month's commission."),
        m_session->MaySeeSettlements(),
        _("Settlements need a finance role (Finance or Finance manager). Ask your partner administrator if you "
          "should see them."));
    m_header = area.header;
    m_banner = area.banner;
    if (!area.book) {
        return;
    }

    m_book = area.book;
    auto* listPage = area.list_page;
    auto* listSizer = area.list_sizer;
    m_open = new wxButton(listPage, wxID_ANY, _("&Open register"));
    m_invoice = new wxButton(listPage, wxID_ANY, _("Commission &invoice…"));
    m_sync = new wxButton(listPage, wxID_ANY, _("&Sync with the platform"));
    m_cancel = new wxButton(listPage, wxID_ANY, _("Stop s&ync"));
    m_summary = AddButtonRowAndSummary(area, {m_open, m_invoice}, {m_sync, m_cancel});

    m_list = NewRowList(listPage);
    // Each width fits the column's values; a longer title in the user's
    // language ("Дата выплаты", "Утверждено") widens its column rather than being cut.
    const auto column = [&](const wxString& title, int width, wxAlignment align = wxALIGN_NOT) {
        width = std::max(FromDIP(width), GetTextExtent(title).x + FromDIP(30));
        m_list->AppendTextColumn(title, wxDATAVIEW_CELL_INERT, width, align);
    };
    column(_("Date"), 90);
    column(_("Status"), 115);
    // TRANSLATORS: a column header: how many purchases a register holds.
    column(_("Count"), 82, wxALIGN_RIGHT);
    column(_("Turnover"), 110, wxALIGN_RIGHT);
    column(_("Refunds"), 100, wxALIGN_RIGHT);
    column(_("Payout"), 110, wxALIGN_RIGHT);
    column(_("Payout date"), 112);
    // Approvals given of those needed: "1 of 2" marks a register under the four-eyes rule.
    column(_("Approvals"), 105);
    listSizer->Add(m_list, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(16)));
    // Who approved the selected register and when, in full.
    m_details = new wxStaticText(listPage, wxID_ANY, wxString());
    listSizer->Add(m_details, wxSizerFlags().Expand().Border(wxALL, FromDIP(16)));
    listPage->SetSizer(listSizer);
    m_book->AddPage(listPage, wxString());

    m_register = new RegisterView(m_book, m_session, m_shell, [this] { ShowList(); Reload(); });
    m_book->AddPage(m_register, wxString());
    m_commission = new CommissionView(m_book, m_session, m_shell, [this] { ShowList(); });
    m_book->AddPage(m_commission, wxString());
    area.sizer->Add(m_book, wxSizerFlags(1).Expand());
    SetSizer(area.sizer);

    m_open->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (auto reg = Selected()) OpenRegister(reg->id);
    });
    m_invoice->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OpenCommission(); });
    m_sync->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Sync(); });
    m_cancel->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { CancelSync(); });
    m_list->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) {
        ShowDetails();
        UpdateButtons();
    });
    m_list->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) {
        if (auto reg = Selected()) OpenRegister(reg->id);
    });
    UpdateButtons();
}

void SettlementsPanel::Activate() {
    if (m_activated || !m_list) return;
    m_activated = true;
    Reload();
    if (m_session->IsOnlineSession()) Sync();
}

void SettlementsPanel::Reload() {
    if (!m_list || m_loading) return;
    m_loading = true;
    UpdateButtons();
    auto session = m_session;
    RunAsync<SettlementAnswer<std::vector<domain::SettlementRegister>>>(
        _("Reading registers from the workspace"), [session](TaskContext&) { return session->StoredRegisters(); })
        .ThenOnWindow(this, [this](SettlementAnswer<std::vector<domain::SettlementRegister>>& answer) {
            m_loading = false;
            if (answer.value) {
                Fill(*answer.value);
            } else {
                m_banner->ShowMessage(DescribeWorkspaceFailure("", answer.failure), wxICON_ERROR);
            }
            UpdateButtons();
        })
        .CatchAll([this](const wxString& why) {
            m_loading = false;
            m_banner->ShowMessage(why, wxICON_ERROR);
            UpdateButtons();
        });
}

void SettlementsPanel::Sync() {
    if (!m_list || m_syncing) return;
    m_syncing = true;
    UpdateButtons();
    auto session = m_session;
    auto task = RunAsync<SettlementAnswer<services::SyncReport>>(
        _("Syncing Dolyami registers"),
        [session](TaskContext& context) { return session->SyncSettlements(context.cancel, context.progress); });
    m_syncCancel = task.Token();
    task.ThenOnWindow(this, [this](SettlementAnswer<services::SyncReport>& answer) {
            m_syncing = false;
            m_syncCancel.reset();
            if (answer.value) {
                m_shell.SetOnline(true);
                if (m_banner->IsShown()) m_banner->Dismiss();
                if (answer.value->cancelled) {
                    m_shell.ShowStatus(_("Sync stopped; the registers loaded so far are kept, and the next sync "
                                         "continues from there."));
                } else {
                    // TRANSLATORS: %lld is the number of registers, the second %lld the purchases loaded now.
                    m_shell.ShowStatus(wxString::Format(_("Synced. Registers: %lld; purchases loaded now: %lld."),
                                                        static_cast<long long>(answer.value->registers_listed),
                                                        static_cast<long long>(answer.value->transactions_loaded)));
                }
            } else if (answer.error) {
                m_shell.SetOnline(!answer.error->IsOffline());
                if (answer.error->kind == api::ApiErrorKind::Cancelled) {
                    m_shell.ShowStatus(_("Sync stopped; the registers loaded so far are kept, and the next sync "
                                         "continues from there."));
                } else if (answer.error->IsOffline()) {
                    m_banner->ShowMessage(_("Offline — showing the registers this workspace holds. Sync needs the "
                                            "platform."),
                                          wxICON_WARNING);
                } else {
                    m_banner->ShowMessage(DescribeSettlementError(*answer.error), wxICON_ERROR);
                }
            } else {
                m_banner->ShowMessage(DescribeWorkspaceFailure("", answer.failure), wxICON_ERROR);
            }
            UpdateButtons();
            Reload();
        })
        .CatchAll([this](const wxString& why) {
            m_syncing = false;
            m_syncCancel.reset();
            m_banner->ShowMessage(why, wxICON_ERROR);
            UpdateButtons();
        });
}

void SettlementsPanel::CancelSync() {
    if (m_syncCancel) m_syncCancel->Cancel();
}

void SettlementsPanel::Fill(const std::vector<domain::SettlementRegister>& registers) {
    const auto previous = Selected();
    m_registers = registers;
    m_list->DeleteAllItems();
    std::int64_t pending = 0;
    for (const auto& reg : m_registers) {
        if (reg.status == domain::RegisterStatus::PendingReview) ++pending;
        wxVector<wxVariant> row;
        row.push_back(DateWords(reg.business_date));
        row.push_back(RegisterStatusName(reg.status));
        row.push_back(wxString::Format("%lld", static_cast<long long>(reg.count)));
        row.push_back(Money(reg.turnover_kop));
        row.push_back(Money(reg.refunds_kop));
        row.push_back(Money(reg.payout_kop));
        row.push_back(DateWords(reg.payout_date));
        // TRANSLATORS: approvals given of those a register needs, e.g. "1 of 2" (four eyes) or "0 of 1".
        row.push_back(wxString::Format(_("%zu of %d"), reg.approvals.size(), reg.needs_second_approval ? 2 : 1));
        m_list->AppendItem(row);
    }
    for (size_t i = 0; previous && i < m_registers.size(); ++i) {
        if (m_registers[i].id == previous->id) m_list->SelectRow(static_cast<unsigned>(i));
    }
    ShowDetails();
    if (m_registers.empty()) {
        m_summary->SetLabel(_("The workspace holds no registers yet. Sync with the platform to load them."));
    } else {
        // TRANSLATORS: %zu is the number of registers, %lld how many of them wait for review.
        m_summary->SetLabel(wxString::Format(_("Registers in the workspace: %zu; pending review: %lld."),
                                             m_registers.size(), static_cast<long long>(pending)));
    }
    Layout();
}

void SettlementsPanel::SelectRegister(std::int64_t id) {
    for (size_t i = 0; m_list && i < m_registers.size(); ++i) {
        if (m_registers[i].id != id) continue;
        m_list->SelectRow(static_cast<unsigned>(i));
        m_list->EnsureVisible(m_list->RowToItem(static_cast<int>(i)));
        ShowDetails();
        UpdateButtons();
    }
}

void SettlementsPanel::ShowDetails() {
    const auto reg = Selected();
    wxString text;
    if (reg) {
        // TRANSLATORS: %s is the register's business date.
        text = wxString::Format(_("Register of %s: "), DateWords(reg->business_date));
        if (reg->approvals.empty()) text += _("no approvals yet.");
        for (std::size_t i = 0; i < reg->approvals.size(); ++i) {
            const auto& a = reg->approvals[i];
            text += (i == 0 ? _("approved by ") : wxString("; ")) + FromUtf8(a.login) + ", " + FormatInstant(a.approved_at);
            if (!a.comment.empty()) text += wxString::FromUTF8(" «") + FromUtf8(a.comment) + wxString::FromUTF8("»");
        }
        if (!reg->approvals.empty()) text += ".";
        if (reg->needs_second_approval) {
            text += " " + _("The payout is above the four-eyes threshold: two approvals are needed, the second by a "
                            "finance manager.");
        }
    }
    m_details->SetLabel(text);
    m_details->Wrap(m_list->GetClientSize().x > 0 ? m_list->GetClientSize().x : FromDIP(800));
    Layout();
}

std::optional<domain::SettlementRegister> SettlementsPanel::Selected() const {
    if (!m_list) return std::nullopt;
    const int row = m_list->GetSelectedRow();
    if (row == wxNOT_FOUND || static_cast<size_t>(row) >= m_registers.size()) return std::nullopt;
    return m_registers[static_cast<size_t>(row)];
}

void SettlementsPanel::UpdateButtons() {
    if (!m_list) return;
    m_open->Enable(Selected().has_value());
    m_invoice->Enable(!m_registers.empty());
    m_sync->Enable(!m_syncing);
    m_cancel->Enable(m_syncing);
}

void SettlementsPanel::OpenRegister(std::int64_t id) {
    for (const auto& reg : m_registers) {
        if (reg.id != id) continue;
        m_register->Open(reg);
        m_header->Hide();
        m_shell.ShowStatus(wxString()); // the last view's message does not belong to this one
        m_book->ChangeSelection(1);
        Layout();
        m_register->SetFocus();
        return;
    }
}

void SettlementsPanel::OpenCommission() {
    std::vector<std::string> months;
    for (const auto& reg : m_registers) {
        const std::string month = reg.business_date.substr(0, 7);
        if (months.empty() || months.back() != month) months.push_back(month);
    }
    m_commission->Open(months);
    m_header->Hide();
    m_shell.ShowStatus(wxString()); // the last view's message does not belong to this one
    m_book->ChangeSelection(2);
    Layout();
}

void SettlementsPanel::ShowList() {
    m_header->Show();
    m_shell.ShowStatus(wxString()); // the last view's message does not belong to this one
    m_book->ChangeSelection(0);
    Layout();
    m_list->SetFocus();
}

} // namespace kpd::ui
