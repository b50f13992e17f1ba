// AssetCache: image bytes by asset id, refused and hidden when they do not
// match their sha256; base64 both ways.
#include "store/asset_cache.h"
#include "store/sha256.h"
#include "workspace_fixture.h"

#include <boost/test/unit_test.hpp>

using namespace kpd;

namespace {

std::vector<std::uint8_t> Bytes(std::size_t n) {
    std::vector<std::uint8_t> out(n);
    for (std::size_t i = 0; i < n; ++i) {
        out[i] = static_cast<std::uint8_t>((i * 131 + 7) & 0xFF); // every byte value occurs
    }
    return out;
}

std::vector<std::uint8_t> Text(const std::string& s) {
    return {s.begin(), s.end()};
}

} // namespace

BOOST_AUTO_TEST_SUITE(sha256_and_base64)

BOOST_AUTO_TEST_CASE(sha256_matches_known_digests) {
    BOOST_TEST(store::Sha256Hex(Text("")) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    BOOST_TEST(store::Sha256Hex(Text("abc")) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

BOOST_AUTO_TEST_CASE(base64_matches_rfc4648_vectors) {
    BOOST_TEST(store::Base64Encode(Text("")) == "");
    BOOST_TEST(store::Base64Encode(Text("f")) == "Zg==");
    BOOST_TEST(store::Base64Encode(Text("fo")) == "Zm8=");
    BOOST_TEST(store::Base64Encode(Text("foo")) == "Zm9v");
    BOOST_TEST(store::Base64Encode(Text("foobar")) == "Zm9vYmFy");
    BOOST_TEST((store::Base64Decode("Zm9vYg==") == Text("foob")));
    BOOST_TEST((store::Base64Decode("Zm9vYmE=") == Text("fooba")));
}

BOOST_AUTO_TEST_CASE(base64_round_trips_every_byte_and_refuses_garbage) {
    auto bytes = Bytes(1000);
    BOOST_TEST((store::Base64Decode(store::Base64Encode(bytes)) == bytes));
    BOOST_TEST(!store::Base64Decode("Zm9").has_value());
    BOOST_TEST(!store::Base64Decode("Zm9*").has_value());
    BOOST_TEST(!store::Base64Decode("Z=9v").has_value());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(asset_cache, test::WorkspaceFixture)

BOOST_AUTO_TEST_CASE(put_then_get_returns_the_same_bytes) {
    auto bytes = Bytes(300 * 1024);
    auto sha = store::Sha256Hex(bytes);
    Ws().Assets().Put("http://p", "a1", "image/png", sha, bytes);
    auto cached = Ws().Assets().Get("http://p", "a1");
    BOOST_REQUIRE(cached.has_value());
    BOOST_TEST((cached->bytes == bytes));
    BOOST_TEST(cached->sha256 == sha);
    BOOST_TEST(cached->media_type == "image/png");
    BOOST_TEST(!Ws().Assets().Get("http://other", "a1").has_value());
    BOOST_TEST(Ws().Assets().Count("http://p") == 1);
}

BOOST_AUTO_TEST_CASE(bytes_not_matching_their_sha256_are_refused) {
    auto bytes = Bytes(64);
    auto wrong = store::Sha256Hex(Bytes(65));
    auto kind = test::ErrorKindOf([&] { Ws().Assets().Put("http://p", "a1", "image/png", wrong, bytes); });
    BOOST_TEST((kind == store::StoreErrorKind::Constraint));
    BOOST_TEST(Count("asset_cache") == 0);
}

BOOST_AUTO_TEST_CASE(a_damaged_copy_reads_as_absent) {
    auto bytes = Bytes(64);
    Ws().Assets().Put("http://p", "a1", "image/png", store::Sha256Hex(bytes), bytes);
    auto sql = store::OpenSession(url);
    std::string other = store::Base64Encode(Bytes(63));
    *sql << "UPDATE asset_cache SET content_base64 = :c, byte_count = 63", soci::use(other, "c");
    BOOST_TEST(!Ws().Assets().Get("http://p", "a1").has_value());
}

BOOST_AUTO_TEST_CASE(upper_case_sha256_is_accepted_and_stored_lower_case) {
    auto bytes = Bytes(10);
    auto sha = store::Sha256Hex(bytes);
    std::string upper = sha;
    for (auto& c : upper) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    Ws().Assets().Put("http://p", "a1", "image/jpeg", upper, bytes);
    BOOST_TEST(Ws().Assets().Get("http://p", "a1")->sha256 == sha);
}

BOOST_AUTO_TEST_SUITE_END()
