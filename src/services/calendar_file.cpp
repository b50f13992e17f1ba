#include "services/calendar_file.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <system_error>

namespace kpd::services {

namespace {

std::optional<std::filesystem::path> ExecutableDir() {
    std::error_code ec;
    // Linux; the other platforms' installers come later (installer/).
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec || exe.empty()) return std::nullopt;
    return exe.parent_path();
}

} // namespace

std::vector<std::filesystem::path> CalendarFileCandidates() {
    if (const char* env = std::getenv(kCalendarFileEnv); env && *env) return {std::filesystem::path(env)};
    std::vector<std::filesystem::path> candidates;
    if (auto dir = ExecutableDir()) {
        for (int up = 0; up <= 3 && !dir->empty(); ++up) {
            candidates.push_back(*dir / kCalendarRelativePath);
            if (dir->parent_path() == *dir) break;
            *dir = dir->parent_path();
        }
    }
    return candidates;
}

CalendarFile LoadCalendarFile(const std::filesystem::path& path) {
    CalendarFile result;
    result.path = path.string();
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        result.error = "cannot read the business calendar file " + result.path;
        return result;
    }
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) {
        result.error = "cannot read the business calendar file " + result.path;
        return result;
    }
    auto parsed = domain::BusinessCalendar::Parse(text.str());
    if (!parsed.calendar) {
        result.error = "the business calendar file " + result.path + " is malformed:";
        for (const auto& p : parsed.problems) {
            result.error += "\n" + result.path + ":" + std::to_string(p.line) + ": " + p.message;
        }
        return result;
    }
    result.calendar = std::move(parsed.calendar);
    return result;
}

CalendarFile LoadBusinessCalendar() {
    const auto candidates = CalendarFileCandidates();
    for (const auto& path : candidates) {
        std::error_code ec;
        if (std::filesystem::is_regular_file(path, ec)) return LoadCalendarFile(path);
    }
    CalendarFile result;
    if (const char* env = std::getenv(kCalendarFileEnv); env && *env) {
        result.path = env;
        result.error = std::string("the business calendar file ") + env + " (from " + kCalendarFileEnv +
                       ") does not exist";
        return result;
    }
    result.error = "no business calendar file found; looked for";
    for (const auto& path : candidates) result.error += "\n  " + path.string();
    result.error += std::string("\n(set ") + kCalendarFileEnv + " to the path of ru.txt)";
    return result;
}

std::string DescribeCalendarError(const domain::CalendarError& error, const std::string& path) {
    return error.message + (path.empty() ? std::string() : " (calendar file: " + path + ")");
}

} // namespace kpd::services
