#include "services/xlsx_package.h"

#include <expat.h>
#include <zip.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

namespace kpd::services {

namespace {
constexpr std::size_t kChunk = 1 << 18;

// A name without its prefix ("x:row" → "row", "r:id" → "id"). Expat's own
// namespace processing would give the namespace too, at a cost on every
// element of a million-row sheet; the reader needs local names only.
std::string_view LocalName(const char* name) {
    const char* local = std::strrchr(name, ':');
    return local ? std::string_view(local + 1) : std::string_view(name);
}

// An OLE2 compound file (the container of .xls, and of an OOXML workbook
// encrypted with a password: ECMA-376 Part 2 wraps it in an OLE2 file whose
// stream "EncryptedPackage" holds the encrypted ZIP).
constexpr std::string_view kEncryptedPackageName =
    std::string_view("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32);

std::string CompoundFileReason(bool encrypted) {
    if (encrypted) {
        return "the workbook is protected with a password: save a copy without the password, or as "
               "CSV";
    }
    return "this is an Excel 97–2003 workbook (.xls), not XLSX: save it as .xlsx or as CSV";
}

// Looks for the UTF-16LE stream name "EncryptedPackage" in the first 64 MiB,
// a chunk at a time: an .xls is told apart without holding (or zero-filling)
// 64 MiB, and a name split across two chunks is still found through the
// overlap kept from the previous chunk.
std::string CompoundFileReason(const std::string& path) {
    constexpr std::size_t kScanLimit = 64u << 20;
    constexpr std::size_t kScanChunk = 1u << 20;
    std::ifstream in(path, std::ios::binary);
    std::string window;
    std::vector<char> chunk(kScanChunk);
    std::size_t scanned = 0;
    while (in && scanned < kScanLimit) {
        in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        const auto got = static_cast<std::size_t>(in.gcount());
        if (got == 0)
            break;
        scanned += got;
        window.append(chunk.data(), got);
        if (window.find(kEncryptedPackageName) != std::string::npos)
            return CompoundFileReason(true);
        window.erase(0, window.size() - std::min(window.size(), kEncryptedPackageName.size() - 1));
    }
    return CompoundFileReason(false);
}

constexpr std::string_view kCompoundMagic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

// Why libzip could not open the archive, in words.
std::string OpenFailure(const std::string& name, int code) {
    if (code == ZIP_ER_NOZIP || code == ZIP_ER_INCONS) {
        return name + ": not an XLSX workbook (not a ZIP archive, or a damaged one)";
    }
    zip_error_t why;
    zip_error_init_with_code(&why, code);
    std::string text = name + ": " + zip_error_strerror(&why);
    zip_error_fini(&why);
    return text;
}

std::string MiB(std::uint64_t bytes) {
    return std::to_string(bytes >> 20) + " MiB";
}

struct ExpatParser {
    XML_Parser parser = XML_ParserCreate(nullptr);
    ~ExpatParser() { XML_ParserFree(parser); }
};

struct ZipFile {
    zip_file_t* file = nullptr;
    ~ZipFile() {
        if (file) zip_fclose(file);
    }
};

// What expat's callbacks get: the handler, and the parser to stop when the handler says so.
struct ParseContext {
    XmlPartHandler* handler;
    XML_Parser parser;
    void StopIfAsked() const {
        if (!handler->stop.empty()) XML_StopParser(parser, XML_FALSE);
    }
};

void XMLCALL OnStart(void* data, const XML_Char* name, const XML_Char** attributes) {
    const auto* context = static_cast<ParseContext*>(data);
    context->handler->Start(LocalName(name), attributes);
    context->StopIfAsked();
}
void XMLCALL OnEnd(void* data, const XML_Char* name) {
    const auto* context = static_cast<ParseContext*>(data);
    context->handler->End(LocalName(name));
    context->StopIfAsked();
}
void XMLCALL OnText(void* data, const XML_Char* text, int length) {
    const auto* context = static_cast<ParseContext*>(data);
    context->handler->Text(std::string_view(text, static_cast<std::size_t>(length)));
    context->StopIfAsked();
}
} // namespace

const char* XmlAttribute(const char* const* attributes, std::string_view name) {
    for (; attributes && *attributes; attributes += 2) {
        if (LocalName(attributes[0]) == name) return attributes[1];
    }
    return nullptr;
}

std::unique_ptr<XlsxPackage> XlsxPackage::Open(const std::string& path, std::string& error) {
    char magic[8] = {};
    {
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            error = path + ": " + std::strerror(errno);
            return nullptr;
        }
        in.read(magic, sizeof magic);
    }
    if (std::string_view(magic, sizeof magic) == kCompoundMagic) {
        error = path + ": " + CompoundFileReason(path);
        return nullptr;
    }
    int code = 0;
    zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &code);
    if (!archive) {
        error = OpenFailure(path, code);
        return nullptr;
    }
    return Check(archive, path, error);
}

