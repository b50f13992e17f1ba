// Reading a partner's sales export as an XLSX workbook — unzip, stream the
// sheet's XML, resolve strings and date styles, check and convert every row
// into the SaleTable — timed against pandas.read_excel (openpyxl) on the same
// file in the same run, and against our own reader on the same rows as CSV.
//
//   xlsx_read_bench [--rows N] [--dir DIR] [--no-pandas] [--keep]
//
// The workbook is written by libxlsxwriter in constant-memory mode (inline
// strings, as streaming writers do): order id, store, sale time as a
// date-formatted cell, amount in roubles as a number. Wall and CPU seconds
// are both printed: on a shared machine the wall clock measures neighbours too.
#include "bench_clock.h"

#include "services/pos_file_reader.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

using namespace kpd;
using bench::Clock;
using bench::Seconds;
using bench::Iso;

namespace {
struct Options {
    std::size_t rows = 1'000'000;
    std::string dir;
    bool pandas = true;
    bool keep = false;
};

double CpuSeconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

// Row i: D-<i>, store-<i % 300>, a sale every 2 s from 2026-11-01 (Moscow wall clock), 1.00–10,000.00 roubles.
void Generate(const Options& o, const std::string& xlsxPath, const std::string& csvPath) {
    const std::int64_t start = 1'793'491'200; // 2026-11-01 00:00 as wall-clock seconds
    lxw_workbook_options options = {};
    options.constant_memory = LXW_TRUE;
    lxw_workbook* book = workbook_new_opt(xlsxPath.c_str(), &options);
    lxw_worksheet* sheet = workbook_add_worksheet(book, "Продажи");
    lxw_format* when = workbook_add_format(book);
    format_set_num_format(when, "dd.mm.yyyy hh:mm:ss");
    const char* header[] = {"order_id", "store", "sold_at", "amount"};
    for (lxw_col_t c = 0; c < 4; ++c) worksheet_write_string(sheet, 0, c, header[c], nullptr);
    std::ofstream csv(csvPath);
    csv << "order_id;store;sold_at;amount\n";
    for (std::size_t i = 0; i < o.rows; ++i) {
        const auto row = static_cast<lxw_row_t>(i + 1);
        const std::string id = "D-" + std::to_string(1'000'000'000 + i), store = "store-" + std::to_string(i % 300);
        const std::int64_t at = start + static_cast<std::int64_t>(i) * 2;
        const std::int64_t kop = 100 + static_cast<std::int64_t>((i * 7919) % 999'900);
        worksheet_write_string(sheet, row, 0, id.c_str(), nullptr);
        worksheet_write_string(sheet, row, 1, store.c_str(), nullptr);
        worksheet_write_unixtime(sheet, row, 2, at, when);
        worksheet_write_number(sheet, row, 3, static_cast<double>(kop) / 100, nullptr);
        csv << id << ';' << store << ';' << Iso(at) << ';' << kop / 100 << '.' << (kop % 100 < 10 ? "0" : "") << kop % 100
            << '\n';
    }
    if (workbook_close(book) != LXW_NO_ERROR) {
        std::cerr << "cannot write " << xlsxPath << "\n";
        std::exit(1);
    }
}

struct Timed {
    services::PosReadResult result;
    double wall = 0, cpu = 0;
};

Timed Read(const std::string& path, const services::PosLayout& layout) {
    Timed t;
    const auto wall = Clock::now();
    const double cpu = CpuSeconds();
    t.result = services::ReadPosFile(path, layout);
    t.wall = Seconds(wall);
    t.cpu = CpuSeconds() - cpu;
    return t;
}

std::int64_t AmountSum(const services::SaleTable& table) {
    std::int64_t sum = 0;
    for (std::size_t i = 0; i < table.Size(); ++i) sum += table.Amount(i);
    return sum;
}
} // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--rows" && i + 1 < argc) o.rows = std::stoull(argv[++i]);
        else if (a == "--dir" && i + 1 < argc) o.dir = argv[++i];
        else if (a == "--no-pandas") o.pandas = false;
        else if (a == "--keep") o.keep = true;
        else {
            std::cerr << "usage: xlsx_read_bench [--rows N] [--dir DIR] [--no-pandas] [--keep]\n";
            return 2;
        }
    }
    if (o.dir.empty()) o.dir = std::filesystem::temp_directory_path() / ("xlsx-bench-" + std::to_string(::getpid()));
    std::filesystem::create_directories(o.dir);
    const std::string xlsx = o.dir + "/sales.xlsx", csv = o.dir + "/sales.csv";
    const auto genStart = Clock::now();
    Generate(o, xlsx, csv);
    std::printf("rows: %zu; workbook %.1f MB, CSV %.1f MB (written in %.1f s)\n", o.rows,
                static_cast<double>(std::filesystem::file_size(xlsx)) / 1e6,
                static_cast<double>(std::filesystem::file_size(csv)) / 1e6, Seconds(genStart));

    std::string head;
    auto layout = services::SniffPosFile(xlsx, head).layout;
    const Timed ours = Read(xlsx, layout);
    if (!ours.result.Clean() || ours.result.table.Size() != o.rows) {
        std::cerr << "the workbook did not read clean: " << ours.result.fatal << " ("
                  << ours.result.problem_lines << " bad rows)\n";
        return 1;
    }
    std::printf("ours, XLSX:  %.3f s wall, %.3f s CPU\n", ours.wall, ours.cpu);

    const auto csvLayout = services::SniffPosFile(csv, head).layout;
    const Timed ourCsv = Read(csv, csvLayout);
    std::printf("ours, CSV:   %.3f s wall, %.3f s CPU (the same rows)\n", ourCsv.wall, ourCsv.cpu);
    const bool same = ourCsv.result.table.Size() == o.rows && AmountSum(ourCsv.result.table) == AmountSum(ours.result.table) &&
                      ourCsv.result.table.At(o.rows - 1) == ours.result.table.At(o.rows - 1);
    std::printf("XLSX and CSV read alike (rows, amount sum, last time): %s\n", same ? "yes" : "NO");
    std::printf("XLSX / CSV: %.1fx the time\n", ours.wall / ourCsv.wall);

    if (o.pandas) {
        const std::string script = o.dir + "/read.py";
        std::ofstream(script) << "import sys, time, pandas\n"
                                 "t = time.perf_counter(); c = time.process_time()\n"
                                 "df = pandas.read_excel(sys.argv[1], engine='openpyxl')\n"
                                 "print(len(df), time.perf_counter() - t, time.process_time() - c)\n";
        // Debian's interpreter, where python3-pandas and python3-openpyxl live (a pyenv python3 may come first on PATH).
        const std::string command = "/usr/bin/python3 '" + script + "' '" + xlsx + "'";
        std::string out;
        if (FILE* pipe = popen(command.c_str(), "r")) {
            char buf[256];
            while (std::fgets(buf, sizeof buf, pipe)) out += buf;
            pclose(pipe);
        }
        std::size_t rows = 0;
        double wall = 0, cpu = 0;
        if (std::sscanf(out.c_str(), "%zu %lf %lf", &rows, &wall, &cpu) == 3 && rows == o.rows) {
            std::printf("pandas.read_excel (openpyxl): %.2f s wall, %.2f s CPU: ours %.0fx faster (CPU %.0fx)\n", wall,
                        cpu, wall / ours.wall, cpu / ours.cpu);
        } else {
            std::printf("pandas.read_excel did not run: %s\n", out.c_str());
        }
    }
    if (!o.keep) std::filesystem::remove_all(o.dir);
    return 0;
}
