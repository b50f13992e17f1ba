#include "ui/settlements/register_view.h"

#include "api/platform_client.h"
#include "services/pos_file_reader.h"
#include "services/reconciliation_export.h"
#include "ui/app/desk_session.h"
#include "ui/app/i18n.h"
#include "ui/app/task_runner.h"
#include "ui/app/words.h"
#include "ui/main/area_page.h"
#include "ui/settlements/approve_dialog.h"
#include "ui/settlements/back_header.h"
#include "ui/settlements/bad_lines_dialog.h"
#include "ui/settlements/dispute_dialog.h"
#include "ui/settlements/pos_mapping_dialog.h"
#include "ui/settlements/purchases_model.h"
#include "ui/settlements/recon_column_widths.h"
#include "ui/settlements/recon_table_model.h"
#include "ui/settlements/settlement_words.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/dataview.h>
#include <wx/filedlg.h>
#include <wx/infobar.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/wrapsizer.h>

#include <algorithm>

namespace kpd::ui {
namespace {

// "1 234,50", "1234.5", "100" → kopecks; nullopt when empty or not a number.
std::optional<domain::Kopecks> ParseRoubles(const wxString& text) {
    std::string digits;
    for (wxUniChar c : text) {
        if (c >= '0' && c <= '9') digits += static_cast<char>(c.GetValue());
        else if (c == ',' || c == '.') digits += '.';
        else if (c == '-' && digits.empty()) digits += '-';
        else if (c != ' ' && c.GetValue() != 0xA0 && c.GetValue() != 0x202F) return std::nullopt;
    }
    if (digits.empty() || digits == "-") return std::nullopt;
    const auto dot = digits.find('.');
    const bool negative = digits[0] == '-';
    const std::string whole = digits.substr(negative ? 1 : 0, dot == std::string::npos ? std::string::npos : dot - (negative ? 1 : 0));
    std::string frac = dot == std::string::npos ? "" : digits.substr(dot + 1);
    if (frac.find('.') != std::string::npos || frac.size() > 2 || whole.size() > 15) return std::nullopt;
    while (frac.size() < 2) frac += '0';
    domain::Kopecks kop = 0;
    for (char c : whole) kop = kop * 10 + (c - '0');
    kop = kop * 100 + (frac[0] - '0') * 10 + (frac[1] - '0');
    return negative ? -kop : kop;
}


} // namespace

RegisterView::RegisterView(wxWindow* parent, std::shared_ptr<DeskSession> session, DeskShell& shell,
                           std::function<void()> onBack)
    : wxPanel(parent), m_session(std::move(session)), m_shell(shell), m_onBack(std::move(onBack)) {
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    m_banner = new wxInfoBar(this);
    sizer->Add(m_banner, wxSizerFlags().Expand());

    const auto header = MakeBackHeader(this, wxString(), [this] { m_onBack(); });
    m_title = header.title;
    sizer->Add(header.row, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(12)));
    auto* facts = new wxBoxSizer(wxVERTICAL);
    m_figures = new wxStaticText(this, wxID_ANY, wxString());
    facts->Add(m_figures, wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(4)));
    m_approvals = new wxStaticText(this, wxID_ANY, wxString());
    facts->Add(m_approvals, wxSizerFlags().Expand());
    Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        if (event.GetSize().x != m_wrappedAtWidth) CallAfter([this] { WrapApprovals(); });
    });
    sizer->Add(facts, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(12)));

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    m_reconcile = new wxButton(this, wxID_ANY, _("&Reconcile with POS file…"));
    m_approve = new wxButton(this, wxID_ANY, _("&Approve…"));
    m_dispute = new wxButton(this, wxID_ANY, _("&Dispute…"));
    m_exportXlsx = new wxButton(this, wxID_ANY, _("Export &XLSX…"));
    m_exportCsv = new wxButton(this, wxID_ANY, _("Export C&SV…"));
    for (wxButton* b : {m_reconcile, m_approve, m_dispute}) buttons->Add(b, wxSizerFlags().Border(wxRIGHT, gap));
    buttons->AddStretchSpacer();
    buttons->Add(m_exportXlsx, wxSizerFlags().Border(wxRIGHT, gap));
    buttons->Add(m_exportCsv);
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(12)));

    m_tabs = new wxNotebook(this, wxID_ANY);
    // Purchases.
    m_purchases = new wxDataViewCtrl(m_tabs, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxDV_ROW_LINES);
    m_purchasesModel = new PurchasesModel;
    m_purchases->AssociateModel(m_purchasesModel.get());
    m_purchases->AppendTextColumn(_("Order"), PurchasesModel::ColOrder, wxDATAVIEW_CELL_INERT, FromDIP(125));
    m_purchases->AppendTextColumn(_("Store"), PurchasesModel::ColStore, wxDATAVIEW_CELL_INERT, FromDIP(85));
    m_purchases->AppendTextColumn(_("Time (Moscow)"), PurchasesModel::ColTime, wxDATAVIEW_CELL_INERT, FromDIP(145));
    m_purchases->AppendTextColumn(_("Amount"), PurchasesModel::ColAmount, wxDATAVIEW_CELL_INERT, FromDIP(100),
                                  wxALIGN_RIGHT);
    m_purchases->AppendTextColumn(_("First payment"), PurchasesModel::ColPrepaid, wxDATAVIEW_CELL_INERT, FromDIP(135),
                                  wxALIGN_RIGHT);
    m_purchases->AppendTextColumn(_("Order state"), PurchasesModel::ColStatus, wxDATAVIEW_CELL_INERT, FromDIP(125));
    m_purchases->AppendTextColumn(_("Refunded"), PurchasesModel::ColRefunded, wxDATAVIEW_CELL_INERT, FromDIP(110),
                                  wxALIGN_RIGHT);
    // TRANSLATORS: the tab with the register's purchases.
    m_tabs->AddPage(m_purchases, _("Register purchases"));

    // Reconciliation.
    auto* recon = new wxPanel(m_tabs);
    auto* rs = new wxBoxSizer(wxVERTICAL);
    m_reconState = new wxStaticText(recon, wxID_ANY, _("Not reconciled yet: choose \"Reconcile with POS file…\"."));
    rs->Add(m_reconState, wxSizerFlags().Expand().Border(wxALL, gap));
    // The filters on one line (wrapping when narrow), each a label and its control.
    auto* filters = new wxWrapSizer(wxHORIZONTAL);
    auto add = [filters, gap](wxWindow* label, wxWindow* control) {
        auto* pair = new wxBoxSizer(wxHORIZONTAL);
        pair->Add(label, wxSizerFlags().CenterVertical().Border(wxRIGHT, gap / 2));
        pair->Add(control, wxSizerFlags().CenterVertical());
        filters->Add(pair, wxSizerFlags().Border(wxRIGHT | wxBOTTOM, gap));
    };
    m_classFilter = new wxChoice(recon, wxID_ANY);
    m_classFilter->Append(_("All rows"));
    m_classFilter->Append(_("All discrepancies"));
    for (std::size_t c = 0; c < domain::kReconClassCount; ++c) {
        m_classFilter->Append(ReconClassName(static_cast<domain::ReconClass>(c)));
    }
    m_classFilter->SetSelection(1);
    add(new wxStaticText(recon, wxID_ANY, _("&Class:")), m_classFilter);
    m_storeFilter = new wxChoice(recon, wxID_ANY);
    add(new wxStaticText(recon, wxID_ANY, _("S&tore:")), m_storeFilter);
    m_dayFilter = new wxChoice(recon, wxID_ANY);
    add(new wxStaticText(recon, wxID_ANY, _("Da&y:")), m_dayFilter);
    auto* amounts = new wxPanel(recon);
    auto* amountSizer = new wxBoxSizer(wxHORIZONTAL);
    m_minAmount = new wxTextCtrl(amounts, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(85, -1)));
    m_minAmount->SetHint(_("from"));
    amountSizer->Add(m_minAmount, wxSizerFlags().CenterVertical().Border(wxRIGHT, gap / 2));
    amountSizer->Add(new wxStaticText(amounts, wxID_ANY, wxString::FromUTF8("–")), wxSizerFlags().CenterVertical());
    m_maxAmount = new wxTextCtrl(amounts, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(85, -1)));
    m_maxAmount->SetHint(_("to"));
    amountSizer->Add(m_maxAmount, wxSizerFlags().CenterVertical().Border(wxLEFT, gap / 2));
    amounts->SetSizer(amountSizer);
    add(new wxStaticText(recon, wxID_ANY, _("Amo&unt:")), amounts);
    // Sorting from the keyboard too (a click on a column header does the same).
    m_sortBy = new wxChoice(recon, wxID_ANY);
    add(new wxStaticText(recon, wxID_ANY, _("S&ort by:")), m_sortBy);
    m_descending = new wxCheckBox(recon, wxID_ANY, _("Desc&ending"));
    filters->Add(m_descending, wxSizerFlags().CenterVertical().Border(wxRIGHT | wxBOTTOM, gap));
    rs->Add(filters, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, gap));

    m_table = new wxDataViewCtrl(recon, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxDV_ROW_LINES | wxDV_MULTIPLE);
    m_results = new ReconTableModel;
    m_table->AssociateModel(m_results.get());
    struct Col { const wxString title; int column; int width; wxAlignment align; };
    const Col columns[] = {
        {_("Class"), ReconTableModel::ColClass, 175, wxALIGN_LEFT},
        {_("Order"), ReconTableModel::ColOrder, 110, wxALIGN_LEFT},
        {_("Platform"), ReconTableModel::ColPlatform, 105, wxALIGN_RIGHT},
        {_("Your records"), ReconTableModel::ColPartner, 110, wxALIGN_RIGHT},
        {_("Difference"), ReconTableModel::ColDifference, 115, wxALIGN_RIGHT},
        {_("Store"), ReconTableModel::ColStore, 85, wxALIGN_LEFT},
        {_("Time (Moscow)"), ReconTableModel::ColTime, 140, wxALIGN_LEFT},
        {_("POS line"), ReconTableModel::ColPosLine, 95, wxALIGN_RIGHT},
        {_("Note"), ReconTableModel::ColNote, 220, wxALIGN_LEFT},
    };
    m_sortBy->Append(_("As reconciled"));
    for (const Col& c : columns) {
        m_table->AppendTextColumn(c.title, static_cast<unsigned>(c.column), wxDATAVIEW_CELL_INERT, FromDIP(c.width),
                                  c.align, wxDATAVIEW_COL_RESIZABLE);
        m_sortBy->Append(c.title);
        m_sortColumns.push_back(c.column);
    }
    m_sortBy->SetSelection(0);
    FitReconColumns(m_table, *m_results); // the titles and class names in this language
    rs->Add(m_table, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, gap));

    auto* noteRow = new wxBoxSizer(wxHORIZONTAL);
    m_noteLabel = new wxStaticText(recon, wxID_ANY, _("&Note:"));
    noteRow->Add(m_noteLabel, wxSizerFlags().CenterVertical().Border(wxRIGHT, gap));
    m_note = new wxTextCtrl(recon, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
    noteRow->Add(m_note, wxSizerFlags(1).CenterVertical().Border(wxRIGHT, gap));
    m_saveNote = new wxButton(recon, wxID_ANY, _("Sa&ve note"));
    noteRow->Add(m_saveNote, wxSizerFlags().CenterVertical());
    rs->Add(noteRow, wxSizerFlags().Expand().Border(wxALL, gap));
    recon->SetSizer(rs);
    m_tabs->AddPage(recon, _("Reconciliation"));

    // Totals per class (Enter or a double click shows that class's rows).
    m_totals = new wxListCtrl(m_tabs, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                              wxLC_REPORT | wxLC_SINGLE_SEL | wxLC_HRULES);
    m_totals->AppendColumn(_("Class"), wxLIST_FORMAT_LEFT, std::max(FromDIP(160), ClassColumnWidth(m_totals)));
    m_totals->AppendColumn(_("Rows"), wxLIST_FORMAT_RIGHT, FromDIP(70));
    m_totals->AppendColumn(_("Platform"), wxLIST_FORMAT_RIGHT, FromDIP(140));
    m_totals->AppendColumn(_("Your records"), wxLIST_FORMAT_RIGHT, FromDIP(140));
    m_totals->AppendColumn(_("Difference"), wxLIST_FORMAT_RIGHT, FromDIP(130));
    m_tabs->AddPage(m_totals, _("Totals by class"));
    sizer->Add(m_tabs, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(12)));
    SetSizer(sizer);

    m_reconcile->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ChooseAndReconcile(); });
    m_approve->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnApprove(); });
    m_dispute->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnDispute(); });
    m_exportXlsx->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnExport(true); });
    m_exportCsv->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnExport(false); });
    m_classFilter->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { ApplyFilter(); });
    m_storeFilter->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { ApplyFilter(); });
    m_dayFilter->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { ApplyFilter(); });
    m_minAmount->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { ApplyFilter(); });
    m_maxAmount->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { ApplyFilter(); });
    m_totals->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& event) {
        if (event.GetIndex() < static_cast<long>(domain::kReconClassCount)) {
            m_classFilter->SetSelection(static_cast<int>(event.GetIndex()) + 2);
            ApplyFilter();
            m_tabs->SetSelection(1);
        }
    });
    m_table->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) { OnSelectionChanged(); });
    m_table->Bind(wxEVT_DATAVIEW_COLUMN_HEADER_CLICK, [this](wxDataViewEvent& event) {
        const wxDataViewColumn* column = event.GetDataViewColumn();
        if (!column) return;
        const int model = static_cast<int>(column->GetModelColumn());
        SortTable(model, m_results->SortColumn() == model ? !m_results->SortAscending() : true);
    });
    m_sortBy->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        const int chosen = m_sortBy->GetSelection();
        if (chosen > 0) SortTable(m_sortColumns[static_cast<std::size_t>(chosen - 1)], !m_descending->GetValue());
    });
    m_descending->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) {
        if (m_results->SortColumn() >= 0) SortTable(m_results->SortColumn(), !m_descending->GetValue());
    });
    m_saveNote->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnSaveNote(); });
    m_note->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { OnSaveNote(); });
    UpdateButtons();
}

