#include "xlsx_test_files.h"

#include <zip.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace kpd::test {

void WriteZip(const std::string& path, const std::map<std::string, std::string>& parts) {
    int code = 0;
    zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
    if (!archive) throw std::runtime_error("cannot create " + path);
    for (const auto& [name, bytes] : parts) {
        // libzip reads the buffer at zip_close: it must outlive the loop, and `parts` does.
        zip_source_t* source = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
        if (!source || zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8) < 0) {
            zip_source_free(source);
            zip_discard(archive);
            throw std::runtime_error("cannot add " + name + " to " + path);
        }
    }
    if (zip_close(archive) != 0) throw std::runtime_error("cannot write " + path);
}

namespace {
std::map<std::string, std::string> HandMadeParts(const std::string& rows,
                                                 const std::string& sharedItems,
                                                 const std::string& styles, bool date1904) {
    const std::string main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    std::map<std::string, std::string> parts;
    parts["[Content_Types].xml"] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types "
        "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>";
    parts["_rels/.rels"] = "<?xml version=\"1.0\"?><Relationships "
                           "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
                           "Id=\"rId1\" Type=\"" + rel + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
    // A prefixed namespace, as some generators write it: the reader must not care.
    parts["xl/workbook.xml"] = "<?xml version=\"1.0\"?><x:workbook xmlns:x=\"" + main + "\" xmlns:r=\"" + rel + "\">" +
                               (date1904 ? "<x:workbookPr date1904=\"1\"/>" : "<x:workbookPr/>") +
                               "<x:sheets><x:sheet name=\"Продажи\" sheetId=\"1\" r:id=\"rId7\"/></x:sheets></x:workbook>";
    parts["xl/_rels/workbook.xml.rels"] =
        "<?xml version=\"1.0\"?><Relationships "
        "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId7\" Type=\"" +
        rel +
        "/worksheet\" Target=\"/xl/worksheets/data.xml\"/>"
        "<Relationship Id=\"rId8\" Type=\"" +
        rel +
        "/sharedStrings\" Target=\"strings.xml\"/>"
        "<Relationship Id=\"rId9\" Type=\"" +
        rel + "/styles\" Target=\"styles.xml\"/></Relationships>";
    parts["xl/worksheets/data.xml"] = "<?xml version=\"1.0\"?><worksheet xmlns=\"" + main +
                                      "\"><sheetData>" + rows + "</sheetData></worksheet>";
    parts["xl/strings.xml"] =
        "<?xml version=\"1.0\"?><sst xmlns=\"" + main + "\">" + sharedItems + "</sst>";
    parts["xl/styles.xml"] =
        "<?xml version=\"1.0\"?><styleSheet xmlns=\"" + main + "\">" +
        (styles.empty() ? "<cellXfs count=\"1\"><xf numFmtId=\"0\"/></cellXfs>" : styles) +
        "</styleSheet>";
    return parts;
}

// A part's XML made as libzip reads it: `head`, `count` bytes of `fill`,
// `tail` — never the whole in memory.
struct BombPart {
    std::string head, tail;
    char fill;
    std::uint64_t count, at = 0;
    std::uint64_t Size() const { return head.size() + count + tail.size(); }
};

zip_int64_t BombSource(void* state, void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
    auto* part = static_cast<BombPart*>(state);
    switch (cmd) {
    case ZIP_SOURCE_OPEN:
        part->at = 0;
        return 0;
    case ZIP_SOURCE_READ: {
        auto* out = static_cast<char*>(data);
        zip_uint64_t n = 0;
        const std::uint64_t h = part->head.size(), fillEnd = h + part->count;
        while (n < len && part->at < part->Size()) {
            const std::uint64_t i = part->at;
            if (i >= h && i < fillEnd) { // the filling, a buffer at a time
                const std::uint64_t k = std::min<std::uint64_t>(len - n, fillEnd - i);
                std::memset(out + n, part->fill, k);
                n += k;
                part->at += k;
            } else {
                out[n++] = i < h ? part->head[i] : part->tail[i - fillEnd];
                ++part->at;
            }
        }
        return static_cast<zip_int64_t>(n);
    }
    case ZIP_SOURCE_CLOSE:
        return 0;
    case ZIP_SOURCE_STAT: {
        auto* st = static_cast<zip_stat_t*>(data);
        zip_stat_init(st);
        st->size = part->Size();
        st->valid |= ZIP_STAT_SIZE;
        return sizeof(zip_stat_t);
    }
    case ZIP_SOURCE_ERROR:
        return 2 * sizeof(int);
    case ZIP_SOURCE_FREE:
        return 0;
    case ZIP_SOURCE_SUPPORTS:
        return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                              ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE,
                                              -1);
    default:
        return -1;
    }
}
} // namespace

void WriteHandMadeXlsx(const std::string& path, const std::string& rows,
                       const std::string& sharedItems, const std::string& styles, bool date1904) {
    WriteZip(path, HandMadeParts(rows, sharedItems, styles, date1904));
}

void WriteXlsxBomb(const std::string& path, const std::string& part, std::uint64_t bytes) {
    auto parts = HandMadeParts("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>",
                               "<si><t>x</t></si>", "", false);
    const std::string& xml =
        parts.at(part); // one of the hand-made parts: its text, split where the filling goes
    const bool strings = part == "xl/strings.xml";
    const std::string at = strings ? "<si><t>x</t></si>" : "<sheetData>";
    const std::size_t cut = xml.find(at);
    BombPart bomb{strings ? xml.substr(0, cut) + "<si><t>" : xml.substr(0, cut + at.size()),
                  strings ? "</t></si>" + xml.substr(cut + at.size()) : xml.substr(cut + at.size()),
                  strings ? 'A' : ' ', bytes};
    parts.erase(part);
    int code = 0;
    zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
    if (!archive)
        throw std::runtime_error("cannot create " + path);
    for (const auto& [name, text] : parts) {
        zip_source_t* source = zip_source_buffer(archive, text.data(), text.size(), 0);
        if (!source || zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8) < 0) {
            throw std::runtime_error("cannot add " + name + " to " + path);
        }
    }
    zip_source_t* source = zip_source_function(archive, BombSource, &bomb);
    const zip_int64_t index =
        source ? zip_file_add(archive, part.c_str(), source, ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0 || zip_set_file_compression(archive, static_cast<zip_uint64_t>(index),
                                              ZIP_CM_DEFLATE, 9) != 0) {
        throw std::runtime_error("cannot add " + part + " to " + path);
    }
    if (zip_close(archive) != 0)
        throw std::runtime_error("cannot write " + path);
}

} // namespace kpd::test
