#include "sandbox/crypto.h"

#include <sodium.h>

#include <stdexcept>
#include <vector>

namespace kpd::sandbox {

namespace {
// The sandbox hashes at libsodium's minimum argon2id cost (1 pass, 8 KiB)
// on purpose: it holds only demo and test passwords, tests sign in hundreds of
// times on 2 shared cores, and the point is to exercise the real scheme
// (salted, self-describing strings verified with crypto_pwhash_str_verify),
// not to resist offline cracking. The real platform would use MODERATE.
constexpr unsigned long long kOpsLimit = crypto_pwhash_OPSLIMIT_MIN;
constexpr std::size_t kMemLimit = crypto_pwhash_MEMLIMIT_MIN;
} // namespace

void InitCrypto() {
    if (sodium_init() < 0) {
        throw std::runtime_error("libsodium failed to initialise");
    }
}

std::string HashPassword(std::string_view password) {
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), kOpsLimit, kMemLimit,
                              crypto_pwhash_ALG_ARGON2ID13) != 0) {
        throw std::runtime_error("password hashing ran out of memory");
    }
    return out;
}

bool VerifyPassword(const std::string& hash, std::string_view password) {
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

void VerifyDummyPassword(std::string_view password) {
    static const std::string dummy = HashPassword("not-a-real-password");
    (void)VerifyPassword(dummy, password);
}

std::string NewAccessToken() {
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    return Base64UrlEncode(std::string_view(reinterpret_cast<const char*>(bytes), sizeof bytes));
}

std::string Sha256Hex(std::string_view data) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

std::string Base64UrlEncode(std::string_view data) {
    const int variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
    std::vector<char> out(sodium_base64_ENCODED_LEN(data.size(), variant));
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(data.data()),
                      data.size(), variant);
    return out.data();
}

bool Base64UrlDecode(std::string_view text, std::string& out) {
    std::vector<unsigned char> bin(text.size() + 1);
    std::size_t len = 0;
    const char* end = nullptr;
    if (sodium_base642bin(bin.data(), bin.size(), text.data(), text.size(), nullptr, &len, &end,
                          sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
        end != text.data() + text.size()) {
        return false;
    }
    out.assign(reinterpret_cast<const char*>(bin.data()), len);
    return true;
}

} // namespace kpd::sandbox