RegisterView::~RegisterView() = default;

std::size_t RegisterView::PurchaseCount() const { return m_purchasesModel->Size(); }

wxString RegisterView::Banner() const { return m_banner->IsShown() ? m_banner->GetLabel() : wxString(); }

void RegisterView::Open(const domain::SettlementRegister& reg) {
    m_reg = reg;
    m_approveKey.clear();
    m_disputeKey.clear();
    m_posPath.clear();
    if (m_banner->IsShown()) m_banner->Dismiss();
    m_results->SetReport(nullptr, {});
    m_reconState->SetLabel(_("Not reconciled yet: choose \"Reconcile with POS file…\"."));
    ShowTotals();
    m_storeFilter->Clear();
    m_dayFilter->Clear();
    m_days.clear();
    m_tabs->SetSelection(0);
    ShowHeader();
    m_busy = true;
    UpdateButtons();
    auto session = m_session;
    const std::int64_t id = reg.id;
    RunAsync<SettlementAnswer<std::vector<domain::SettlementTransaction>>>(
        _("Reading the register's purchases"), [session, id](TaskContext&) { return session->StoredPurchases(id); })
        .ThenOnWindow(this, [this, id](SettlementAnswer<std::vector<domain::SettlementTransaction>>& answer) {
            if (id != m_reg.id) return; // another register was opened meanwhile
            m_busy = false;
            if (answer.value) {
                if (answer.value->empty() && m_reg.count > 0) {
                    m_banner->ShowMessage(_("The purchases of this register are not in the workspace yet. Sync with "
                                            "the platform first."),
                                          wxICON_WARNING);
                }
                m_purchasesModel->SetPurchases(std::move(*answer.value));
            } else {
                Fail(DescribeWorkspaceFailure("", answer.failure));
            }
            UpdateButtons();
        })
        .CatchAll([this](const wxString& why) { Fail(why); });
}

