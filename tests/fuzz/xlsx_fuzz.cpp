// libFuzzer target: the XLSX reader (services/xlsx_package.h, xlsx_workbook.h,
// xlsx_sheet_reader.h) as the desk reads a partner's sales workbook.
// An input whose first byte is odd is the workbook's bytes as they are
// (ZIP structure, compression, names); an even one is the package's XML
// parts split at 0xFF bytes (never in UTF-8 XML): the sheet, the shared
// strings, the styles, the workbook and its relationships, missing ones
// filled with a minimal part. Those are zipped in memory (stored or
// deflated, as the second byte says) and opened from there.
// Promises: never a crash, leak or undefined behaviour; an error names a part
// or a sheet; rows come in with cells inside a sheet's 16,384 columns.
// Built with clang, ASan and UBSan (tests/fuzz/CMakeLists.txt); run by ctest
// for 20 s and by scripts/fuzz for longer.
#include "fuzz_support.h"
#include "services/xlsx_sheet_reader.h"

#include <zip.h>

#include <array>
#include <memory>
#include <optional>

using namespace kpd::services;

namespace {
const std::string kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const std::string kRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const std::array<const char*, 5> kNames = {"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml",
                                           "xl/styles.xml", "xl/workbook.xml",
                                           "xl/_rels/workbook.xml.rels"};

std::array<std::string, 5> Defaults() {
    return {"<worksheet xmlns=\"" + kMain + "\"><sheetData/></worksheet>",
            "<sst xmlns=\"" + kMain + "\"/>",
            "<styleSheet xmlns=\"" + kMain +
                "\"><cellXfs><xf numFmtId=\"0\"/></cellXfs></styleSheet>",
            "<workbook xmlns=\"" + kMain + "\" xmlns:r=\"" + kRel +
                "\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
            "<Relationships "
            "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
            "Id=\"rId1\" Type=\"" +
                kRel +
                "/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" "
                "Type=\"" +
                kRel +
                "/sharedStrings\" Target=\"sharedStrings.xml\"/><Relationship Id=\"rId3\" Type=\"" +
                kRel + "/styles\" Target=\"styles.xml\"/></Relationships>"};
}

// The parts as a ZIP archive built in memory (no file: thousands of runs a second).
std::optional<std::string> ZipParts(const std::array<std::string, 5>& parts, bool deflate) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_error_fini(&error);
    if (!buffer)
        return std::nullopt;
    zip_source_keep(buffer); // the archive frees it at zip_close; we read it after
    zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, nullptr);
    if (!archive) {
        zip_source_free(buffer);
        zip_source_free(buffer);
        return std::nullopt;
    }
    for (std::size_t i = 0; i < parts.size(); ++i) {
        zip_source_t* source = zip_source_buffer(archive, parts[i].data(), parts[i].size(), 0);
        const zip_int64_t index =
            source ? zip_file_add(archive, kNames[i], source, ZIP_FL_ENC_UTF_8) : -1;
        if (index < 0) {
            zip_source_free(source);
            zip_discard(archive);
            zip_source_free(buffer);
            return std::nullopt;
        }
        zip_set_file_compression(archive, static_cast<zip_uint64_t>(index),
                                 deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 1);
    }
    if (zip_close(archive) != 0) {
        zip_discard(archive);
        zip_source_free(buffer);
        return std::nullopt;
    }
    std::optional<std::string> bytes;
    zip_stat_t st;
    if (zip_source_stat(buffer, &st) == 0 && zip_source_open(buffer) == 0) {
        bytes.emplace(st.size, '\0');
        if (zip_source_read(buffer, bytes->data(), st.size) != static_cast<zip_int64_t>(st.size))
            bytes.reset();
        zip_source_close(buffer);
    }
    zip_source_free(buffer);
    return bytes;
}

void ReadWorkbook(std::unique_ptr<XlsxPackage> package) {
    if (!package)
        return;
    XlsxWorkbook workbook;
    if (!LoadXlsxWorkbook(*package, workbook).empty())
        return;
    for (const auto& sheet : workbook.sheets)
        kpd::fuzz::Check(!sheet.part.empty());
    std::string error;
    const XlsxSheetInfo* sheet = FindXlsxSheet(workbook, "", error);
    kpd::fuzz::Check((sheet == nullptr) == !error.empty());
    if (!sheet)
        return;
    std::int64_t rows = 0;
    const auto why =
        ReadXlsxSheet(*package, workbook, *sheet,
                      [&](std::int64_t, const std::vector<XlsxCell>& cells, std::size_t count) {
                          kpd::fuzz::Check(count > 0 && count <= cells.size() && count <= 16384);
                          for (std::size_t k = 0; k < count; ++k)
                              kpd::fuzz::Check(cells[k].column >= 0);
                          return ++rows < 100000;
                      });
    if (!why.empty())
        kpd::fuzz::Check(why.find(sheet->part) != std::string::npos ||
                         why.find("sheet") != std::string::npos);
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2)
        return 0;
    const std::string rest(reinterpret_cast<const char*>(data) + 2, size - 2);
    std::string error;
    if (data[0] & 1) {
        ReadWorkbook(XlsxPackage::OpenBytes(rest, "fuzz.xlsx", error));
        return 0;
    }
    auto parts = Defaults();
    std::size_t begin = 0;
    for (std::size_t i = 0; i < parts.size() && begin <= rest.size(); ++i) {
        const std::size_t end = std::min(rest.find('\xFF', begin), rest.size());
        if (end > begin)
            parts[i] = rest.substr(begin, end - begin);
        begin = end + 1;
    }
    const auto zipped = ZipParts(parts, (data[1] & 1) != 0);
    if (!zipped)
        return 0;
    ReadWorkbook(XlsxPackage::OpenBytes(*zipped, "fuzz.xlsx", error));
    return 0;
}
