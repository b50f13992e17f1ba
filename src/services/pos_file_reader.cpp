#include "services/pos_file_reader.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <fstream>
#include <optional>

namespace kpd::services {

namespace {
constexpr std::int64_t kProgressEvery = 1 << 16; // records between progress reports and cancel checks

// Splits one record into cells. Unquoted cells are views into the input;
// quoted ones are unescaped into `scratch`. Returns the position after the
// record's line break, or npos with `error` set.
class RecordSplitter {
  public:
    RecordSplitter(std::string_view text, char delimiter) : m_text(text), m_delimiter(delimiter) {}

    // The stable code of the last Split's error: quote_not_closed |
    // text_after_quote | quote_in_value (for UIs to word it).
    const std::string& ErrorCode() const { return m_errorCode; }

    std::size_t Split(std::size_t pos, std::vector<std::string_view>& cells, std::int64_t& line, std::string& error) {
        cells.clear();
        m_scratch.clear();
        m_scratch.reserve(m_text.size() < 4096 ? m_text.size() : 4096);
        // The fast path, a line without quotes: one pass over it sixteen bytes
        // at a time (SSE2, which every x86-64 has) finds the line break and
        // the delimiters together; a quote sends the line to SplitQuoted.
        const char* text = m_text.data();
        const std::size_t size = m_text.size();
        std::size_t start = pos, i = pos, lineEnd = size;
#if defined(__SSE2__)
        const __m128i newline = _mm_set1_epi8('\n'), quote = _mm_set1_epi8('"'), delimiter = _mm_set1_epi8(m_delimiter);
        while (i + 16 <= size) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text + i));
            auto nl = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, newline)));
            auto q = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, quote)));
            auto d = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, delimiter)));
            if (nl != 0) {
                const unsigned before = (nl & (0u - nl)) - 1; // the bytes before the first line break
                q &= before;
                d &= before;
            }
            if (q != 0) {
                cells.clear();
                return SplitQuoted(pos, cells, line, error);
            }
            for (; d != 0; d &= d - 1) {
                const std::size_t at = i + static_cast<std::size_t>(__builtin_ctz(d));
                cells.emplace_back(text + start, at - start);
                start = at + 1;
            }
            if (nl != 0) {
                lineEnd = i + static_cast<std::size_t>(__builtin_ctz(nl));
                break;
            }
            i += 16;
        }
#endif
        if (lineEnd == size) { // the last bytes of the text, one by one
            for (; i < size && text[i] != '\n'; ++i) {
                if (text[i] == '"') {
                    cells.clear();
                    return SplitQuoted(pos, cells, line, error);
                }
                if (text[i] == m_delimiter) {
                    cells.emplace_back(text + start, i - start);
                    start = i + 1;
                }
            }
            lineEnd = i;
        }
        std::size_t last = lineEnd;
        if (last > start && text[last - 1] == '\r') --last; // a CRLF line's last cell ends before the CR
        cells.emplace_back(text + start, last - start);
        ++line;
        return lineEnd == size ? size : lineEnd + 1;
    }

  private:
    std::size_t SplitQuoted(std::size_t pos, std::vector<std::string_view>& cells, std::int64_t& line,
                            std::string& error) {
        const std::int64_t startLine = line;
        // Offsets into m_scratch, turned into views once the record is complete (scratch may grow).
        std::vector<std::pair<std::size_t, std::size_t>> spans;
        std::size_t i = pos;
        while (true) {
            const std::size_t cellStart = m_scratch.size();
            if (i < m_text.size() && m_text[i] == '"') {
                ++i;
                while (true) {
                    if (i >= m_text.size()) {
                        error = "a quote opened on line " + std::to_string(startLine + 1) + " is never closed";
                        m_errorCode = "quote_not_closed";
                        return std::string_view::npos;
                    }
                    const char c = m_text[i];
                    if (c == '"') {
                        if (i + 1 < m_text.size() && m_text[i + 1] == '"') {
                            m_scratch += '"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        break;
                    }
                    if (c == '\n') ++line;
                    m_scratch += c;
                    ++i;
                }
                if (i < m_text.size() && m_text[i] == '\r') ++i;
                if (i < m_text.size() && m_text[i] != m_delimiter && m_text[i] != '\n') {
                    error = "text after a closing quote in column " + std::to_string(spans.size() + 1);
                    m_errorCode = "text_after_quote";
                    line = startLine; // report the record's first line
                    return std::string_view::npos;
                }
            } else {
                while (i < m_text.size() && m_text[i] != m_delimiter && m_text[i] != '\n') {
                    if (m_text[i] == '"') {
                        m_errorCode = "quote_in_value";
                        error = "a quote inside an unquoted value in column " + std::to_string(spans.size() + 1) +
                                " (quote the whole value and double the quote)";
                        return std::string_view::npos;
                    }
                    if (m_text[i] != '\r') m_scratch += m_text[i];
                    ++i;
                }
            }
            spans.emplace_back(cellStart, m_scratch.size() - cellStart);
            if (i >= m_text.size() || m_text[i] == '\n') {
                break;
            }
            ++i; // the delimiter
        }
        for (const auto& [at, n] : spans) {
            cells.push_back(std::string_view(m_scratch).substr(at, n));
        }
        ++line;
        return i >= m_text.size() ? m_text.size() : i + 1;
    }

    std::string_view m_text;
    char m_delimiter;
    std::string m_scratch;
    std::string m_errorCode;
};