void RegisterView::ShowHeader() {
    // TRANSLATORS: %s is the register's business date, the second %s its status, e.g. "Pending review".
    m_title->SetLabel(wxString::Format(_("Register of %s — %s"), DateWords(m_reg.business_date),
                                       RegisterStatusName(m_reg.status)));
    // TRANSLATORS: a register's figures: purchases count, turnover, refunds, payout and the payout date.
    m_figures->SetLabel(wxString::Format(_("Purchases: %lld   Turnover: %s   Refunds: %s   Payout: %s on %s"),
                                         static_cast<long long>(m_reg.count), Money(m_reg.turnover_kop),
                                         Money(m_reg.refunds_kop), Money(m_reg.payout_kop),
                                         DateWords(m_reg.payout_date)));
    wxString approvals;
    for (const auto& a : m_reg.approvals) {
        if (!approvals.empty()) approvals += "; ";
        approvals += FromUtf8(a.login) + ", " + FormatInstant(a.approved_at);
        if (!a.comment.empty()) approvals += wxString::Format(" («%s»)", FromUtf8(a.comment));
    }
    wxString line = approvals.empty() ? _("No approvals yet.") : _("Approved by: ") + approvals;
    if (m_reg.needs_second_approval) {
        line += "  " + _("The payout is above the four-eyes threshold: two approvals are needed, the second by a "
                         "finance manager.");
    }
    m_approvalsText = line;
    WrapApprovals();
}

