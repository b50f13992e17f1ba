#pragma once
// Text helpers of cashback matching and rules, done on UTF-8 by hand so the
// domain depends on no locale: lower-casing of Latin, Latin-1 and Cyrillic
// letters (А–Я, Ё and the other U+0400–U+040F capitals), and counting
// characters (code points) for length limits. Pure functions: any thread.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kpd::domain {

// The lower-case counterpart of a code point; others are returned unchanged.
char32_t FoldCase(char32_t cp);

// Decodes the code point starting at `text[pos]` and advances `pos` past it.
// A byte that does not start a well-formed sequence is returned as
// kStrayByte | byte (U+DC80–U+DCFF, lone surrogates no valid text decodes to,
// so a stray byte never equals a real letter) and `pos` advances by one.
inline constexpr char32_t kStrayByte = 0xDC00;
char32_t NextCodePoint(std::string_view text, std::size_t& pos);

// `text` with every letter folded (FoldCase) and re-encoded as UTF-8.
std::string FoldCaseUtf8(std::string_view text);

// The number of code points (what people call characters for limits).
std::size_t CountCharacters(std::string_view text);

} // namespace kpd::domain
