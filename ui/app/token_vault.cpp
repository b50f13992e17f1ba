#include "ui/app/token_vault.h"

#include <wx/intl.h>
#include <wx/log.h>
#include <wx/utils.h>

#if wxUSE_SECRETSTORE
#include <wx/secretstore.h>
#elif defined(KPD_HAVE_LIBSECRET)
#include <libsecret/secret.h>
#endif

namespace kpd::ui {
namespace {

[[maybe_unused]] constexpr const char* kService = "partner-desk";

[[maybe_unused]] wxString Pack(const StoredToken& token) { return token.access_token + "\n" + token.expires_at; }

[[maybe_unused]] std::optional<StoredToken> Unpack(const wxString& text) {
    const int newline = text.Find('\n');
    if (newline == wxNOT_FOUND) return std::nullopt;
    return StoredToken{text.Left(static_cast<size_t>(newline)), text.Mid(static_cast<size_t>(newline) + 1)};
}

#if !wxUSE_SECRETSTORE && defined(KPD_HAVE_LIBSECRET)
const SecretSchema* Schema() {
    static const SecretSchema schema = [] {
        SecretSchema made{};
        made.name = "ru.koshelek.PartnerDesk.Token";
        made.flags = SECRET_SCHEMA_NONE;
        made.attributes[0] = {"key", SECRET_SCHEMA_ATTRIBUTE_STRING};
        return made;
    }();
    return &schema;
}

void Report(GError* error, const char* what) {
    if (error) {
        wxLogWarning("Secret store: %s failed: %s", what, error->message);
        g_error_free(error);
    }
}
#endif

} // namespace

TokenVault::TokenVault() {
    // Without a session bus, libsecret would try to autolaunch one: do not.
    wxString bus;
    if (!wxGetEnv("DBUS_SESSION_BUS_ADDRESS", &bus) || bus.empty()) {
        m_why = _("No secret store is running (no D-Bus session): the sign-in is kept in memory only.");
        return;
    }
#if wxUSE_SECRETSTORE
    wxString error;
    m_persistent = wxSecretStore::GetDefault().IsOk(&error);
    if (!m_persistent) {
        // TRANSLATORS: %s is the system's reason why the keyring is unavailable.
        m_why = wxString::Format(_("The secret store is unavailable (%s): the sign-in is kept in memory only."),
                                 error);
    }
#elif defined(KPD_HAVE_LIBSECRET)
    m_persistent = true;
#else
    m_why = _("This build has no secret store: the sign-in is kept in memory only.");
#endif
}

bool TokenVault::IsPersistent() const {
    const std::lock_guard lock(m_mutex);
    return m_persistent;
}

wxString TokenVault::Why() const {
    const std::lock_guard lock(m_mutex);
    return m_why;
}

wxString TokenVault::Key(const wxString& platformUrl, const wxString& login) {
    return login + "@" + platformUrl;
}

bool TokenVault::Save(const wxString& platformUrl, const wxString& login, const StoredToken& token) {
    const std::lock_guard lock(m_mutex);
    const wxString key = Key(platformUrl, login);
    m_memory[key] = token;
    if (!m_persistent) return false;
#if wxUSE_SECRETSTORE
    return wxSecretStore::GetDefault().Save(kService + wxString("/") + key, login, wxSecretValue(Pack(token)));
#elif defined(KPD_HAVE_LIBSECRET)
    GError* error = nullptr;
    const wxString label = "Koshelek Partner Desk: " + key;
    const gboolean ok = secret_password_store_sync(Schema(), SECRET_COLLECTION_DEFAULT, label.utf8_str(),
                                                   Pack(token).utf8_str(), nullptr, &error, "key",
                                                   static_cast<const char*>(key.utf8_str()), nullptr);
    Report(error, "store");
    if (!ok) {
        m_persistent = false;
        m_why = _("The secret store did not accept the token: the sign-in is kept in memory only.");
    }
    return ok != 0;
#else
    return false;
#endif
}

std::optional<StoredToken> TokenVault::Load(const wxString& platformUrl, const wxString& login) {
    const std::lock_guard lock(m_mutex);
    const wxString key = Key(platformUrl, login);
    if (auto it = m_memory.find(key); it != m_memory.end()) return it->second;
    if (!m_persistent) return std::nullopt;
#if wxUSE_SECRETSTORE
    wxString user;
    wxSecretValue secret;
    if (!wxSecretStore::GetDefault().Load(kService + wxString("/") + key, user, secret)) return std::nullopt;
    return Unpack(secret.GetAsString());
#elif defined(KPD_HAVE_LIBSECRET)
    GError* error = nullptr;
    gchar* text = secret_password_lookup_sync(Schema(), nullptr, &error, "key",
                                              static_cast<const char*>(key.utf8_str()), nullptr);
    Report(error, "lookup");
    if (!text) return std::nullopt;
    auto token = Unpack(wxString::FromUTF8(text));
    secret_password_free(text);
    return token;
#else
    return std::nullopt;
#endif
}

void TokenVault::Erase(const wxString& platformUrl, const wxString& login) {
    const std::lock_guard lock(m_mutex);
    const wxString key = Key(platformUrl, login);
    m_memory.erase(key);
    if (!m_persistent) return;
#if wxUSE_SECRETSTORE
    wxSecretStore::GetDefault().Delete(kService + wxString("/") + key);
#elif defined(KPD_HAVE_LIBSECRET)
    GError* error = nullptr;
    secret_password_clear_sync(Schema(), nullptr, &error, "key", static_cast<const char*>(key.utf8_str()),
                               nullptr);
    Report(error, "clear");
#endif
}

} // namespace kpd::ui
