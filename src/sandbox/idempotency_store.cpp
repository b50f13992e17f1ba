#include "sandbox/idempotency_store.h"

#include "contract/json_parse.h"
#include "sandbox/crypto.h"

namespace kpd::sandbox {

std::string RequestFingerprint(const std::string& method, const std::string& path,
                               const std::string& body) {
    return Sha256Hex(method + "\n" + path + "\n" + Sha256Hex(body));
}

std::optional<StoredAnswer> FindAnswer(soci::session& db, const IdempotencyScope& scope) {
    StoredAnswer answer;
    std::string headers;
    db << "SELECT fingerprint, status, response_body, response_headers FROM idempotency_keys "
          "WHERE partner_id = :partner_id AND user_id = :user_id AND idem_key = :idem_key",
        soci::into(answer.fingerprint), soci::into(answer.status), soci::into(answer.body),
        soci::into(headers), soci::use(scope.partner_id, "partner_id"),
        soci::use(scope.user_id, "user_id"), soci::use(scope.key, "idem_key");
    if (!db.got_data()) {
        return std::nullopt;
    }
    answer.headers = contract::ParseJsonOrDiscarded(headers);
    if (!answer.headers.is_object()) {
        answer.headers = nlohmann::json::object();
    }
    return answer;
}

void ReserveKey(soci::session& db, const IdempotencyScope& scope, const std::string& fingerprint,
                const std::string& now) {
    db << "INSERT INTO idempotency_keys (partner_id, user_id, idem_key, fingerprint, status, "
          "response_body, "
          "response_headers, created_at) VALUES (:partner_id, :user_id, :idem_key, :fingerprint, "
          "0, '', '{}', :now)",
        soci::use(scope.partner_id, "partner_id"), soci::use(scope.user_id, "user_id"),
        soci::use(scope.key, "idem_key"), soci::use(fingerprint, "fingerprint"),
        soci::use(now, "now");
}

void StoreAnswer(soci::session& db, const IdempotencyScope& scope, int status,
                 const std::string& body, const nlohmann::json& headers) {
    std::string headerText = headers.dump();
    db << "UPDATE idempotency_keys SET status = :status, response_body = :body, response_headers = "
          ":headers "
          "WHERE partner_id = :partner_id AND user_id = :user_id AND idem_key = :idem_key",
        soci::use(status, "status"), soci::use(body, "body"), soci::use(headerText, "headers"),
        soci::use(scope.partner_id, "partner_id"), soci::use(scope.user_id, "user_id"),
        soci::use(scope.key, "idem_key");
}

} // namespace kpd::sandbox