// Skips to the line after the one starting at `pos` (used after a broken record).
std::size_t NextLine(std::string_view text, std::size_t pos) {
    const std::size_t end = text.find('\n', pos);
    return end == std::string_view::npos ? text.size() : end + 1;
}

// Fast paths for the shapes nearly every line of an export has, each giving
// exactly what the general parser (domain/sale_fields.h) gives for that text
// and declining (nullopt) anything else, which then takes the general way.

// Bytes all below 0x80: ASCII is valid UTF-8, checked eight bytes at a time.
bool IsAscii(std::string_view s) {
    std::uint64_t any = 0;
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        any |= w;
    }
    for (; i < s.size(); ++i) any |= static_cast<unsigned char>(s[i]);
    return (any & 0x8080808080808080ull) == 0;
}

// An amount of plain digits (1 to 15 of them, an optional leading '-', no
// spaces): the general parser reads it as whole units.
// (A bool and an out-parameter rather than an optional: GCC returned the
// optional through the stack, a byte stored and eight read back, which
// stalled every call.)
bool PlainAmount(std::string_view s, domain::AmountUnit unit, domain::Kopecks& out) {
    bool negative = false;
    if (!s.empty() && s.front() == '-') {
        negative = true;
        s.remove_prefix(1);
    }
    if (s.empty() || s.size() > 15) return false;
    std::int64_t v = 0;
    for (char c : s) {
        const unsigned digit = static_cast<unsigned char>(c) - static_cast<unsigned>('0');
        if (digit > 9) return false;
        v = v * 10 + digit;
    }
    if (unit == domain::AmountUnit::Roubles) v *= 100;
    out = negative ? -v : v;
    return true;
}

// "YYYY-MM-DD HH:MM:SS" without an offset. Consecutive lines mostly share
// their day, so the day's number is kept from the last line that had it;
// any other shape, or a new day, goes to the general parser once.
class SaleTimeReader {
  public:
    explicit SaleTimeReader(int utcOffsetMinutes) : m_offset(static_cast<std::int64_t>(utcOffsetMinutes) * 60) {}

    // False when `s` is not a time. (A bool and an out-parameter, not an
    // optional: see PlainAmount.)
    bool Read(std::string_view s, std::int64_t& at) {
        if (s.size() == 19 && s[10] == ' ' && s[13] == ':' && s[16] == ':') {
            const int h = Two(s, 11), mi = Two(s, 14), sec = Two(s, 17);
            if (h >= 0 && mi >= 0 && sec >= 0 && h <= 23 && mi <= 59 && sec <= 59) {
                const std::int64_t inDay = h * 3600 + mi * 60 + sec;
                if (m_known && SameBytes(s.substr(0, 10), std::string_view(m_day, 10))) {
                    at = m_dayStart + inDay - m_offset;
                    return true;
                }
                const auto parsed = domain::ParseSaleTime(s, static_cast<int>(m_offset / 60));
                if (!parsed) return false;
                std::memcpy(m_day, s.data(), 10);
                m_dayStart = *parsed + m_offset - inDay;
                m_known = true;
                at = *parsed;
                return true;
            }
        }
        const auto parsed = domain::ParseSaleTime(s, static_cast<int>(m_offset / 60));
        if (parsed) at = *parsed;
        return parsed.has_value();
    }

