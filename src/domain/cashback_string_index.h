#pragma once
// A read-only map from strings (SKUs, categories) to lists of flight indices,
// laid out flat for the matcher's hot loop: open addressing over a
// power-of-two table of slots holding each key's hash, its bytes in one
// arena and its list in one array, so a lookup is one hash, usually one slot
// and one memcmp (std::unordered_map chased a node per lookup and divided by a
// prime: half the matcher's time in the benchmark). Built once, then
// immutable: Find may be called from any number of threads.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kpd::domain {

class StringIndex {
  public:
    // Adds `value` to the list of `key` (values of one key are kept in the
    // order added, each once). Call before the first Find.
    void Add(std::string_view key, std::uint32_t value);

    // The values of `key`; empty when there are none.
    std::span<const std::uint32_t> Find(std::string_view key) const;

    bool Empty() const { return m_keys == 0; }

  private:
    struct Slot {
        std::uint64_t hash = 0;
        std::uint32_t key_offset = 0;
        std::uint32_t key_length = 0;
        std::uint32_t list = 0; // index into m_lists + 1; 0 marks an empty slot
    };

    static std::uint64_t Hash(std::string_view key);
    std::size_t Locate(std::string_view key, std::uint64_t hash) const; // the key's slot or the empty one to fill
    void Grow();

    std::vector<Slot> m_slots;
    std::string m_arena;
    std::vector<std::vector<std::uint32_t>> m_lists;
    std::size_t m_keys = 0;
};

} // namespace kpd::domain
