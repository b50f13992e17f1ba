#include "services/pos_file_reader.h"

#include "services/pos_record_importer.h"
#include "services/pos_xlsx_reader.h"

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
    PosRecordImporter importer(layout, out);
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
    char magic[8] = {};
    if (::pread(fd, magic, sizeof magic, 0) == static_cast<ssize_t>(sizeof magic) &&
        LooksLikeWorkbook(std::string_view(magic, sizeof magic))) {
        ::close(fd);
        return ReadPosXlsx(path, layout, cancel, progress);
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

SniffedLayout SniffPosFile(const std::string& path, std::string& head) {
    SniffedLayout out;
    head = ReadFileHead(path, 65536, out.error);
    if (!out.error.empty()) return out;
    if (LooksLikeWorkbook(head)) {
        head.clear();
        return SniffPosXlsx(path);
    }
    return SniffPosLayout(head);
}

} // namespace kpd::services