void RegisterView::WrapApprovals() {
    // Wrapped to the view's width now, and again whenever the width changes:
    // wrapped before the view had its size, the last line was cut off.
    const int width = GetClientSize().x;
    m_approvals->SetLabel(m_approvalsText);
    m_approvals->Wrap(width > FromDIP(200) ? width - FromDIP(40) : FromDIP(900));
    m_wrappedAtWidth = width;
    Layout();
}

void RegisterView::ChooseAndReconcile() {
    wxFileDialog dialog(this, _("Your sales export for this register"), wxString(), wxString(),
                        _("Sales exports (*.csv;*.txt;*.xlsx)|*.csv;*.txt;*.xlsx;*.CSV;*.TXT;*.XLSX|CSV files "
                          "(*.csv;*.txt)|*.csv;*.txt|Excel workbooks (*.xlsx)|*.xlsx|All files|*"),
                        wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() != wxID_OK) return;
    ReconcileFile(ToUtf8(dialog.GetPath()));
}

void RegisterView::ReconcileFile(const std::string& path) {
    if (m_busy) return;
    m_busy = true;
    UpdateButtons();
    struct Head {
        services::SniffedLayout sniffed;
        std::string head;
        std::string error;
    };
    RunAsync<Head>(_("Reading the POS file"),
                   [path](TaskContext&) {
                       Head h;
                       h.sniffed = services::SniffPosFile(path, h.head); // CSV or XLSX
                       return h;
                   })
        .ThenOnWindow(this, [this, path](Head& h) {
            m_busy = false;
            UpdateButtons();
            if (!h.error.empty() || !h.sniffed.error.empty()) {
                // TRANSLATORS: %s is the file's path, the second %s why it cannot be read (English, from the core).
                Fail(wxString::Format(_("Cannot read %s: %s"), FromUtf8(path),
                                      FromUtf8(h.error.empty() ? h.sniffed.error : h.error)));
                return;
            }
            PosMappingDialog mapping(this, path, h.sniffed, h.head);
            if (mapping.ShowModal() != wxID_OK) return;
            mapping.Remember();
            m_posPath = path;
            RunReconcile(mapping.ChosenLayout(), false);
        })
        .CatchAll([this](const wxString& why) { Fail(why); });
}

