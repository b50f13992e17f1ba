#include "cli/console.h"

#include "cli/error_words.h"
#include "contract/json_parse.h"
#include "services/message.h"

#include <iostream>

namespace kpd::cli {

void PrintJson(const nlohmann::json& json) {
    // Text from files and from the platform may hold bytes that are not
    // UTF-8 (a cp1251 file name, a stored header): U+FFFD, never a throw.
    std::cout << contract::DumpJson(json, 2) << '\n';
    std::cout.flush();
}

void Say(const std::string& message) {
    std::cerr << message << '\n';
}

ExitCode Fail(const api::ApiError& error) {
    Say("partnerctl: " + DescribeError(error));
    return ExitCodeFor(error);
}

ExitCode UsageError(const std::string& message) {
    Say("partnerctl: " + message);
    return ExitCode::UserError;
}

ExitCode ProblemsError(const std::string& headline, const domain::Problems& problems) {
    std::string text = headline;
    for (const auto& p : problems) {
        text += "\n  " + (p.field.empty() ? std::string("(request)") : p.field) + ": " + p.message;
    }
    return UsageError(text);
}

std::optional<std::string> ReadSecretLine() {
    std::string line;
    if (!std::getline(std::cin, line)) {
        return std::nullopt;
    }
    if (!line.empty() && line.back() == '\r') {
        line.pop_back();
    }
    return line;
}

std::unique_ptr<store::Workspace> OpenWorkspace(const std::string& url, ExitCode& failure) {
    try {
        return std::make_unique<store::Workspace>(url.empty() ? store::DefaultWorkspaceUrl() : url);
    } catch (const store::StoreError& e) {
        Say("partnerctl: " + services::Describe(e).english);
        failure = e.Kind() == store::StoreErrorKind::Busy ? ExitCode::PlatformError : ExitCode::UserError;
        return nullptr;
    }
}

ExitCode Guarded(const std::function<ExitCode()>& command) {
    try {
        return command();
    } catch (...) {
        Say("partnerctl: " + services::DescribeCurrentException().english);
        return ExitCode::PlatformError;
    }
}

} // namespace kpd::cli
