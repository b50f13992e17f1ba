#include "services/xlsx_workbook.h"

#include "domain/spreadsheet_values.h"

#include <charconv>
#include <map>

namespace kpd::services {

namespace {
const std::string kWorkbookPart = "xl/workbook.xml";
const std::string kWorkbookRelationships = "xl/_rels/workbook.xml.rels";

int ToInt(const char* text, int fallback) {
    if (!text) return fallback;
    int value = fallback;
    const std::string_view s(text);
    std::from_chars(s.data(), s.data() + s.size(), value);
    return value;
}

// A relationship's target as a part name: relative to xl/, or absolute from the package's root.
std::string PartOfTarget(std::string_view target) {
    if (!target.empty() && target.front() == '/') return std::string(target.substr(1));
    std::string base = "xl";
    while (target.rfind("../", 0) == 0) {
        target.remove_prefix(3);
        base = base.substr(0, base.rfind('/') == std::string::npos ? 0 : base.rfind('/'));
    }
    return base.empty() ? std::string(target) : base + "/" + std::string(target);
}

std::string TooMany(const std::string& part, const char* what) {
    return part + ": more than " + std::to_string(kMaxWorkbookItems) + " " + what +
           ": the workbook is damaged or built to exhaust memory";
}

struct Relationship {
    std::string type_tail; // the relationship type's last segment: worksheet, sharedStrings, styles…
    std::string part;
};

class RelationshipsHandler : public XmlPartHandler {
  public:
    std::map<std::string, Relationship> byId;
    void Start(std::string_view name, const char* const* a) override {
        if (name != "Relationship") return;
        const char* id = XmlAttribute(a, "Id");
        const char* type = XmlAttribute(a, "Type");
        const char* target = XmlAttribute(a, "Target");
        const char* mode = XmlAttribute(a, "TargetMode");
        if (!id || !type || !target || (mode && std::string_view(mode) == "External")) return;
        const std::string_view t(type);
        byId[id] = {std::string(t.substr(t.rfind('/') + 1)), PartOfTarget(target)};
        if (byId.size() > kMaxWorkbookItems)
            stop = TooMany(kWorkbookRelationships, "relationships");
    }
    void End(std::string_view) override {}
    void Text(std::string_view) override {}
};

class WorkbookHandler : public XmlPartHandler {
  public:
    struct Sheet {
        std::string name, relationship;
        bool hidden;
    };
    std::vector<Sheet> sheets;
    bool date1904 = false;
    void Start(std::string_view name, const char* const* a) override {
        if (name == "workbookPr") {
            const char* v = XmlAttribute(a, "date1904");
            date1904 = v && (std::string_view(v) == "1" || std::string_view(v) == "true");
        } else if (name == "sheet") {
            const char* sheetName = XmlAttribute(a, "name");
            const char* id = XmlAttribute(a, "id"); // r:id
            const char* state = XmlAttribute(a, "state");
            if (sheetName && id)
                sheets.push_back({sheetName, id, state && std::string_view(state) != "visible"});
            if (sheets.size() > kMaxWorkbookItems)
                stop = TooMany(kWorkbookPart, "sheets");
        }
    }
    void End(std::string_view) override {}
    void Text(std::string_view) override {}
};

class StylesHandler : public XmlPartHandler {
  public:
    explicit StylesHandler(std::string part) : m_part(std::move(part)) {}
    std::map<int, bool> customIsDate; // numFmtId → shows a date
    std::vector<int> cellFormats;     // cellXfs in order: their numFmtId
    void Start(std::string_view name, const char* const* a) override {
        if (name == "numFmt") {
            const char* code = XmlAttribute(a, "formatCode");
            customIsDate[ToInt(XmlAttribute(a, "numFmtId"), -1)] = code && domain::IsDateFormatCode(code);
        } else if (name == "cellXfs") {
            m_inCellFormats = true;
        } else if (name == "xf" && m_inCellFormats) {
            cellFormats.push_back(ToInt(XmlAttribute(a, "numFmtId"), 0));
        }
        if (customIsDate.size() > kMaxWorkbookItems || cellFormats.size() > kMaxWorkbookItems) {
            stop = TooMany(m_part, "formats");
        }
    }
    void End(std::string_view name) override {
        if (name == "cellXfs") m_inCellFormats = false;
    }
    void Text(std::string_view) override {}