void RegisterView::RunReconcile(const services::PosLayout& layout, bool skipBadLines) {
    m_busy = true;
    UpdateButtons();
    services::ReconcileRequest request;
    request.register_ids = {m_reg.id};
    request.pos_path = m_posPath;
    request.layout = layout;
    request.skip_bad_lines = skipBadLines;
    auto session = m_session;
    RunAsync<SettlementAnswer<ReconcileAnswer>>(
        _("Reconciling the register"),
        [session, request](TaskContext& context) { return session->Reconcile(request, context.cancel, context.progress); })
        .ThenOnWindow(this, [this, layout](SettlementAnswer<ReconcileAnswer>& answer) {
            m_busy = false;
            UpdateButtons();
            if (answer.value) {
                if (!answer.value->report->reconciled) {
                    m_shell.ShowStatus(_("Reconciliation stopped."));
                    return;
                }
                ShowReport(answer.value->report, std::move(answer.value->notes));
                return;
            }
            // Bad lines of the file are the problems placed at "line N [column]".
            const bool badLines = !answer.problems.empty() && answer.problems.front().field.rfind("line ", 0) == 0;
            if (badLines) {
                BadLinesDialog dialog(this, answer.problems);
                if (dialog.ShowModal() == wxID_YES) RunReconcile(layout, true);
                return;
            }
            if (!answer.problems.empty()) {
                const auto& p = answer.problems.front();
                if (p.code == "not_synced" || p.code == "no_registers") {
                    Fail(_("The purchases of this register are not in the workspace yet. Sync with the platform "
                           "first."));
                } else if (p.code == "over_cap") {
                    Fail(_("A purchase on the register has an amount over 100 billion roubles: it "
                           "cannot be "
                           "reconciled."));
                } else if (p.code == "totals_overflow") {
                    Fail(_("The amounts add up to more than can be counted: reconcile fewer "
                           "registers at a time."));
                } else {
                    // TRANSLATORS: %s is why the POS file cannot be read (English, from the core).
                    Fail(wxString::Format(_("The POS file cannot be read: %s"), FromUtf8(p.message)));
                }
            } else if (answer.error) {
                Fail(DescribeApiError(*answer.error));
            } else {
                Fail(DescribeWorkspaceFailure("", answer.failure));
            }
        })
        .CatchAll([this](const wxString& why) { Fail(why); });
}

void RegisterView::SortTable(int modelColumn, bool ascending) {
    if (m_results->Report()) m_results->SortBy(modelColumn, ascending);
    ShowSortState();
}

