#include "ui/settlements/commission_view.h"

#include "ui/app/desk_session.h"
#include "ui/app/i18n.h"
#include "ui/app/task_runner.h"
#include "ui/app/words.h"
#include "ui/main/area_page.h"
#include "ui/settlements/back_header.h"
#include "ui/settlements/recon_table_model.h"
#include "ui/settlements/settlement_words.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/infobar.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace kpd::ui {
namespace {

wxString MonthWords(const std::string& month) {
    const auto m = domain::ParseMonth(month);
    if (!m) return FromUtf8(month);
    return MonthName(m->month) + wxString::Format(" %d", m->year);
}

wxString RateWords(domain::Kopecks bp) {
    const char mark = CurrentLanguage() == UiLanguage::Russian ? ',' : '.';
    return wxString::Format("%lld%c%02lld %%", static_cast<long long>(bp / 100), mark, static_cast<long long>(bp % 100));
}

} // namespace

CommissionView::CommissionView(wxWindow* parent, std::shared_ptr<DeskSession> session, DeskShell& shell,
                               std::function<void()> onBack)
    : wxPanel(parent), m_session(std::move(session)), m_shell(shell), m_onBack(std::move(onBack)) {
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    m_banner = new wxInfoBar(this);
    sizer->Add(m_banner, wxSizerFlags().Expand());
    auto* top = MakeBackHeader(this, _("Commission invoice"), [this] { m_onBack(); }).row;
    top->Add(new wxStaticText(this, wxID_ANY, _("&Month:")), wxSizerFlags().CenterVertical().Border(wxRIGHT, gap));
    m_month = new wxChoice(this, wxID_ANY);
    m_month->SetName(kMonthChoiceName);
    top->Add(m_month, wxSizerFlags().CenterVertical().Border(wxRIGHT, gap));
    m_check = new wxButton(this, wxID_ANY, _("C&heck"));
    top->Add(m_check, wxSizerFlags().CenterVertical());
    sizer->Add(top, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(16)));

    m_verdict = new wxStaticText(this, wxID_ANY, wxString());
    m_verdict->SetFont(m_verdict->GetFont().Bold());
    sizer->Add(m_verdict, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(16)));

    m_fields = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL | wxLC_HRULES);
    m_fields->AppendColumn(_("Field"), wxLIST_FORMAT_LEFT, FromDIP(200));
    m_fields->AppendColumn(_("Invoice"), wxLIST_FORMAT_RIGHT, FromDIP(170));
    m_fields->AppendColumn(_("Desk's computation"), wxLIST_FORMAT_RIGHT, FromDIP(170));
    m_fields->AppendColumn(_("Difference"), wxLIST_FORMAT_RIGHT, FromDIP(150));
    m_fields->SetMinSize(wxSize(-1, FromDIP(200)));
    sizer->Add(m_fields, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(16)));

    m_edgeTitle = new wxStaticText(this, wxID_ANY, wxString());
    m_edgeTitle->Wrap(FromDIP(800));
    sizer->Add(m_edgeTitle, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(16)));
    m_edges = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL | wxLC_HRULES);
    m_edges->AppendColumn(_("Order"), wxLIST_FORMAT_LEFT, FromDIP(170));
    m_edges->AppendColumn(_("Time (Moscow)"), wxLIST_FORMAT_LEFT, FromDIP(170));
    m_edges->AppendColumn(_("Amount"), wxLIST_FORMAT_RIGHT, FromDIP(130));
    m_edges->AppendColumn(_("Counted in the month"), wxLIST_FORMAT_LEFT, FromDIP(170));
    // Where an invoice that counts months in UTC would file the purchase: the
    // usual cause of a turnover difference, so those rows are marked.
    m_edges->AppendColumn(_("By UTC"), wxLIST_FORMAT_LEFT, FromDIP(200));
    sizer->Add(m_edges, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(16)));
    SetSizer(sizer);

    m_check->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Check(); });
    m_month->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { Check(); });
}

void CommissionView::Open(const std::vector<std::string>& months) {
    m_months = months;
    m_month->Clear();
    for (const auto& month : m_months) m_month->Append(MonthWords(month));
    if (!m_months.empty()) {
        // The newest month is usually still open: start with the last complete one.
        m_month->SetSelection(m_months.size() > 1 ? 1 : 0);
        Check();
    }
}

