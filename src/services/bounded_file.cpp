#include "services/bounded_file.h"

#include <fstream>
#include <system_error>

namespace kpd::services {

BoundedRead ReadBoundedFile(const std::filesystem::path& path, std::uintmax_t limit) {
    BoundedRead out;
    std::error_code error;
    const auto status = std::filesystem::status(path, error);
    if (error || !std::filesystem::exists(status)) {
        out.refusal = BoundedRead::Refusal::Unreadable;
        return out;
    }
    if (!std::filesystem::is_regular_file(status)) {
        out.refusal = BoundedRead::Refusal::NotRegular;
        return out;
    }
    out.size = std::filesystem::file_size(path, error);
    if (error) {
        out.refusal = BoundedRead::Refusal::Unreadable;
        return out;
    }
    if (out.size > limit) {
        out.refusal = BoundedRead::Refusal::TooLarge;
        return out;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        out.refusal = BoundedRead::Refusal::Unreadable;
        return out;
    }
    // One byte past the limit at most, in case the file grew since the stat.
    out.bytes.resize(static_cast<std::size_t>(limit) + 1);
    in.read(reinterpret_cast<char*>(out.bytes.data()),
            static_cast<std::streamsize>(out.bytes.size()));
    const auto got = static_cast<std::size_t>(in.gcount());
    if (in.bad() || got > limit) {
        out.refusal = in.bad() ? BoundedRead::Refusal::Unreadable : BoundedRead::Refusal::TooLarge;
        out.bytes.clear();
        return out;
    }
    out.bytes.resize(got);
    out.size = got;
    return out;
}

std::string DescribeRefusal(const BoundedRead& read, const std::string& path,
                            std::uintmax_t limit) {
    switch (read.refusal) {
    case BoundedRead::Refusal::None:
        return "";
    case BoundedRead::Refusal::Unreadable:
        return "cannot read " + path;
    case BoundedRead::Refusal::NotRegular:
        return path + " is not a regular file";
    case BoundedRead::Refusal::TooLarge:
        return path + " is larger than " + std::to_string(limit) + " bytes";
    }
    return "";
}

domain::Problem RefusalProblem(const BoundedRead& read, const std::string& path,
                               std::uintmax_t limit) {
    const bool large = read.refusal == BoundedRead::Refusal::TooLarge;
    return {"", large ? "file_too_large" : "file_unreadable", DescribeRefusal(read, path, limit)};
}

} // namespace kpd::services