  private:
    std::string m_part;
    bool m_inCellFormats =
        false; // cellStyleXfs has xf elements too; a cell's s counts cellXfs only
};

// <si> is one string: its <t>, or the <t> of each rich text run <r> joined;
// the <t> inside <rPh> is a phonetic guide, not part of the text.
class SharedStringsHandler : public XmlPartHandler {
  public:
    SharedStringsHandler(XlsxSharedStrings& strings, std::string part)
        : m_strings(strings), m_part(std::move(part)) {}
    void Start(std::string_view name, const char* const*) override {
        if (name == "si") {
            m_inItem = true;
        } else if (name == "rPh") {
            m_inPhonetic = true;
        } else if (name == "t" && m_inItem && !m_inPhonetic) {
            m_inText = true;
        }
    }
    void End(std::string_view name) override {
        if (name == "t") {
            m_inText = false;
        } else if (name == "rPh") {
            m_inPhonetic = false;
        } else if (name == "si") {
            // Only an item with an escape pays for decoding.
            m_strings.Append(
                m_item.find("_x") == std::string::npos ? m_item : domain::DecodeSheetText(m_item));
            m_total += m_item.size() + sizeof(std::size_t);
            m_item.clear();
            if (m_total > kMaxSharedStringsTotal) {
                stop = m_part + ": the shared strings take more than " +
                       std::to_string(kMaxSharedStringsTotal >> 20) +
                       " MiB: the workbook is damaged or built to exhaust memory";
            }
            m_inItem = false;
        }
    }
    void Text(std::string_view text) override {
        if (!m_inText)
            return;
        if (m_item.size() + text.size() > kMaxSharedStringBytes) {
            stop = m_part + ": shared string " + std::to_string(m_strings.Size()) +
                   " is longer than " + std::to_string(kMaxSharedStringBytes >> 10) +
                   " KiB (a cell holds at most 32,767 characters): the workbook is damaged or "
                   "built to exhaust memory";
            return;
        }
        m_item += text;
    }

  private:
    XlsxSharedStrings& m_strings;
    std::string m_part;
    std::uint64_t m_total = 0;
    std::string m_item;
    bool m_inItem = false, m_inPhonetic = false, m_inText = false;
};
} // namespace

std::string LoadXlsxWorkbook(XlsxPackage& package, XlsxWorkbook& workbook) {
    RelationshipsHandler relationships;
    if (!package.Has(kWorkbookRelationships)) return kWorkbookRelationships + " is missing: the workbook is damaged";
    if (auto error = package.Parse(kWorkbookRelationships, relationships); !error.empty()) return error;
    WorkbookHandler book;
    if (auto error = package.Parse(kWorkbookPart, book); !error.empty()) return error;
    workbook.date1904 = book.date1904;
    for (const auto& sheet : book.sheets) {
        const auto it = relationships.byId.find(sheet.relationship);
        if (it == relationships.byId.end() || it->second.type_tail != "worksheet") continue; // a chart sheet
        workbook.sheets.push_back({sheet.name, it->second.part, sheet.hidden});
    }
    std::string stylesPart = "xl/styles.xml", stringsPart = "xl/sharedStrings.xml";
    for (const auto& [id, r] : relationships.byId) {
        if (r.type_tail == "styles") stylesPart = r.part;
        if (r.type_tail == "sharedStrings") stringsPart = r.part;
    }
    if (package.Has(stylesPart)) {
        StylesHandler styles(stylesPart);
        if (auto error = package.Parse(stylesPart, styles); !error.empty())
            return error;
        for (int id : styles.cellFormats) {
            const auto custom = styles.customIsDate.find(id);
            workbook.date_styles.push_back(custom != styles.customIsDate.end() ? custom->second
                                                                               : domain::IsBuiltInDateFormat(id));
        }
    }
    if (package.Has(stringsPart)) {
        SharedStringsHandler strings(workbook.strings, stringsPart);
        if (auto error = package.Parse(stringsPart, strings); !error.empty())
            return error;
    }
    return {};
}

const XlsxSheetInfo* FindXlsxSheet(const XlsxWorkbook& workbook, const std::string& name, std::string& error) {
    if (workbook.sheets.empty()) {
        error = "the workbook has no worksheet";
        return nullptr;
    }
    if (name.empty()) {
        for (const auto& sheet : workbook.sheets) {
            if (!sheet.hidden) return &sheet;
        }
        return &workbook.sheets.front(); // all hidden: the first is as good as any
    }
    std::string names;
    for (const auto& sheet : workbook.sheets) {
        if (sheet.name == name) return &sheet;
        names += (names.empty() ? "\"" : ", \"") + sheet.name + "\"";
    }
    error = "the workbook has no sheet \"" + name + "\" (it has " + names + ")";
    return nullptr;
}

} // namespace kpd::services
