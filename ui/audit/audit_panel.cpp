#include "ui/audit/audit_panel.h"

#include "ui/app/desk_session.h"
#include "ui/app/task_runner.h"
#include "ui/app/words.h"
#include "ui/widgets/page_header.h"

#include <wx/dataview.h>
#include <wx/infobar.h>
#include <wx/intl.h>
#include <wx/sizer.h>

namespace kpd::ui {

AuditPanel::AuditPanel(wxWindow* parent, std::shared_ptr<DeskSession> session, DeskShell& shell)
    : wxPanel(parent), m_session(std::move(session)), m_shell(shell) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(new PageHeader(this, _("Audit log"),
                              _("Every change to your partner account, newest first. Press F5 to refresh.")),
               wxSizerFlags().Expand());
    m_banner = new wxInfoBar(this);
    sizer->Add(m_banner, wxSizerFlags().Expand());
    m_list = new wxDataViewListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxDV_ROW_LINES);
    m_list->AppendTextColumn(_("When (Moscow)"), wxDATAVIEW_CELL_INERT, FromDIP(135));
    m_list->AppendTextColumn(_("Who"), wxDATAVIEW_CELL_INERT, FromDIP(120));
    m_list->AppendTextColumn(_("Action"), wxDATAVIEW_CELL_INERT, FromDIP(215));
    m_list->AppendTextColumn(_("Object"), wxDATAVIEW_CELL_INERT, FromDIP(120));
    m_list->AppendTextColumn(_("Details"), wxDATAVIEW_CELL_INERT, FromDIP(300));
    m_list->AppendTextColumn(_("Client"), wxDATAVIEW_CELL_INERT, FromDIP(140));
    sizer->Add(m_list, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(16)));
    SetSizer(sizer);
}

void AuditPanel::Reload() {
    auto session = m_session;
    RunAsync<Loaded<std::vector<domain::AuditEntry>>>(
        _("Loading the audit log"), [session](TaskContext& context) { return session->ListAudit(context.cancel, &context.progress); })
        .ThenOnWindow(this, [this](Loaded<std::vector<domain::AuditEntry>>& loaded) {
            if (loaded.value) {
                m_list->DeleteAllItems();
                for (const domain::AuditEntry& entry : *loaded.value) {
                    wxVector<wxVariant> row;
                    row.push_back(FormatInstant(entry.at));
                    row.push_back(FromUtf8(entry.actor_login));
                    row.push_back(AuditActionName(entry.action));
                    row.push_back(AuditObjectName(entry.object_type, entry.object_id));
                    row.push_back(FromUtf8(entry.detail));
                    row.push_back(FromUtf8(entry.client));
                    m_list->AppendItem(row);
                }
            }
            m_shell.SetOnline(!loaded.from_cache && !(loaded.error && loaded.error->IsOffline()));
            if (loaded.from_cache) {
                // TRANSLATORS: %s is when the desk last got the log, e.g. "23.11.2026 19:40".
                m_banner->ShowMessage(wxString::Format(_("Offline — showing data from %s."),
                                                       FormatInstant(loaded.fetched_at)),
                                      wxICON_WARNING);
            } else if (loaded.error) {
                m_banner->ShowMessage(DescribeApiError(*loaded.error), wxICON_ERROR);
            } else {
                if (m_banner->IsShown()) m_banner->Dismiss();
                const int count = m_list->GetItemCount();
                // TRANSLATORS: status bar after loading; %d is the number of audit entries shown.
                m_shell.ShowStatus(wxString::Format(wxPLURAL("%d entry", "%d entries", count), count));
            }
            Layout();
        })
        .CatchAll([this](const wxString& why) { m_banner->ShowMessage(why, wxICON_ERROR); });
}

int AuditPanel::RowCount() const { return m_list->GetItemCount(); }

} // namespace kpd::ui
