#pragma once
// An XLSX file's container — a ZIP archive of XML parts (ECMA-376 Part 2,
// Open Packaging Conventions) — opened with libzip, its XML parts parsed with
// expat as a stream, so a sheet of a million rows is never held whole. Files
// that are not such a workbook (an Excel 97–2003 .xls, a password-protected
// workbook, any other archive) fail to open with one clear reason.
// One thread per package.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

struct zip;

namespace kpd::services {

// What an XML part's parser tells, names without their namespace:
// SpreadsheetML comes in a transitional and a strict namespace, and with or
// without prefixes, and the desk reads both alike.
class XmlPartHandler {
  public:
    virtual ~XmlPartHandler() = default;
    // `attributes` are name, value pairs ending with nullptr (expat's form).
    virtual void Start(std::string_view name, const char* const* attributes) = 0;
    virtual void End(std::string_view name) = 0;
    virtual void Text(std::string_view text) = 0;
    // A handler sets this to stop the parse with its reason.
    std::string stop;
};

// The value of the attribute with this name (namespace aside), or nullptr.
const char* XmlAttribute(const char* const* attributes, std::string_view name);

// What a part may inflate to, checked while it inflates (a ZIP bomb — a
// megabyte that inflates to gigabytes — is refused before it costs memory or
// minutes): at most kMaxPartBytes, and beyond kRatioFloorBytes at most
// kMaxPartRatio times its compressed size (real sheets compress 5–30 to 1;
// a run of one repeated byte, 1,000 to 1).
inline constexpr std::uint64_t kMaxPartBytes = 1ull << 30;
inline constexpr std::uint64_t kMaxPartRatio = 200;
inline constexpr std::uint64_t kRatioFloorBytes = 16ull << 20;

class XlsxPackage {
  public:
    // nullptr with `error` saying why the file is not an XLSX workbook.
    static std::unique_ptr<XlsxPackage> Open(const std::string& path, std::string& error);
    // The same for a workbook's bytes in memory (the fuzzers, an upload);
    // `name` is how messages call it.
    static std::unique_ptr<XlsxPackage> OpenBytes(std::string bytes, const std::string& name,
                                                  std::string& error);
    ~XlsxPackage();
    XlsxPackage(const XlsxPackage&) = delete;
    XlsxPackage& operator=(const XlsxPackage&) = delete;

    bool Has(const std::string& part) const;
    std::uint64_t SizeOf(const std::string& part) const; // uncompressed bytes; 0 when absent

    // Parses `part` through `handler`, a chunk at a time; `afterChunk` (when
    // given) hears the bytes read so far and returns false to stop early.
    // Empty on success (or when stopped by afterChunk), else the reason,
    // naming the part and the XML line, or the part and the limit it broke
    // (kMaxPartBytes, kMaxPartRatio).
    std::string Parse(const std::string& part, XmlPartHandler& handler,
                      const std::function<bool(std::uint64_t)>& afterChunk = {});

  private:
    XlsxPackage(zip* archive, std::string path) : m_zip(archive), m_path(std::move(path)) {}
    static std::unique_ptr<XlsxPackage> Check(zip* archive, std::string path, std::string& error);
    zip* m_zip;
    std::string m_path;
    std::unique_ptr<std::string> m_bytes; // OpenBytes: the archive libzip reads from, in place
};

} // namespace kpd::services
