#include "sandbox/internal_error.h"

#include "domain/text_encoding.h"
#include "sandbox/http_util.h"
#include "sandbox/request_log.h"

#include <sodium.h>

namespace kpd::sandbox {

std::string NewErrorId() {
    unsigned char bytes[8];
    randombytes_buf(bytes, sizeof bytes);
    char hex[sizeof bytes * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
    return hex;
}

std::string AnswerInternalError(const httplib::Request& req, httplib::Response& res,
                                const std::string& what) {
    const std::string id = NewErrorId();
    // The log is text; a path or message with bytes that are not UTF-8 must not garble it either.
    LogError("error " + id + ": " + req.method + " " + domain::ValidUtf8(req.path) +
             " failed: " + domain::ValidUtf8(what));
    res.status = -1;
    res.body.clear();
    res.headers.clear();
    SendProblem(
        res,
        contract::MakeProblem(500, "internal_error",
                              "the sandbox failed to handle the request; quote error " + id),
        {{"error_id", id}});
    return id;
}

} // namespace kpd::sandbox
