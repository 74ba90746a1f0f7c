// A small stand-in for libFuzzer's main, for builds without clang (the main g++ build):
// replays every corpus file through LLVMFuzzerTestOneInput, then mutates the corpus
// (byte flips, random bytes, insertions, erasures, splices, truncations) for a fixed
// time or number of runs. No coverage feedback: the clang build (scripts/fuzz.sh) is
// the real fuzzer; this keeps every target running in ctest.
//   fuzz_X [-seconds=N] [-runs=N] [-seed=N] [-max_len=N] CORPUS_DIR_OR_FILE...
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

using Bytes = std::vector<uint8_t>;

Bytes readFile(const std::filesystem::path& p, size_t maxLen) {
    std::ifstream in(p, std::ios::binary);
    Bytes b(maxLen);
    in.read(reinterpret_cast<char*>(b.data()), static_cast<std::streamsize>(maxLen));
    b.resize(static_cast<size_t>(in.gcount()));
    return b;
}

void mutate(Bytes& b, const std::vector<Bytes>& corpus, std::mt19937_64& rng, size_t maxLen) {
    auto pick = [&](size_t n) { return n ? static_cast<size_t>(rng() % n) : 0; };
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int i = 0; i < edits; ++i) {
        switch (rng() % 7) {
        case 0: if (!b.empty()) b[pick(b.size())] ^= static_cast<uint8_t>(1u << (rng() % 8)); break;
        case 1: if (!b.empty()) b[pick(b.size())] = static_cast<uint8_t>(rng()); break;
        case 2: { // interesting values: 0, 0xff, 0x7f, 0x80 runs (sizes, lengths, counts)
            static const uint8_t v[] = {0, 0xff, 0x7f, 0x80};
            const size_t at = pick(b.size() + 1), len = 1 + pick(8);
            b.insert(b.begin() + static_cast<std::ptrdiff_t>(at), len, v[rng() % 4]);
            break;
        }
        case 3: if (!b.empty()) {
            const size_t at = pick(b.size()), len = 1 + pick(std::min<size_t>(b.size() - at, 64));
            b.erase(b.begin() + static_cast<std::ptrdiff_t>(at), b.begin() + static_cast<std::ptrdiff_t>(at + len));
        } break;
        case 4: b.resize(pick(b.size() + 1)); break;
        case 5: { // splice a piece of another input
            const Bytes& o = corpus[pick(corpus.size())];
            if (o.empty()) break;
            const size_t from = pick(o.size()), len = 1 + pick(std::min<size_t>(o.size() - from, 256));
            const size_t at = pick(b.size() + 1);
            b.insert(b.begin() + static_cast<std::ptrdiff_t>(at), o.begin() + static_cast<std::ptrdiff_t>(from),
                     o.begin() + static_cast<std::ptrdiff_t>(from + len));
            break;
        }
        default: if (b.size() >= 2) { // duplicate a chunk (repetition: memo, marks, nesting)
            const size_t at = pick(b.size()), len = 1 + pick(std::min<size_t>(b.size() - at, 32));
            const Bytes chunk(b.begin() + static_cast<std::ptrdiff_t>(at), b.begin() + static_cast<std::ptrdiff_t>(at + len));
            for (int r = 0, n = 1 + static_cast<int>(rng() % 16); r < n; ++r)
                b.insert(b.begin() + static_cast<std::ptrdiff_t>(at), chunk.begin(), chunk.end());
        } break;
        }
    }
    if (b.size() > maxLen) b.resize(maxLen);
}

} // namespace

int main(int argc, char** argv) {
    double seconds = 5;
    long long runs = -1;
    uint64_t seed = 1;
    size_t maxLen = 1 << 20;
    std::vector<Bytes> corpus;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a.rfind("-seconds=", 0) == 0) seconds = std::atof(a.c_str() + 9);
        else if (a.rfind("-runs=", 0) == 0) runs = std::atoll(a.c_str() + 6);
        else if (a.rfind("-seed=", 0) == 0) seed = std::strtoull(a.c_str() + 6, nullptr, 10);
        else if (a.rfind("-max_len=", 0) == 0) maxLen = std::strtoull(a.c_str() + 9, nullptr, 10);
        else if (a.rfind("-", 0) == 0) continue; // libFuzzer options this driver does not know
        else if (std::filesystem::is_directory(a)) {
            for (const auto& e : std::filesystem::recursive_directory_iterator(a))
                if (e.is_regular_file()) corpus.push_back(readFile(e.path(), maxLen));
        } else {
            corpus.push_back(readFile(a, maxLen));
        }
    }
    for (const Bytes& b : corpus) LLVMFuzzerTestOneInput(b.data(), b.size());
    std::printf("replayed %zu corpus inputs\n", corpus.size());
    if (corpus.empty()) corpus.emplace_back();
    std::mt19937_64 rng(seed);
    const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    long long done = 0;
    Bytes b;
    while ((runs < 0 || done < runs) && (runs >= 0 || std::chrono::steady_clock::now() < end)) {
        b = corpus[static_cast<size_t>(rng() % corpus.size())];
        mutate(b, corpus, rng, maxLen);
        LLVMFuzzerTestOneInput(b.data(), b.size());
        ++done;
    }
    std::printf("%lld mutated runs without a crash (seed %llu)\n", done, static_cast<unsigned long long>(seed));
    return 0;
}
