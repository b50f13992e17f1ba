// One planted fault per run, named by the first argument, for
// sanitizer_checks_tests: a sanitizer build must stop each with a report.
// "clean" does nothing wrong and exits 0.
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>

namespace {

// Volatile: the compiler must not see the values and fold the fault away.
volatile int g_index = 4;
volatile int g_big = INT_MAX;
int g_shared = 0;
void* volatile g_lost = nullptr;

int HeapBufferOverflow() {
    // Through a volatile pointer: UBSan's object-size check cannot see the
    // allocation, so the report is ASan's own (not "insufficient space").
    int* volatile values = new int[4]();
    int read = values[g_index];
    delete[] values;
    return read;
}

int SignedOverflow() {
    int big = g_big;
    return big + 1;
}

int Leak() {
    g_lost = std::malloc(4096);
    std::memset(g_lost, 1, 4096);
    g_lost = nullptr; // the only pointer to the block gone: LeakSanitizer reports it at exit
    return 0;
}

int DataRace() {
    std::thread other([] { g_shared = g_shared + 1; });
    g_shared = g_shared + 1;
    other.join();
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(
            stderr,
            "usage: sanitizer_canary clean|heap-buffer-overflow|signed-overflow|leak|data-race\n");
        return 2;
    }
    const char* what = argv[1];
    int result = 0;
    if (std::strcmp(what, "heap-buffer-overflow") == 0) {
        result = HeapBufferOverflow();
    } else if (std::strcmp(what, "signed-overflow") == 0) {
        result = SignedOverflow();
    } else if (std::strcmp(what, "leak") == 0) {
        result = Leak();
    } else if (std::strcmp(what, "data-race") == 0) {
        result = DataRace();
    } else if (std::strcmp(what, "clean") != 0) {
        std::fprintf(stderr, "unknown fault %s\n", what);
        return 2;
    }
    std::printf("%d\n", result == 12345 ? 1 : 0);
    return 0;
}
