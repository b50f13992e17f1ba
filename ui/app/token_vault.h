#pragma once
// Keeps the platform token between runs in the OS secret store, as text
// (wx 3.2.2 corrupts binary secrets on GTK), never in a plain file. One entry
// per platform URL and login.
//
// Backends, best first: wxSecretStore when wx was built with it; libsecret
// (the same Secret Service wxSecretStore would use) — Debian's wx 3.2.2 has
// wxUSE_SECRETSTORE 0; otherwise memory only, for this run. With no D-Bus
// session (a bare Xvfb, a server) the store is unavailable and the token is
// kept in memory only: IsPersistent() is false and Why() says so.
//
// Thread affinity: any one thread at a time (the sign-in task stores the token
// from its worker thread so a slow keyring never blocks the UI).
#include <wx/string.h>

#include <map>
#include <mutex>
#include <optional>

namespace kpd::ui {

struct StoredToken {
    wxString access_token;
    wxString expires_at; // RFC 3339
};

class TokenVault {
  public:
    TokenVault();

    bool IsPersistent() const;
    // Why the token is kept in memory only (empty when persistent); translated.
    wxString Why() const;

    bool Save(const wxString& platformUrl, const wxString& login, const StoredToken& token);
    std::optional<StoredToken> Load(const wxString& platformUrl, const wxString& login);
    void Erase(const wxString& platformUrl, const wxString& login);

  private:
    static wxString Key(const wxString& platformUrl, const wxString& login);

    bool m_persistent = false;
    wxString m_why;
    mutable std::mutex m_mutex;
    std::map<wxString, StoredToken> m_memory;
};

} // namespace kpd::ui
