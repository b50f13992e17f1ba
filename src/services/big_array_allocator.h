#pragma once
// Memory for the reconciliation's big arrays (millions of rows a side).
// Fresh memory costs a page fault on its first touch; with 4 KiB pages a
// 1M-row side took some 15,000 of them, a fifth of the whole job's CPU time
// (each a trap, a cgroup charge and, in a VM, an exit). Big blocks are
// therefore mapped on their own and marked for transparent huge pages: the
// kernel then faults 2 MiB at a time where it has them free, and falls back
// to small pages where it has not (the hint never fails a request). Small
// blocks take the ordinary heap.
#include <cstddef>
#include <new>

namespace kpd::services {

// Anonymous zeroed memory of `bytes`, hinted for huge pages; with `populate`
// every page is written in once now (worth it where pages would otherwise
// be read before being written: a read maps the shared zero page, and the
// first write then copies it and interrupts the other cores to flush their
// TLBs). Throws std::bad_alloc.
void* MapBigBlock(std::size_t bytes, bool populate);
void UnmapBigBlock(void* block, std::size_t bytes) noexcept;

// Blocks of at least this many bytes are mapped on their own.
inline constexpr std::size_t kBigBlockBytes = std::size_t{1} << 21;

template <class T>
struct BigArrayAllocator {
    using value_type = T;
    BigArrayAllocator() = default;
    template <class U>
    BigArrayAllocator(const BigArrayAllocator<U>&) noexcept {}

    T* allocate(std::size_t n) {
        const std::size_t bytes = n * sizeof(T);
        if (bytes >= kBigBlockBytes) return static_cast<T*>(MapBigBlock(bytes, false));
        return static_cast<T*>(::operator new(bytes, std::align_val_t{alignof(T) > 16 ? alignof(T) : 16}));
    }
    void deallocate(T* p, std::size_t n) noexcept {
        const std::size_t bytes = n * sizeof(T);
        if (bytes >= kBigBlockBytes) {
            UnmapBigBlock(p, bytes);
        } else {
            ::operator delete(p, std::align_val_t{alignof(T) > 16 ? alignof(T) : 16});
        }
    }
    template <class U>
    bool operator==(const BigArrayAllocator<U>&) const noexcept { return true; }
};

} // namespace kpd::services