void CommissionView::Check() {
    const int chosen = m_month->GetSelection();
    if (m_busy || chosen < 0) return;
    const auto month = domain::ParseMonth(m_months[static_cast<size_t>(chosen)]);
    if (!month) return;
    m_busy = true;
    m_checked = false;
    m_check->Disable();
    auto session = m_session;
    RunAsync<SettlementAnswer<services::CommissionCheck>>(
        _("Checking the commission invoice"),
        [session, month = *month](TaskContext& context) { return session->CheckCommission(month, context.cancel); })
        .ThenOnWindow(this, [this](SettlementAnswer<services::CommissionCheck>& answer) {
            m_busy = false;
            m_check->Enable();
            m_fields->DeleteAllItems();
            m_edges->DeleteAllItems();
            if (!answer.value) {
                m_verdict->SetLabel(wxString());
                m_edgeTitle->SetLabel(wxString());
                if (answer.error) {
                    m_shell.SetOnline(!answer.error->IsOffline());
                    m_banner->ShowMessage(answer.error->kind == api::ApiErrorKind::NotFound
                                              ? _("The platform has no commission invoice for this month yet.")
                                              : DescribeApiError(*answer.error),
                                          wxICON_ERROR);
                } else {
                    m_banner->ShowMessage(DescribeWorkspaceFailure("", answer.failure), wxICON_ERROR);
                }
                return;
            }
            if (m_banner->IsShown()) m_banner->Dismiss();
            m_shell.SetOnline(true);
            const services::CommissionCheck& check = *answer.value;
            const auto& inv = check.invoiced;
            const auto& comp = check.computed;
            struct Field { const char* key; domain::Kopecks invoiced, computed; bool money; };
            const Field fields[] = {
                {"turnover_kop", inv.turnover_kop, comp.turnover_kop, true},
                {"refunds_kop", inv.refunds_kop, comp.refunds_kop, true},
                {"base_kop", inv.base_kop, comp.base_kop, true},
                {"rate_bp", inv.rate_bp, comp.rate_bp, false},
                {"commission_kop", inv.commission_kop, comp.commission_kop, true},
                {"vat_kop", inv.vat_kop, comp.vat_kop, true},
                {"total_kop", inv.total_kop, comp.total_kop, true},
            };
            m_differing = 0;
            long row = 0;
            for (const Field& f : fields) {
                const long item = m_fields->InsertItem(row++, InvoiceFieldName(f.key));
                auto words = [&f](domain::Kopecks v) { return f.money ? Money(v) : RateWords(v); };
                m_fields->SetItem(item, 1, words(f.invoiced));
                m_fields->SetItem(item, 2, words(f.computed));
                if (f.invoiced != f.computed) {
                    ++m_differing;
                    m_fields->SetItem(item, 3, words(f.invoiced - f.computed));
                    m_fields->SetItemBackgroundColour(item, wxColour(0xFF, 0xEB, 0xEE));
                    m_fields->SetItemTextColour(item, wxColour(0xB7, 0x1C, 0x1C));
                }
            }
            m_verdict->SetLabel(m_differing == 0
                                    ? _("The invoice matches the desk's computation to the kopeck.")
                                    // TRANSLATORS: %d is how many fields of the invoice differ.
                                    : wxString::Format(wxPLURAL("%d field of the invoice differs from the desk's "
                                                                "computation.",
                                                                "%d fields of the invoice differ from the desk's "
                                                                "computation.",
                                                                m_differing),
                                                       m_differing));
            m_verdict->SetForegroundColour(m_differing == 0 ? wxColour(0x1B, 0x5E, 0x20) : wxColour(0xB7, 0x1C, 0x1C));
            m_edgeTitle->SetLabel(
                check.edge_purchases.empty()
                    ? _("No purchases lie near the month's edges.")
                    // TRANSLATORS: %zu is how many purchases lie within a day of the month's first or last moment.
                    : wxString::Format(_("Purchases within a day of the month's edges (Moscow time): %zu. A "
                                         "time-zone slip moves them into the neighbouring month."),
                                       check.edge_purchases.size()));
            row = 0;
            for (const auto& e : check.edge_purchases) {
                const long item = m_edges->InsertItem(row++, FromUtf8(e.order_id));
                m_edges->SetItem(item, 1, FromUtf8(ReconTableModel::FormatMoscowTime(e.purchased_at)));
                m_edges->SetItem(item, 2, Money(e.amount_kop));
                m_edges->SetItem(item, 3, e.inside ? _("yes") : _("no, the neighbouring month"));
                if (e.utc_disagrees) {
                    m_edges->SetItem(item, 4, e.inside ? _("the neighbouring month") : _("this month"));
                    m_edges->SetItemBackgroundColour(item, wxColour(0xFF, 0xF3, 0xE0));
                }
            }
            m_edgeTitle->Wrap(GetClientSize().x > FromDIP(100) ? GetClientSize().x - FromDIP(40) : FromDIP(800));
            m_edges->Show(!check.edge_purchases.empty());
            m_checked = true;
            Layout();
        })
        .CatchAll([this](const wxString& why) {
            m_busy = false;
            m_check->Enable();
            m_banner->ShowMessage(why, wxICON_ERROR);
        });
}

} // namespace kpd::ui