void RegisterView::ShowSortState() {
    const int sorted = m_results->SortColumn();
    const bool ascending = m_results->SortAscending();
    for (unsigned i = 0; i < m_table->GetColumnCount(); ++i) {
        wxDataViewColumn* c = m_table->GetColumn(i);
        wxString title = c->GetTitle();
        if (title.EndsWith(wxString::FromUTF8(" ▲")) || title.EndsWith(wxString::FromUTF8(" ▼"))) title.RemoveLast(2);
        if (static_cast<int>(c->GetModelColumn()) == sorted) title += wxString::FromUTF8(ascending ? " ▲" : " ▼");
        c->SetTitle(title);
    }
    const auto at = std::find(m_sortColumns.begin(), m_sortColumns.end(), sorted);
    m_sortBy->SetSelection(at == m_sortColumns.end() ? 0 : static_cast<int>(at - m_sortColumns.begin()) + 1);
    m_descending->SetValue(sorted >= 0 && !ascending);
}

void RegisterView::ShowReport(std::shared_ptr<const services::ReconcileReport> report,
                              std::map<std::string, std::string> notes) {
    m_results->SetReport(report, std::move(notes));
    FitReconColumns(m_table, *m_results); // now the values too (a sample of them)
    ShowSortState(); // a new report is shown as reconciled
    ShowResults(*report);
}

void RegisterView::ShowResults(const services::ReconcileReport& report) {
    if (m_banner->IsShown()) m_banner->Dismiss();
    std::int64_t discrepancies = 0;
    for (std::size_t c = 1; c < domain::kReconClassCount; ++c) discrepancies += report.result.totals[c].rows;
    wxString state = wxString::Format(
        // TRANSLATORS: %s is the POS file's name, %lld its lines, the last %lld the discrepancies found.
        _("%s: lines read: %lld; discrepancies: %lld."), FromUtf8(m_posPath.substr(m_posPath.find_last_of('/') + 1)),
        static_cast<long long>(report.pos.data_lines), static_cast<long long>(discrepancies));
    if (report.pos.problem_lines > 0) {
        // TRANSLATORS: %lld is how many bad lines of the POS file were left out.
        state += " " + wxString::Format(_("Bad lines left out: %lld."), static_cast<long long>(report.pos.problem_lines));
    }
    m_reconState->SetLabel(state);
    m_storeFilter->Clear();
    m_storeFilter->Append(_("All stores"));
    for (const auto& store : m_results->Stores()) m_storeFilter->Append(FromUtf8(store));
    m_storeFilter->SetSelection(0);
    m_days = m_results->Days();
    m_dayFilter->Clear();
    m_dayFilter->Append(_("All days"));
    for (std::int64_t day : m_days) {
        m_dayFilter->Append(FromUtf8(ReconTableModel::FormatMoscowTime(day * 86400 - 3 * 3600).substr(0, 10)));
    }
    m_dayFilter->SetSelection(0);
    ShowTotals();
    ApplyFilter();
    m_tabs->SetSelection(1);
    m_shell.ShowStatus(state);
    UpdateButtons();
}

void RegisterView::ShowTotals() {
    m_totals->DeleteAllItems();
    const services::ReconcileReport* report = m_results->Report();
    if (!report) return;
    for (std::size_t c = 0; c < domain::kReconClassCount; ++c) {
        const auto& t = report->result.totals[c];
        const long item = m_totals->InsertItem(static_cast<long>(c), ReconClassName(static_cast<domain::ReconClass>(c)));
        m_totals->SetItem(item, 1, wxString::Format("%lld", static_cast<long long>(t.rows)));
        m_totals->SetItem(item, 2, Money(t.platform_kop));
        m_totals->SetItem(item, 3, Money(t.partner_kop));
        m_totals->SetItem(item, 4, t.partner_kop == t.platform_kop ? wxString() : Money(t.partner_kop - t.platform_kop));
        if (c != 0 && t.rows > 0) m_totals->SetItemTextColour(item, wxColour(0xB7, 0x1C, 0x1C));
    }
}

