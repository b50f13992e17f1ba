#pragma once
// The routes of the platform API the sandbox serves, one file per resource.
// The whole table (paths under /v1; "admin" = partner_admin):
// clang-format off
//   GET    /health                        anyone    {"status":"ok"}
//   POST   /auth/token                    anyone    TokenResponse; 401 invalid_credentials | user_disabled
//   GET    /partner                       any role  Partner
//   GET    /partner/users?limit&cursor    admin     Page<User> by id
//   POST   /partner/users                 admin     201 User + Location + ETag; 409 login_taken;
//                                                   422 validation_failed
//   GET    /partner/users/{id}            admin     User + ETag; 404 not_found (also another partner's id)
//   PUT    /partner/users/{id}/roles      admin     If-Match: 428 if_match_required,
//                                                   412 version_mismatch + current; 200 User + ETag
//   POST   /partner/users/{id}/disable    admin     User; 409 cannot_disable_self; revokes tokens
//   POST   /partner/users/{id}/enable     admin     User
//   GET    /audit?limit&cursor            admin     Page<AuditEntry>, newest first
//   GET    /sandbox/clock                 anyone    {"now", "fixed"}
//   POST   /sandbox/clock                 anyone    {now} | {advance_seconds} -> {"now", "fixed"}; each Moscow
//                                                   day that ends brings its Dolyami registers, each month
//                                                   its invoice (settlement_days.h)
//   POST   /sandbox/faults                anyone    {path, kind: drop|status, status, count}
//                                                   -> 200 {"armed": {...}} (see faults.h)
//   DELETE /sandbox/faults                anyone    disarms every fault; 204
//   GET    /sandbox/rate-limit            anyone    {requests_per_second, burst} (0: off)
//   PUT    /sandbox/rate-limit            anyone    {requests_per_second, burst?} -> the same; buckets refilled
//   GET    /card-screen                   any role  CardScreenState + ETag
//   PUT    /card-screen/draft             editor    If-Match: 428, 412 version_mismatch + current;
//                                                   422 validation_failed (assets looked up among
//                                                   the partner's); 200 CardScreenState + ETag
//   POST   /card-screen/publish           editor    If-Match; 409 no_draft; 422 validation_failed;
//                                                   200 CardScreenState + ETag
//   GET    /card-screen/versions?limit&cursor any role Page<version entry>, newest first
//   GET    /card-screen/versions/{n}      any role  the version with its screen; 404 not_found
//   POST   /card-screen/rollback          editor    {version}; If-Match; 404 not_found;
//                                                   200 CardScreenState + ETag
//   POST   /assets?slot=…                 editor    raw PNG/JPEG: 201 AssetInfo + Location; 200 the
//                                                   same bytes and slot again; 413, 415,
//                                                   422 invalid_image | validation_failed
//   GET    /assets/{id}                   any role  AssetInfo; 404 not_found
//   GET    /assets/{id}/content           any role  the bytes + ETag "<sha256>"; 404 not_found
//   GET    /settlements?from&to&limit&cursor finance Page<Register>, newest first
//   GET    /settlements/{id}              finance   Register + ETag; 404 not_found
//   GET    /settlements/{id}/transactions finance   Page<Transaction> by seq; with Accept:
//                                                   application/x-ndjson every row, one per line (gzip)
//   POST   /settlements/{id}/approve      finance   {comment}: four eyes above the threshold; 409
//                                                   register_not_pending | already_approved_by_you |
//                                                   second_approval_needs_manager | register_changed
//   POST   /settlements/{id}/dispute      finance   {reason, order_ids}; 409 register_not_pending;
//                                                   422 unknown orders at their pointers
//   GET    /commission-invoices?month=YYYY-MM finance Invoice + status; 404 not_found
//   POST   /commission-invoices/{month}/accept|dispute finance {reason} for a dispute; 409 invoice_not_issued
//   GET    /sandbox/pos-export/{register} finance a rehearsal POS export (CSV) with planted discrepancies
//   GET    /cashback-flights?limit&cursor reader    Page<Flight>, newest first, status on the sandbox clock
//   POST   /cashback-flights              editor    201 Flight + Location + ETag; 422 validation_failed
//   GET    /cashback-flights/{id}         reader    Flight + ETag; 404 not_found
//   PUT    /cashback-flights/{id}         editor    If-Match (428, 412 + current); 409 flight_not_draft; 422
//   POST   /cashback-flights/{id}/submit  editor    rules + 5 business days (Moscow date): 422 validation_failed
//                                                   (/starts_on starts_too_early + earliest_starts_on),
//                                                   422 calendar_unknown; 409 flight_not_draft; 200 Flight
//   POST   /cashback-flights/{id}/pause|resume|stop editor 409 invalid_transition; 200 Flight
//   GET    /cashback-flights/{id}/report  reader    totals, daily series, forecast_exhausted_on
//   POST   /cashback-flights/audience-estimate reader {loyalty_cards, regions} -> {users}
//   POST   /sandbox/receipts              anyone    {user_id, qr, items, original_document?}: 201 accruals;
//                                                   422 bad QR at /qr, items off the sum; 409 receipt_already_scanned
//   POST   /sandbox/receipts/generate     anyone    {count} -> {generated, matched, accrued_kop}
//   GET    /sandbox/wallets/{user_id}     anyone    {balance_kop, withdrawn_this_month_kop, can_withdraw}
//   POST   /sandbox/wallets/{user_id}/withdraw anyone {amount_kop}: 422 below_minimum | monthly_limit
// clang-format on
// "editor" = marketing or partner_admin; "finance" = finance or finance_manager;
// "reader" = any role.
// Every route but /sandbox/… answers 429 rate_limited with Retry-After when its
// caller's bucket is empty (rate_limiter.h), before anything else is checked.
// Every state-changing POST but /auth/token honours Idempotency-Key (a token
// is never stored in the clear, so a sign-in is never replayed).
#include "sandbox/router.h"

namespace kpd::sandbox {

void AddAuthRoutes(Router& router);
void AddPartnerRoutes(Router& router);
void AddUserRoutes(Router& router);
void AddAuditRoutes(Router& router);
void AddSandboxRoutes(Router& router);
void AddCardScreenRoutes(Router& router);
void AddAssetRoutes(Router& router);
void AddSettlementRoutes(Router& router);
void AddPosExportRoutes(Router& router);
void AddCashbackRoutes(Router& router);
void AddReceiptRoutes(Router& router);
void AddWalletRoutes(Router& router);

inline void AddAllRoutes(Router& router) {
    AddAuthRoutes(router);
    AddPartnerRoutes(router);
    AddUserRoutes(router);
    AddAuditRoutes(router);
    AddSandboxRoutes(router);
    AddCardScreenRoutes(router);
    AddAssetRoutes(router);
    AddSettlementRoutes(router);
    AddPosExportRoutes(router);
    AddCashbackRoutes(router);
    AddReceiptRoutes(router);
    AddWalletRoutes(router);
}

} // namespace kpd::sandbox