  private:
    static int Two(std::string_view s, std::size_t at) {
        const char a = s[at], b = s[at + 1];
        if (a < '0' || a > '9' || b < '0' || b > '9') return -1;
        return (a - '0') * 10 + (b - '0');
    }

    std::int64_t m_offset;
    bool m_known = false;
    char m_day[10] = {};
    std::int64_t m_dayStart = 0;
};

class Importer {
  public:
    Importer(const PosLayout& layout, PosReadResult& out)
        : m_layout(layout), m_out(out), m_times(layout.utc_offset_minutes),
          m_lastColumn(std::max({layout.columns.order_id, layout.columns.store, layout.columns.sold_at,
                                 layout.columns.amount, layout.columns.refunded})) {}

    void Problem(std::int64_t line, std::string column, std::string code, std::string message) {
        if (m_out.problems.size() < kMaxListedProblems) {
            m_out.problems.push_back({line, std::move(column), std::move(message), std::move(code)});
        }
    }

    // Converts one record's cells; false (with problems listed) when any field is bad.
    void Record(const std::vector<std::string_view>& cells, std::int64_t line) {
        const auto& c = m_layout.columns;
        const int needed = m_lastColumn;
        if (cells.size() == 1 && cells[0].empty()) {
            return; // an empty line, e.g. the file's last
        }
        ++m_out.data_lines;
        if (static_cast<int>(cells.size()) <= needed) {
            Problem(line, "", "column_count", "the line has " + std::to_string(cells.size()) + " columns; " +
                                  std::to_string(needed + 1) + " are needed");
            ++m_out.problem_lines;
            return;
        }
        bool ok = true;
        const auto text = [&](int column) -> std::string_view {
            if (column < 0) return {};
            const std::string_view v = cells[static_cast<std::size_t>(column)];
            if (m_layout.encoding == domain::TextEncoding::Cp1251) {
                m_converted[static_cast<std::size_t>(column) % m_converted.size()] = domain::Cp1251ToUtf8(v);
                return m_converted[static_cast<std::size_t>(column) % m_converted.size()];
            }
            return v;
        };
        const std::string_view orderId = Trim(text(c.order_id));
        const std::string_view store = Trim(text(c.store));
        if (m_layout.encoding == domain::TextEncoding::Utf8 && !(IsAscii(orderId) && IsAscii(store)) &&
            (!domain::IsValidUtf8(orderId) || !domain::IsValidUtf8(store))) {
            Problem(line, "", "not_utf8", "the line is not valid UTF-8 (is the file in Windows-1251?)");
            ok = false;
        }
        if (orderId.size() > kMaxOrderIdBytes) {
            Problem(line, "order_id", "too_long", "the order id is longer than " + std::to_string(kMaxOrderIdBytes) + " bytes");
            ok = false;
        }
        std::int64_t at = 0;
        if (!m_times.Read(cells[static_cast<std::size_t>(c.sold_at)], at)) {
            Problem(line, "sold_at", "not_a_time", "\"" + std::string(Trim(cells[static_cast<std::size_t>(c.sold_at)])) +
                                         "\" is not a date and time (2026-11-23 15:30 or 23.11.2026 15:30)");
            ok = false;
        }
        domain::Kopecks amount = 0;
        if (!PlainAmount(cells[static_cast<std::size_t>(c.amount)], m_layout.unit, amount)) {
            auto parsed = domain::ParseAmount(cells[static_cast<std::size_t>(c.amount)], m_layout.decimal, m_layout.unit);
            if (parsed.value) {
                amount = *parsed.value;
            } else {
                Problem(line, "amount", parsed.code, parsed.error);
                ok = false;
            }
        }
        domain::Kopecks refunded = -1;
        if (c.refunded >= 0) {
            const std::string_view r = Trim(cells[static_cast<std::size_t>(c.refunded)]);
            if (r.empty()) {
                refunded = 0;
            } else if (domain::Kopecks plain = 0; PlainAmount(r, m_layout.unit, plain)) {
                refunded = plain < 0 ? -plain : plain;
            } else if (auto parsed = domain::ParseAmount(r, m_layout.decimal, m_layout.unit); parsed.value) {
                refunded = *parsed.value < 0 ? -*parsed.value : *parsed.value;
            } else {
                Problem(line, "refunded", parsed.code, parsed.error);
                ok = false;
            }
        }
        if (!ok) {
            ++m_out.problem_lines;
            return;
        }
        m_out.table.Add(orderId, store, at, amount, refunded, line);
    }

