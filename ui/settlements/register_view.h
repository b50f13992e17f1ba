#pragma once
// One register: its figures and approvals, its purchases, and its
// reconciliation against the partner's POS export — the file chosen, its
// column mapping confirmed (pos_mapping_dialog.h), bad lines listed with the
// choice to skip them or stop (bad_lines_dialog.h), then every row classified
// in a virtual table (recon_table_model.h) with filters, sorting, totals per
// class and a note per order. Approve (approve_dialog.h), dispute the
// selected rows' orders (dispute_dialog.h) and export the report as XLSX or
// CSV. Every service call runs in the background. UI thread only.
#include "domain/settlement.h"
#include "services/pos_layout.h"
#include "services/settlement_checks.h"

#include <wx/object.h>
#include <wx/panel.h>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

class wxButton;
class wxCheckBox;
class wxChoice;
class wxDataViewCtrl;
class wxInfoBar;
class wxListCtrl;
class wxNotebook;
class wxStaticText;
class wxTextCtrl;

namespace kpd::ui {

class DeskSession;
class DeskShell;
class PurchasesModel;
class ReconTableModel;

class RegisterView : public wxPanel {
  public:
    RegisterView(wxWindow* parent, std::shared_ptr<DeskSession> session, DeskShell& shell,
                 std::function<void()> onBack);
    ~RegisterView() override;

    void Open(const domain::SettlementRegister& reg);
    // Asks for a POS file, then reconciles (the steps below).
    void ChooseAndReconcile();
    // Sniffs `path`, shows the mapping step, reconciles.
    void ReconcileFile(const std::string& path);
    void Export(const std::string& path, bool xlsx);
    // Shows a finished reconciliation (what RunReconcile does with the service's answer).
    void ShowReport(std::shared_ptr<const services::ReconcileReport> report, std::map<std::string, std::string> notes);

    // For the GUI test.
    bool IsBusy() const { return m_busy; }
    const domain::SettlementRegister& Current() const { return m_reg; }
    ReconTableModel* Results() const { return m_results.get(); }
    std::size_t PurchaseCount() const;
    wxDataViewCtrl* Table() const { return m_table; }
    wxChoice* ClassFilter() const { return m_classFilter; }
    void ApplyFilter();
    wxString Banner() const;
    // Selects one shown row as a click would (the note field follows).
    void SelectRow(unsigned shownRow);
    wxTextCtrl* NoteField() const { return m_note; }
    wxButton* SaveNoteButton() const { return m_saveNote; }
    wxButton* ApproveButton() const { return m_approve; }
    wxButton* DisputeButton() const { return m_dispute; }

  private:
    void WrapApprovals(); // the approvals line wrapped to the current width
    void ShowHeader();
    void RunReconcile(const services::PosLayout& layout, bool skipBadLines);
    void ShowResults(const services::ReconcileReport& report);
    void ShowTotals();
    void SortTable(int modelColumn, bool ascending);
    void ShowSortState(); // header arrows and the sort controls as the model sorts
    void OnSelectionChanged();
    void OnSaveNote();
    void OnApprove();
    void OnDispute();
    void OnExport(bool xlsx);
    void UpdateButtons();
    void Fail(const wxString& why);

    std::shared_ptr<DeskSession> m_session;
    DeskShell& m_shell;
    std::function<void()> m_onBack;
    domain::SettlementRegister m_reg;
    std::string m_posPath;
    std::string m_approveKey; // kept until a definite answer: a retry never approves twice
    std::string m_disputeKey;

    wxInfoBar* m_banner = nullptr;
    wxStaticText* m_title = nullptr;
    wxStaticText* m_figures = nullptr;
    wxStaticText* m_approvals = nullptr;
    wxString m_approvalsText; // unwrapped, so it can be wrapped again to a new width
    int m_wrappedAtWidth = -1;
    wxButton* m_reconcile = nullptr;
    wxButton* m_approve = nullptr;
    wxButton* m_dispute = nullptr;
    wxButton* m_exportXlsx = nullptr;
    wxButton* m_exportCsv = nullptr;
    wxNotebook* m_tabs = nullptr;
    wxDataViewCtrl* m_purchases = nullptr;
    wxObjectDataPtr<PurchasesModel> m_purchasesModel;
    wxStaticText* m_reconState = nullptr;
    wxChoice* m_classFilter = nullptr;
    wxChoice* m_storeFilter = nullptr;
    wxChoice* m_dayFilter = nullptr;
    std::vector<std::int64_t> m_days; // the day filter's choices after "All days"
    wxTextCtrl* m_minAmount = nullptr;
    wxTextCtrl* m_maxAmount = nullptr;
    wxChoice* m_sortBy = nullptr;
    wxCheckBox* m_descending = nullptr;
    std::vector<int> m_sortColumns; // model columns in the order m_sortBy lists them
    wxListCtrl* m_totals = nullptr;
    wxDataViewCtrl* m_table = nullptr;
    wxObjectDataPtr<ReconTableModel> m_results;
    wxStaticText* m_noteLabel = nullptr;
    wxTextCtrl* m_note = nullptr;
    wxButton* m_saveNote = nullptr;
    std::string m_noteOrder;
    bool m_busy = false;
};

} // namespace kpd::ui
