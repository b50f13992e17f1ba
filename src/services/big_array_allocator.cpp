#include "services/big_array_allocator.h"

#include <sys/mman.h>
#include <unistd.h>

namespace kpd::services {

void* MapBigBlock(std::size_t bytes, bool populate) {
    void* block = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (block == MAP_FAILED) throw std::bad_alloc();
#if defined(MADV_HUGEPAGE)
    ::madvise(block, bytes, MADV_HUGEPAGE); // a hint: ignored where THP is off
#endif
    if (populate) {
#if defined(MADV_POPULATE_WRITE)
        if (::madvise(block, bytes, MADV_POPULATE_WRITE) == 0) return block;
#endif
        // Kernels before 5.14: one write a page does the same.
        const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
        auto* bytesOf = static_cast<volatile char*>(block);
        for (std::size_t at = 0; at < bytes; at += page) bytesOf[at] = 0;
    }
    return block;
}

void UnmapBigBlock(void* block, std::size_t bytes) noexcept { ::munmap(block, bytes); }

} // namespace kpd::services
