// DeskSession's Dolyami settlement use cases: each a call of
// services/settlement_sync, services/settlement_checks or the platform
// client's approve/dispute, shaped for the settlements pages.
#include "ui/app/desk_session.h"

#include "services/desk_context.h"
#include "services/message.h"
#include "store/reconciliation_store.h"
#include "store/settlement_store.h"
#include "store/store_error.h"
#include "ui/app/desk_session_impl.h"

namespace kpd::ui {
namespace {

// The workspace scope of this session; false with `failure` set when neither a
// session nor a remembered one exists (cannot happen once the desk is open).
template <class T> bool WithContext(api::PlatformClient& client, store::Workspace& workspace,
                                    SettlementAnswer<T>& answer, std::optional<services::DeskContext>& context) {
    context = services::CurrentContext(client, workspace);
    if (!context) answer.failure = "not signed in";
    return context.has_value();
}

store::SettlementScope ScopeOf(const services::DeskContext& context) {
    return {context.platform_url, context.partner_id};
}

} // namespace

SettlementAnswer<services::SyncReport> DeskSession::SyncSettlements(domain::CancelTokenPtr cancel,
                                                                    domain::ProgressSink& progress) {
    const std::lock_guard lock(m_impl->mutex);
    m_impl->client->SetCancelToken(cancel);
    SettlementAnswer<services::SyncReport> answer;
    std::optional<services::DeskContext> context;
    try {
        if (!WithContext(*m_impl->client, *m_impl->workspace, answer, context)) return answer;
        auto outcome = services::SyncSettlements(*m_impl->client, *m_impl->workspace, *context, "", "",
                                                 cancel.get(), progress);
        answer.value = std::move(outcome.value);
        answer.problems = std::move(outcome.problems);
        answer.error = std::move(outcome.error);
    } catch (const store::StoreError& e) {
        answer.failure = services::Describe(e).english;
    }
    return answer;
}

SettlementAnswer<std::vector<domain::SettlementRegister>> DeskSession::StoredRegisters() {
    const std::lock_guard lock(m_impl->mutex);
    SettlementAnswer<std::vector<domain::SettlementRegister>> answer;
    std::optional<services::DeskContext> context;
    try {
        if (!WithContext(*m_impl->client, *m_impl->workspace, answer, context)) return answer;
        answer.value = m_impl->workspace->Settlements().Registers(ScopeOf(*context));
    } catch (const store::StoreError& e) {
        answer.failure = services::Describe(e).english;
    }
    return answer;
}

SettlementAnswer<std::vector<domain::SettlementTransaction>> DeskSession::StoredPurchases(std::int64_t registerId) {
    const std::lock_guard lock(m_impl->mutex);
    SettlementAnswer<std::vector<domain::SettlementTransaction>> answer;
    std::optional<services::DeskContext> context;
    try {
        if (!WithContext(*m_impl->client, *m_impl->workspace, answer, context)) return answer;
        answer.value = m_impl->workspace->Settlements().Transactions(ScopeOf(*context), registerId);
    } catch (const store::StoreError& e) {
        answer.failure = services::Describe(e).english;
    }
    return answer;
}

SettlementAnswer<ReconcileAnswer> DeskSession::Reconcile(const services::ReconcileRequest& request,
                                                         domain::CancelTokenPtr cancel,
                                                         domain::ProgressSink& progress) {
    const std::lock_guard lock(m_impl->mutex);
    SettlementAnswer<ReconcileAnswer> answer;
    std::optional<services::DeskContext> context;
    try {
        if (!WithContext(*m_impl->client, *m_impl->workspace, answer, context)) return answer;
        auto outcome = services::ReconcileWithPos(*m_impl->workspace, *context, request, cancel.get(), progress);
        answer.problems = std::move(outcome.problems);
        answer.error = std::move(outcome.error);
        if (!outcome.value) return answer;
        ReconcileAnswer done;
        done.report = std::move(*outcome.value);
        if (done.report->reconciled) services::SaveReconciliation(*m_impl->workspace, *context, *done.report);
        done.notes = m_impl->workspace->Reconciliations().Notes(ScopeOf(*context));
        answer.value = std::move(done);
    } catch (const store::StoreError& e) {
        answer.failure = services::Describe(e).english;
    }
    return answer;
}

bool DeskSession::SetReconciliationNote(const std::string& orderId, const std::string& text, std::string& failure) {
    const std::lock_guard lock(m_impl->mutex);
    try {
        auto context = services::CurrentContext(*m_impl->client, *m_impl->workspace);
        if (!context) {
            failure = "not signed in";
            return false;
        }
        services::SetReconciliationNote(*m_impl->workspace, *context, orderId, text);
        return true;
    } catch (const store::StoreError& e) {
        failure = services::Describe(e).english;
        return false;
    }
}

api::Result<domain::SettlementRegister> DeskSession::ApproveRegister(std::int64_t id, const std::string& comment,
                                                                     const std::string& key,
                                                                     domain::CancelTokenPtr cancel) {
    const std::lock_guard lock(m_impl->mutex);
    m_impl->client->SetCancelToken(cancel);
    return m_impl->client->ApproveSettlement(id, comment, key);
}

api::Result<domain::SettlementRegister> DeskSession::DisputeRegister(std::int64_t id,
                                                                     const domain::RegisterDispute& dispute,
                                                                     const std::string& key,
                                                                     domain::CancelTokenPtr cancel) {
    const std::lock_guard lock(m_impl->mutex);
    m_impl->client->SetCancelToken(cancel);
    return m_impl->client->DisputeSettlement(id, dispute, key);
}

SettlementAnswer<services::CommissionCheck> DeskSession::CheckCommission(const domain::Month& month,
                                                                         domain::CancelTokenPtr cancel) {
    const std::lock_guard lock(m_impl->mutex);
    m_impl->client->SetCancelToken(cancel);
    SettlementAnswer<services::CommissionCheck> answer;
    std::optional<services::DeskContext> context;
    try {
        if (!WithContext(*m_impl->client, *m_impl->workspace, answer, context)) return answer;
        auto outcome = services::CheckCommission(*m_impl->client, *m_impl->workspace, *context, month);
        answer.value = std::move(outcome.value);
        answer.problems = std::move(outcome.problems);
        answer.error = std::move(outcome.error);
    } catch (const store::StoreError& e) {
        answer.failure = services::Describe(e).english;
    }
    return answer;
}

} // namespace kpd::ui
