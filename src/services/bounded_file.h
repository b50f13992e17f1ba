#pragma once
// A user's file (a draft, a flight, a mapping, an image) read whole only when
// it is a regular file of at most a given size: a path to /dev/zero, a FIFO
// or a 4 GB file is refused by what it is, before anything is read — reading
// "to the end" never ends on a device. Any thread.
#include "domain/problem.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace kpd::services {

// A file that becomes one request body (a card-screen draft, a flight): the
// platform takes at most 1 MiB.
inline constexpr std::uintmax_t kMaxBodyFileBytes = 1024 * 1024;

struct BoundedRead {
    enum class Refusal { None, Unreadable, NotRegular, TooLarge };
    Refusal refusal = Refusal::None;
    std::vector<std::uint8_t> bytes; // the content when refusal is None
    std::uintmax_t size = 0;         // the file's size (also when TooLarge)

    bool Ok() const { return refusal == Refusal::None; }
    std::string Text() const { return std::string(bytes.begin(), bytes.end()); }
};

BoundedRead ReadBoundedFile(const std::filesystem::path& path, std::uintmax_t limit);

// "cannot read P", "P is not a regular file", "P is larger than LIMIT bytes".
std::string DescribeRefusal(const BoundedRead& read, const std::string& path, std::uintmax_t limit);

// The refusal of a whole file as a problem without a field: file_too_large
// or file_unreadable, worded by DescribeRefusal.
domain::Problem RefusalProblem(const BoundedRead& read, const std::string& path,
                               std::uintmax_t limit);

} // namespace kpd::services
