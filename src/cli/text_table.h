#pragma once
// A plain-text table for the terminal: columns padded to the widest cell.
// Widths count Unicode code points, not bytes, so Cyrillic (two bytes a
// letter in UTF-8) lines up with Latin. Any thread; one table per thread.
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace kpd::cli {

// Code points in a UTF-8 string (continuation bytes 10xxxxxx are not counted).
std::size_t DisplayWidth(std::string_view utf8);

class TextTable {
  public:
    explicit TextTable(std::vector<std::string> headers);
    void AddRow(std::vector<std::string> cells); // missing cells are empty
    void Print(std::ostream& out) const;         // two spaces between columns, no trailing blanks

  private:
    std::vector<std::string> m_headers;
    std::vector<std::vector<std::string>> m_rows;
};

} // namespace kpd::cli