void RegisterView::ApplyFilter() {
    ReconFilter filter;
    const int cls = m_classFilter->GetSelection();
    if (cls == 1) filter.classes = ReconFilter::Classes::Discrepancies;
    if (cls >= 2) {
        filter.classes = ReconFilter::Classes::One;
        filter.one = static_cast<domain::ReconClass>(cls - 2);
    }
    if (m_storeFilter->GetSelection() > 0) filter.store = ToUtf8(m_storeFilter->GetStringSelection());
    if (const int day = m_dayFilter->GetSelection(); day > 0) {
        filter.from_day = m_days[static_cast<std::size_t>(day - 1)];
        filter.to_day = filter.from_day;
    }
    filter.min_kop = ParseRoubles(m_minAmount->GetValue());
    filter.max_kop = ParseRoubles(m_maxAmount->GetValue());
    m_results->SetFilter(filter);
    OnSelectionChanged();
    if (m_results->Report()) {
        // TRANSLATORS: %zu is how many rows the filter shows, %zu of how many.
        m_shell.ShowStatus(wxString::Format(_("%zu of %zu rows shown."), m_results->Shown(),
                                            m_results->Report()->result.rows.size()));
    }
}

void RegisterView::SelectRow(unsigned shownRow) {
    if (shownRow >= m_results->Shown()) return;
    const wxDataViewItem item = m_results->GetItem(shownRow);
    m_table->UnselectAll();
    m_table->Select(item);
    m_table->SetCurrentItem(item);
    m_table->EnsureVisible(item);
    OnSelectionChanged();
}

void RegisterView::OnSelectionChanged() {
    const wxDataViewItem item = m_table->GetCurrentItem();
    const bool one = item.IsOk() && m_table->GetSelectedItemsCount() == 1 && m_results->Report();
    m_noteOrder = one ? m_results->OrderIdOf(m_results->GetRow(item)) : std::string();
    m_note->ChangeValue(one ? FromUtf8(m_results->NoteOf(m_noteOrder)) : wxString());
    // TRANSLATORS: %s is an order number; the label of the note field.
    m_noteLabel->SetLabel(one ? wxString::Format(_("&Note on %s:"), FromUtf8(m_noteOrder)) : _("&Note:"));
    m_note->Enable(one);
    m_saveNote->Enable(one);
    m_noteLabel->GetParent()->Layout();
    UpdateButtons();
}

void RegisterView::OnSaveNote() {
    if (m_noteOrder.empty()) return;
    const std::string order = m_noteOrder;
    const std::string text = ToUtf8(m_note->GetValue().Strip(wxString::both));
    auto session = m_session;
    struct Saved {
        bool ok = false;
        std::string failure;
    };
    RunAsync<Saved>(_("Saving the note"),
                    [session, order, text](TaskContext&) {
                        Saved s;
                        s.ok = session->SetReconciliationNote(order, text, s.failure);
                        return s;
                    })
        .ThenOnWindow(this, [this, order, text](Saved& saved) {
            if (!saved.ok) {
                Fail(DescribeWorkspaceFailure("", saved.failure));
                return;
            }
            m_results->SetNote(order, text);
            // TRANSLATORS: %s is an order number.
            m_shell.ShowStatus(wxString::Format(_("Note on %s saved."), FromUtf8(order)));
        })
        .CatchAll([this](const wxString& why) { Fail(why); });
}

void RegisterView::OnApprove() {
    if (m_busy) return;
    domain::Approver me{m_session->Info().user_id, m_session->Info().roles};
    const auto outcome = domain::DecideApproval(m_reg, me);
    ApproveDialog dialog(this, m_reg, outcome, m_results->Report());
    if (dialog.ShowModal() != wxID_OK) return;
    if (m_approveKey.empty()) m_approveKey = api::NewIdempotencyKey();
    m_busy = true;
    UpdateButtons();
    auto session = m_session;
    RunAsync<api::Result<domain::SettlementRegister>>(
        _("Approving the register"),
        [session, id = m_reg.id, comment = ToUtf8(dialog.Comment()), key = m_approveKey](TaskContext& context) {
            return session->ApproveRegister(id, comment, key, context.cancel);
        })
        .ThenOnWindow(this, [this](api::Result<domain::SettlementRegister>& result) {
            m_busy = false;
            if (result) {
                m_approveKey.clear();
                m_reg = result.Value();
                ShowHeader();
                m_shell.SetOnline(true);
                m_shell.ShowStatus(m_reg.status == domain::RegisterStatus::Approved
                                       ? _("Register approved.")
                                       : _("Your approval is recorded; a finance manager must approve the register "
                                           "too."));
            } else {
                const api::ApiError& e = result.Error();
                // Outcome unknown: keep the key, so trying again cannot approve twice.
                if (e.kind != api::ApiErrorKind::Timeout && e.kind != api::ApiErrorKind::Network) m_approveKey.clear();
                m_shell.SetOnline(!e.IsOffline());
                Fail(DescribeSettlementError(e));
            }
            UpdateButtons();
        })
        .CatchAll([this](const wxString& why) { Fail(why); });
}

