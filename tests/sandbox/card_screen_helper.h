#pragma once
// What the card screen and asset suites share: calls of the /card-screen and
// /assets routes as a given user, and a valid PNG to upload (the demo logo,
// fetched from the seeded sandbox, so no image file is needed here).
// Image bytes always travel Direct(): Prism's proxy keeps bodies as text and
// corrupts binary ones (stoplightio/prism#1321, #2349), so only the JSON
// calls of these routes are checked against the document.
#include "http_helper.h"

#include <string>

namespace kpd::sandbox_test {

// GET /v1/card-screen.
Reply GetCardScreen(const std::string& token);
// The ETag of the card screen as `token` sees it now.
std::string CardScreenETag(const std::string& token);
// PUT /v1/card-screen/draft with If-Match `etag` ("" sends none), through `http`.
Reply PutDraft(const Http& http, const std::string& token, const nlohmann::json& draft,
               const std::string& etag);
// POST /v1/card-screen/publish {} with If-Match `etag` ("" sends none).
Reply Publish(const std::string& token, const std::string& etag, Headers headers = {});
// POST /v1/card-screen/rollback {version} with If-Match `etag`.
Reply Rollback(const std::string& token, std::int64_t version, const std::string& etag);
// POST /v1/assets?slot=… with the bytes as `contentType`, through `http`
// (Direct() for real image bytes, see above).
Reply Upload(const Http& http, const std::string& token, const std::string& slot,
             const std::string& bytes, const std::string& contentType = "image/png");

// The bytes of the demo partner's published logo (a 256×256 PNG), fetched Direct().
std::string DemoLogoPng();
// The demo partner's published screen (JSON), with its logo and two banners.
nlohmann::json DemoPublishedScreen();

// The newest audit entry that is not a sign-in (signing in to look is audited
// too), as the partner's admin `adminLogin` sees it.
nlohmann::json NewestChange(const std::string& adminLogin);

// Whether `problems` (a problem's "errors") has one at `field` with `code`.
bool HasProblem(const nlohmann::json& problems, const std::string& field, const std::string& code);

} // namespace kpd::sandbox_test
