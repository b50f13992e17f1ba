#pragma once
// The encodings Russian POS and ERP exports come in: UTF-8 (with or without a
// BOM) and Windows-1251. Anything else — UTF-16, binary — is refused by name
// rather than read as garbage.
#include <string>
#include <string_view>

namespace kpd::domain {

enum class TextEncoding { Utf8, Cp1251 };

bool IsValidUtf8(std::string_view bytes);

// `bytes` made valid UTF-8: each ill-formed part (a stray byte, a cut or
// overlong sequence, a surrogate) becomes one U+FFFD, as Unicode's "maximal
// subpart" practice says; valid text comes back unchanged. For text from
// outside (HTTP headers, paths) before it is stored or echoed in JSON.
std::string ValidUtf8(std::string_view bytes);

// Windows-1251 bytes as UTF-8 (0x98, unassigned, becomes U+FFFD).
std::string Cp1251ToUtf8(std::string_view bytes);

struct EncodingGuess {
    TextEncoding encoding = TextEncoding::Utf8;
    std::size_t bom_bytes = 0; // bytes to skip at the start
    std::string error;         // set when the bytes are in no encoding we read
};

// Looks at the first bytes of a file: a UTF-16/32 BOM or NUL bytes → error;
// valid UTF-8 → UTF-8; otherwise Windows-1251.
EncodingGuess GuessEncoding(std::string_view head);

} // namespace kpd::domain