std::unique_ptr<XlsxPackage> XlsxPackage::OpenBytes(std::string bytes, const std::string& name,
                                                    std::string& error) {
    if (std::string_view(bytes).substr(0, kCompoundMagic.size()) == kCompoundMagic) {
        error = name + ": " +
                CompoundFileReason(std::string_view(bytes).find(kEncryptedPackageName) !=
                                   std::string_view::npos);
        return nullptr;
    }
    // The package keeps the bytes; libzip reads them in place (freep 0).
    auto owned = std::make_unique<std::string>(std::move(bytes));
    zip_error_t why;
    zip_error_init(&why);
    zip_source_t* source = zip_source_buffer_create(owned->data(), owned->size(), 0, &why);
    zip_t* archive = source ? zip_open_from_source(source, ZIP_RDONLY, &why) : nullptr;
    if (!archive) {
        if (source)
            zip_source_free(source);
        error = OpenFailure(name, zip_error_code_zip(&why));
        zip_error_fini(&why);
        return nullptr;
    }
    zip_error_fini(&why);
    auto package = Check(archive, name, error);
    if (package)
        package->m_bytes = std::move(owned);
    return package;
}

std::unique_ptr<XlsxPackage> XlsxPackage::Check(zip* archive, std::string path,
                                                std::string& error) {
    std::unique_ptr<XlsxPackage> package(new XlsxPackage(archive, path));
    if (!package->Has("xl/workbook.xml")) {
        error = path + ": a ZIP archive, but not an XLSX workbook (it has no xl/workbook.xml)";
        return nullptr;
    }
    return package;
}

XlsxPackage::~XlsxPackage() { zip_discard(m_zip); }

bool XlsxPackage::Has(const std::string& part) const { return zip_name_locate(m_zip, part.c_str(), ZIP_FL_NOCASE) >= 0; }

std::uint64_t XlsxPackage::SizeOf(const std::string& part) const {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(m_zip, part.c_str(), ZIP_FL_NOCASE, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) return 0;
    return st.size;
}

std::string XlsxPackage::Parse(const std::string& part, XmlPartHandler& handler,
                               const std::function<bool(std::uint64_t)>& afterChunk) {
    ZipFile file{zip_fopen(m_zip, part.c_str(), ZIP_FL_NOCASE)};
    if (!file.file) {
        const int code = zip_error_code_zip(zip_get_error(m_zip));
        if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_ENCRNOTSUPP || code == ZIP_ER_WRONGPASSWD) {
            return part + " is encrypted: save the workbook without a password, or as CSV";
        }
        return part + ": " + zip_strerror(m_zip);
    }
    zip_stat_t st;
    zip_stat_init(&st);
    const bool stated = zip_stat(m_zip, part.c_str(), ZIP_FL_NOCASE, &st) == 0;
    const std::uint64_t packed = stated && (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
    const auto tooBig = [&](std::uint64_t size) {
        return part + " inflates to more than " + MiB(kMaxPartBytes) + " (" + MiB(size) +
               "): the workbook is damaged or built to exhaust memory";
    };
    if (stated && (st.valid & ZIP_STAT_SIZE) && st.size > kMaxPartBytes)
        return tooBig(st.size);
    ExpatParser xml;
    ParseContext context{&handler, xml.parser};
    XML_SetUserData(xml.parser, &context);
    XML_SetElementHandler(xml.parser, OnStart, OnEnd);
    XML_SetCharacterDataHandler(xml.parser, OnText);
    std::uint64_t read = 0;
    while (true) {
        void* buffer = XML_GetBuffer(xml.parser, static_cast<int>(kChunk));
        if (!buffer) return part + ": out of memory";
        const zip_int64_t n = zip_fread(file.file, buffer, kChunk);
        if (n < 0) return part + ": " + zip_file_strerror(file.file);
        read += static_cast<std::uint64_t>(n);
        // Checked as it inflates, whatever the archive declares.
        if (read > kMaxPartBytes)
            return tooBig(read);
        if (read > kRatioFloorBytes && read / kMaxPartRatio > packed) {
            return part + " inflates to more than " + std::to_string(kMaxPartRatio) +
                   " times its " + std::to_string(packed) +
                   " compressed bytes: the workbook is damaged or built to exhaust memory";
        }
        const bool last = n == 0;
        if (XML_ParseBuffer(xml.parser, static_cast<int>(n), last) != XML_STATUS_OK) {
            if (!handler.stop.empty()) return handler.stop;
            return part + " line " + std::to_string(XML_GetCurrentLineNumber(xml.parser)) +
                   ": the XML is damaged (" + XML_ErrorString(XML_GetErrorCode(xml.parser)) + ")";
        }
        if (!handler.stop.empty()) return handler.stop;
        if (last) return {};
        if (afterChunk && !afterChunk(read)) return {};
    }
}

} // namespace kpd::services