  private:
    static std::string_view Trim(std::string_view s) {
        while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
        while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
        return s;
    }

    static constexpr std::size_t kMaxOrderIdBytes = 4096;

    const PosLayout& m_layout;
    PosReadResult& m_out;
    SaleTimeReader m_times;
    const int m_lastColumn; // the rightmost mapped column: a line needs at least one more cells
    std::array<std::string, 8> m_converted;
};

// Closes the mapping whichever way the read ends.
struct Mapping {
    void* data = MAP_FAILED;
    std::size_t size = 0;
    ~Mapping() {
        if (data != MAP_FAILED) munmap(data, size);
    }
};
} // namespace

PosReadResult ReadPosBytes(std::string_view bytes, const PosLayout& layout, const domain::CancelToken* cancel,
                           domain::ProgressSink* progress) {
    PosReadResult out;
    const auto guess = domain::GuessEncoding(bytes.substr(0, 65536));
    if (!guess.error.empty()) {
        out.fatal = guess.error;
        return out;
    }
    const std::string_view text = bytes.substr(guess.bom_bytes);
    // Generous guesses (lines of 24 bytes, ids a quarter of the text): pages
    // reserved and never touched cost address space only, while a guess too
    // small copies every array once.
    out.table.Reserve(text.size() / 24, text.size() / 4);
    RecordSplitter splitter(text, layout.delimiter);
    Importer importer(layout, out);
    std::vector<std::string_view> cells;
    std::string error;
    std::int64_t line = 0;
    std::size_t pos = 0;
    if (layout.header && pos < text.size()) {
        pos = splitter.Split(pos, cells, line, error);
        if (pos == std::string_view::npos) {
            out.fatal = "the header line: " + error;
            return out;
        }
    }
    std::int64_t sinceReport = 0;
    while (pos < text.size()) {
        const std::int64_t recordLine = line + 1;
        const std::size_t next = splitter.Split(pos, cells, line, error);
        if (next == std::string_view::npos) {
            importer.Problem(recordLine, "", splitter.ErrorCode(), error);
            ++out.problem_lines;
            ++out.data_lines;
            if (error.find("never closed") != std::string::npos) {
                out.fatal = "line " + std::to_string(recordLine) + ": " + error;
                break;
            }
            pos = NextLine(text, pos);
            line = recordLine;
            continue;
        }
        importer.Record(cells, recordLine);
        pos = next;
        if (++sinceReport == kProgressEvery) {
            sinceReport = 0;
            if (cancel && cancel->IsCancelled()) {
                out.cancelled = true;
                return out;
            }
            if (progress) progress->Report(static_cast<std::int64_t>(pos), static_cast<std::int64_t>(text.size()), "reading");
        }
    }
    if (progress) progress->Report(static_cast<std::int64_t>(text.size()), static_cast<std::int64_t>(text.size()), "read");
    return out;
}

PosReadResult ReadPosFile(const std::string& path, const PosLayout& layout, const domain::CancelToken* cancel,
                          domain::ProgressSink* progress) {
    PosReadResult out;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        out.fatal = path + ": " + std::strerror(errno);
        return out;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        out.fatal = path + ": " + std::strerror(errno);
        ::close(fd);
        return out;
    }
    if (st.st_size == 0) {
        ::close(fd);
        out.fatal = path + ": the file is empty";
        return out;
    }
    Mapping map;
    map.size = static_cast<std::size_t>(st.st_size);
    // MAP_POPULATE maps the whole file at once instead of one page fault per 4 KiB.
    map.data = ::mmap(nullptr, map.size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    ::close(fd);
    if (map.data == MAP_FAILED) {
        out.fatal = path + ": " + std::strerror(errno);
        return out;
    }
    ::madvise(map.data, map.size, MADV_SEQUENTIAL);
    return ReadPosBytes(std::string_view(static_cast<const char*>(map.data), map.size), layout, cancel, progress);
}

std::string ReadFileHead(const std::string& path, std::size_t limit, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = path + ": cannot open the file";
        return {};
    }
    std::string head(limit, '\0');
    in.read(head.data(), static_cast<std::streamsize>(limit));
    head.resize(static_cast<std::size_t>(in.gcount()));
    return head;
}

} // namespace kpd::services
