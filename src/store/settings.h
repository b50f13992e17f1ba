#pragma once
// Settings: small named values the desk keeps in its workspace (not per
// machine, unlike window layout in wxConfig), e.g. the last platform URL a
// team used. Typed accessors with their defaults live with the code that
// owns each setting; this stores text only.
//
// Thread affinity: any thread; each call leases its own session (workspace.h).
// Every method throws StoreError on a database failure.
#include <optional>
#include <string>

namespace kpd::store {

class Workspace;

class Settings {
  public:
    explicit Settings(Workspace& workspace) : m_workspace(workspace) {}

    std::optional<std::string> Get(const std::string& name);
    std::string GetOr(const std::string& name, const std::string& fallback);
    void Set(const std::string& name, const std::string& value);

  private:
    Workspace& m_workspace;
};

} // namespace kpd::store