void RegisterView::OnDispute() {
    if (m_busy) return;
    std::vector<std::string> orders;
    wxDataViewItemArray selected;
    m_table->GetSelections(selected);
    for (const auto& item : selected) orders.push_back(m_results->OrderIdOf(m_results->GetRow(item)));
    DisputeDialog dialog(this, m_reg, orders);
    if (dialog.ShowModal() != wxID_OK) return;
    if (m_disputeKey.empty()) m_disputeKey = api::NewIdempotencyKey();
    m_busy = true;
    UpdateButtons();
    domain::RegisterDispute dispute{ToUtf8(dialog.Reason()), orders};
    auto session = m_session;
    RunAsync<api::Result<domain::SettlementRegister>>(
        _("Disputing the register"),
        [session, id = m_reg.id, dispute, key = m_disputeKey](TaskContext& context) {
            return session->DisputeRegister(id, dispute, key, context.cancel);
        })
        .ThenOnWindow(this, [this](api::Result<domain::SettlementRegister>& result) {
            m_busy = false;
            if (result) {
                m_disputeKey.clear();
                m_reg = result.Value();
                ShowHeader();
                m_shell.SetOnline(true);
                m_shell.ShowStatus(_("Register disputed."));
            } else {
                const api::ApiError& e = result.Error();
                if (e.kind != api::ApiErrorKind::Timeout && e.kind != api::ApiErrorKind::Network) m_disputeKey.clear();
                m_shell.SetOnline(!e.IsOffline());
                Fail(DescribeSettlementError(e));
            }
            UpdateButtons();
        })
        .CatchAll([this](const wxString& why) { Fail(why); });
}

void RegisterView::OnExport(bool xlsx) {
    if (!m_results->Report()) return;
    const wxString name = wxString::Format("reconciliation-%s.%s", FromUtf8(m_reg.business_date), xlsx ? "xlsx" : "csv");
    wxFileDialog dialog(this, xlsx ? _("Export the report as XLSX") : _("Export the discrepancies as CSV"), wxString(),
                        name, xlsx ? _("Excel workbooks (*.xlsx)|*.xlsx") : _("CSV files (*.csv)|*.csv"),
                        wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK) return;
    Export(ToUtf8(dialog.GetPath()), xlsx);
}

void RegisterView::Export(const std::string& path, bool xlsx) {
    // The task holds its own reference: the report outlives it whatever the view does meanwhile.
    std::shared_ptr<const services::ReconcileReport> report = m_results->ReportPtr();
    if (!report || m_busy) return;
    m_busy = true;
    UpdateButtons();
    const services::ExportLabels labels =
        CurrentLanguage() == UiLanguage::Russian ? services::RussianExportLabels() : services::ExportLabels{};
    struct Written {
        bool ok = false;
        std::string error;
    };
    RunAsync<Written>(_("Exporting the reconciliation report"),
                      [report, path, xlsx, labels](TaskContext&) {
                          Written w;
                          w.ok = xlsx ? services::ExportReconciliationXlsx(*report, path, labels, w.error)
                                      : services::ExportReconciliationCsv(*report, path, labels, w.error);
                          return w;
                      })
        .ThenOnWindow(this, [this, path](Written& written) {
            m_busy = false;
            UpdateButtons();
            if (!written.ok) {
                // TRANSLATORS: %s is why the file could not be written (English, from the core).
                Fail(wxString::Format(_("The report was not written: %s"), FromUtf8(written.error)));
                return;
            }
            // TRANSLATORS: %s is the path of the file written.
            m_shell.ShowStatus(wxString::Format(_("Report written to %s."), FromUtf8(path)));
        })
        .CatchAll([this](const wxString& why) { Fail(why); });
}

void RegisterView::UpdateButtons() {
    const bool pending = m_reg.status == domain::RegisterStatus::PendingReview;
    const bool reconciled = m_results && m_results->Report();
    m_reconcile->Enable(!m_busy);
    m_approve->Enable(!m_busy && pending);
    m_dispute->Enable(!m_busy && pending);
    m_exportXlsx->Enable(!m_busy && reconciled);
    m_exportCsv->Enable(!m_busy && reconciled);
}

void RegisterView::Fail(const wxString& why) {
    m_busy = false;
    m_banner->ShowMessage(why, wxICON_ERROR);
    UpdateButtons();
}

} // namespace kpd::ui
