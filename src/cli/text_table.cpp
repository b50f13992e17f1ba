#include "cli/text_table.h"

#include <algorithm>

namespace kpd::cli {

std::size_t DisplayWidth(std::string_view utf8) {
    std::size_t width = 0;
    for (unsigned char c : utf8) {
        if ((c & 0xC0) != 0x80) {
            ++width;
        }
    }
    return width;
}

TextTable::TextTable(std::vector<std::string> headers) : m_headers(std::move(headers)) {}

void TextTable::AddRow(std::vector<std::string> cells) {
    cells.resize(m_headers.size());
    m_rows.push_back(std::move(cells));
}

void TextTable::Print(std::ostream& out) const {
    std::vector<std::size_t> widths(m_headers.size());
    for (std::size_t c = 0; c < m_headers.size(); ++c) {
        widths[c] = DisplayWidth(m_headers[c]);
        for (const auto& row : m_rows) {
            widths[c] = std::max(widths[c], DisplayWidth(row[c]));
        }
    }
    auto printRow = [&](const std::vector<std::string>& cells) {
        std::string line;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            line += cells[c];
            if (c + 1 < cells.size()) {
                line.append(widths[c] - DisplayWidth(cells[c]) + 2, ' ');
            }
        }
        while (!line.empty() && line.back() == ' ') {
            line.pop_back();
        }
        out << line << '\n';
    };
    printRow(m_headers);
    for (const auto& row : m_rows) {
        printRow(row);
    }
}

} // namespace kpd::cli
