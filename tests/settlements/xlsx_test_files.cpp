#include "xlsx_test_files.h"

#include <zip.h>

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

void WriteHandMadeXlsx(const std::string& path, const std::string& rows, const std::string& sharedItems,
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
        "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId7\" Type=\"" + rel + "/worksheet\" Target=\"/xl/worksheets/data.xml\"/>"
        "<Relationship Id=\"rId8\" Type=\"" + rel + "/sharedStrings\" Target=\"strings.xml\"/>"
        "<Relationship Id=\"rId9\" Type=\"" + rel + "/styles\" Target=\"styles.xml\"/></Relationships>";
    parts["xl/worksheets/data.xml"] = "<?xml version=\"1.0\"?><worksheet xmlns=\"" + main + "\"><sheetData>" + rows +
                                      "</sheetData></worksheet>";
    parts["xl/strings.xml"] = "<?xml version=\"1.0\"?><sst xmlns=\"" + main + "\">" + sharedItems + "</sst>";
    parts["xl/styles.xml"] = "<?xml version=\"1.0\"?><styleSheet xmlns=\"" + main + "\">" +
                             (styles.empty() ? "<cellXfs count=\"1\"><xf numFmtId=\"0\"/></cellXfs>" : styles) +
                             "</styleSheet>";
    WriteZip(path, parts);
}

} // namespace kpd::test
