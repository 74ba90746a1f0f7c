// Issue 15, hostile files: every case an independent tester found, forged here (or by
// tests/fixtures/make_hostile_fixtures.py for TorchScript) and refused with a specific
// message. The amplification bombs run in a child process whose address space may grow
// by at most 100 MB, and must be refused within 1 s.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <gtest/gtest.h>
#include <opencv2/core.hpp>

#include "checkpoint/Checkpoint.h"
#include "checkpoint/PickleReader.h"
#include "model/ModelImpl.h"
#include "rdbm/Error.h"
#include "rdbm/FileOps.h"
#include "rdbm/ImageIO.h"
#include "rdbm/Model.h"
#include "rdbm/Sampler.h"
#include "train/TrainerImpl.h"

namespace fs = std::filesystem;
using namespace rdbm;

namespace {

const std::string kHostile = RDBM_FIXTURE_DIR "/hostile/";
const std::string kGolden = RDBM_FIXTURE_DIR "/golden/";
constexpr size_t kMiB = size_t(1) << 20;

std::string scratch(const std::string& name) {
    const fs::path dir = fs::path(RDBM_FIXTURE_DIR) / "hostile-scratch";
    fs::create_directories(dir);
    const fs::path p = dir / name;
    fs::remove(p);
    return p.string();
}

void writeFile(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// --- forging -------------------------------------------------------------------------

// Byte strings with embedded zeros: "K\x00"_b.
std::string operator""_b(const char* s, size_t n) { return std::string(s, n); }

void put16(std::string& s, uint32_t v) {
    s += char(v & 0xff);
    s += char((v >> 8) & 0xff);
}
void put32(std::string& s, uint32_t v) {
    put16(s, v & 0xffff);
    put16(s, v >> 16);
}

// A zip archive whose entries carry whatever sizes, method and bytes the test forges.
struct ZipEntry {
    std::string name, data; // data as stored (already deflated when method == 8)
    uint16_t method = 0;
    uint32_t size = 0, crc = 0; // declared uncompressed size and CRC (0: not checked)
};

ZipEntry stored(const std::string& name, const std::string& data) {
    ZipEntry e{name, data, 0, static_cast<uint32_t>(data.size()), 0};
    e.crc = static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
    return e;
}

std::string zipFile(const std::vector<ZipEntry>& entries) {
    std::string out, central;
    for (const auto& e : entries) {
        const uint32_t offset = static_cast<uint32_t>(out.size());
        put32(out, 0x04034b50);
        put16(out, 20);
        put16(out, 0);
        put16(out, e.method);
        put32(out, 0);
        put32(out, e.crc);
        put32(out, static_cast<uint32_t>(e.data.size()));
        put32(out, e.size);
        put16(out, static_cast<uint32_t>(e.name.size()));
        put16(out, 0);
        out += e.name + e.data;
        put32(central, 0x02014b50);
        put16(central, 20);
        put16(central, 20);
        put16(central, 0);
        put16(central, e.method);
        put32(central, 0);
        put32(central, e.crc);
        put32(central, static_cast<uint32_t>(e.data.size()));
        put32(central, e.size);
        put16(central, static_cast<uint32_t>(e.name.size()));
        put32(central, 0); // extra, comment lengths
        put32(central, 0); // disk, internal attributes
        put32(central, 0); // external attributes
        put32(central, offset);
        central += e.name;
    }
    const uint32_t cdOffset = static_cast<uint32_t>(out.size());
    out += central;
    put32(out, 0x06054b50);
    put32(out, 0);
    put16(out, static_cast<uint32_t>(entries.size()));
    put16(out, static_cast<uint32_t>(entries.size()));
    put32(out, static_cast<uint32_t>(central.size()));
    put32(out, cdOffset);
    put16(out, 0);
    return out;
}

// Raw deflate of head + `repeat` copies of `unit` + tail, streamed: nothing big in memory.
std::string deflateStream(const std::string& head, const std::string& unit, size_t repeat, const std::string& tail) {
    z_stream zs{};
    deflateInit2(&zs, 9, Z_DEFLATED, -MAX_WBITS, 9, Z_DEFAULT_STRATEGY);
    std::string out;
    std::vector<unsigned char> buf(1 << 16);
    auto feed = [&](const std::string& in, int flush) {
        zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
        zs.avail_in = static_cast<uInt>(in.size());
        do {
            zs.next_out = buf.data();
            zs.avail_out = static_cast<uInt>(buf.size());
            deflate(&zs, flush);
            out.append(reinterpret_cast<char*>(buf.data()), buf.size() - zs.avail_out);
        } while (zs.avail_out == 0);
    };
    feed(head, Z_NO_FLUSH);
    for (size_t i = 0; i < repeat; ++i) feed(unit, Z_NO_FLUSH);
    feed(tail, Z_FINISH);
    deflateEnd(&zs);
    return out;
}

// `bytes` zero bytes as raw deflate, from one flushed 1 MiB block repeated (a full flush
// leaves the stream byte-aligned with no back-references across it), then an empty
// final block: 2 GiB in about 2 MB, made in milliseconds.
std::string zeroBomb(uint64_t bytes) {
    z_stream zs{};
    deflateInit2(&zs, 9, Z_DEFLATED, -MAX_WBITS, 9, Z_DEFAULT_STRATEGY);
    std::string zeros(kMiB, '\0');
    std::vector<unsigned char> buf(1 << 16);
    zs.next_in = reinterpret_cast<Bytef*>(zeros.data());
    zs.avail_in = static_cast<uInt>(zeros.size());
    zs.next_out = buf.data();
    zs.avail_out = static_cast<uInt>(buf.size());
    deflate(&zs, Z_FULL_FLUSH);
    const std::string block(reinterpret_cast<char*>(buf.data()), buf.size() - zs.avail_out);
    deflateEnd(&zs);
    std::string out;
    for (uint64_t i = 0; i < bytes / kMiB; ++i) out += block;
    return out + std::string("\x03\x00", 2);
}

// Pickle pieces (protocol 2).
std::string str(const std::string& s) {
    std::string o = "X";
    put32(o, static_cast<uint32_t>(s.size()));
    return o + s;
}
std::string global(const std::string& module, const std::string& name) { return "c" + module + "\n" + name + "\n"; }
// A float32 tensor of `numel` elements on storage `key` (which holds `storageNumel`).
std::string tensorPickle(const std::string& key, int numel, int storageNumel) {
    return global("torch._utils", "_rebuild_tensor_v2") + "((" + str("storage") + global("torch", "FloatStorage") +
           str(key) + str("cpu") + "K" + char(storageNumel) + "tQK\x00K"_b + char(numel) + "\x85K\x01\x85\x89" +
           global("collections", "OrderedDict") + ")RtR";
}
std::string dictPickle(const std::string& items) { return std::string("\x80\x02}(", 4) + items + "u."; }

std::string forge(const std::string& name, const std::string& bytes) {
    const std::string path = scratch(name);
    writeFile(path, bytes);
    return path;
}

// --- measuring -----------------------------------------------------------------------

struct Outcome {
    bool threw = false, crashed = false;
    std::string message;
    double seconds = 0;
};

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kLimitAddressSpace = false; // ASan reserves terabytes of shadow address space
// Instrumented code runs a few times slower; a refusal that is not linear still takes
// orders of magnitude longer than this.
constexpr double kQuickSeconds = 4.0;
#else
constexpr bool kLimitAddressSpace = true;
constexpr double kQuickSeconds = 1.0;
#endif

size_t addressSpaceBytes() {
    std::ifstream statm("/proc/self/statm");
    size_t pages = 0;
    statm >> pages;
    return pages * static_cast<size_t>(::sysconf(_SC_PAGESIZE));
}

// Runs fn in a child that may grow its address space by at most 100 MB (more: the
// allocation fails and the reader reports "out of memory", which the tests reject).
Outcome within100MB(const std::function<void()>& fn) {
    int fds[2];
    EXPECT_EQ(::pipe(fds), 0);
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(fds[0]);
        ::alarm(20); // a hang ends as SIGALRM, reported as a crash
        if (kLimitAddressSpace) {
            rlimit lim{};
            lim.rlim_cur = lim.rlim_max = addressSpaceBytes() + 100 * 1000 * 1000;
            ::setrlimit(RLIMIT_AS, &lim);
        }
        std::string report;
        const auto t0 = std::chrono::steady_clock::now();
        try {
            fn();
            report = "0|";
        } catch (const std::exception& e) {
            report = std::string("1|") + e.what();
        }
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        report = std::to_string(s) + "|" + report;
        const ssize_t n = ::write(fds[1], report.data(), report.size());
        (void)n;
        ::_exit(0);
    }
    ::close(fds[1]);
    std::string text;
    char buf[4096];
    for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;) text.append(buf, static_cast<size_t>(n));
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    Outcome o;
    const auto a = text.find('|');
    if (!WIFEXITED(status) || a == std::string::npos) {
        o.crashed = true;
        o.message = "child died (status " + std::to_string(status) + ")";
        return o;
    }
    o.seconds = std::stod(text.substr(0, a));
    o.threw = text.compare(a + 1, 1, "1") == 0;
    o.message = text.substr(a + 3);
    return o;
}

#define EXPECT_REFUSED_QUICKLY(outcome, fragment)                                                        \
    do {                                                                                                 \
        const Outcome& o_ = (outcome);                                                                   \
        EXPECT_FALSE(o_.crashed) << o_.message;                                                          \
        EXPECT_TRUE(o_.threw) << "accepted";                                                             \
        EXPECT_NE(o_.message.find(fragment), std::string::npos) << o_.message;                           \
        EXPECT_EQ(o_.message.find("out of memory"), std::string::npos) << o_.message;                    \
        EXPECT_LT(o_.seconds, kQuickSeconds) << o_.message;                                              \
        std::printf("  refused in %.3f s: %s\n", o_.seconds, o_.message.substr(0, 160).c_str());         \
    } while (0)

std::string captureLoad(const std::string& path, const LoadOptions& options, std::string* error) {
    testing::internal::CaptureStdout();
    try {
        Model::load(path, options);
    } catch (const Error& e) {
        *error = e.what();
    }
    std::fflush(stdout);
    return testing::internal::GetCapturedStdout();
}

} // namespace

// --- 1. TorchScript --------------------------------------------------------------------

TEST(HostileTorchScript, IsRefusedUnlessAllowedAndNoCodeRuns) {
    for (const char* name : {"runs-setstate.pt", "runs-forward.pt"}) {
        std::string error;
        const std::string printed = captureLoad(kHostile + name, {}, &error);
        EXPECT_EQ(printed.find("RDBM-HOSTILE"), std::string::npos) << printed;
        EXPECT_NE(error.find("is a TorchScript archive; such files contain code that runs"), std::string::npos) << error;
        EXPECT_NE(error.find("--allow-torchscript"), std::string::npos) << error;
        EXPECT_TRUE(isTorchScriptFile(kHostile + name));
    }
    EXPECT_FALSE(isTorchScriptFile(kGolden + "state_dict.pt"));
    EXPECT_FALSE(isTorchScriptFile(kHostile + "missing.pt"));
}

TEST(HostileTorchScript, AllowedFilesLoadThroughTheChildProcess) {
    LoadOptions allow;
    allow.allowTorchScript = true;
    const auto traced = Model::load(kGolden + "traced.pt", allow);
    EXPECT_EQ(traced->info().format, "torchscript");
}

TEST(HostileTorchScript, CrashingArchivesBecomeOneClearError) {
    LoadOptions allow;
    allow.allowTorchScript = true;
    for (const char* name : {"crash-reduce.pt", "crash-persid.pt"}) {
        try {
            Model::load(kHostile + name, allow);
            ADD_FAILURE() << name << " loaded";
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::Checkpoint);
            EXPECT_NE(std::string(e.what()).find("crashed the loader (signal 11, SIGSEGV) in a separate process"),
                      std::string::npos)
                << e.what();
        }
    }
}

TEST(HostileTorchScript, AHangingModuleIsStopped) {
    ::setenv("RDBM_TORCHSCRIPT_TIMEOUT", "3", 1);
    LoadOptions allow;
    allow.allowTorchScript = true;
    const auto t0 = std::chrono::steady_clock::now();
    try {
        Model::load(kHostile + "hangs.pt", allow);
        ADD_FAILURE() << "hangs.pt loaded";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("did not finish loading"), std::string::npos) << e.what();
    }
    ::unsetenv("RDBM_TORCHSCRIPT_TIMEOUT");
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), 10.0);
}

TEST(HostileTorchScript, ResumeReadsOnlyTheProjectsOwnFormat) {
    // A TorchScript file as --resume: refused by the safe reader, nothing runs.
    testing::internal::CaptureStdout();
    std::string error;
    try {
        train::readResumeHeader(kHostile + "runs-setstate.pt");
    } catch (const Error& e) {
        error = e.what();
    }
    const std::string printed = testing::internal::GetCapturedStdout();
    EXPECT_EQ(printed.find("RDBM-HOSTILE"), std::string::npos) << printed;
    EXPECT_NE(error.find("not an rdbm-train resume file (a torchscript file"), std::string::npos) << error;
    // A safetensors file without the resume metadata is not one either.
    const std::string st = scratch("not-resume.safetensors");
    checkpoint::writeSafetensors(st, {{"w", checkpoint::makeContiguous(checkpoint::DType::F32, {1}, {0, 0, 0, 0})}}, {}, true);
    EXPECT_THROW(
        {
            try {
                train::readResumeHeader(st);
            } catch (const Error& e) {
                EXPECT_NE(std::string(e.what()).find("no 'format'"), std::string::npos) << e.what();
                throw;
            }
        },
        Error);
}

// --- 2. Amplification bombs ----------------------------------------------------------

TEST(HostileBombs, OneListSharedTwoToTheThirtyWays) {
    // L0 = []; L(k) = [L(k-1), L(k-1)], 30 times, through the memo: a few hundred bytes.
    std::string p = std::string("\x80\x02]q\x00", 5);
    for (int k = 1; k <= 30; ++k) p += std::string("(h") + char(k - 1) + "h" + char(k - 1) + "lq" + char(k);
    p += std::string("}(", 2) + str("a") + "h" + char(30) + "u.";
    const std::string path = forge("shared-list.pt", zipFile({stored("archive/data.pkl", p)}));
    EXPECT_LT(fs::file_size(path), 600u);
    EXPECT_REFUSED_QUICKLY(within100MB([&] { checkpoint::readCheckpoint(path); }), "referenced more than");
}

TEST(HostileBombs, FiftyMillionMarks) {
    // Deflated: a 50 MB pickle in a small file is refused before it is inflated ...
    const std::string pkl = deflateStream("\x80\x02", std::string(kMiB, '('), 50, ".");
    ZipEntry e{"archive/data.pkl", pkl, 8, static_cast<uint32_t>(2 + 50 * kMiB + 1), 0};
    const std::string path = forge("marks.pt", zipFile({e}));
    EXPECT_REFUSED_QUICKLY(within100MB([&] { checkpoint::readCheckpoint(path); }), "zip entry 'archive/data.pkl' is too large");
    // ... and as a plain pickle the MARK count is capped long before 50 million.
    const std::string marks = "\x80\x02" + std::string(5'000'000, '(') + ".";
    EXPECT_REFUSED_QUICKLY(within100MB([&] {
                               checkpoint::PickleReader r(reinterpret_cast<const unsigned char*>(marks.data()), marks.size());
                               r.load();
                           }),
                           "open MARKs");
}

TEST(HostileBombs, SixtyFourMiBStringUnderFourHundredKeys) {
    std::string head = std::string("\x80\x02}(", 4) + str("k0") + "X";
    put32(head, 64 * kMiB);
    std::string tail = std::string("q\x00", 2);
    for (int i = 1; i < 400; ++i) tail += str("k" + std::to_string(i)) + std::string("h\x00", 2);
    tail += "u.";
    const std::string pkl = deflateStream(head, std::string(kMiB, 'a'), 64, tail);
    ZipEntry e{"archive/data.pkl", pkl, 8, static_cast<uint32_t>(head.size() + 64 * kMiB + tail.size()), 0};
    const std::string path = forge("string.pt", zipFile({e}));
    EXPECT_REFUSED_QUICKLY(within100MB([&] { checkpoint::readCheckpoint(path); }), "is too large (67113165 bytes, limit");
    // Uncompressed, a string that large is refused by the pickle reader itself, and a
    // small one shared by many keys by the flattener's byte budget.
    std::string big = "\x80\x02X";
    put32(big, 17 * kMiB);
    big += std::string(17 * kMiB, 'a') + ".";
    EXPECT_REFUSED_QUICKLY(within100MB([&] {
                               checkpoint::PickleReader r(reinterpret_cast<const unsigned char*>(big.data()), big.size());
                               r.load();
                           }),
                           "limit 16777216");
    std::string shared = std::string("\x80\x02}(", 4) + str("k0") + str(std::string(100'000, 'a')) + "q\x00"_b;
    for (int i = 1; i < 400; ++i) shared += str("k" + std::to_string(i)) + std::string("h\x00", 2);
    shared += "u.";
    const std::string sharedPath = forge("shared-string.pt", zipFile({stored("archive/data.pkl", shared)}));
    EXPECT_REFUSED_QUICKLY(within100MB([&] { checkpoint::readCheckpoint(sharedPath); }), "keys and strings add up");
}

TEST(HostileBombs, UnusedTwoGiBStorageIsNeverInflated) {
    const std::string bomb = zeroBomb(uint64_t(2) << 30);
    EXPECT_LT(bomb.size(), 4 * kMiB);
    const std::string one("\x00\x00\x80\x3f", 4); // 1.0f
    // "w" uses storage 0; storage 1 (2 GiB declared, deflated) is referenced by nothing.
    ZipEntry big{"archive/data/1", bomb, 8, uint32_t(2) << 30, 0};
    const std::string path = forge("unused.pt", zipFile({stored("archive/data.pkl", dictPickle(str("w") + tensorPickle("0", 1, 1))),
                                                         stored("archive/data/0", one), big}));
    Outcome o = within100MB([&] {
        const auto c = checkpoint::readCheckpoint(path);
        if (c.tensors.at("w").toFloat32() != std::vector<float>{1.0f}) throw std::runtime_error("wrong value");
    });
    EXPECT_FALSE(o.threw || o.crashed) << o.message;
    EXPECT_LT(o.seconds, kQuickSeconds);
    // A 1-element view of the 2 GiB storage: only its first 4 bytes are inflated.
    const std::string viewPath = forge("view.pt", zipFile({stored("archive/data.pkl", dictPickle(str("v") + tensorPickle("1", 1, 1))), big}));
    o = within100MB([&] {
        const auto c = checkpoint::readCheckpoint(viewPath);
        if (c.tensors.at("v").toFloat32() != std::vector<float>{0.0f}) throw std::runtime_error("wrong value");
    });
    EXPECT_FALSE(o.threw || o.crashed) << o.message;
    EXPECT_LT(o.seconds, kQuickSeconds);
    // The whole 2 GiB wanted: refused by the budget before anything is allocated.
    ZipEntry pkl = stored("archive/data.pkl", std::string("\x80\x02}(", 4) + str("v") +
                                                  global("torch._utils", "_rebuild_tensor_v2") + "((" + str("storage") +
                                                  global("torch", "ByteStorage") + str("1") + str("cpu") +
                                                  "\x8a\x05\x00\x00\x00\x80\x00tQK\x00\x8a\x05\x00\x00\x00\x80\x00"_b +
                                                  "\x85K\x01\x85\x89" +
                                                  global("collections", "OrderedDict") + ")RtRu.");
    const std::string allPath = forge("all.pt", zipFile({pkl, big}));
    EXPECT_REFUSED_QUICKLY(within100MB([&] { checkpoint::readCheckpoint(allPath); }), "past its budget");
}

TEST(HostileBombs, ObjectStackAndMemoCountsAreCapped) {
    // 400,001 objects appended to one list (the stack stays short), in a stored data.pkl.
    std::string objects = "\x80\x02]";
    for (int i = 0; i <= 400'000; ++i) objects += "Na";
    objects += ".";
    const std::string path = forge("objects.pt", zipFile({stored("archive/data.pkl", objects)}));
    EXPECT_REFUSED_QUICKLY(within100MB([&] { checkpoint::readCheckpoint(path); }), "more than 400000 objects");
    const std::string stack = "\x80\x02" + std::string(100'001, 'N') + ".";
    EXPECT_REFUSED_QUICKLY(within100MB([&] {
                               checkpoint::PickleReader r(reinterpret_cast<const unsigned char*>(stack.data()), stack.size());
                               r.load();
                           }),
                           "stack deeper than 100000");
    std::string memo = "\x80\x02N";
    for (int i = 0; i <= 400'000; ++i) memo += "\x94"; // MEMOIZE
    memo += ".";
    EXPECT_REFUSED_QUICKLY(within100MB([&] {
                               checkpoint::PickleReader r(reinterpret_cast<const unsigned char*>(memo.data()), memo.size());
                               r.load();
                           }),
                           "memo holds more than 400000 entries");
}

TEST(HostileBombs, StrideZeroViewsAndDeepSafetensorsHeaders) {
    // A [256, 256] view with strides (0, 0) of a one-element storage.
    const std::string pkl = std::string("\x80\x02}(", 4) + str("w") + global("torch._utils", "_rebuild_tensor_v2") + "((" +
                            str("storage") + global("torch", "FloatStorage") + str("0") + str("cpu") +
                            "K\x01tQK\x00M"_b + std::string("\x00\x01", 2) + "M" + std::string("\x00\x01", 2) +
                            "\x86K\x00K\x00\x86\x89"_b + global("collections", "OrderedDict") + ")RtRu.";
    const std::string path = forge("stride0.pt", zipFile({stored("archive/data.pkl", pkl),
                                                          stored("archive/data/0", std::string(4, '\0'))}));
    EXPECT_REFUSED_QUICKLY(within100MB([&] { checkpoint::readCheckpoint(path); }), "repeated elements refused");

    std::string header(2 * kMiB, '[');
    std::string st;
    for (int i = 0; i < 8; ++i) st += char((header.size() >> (8 * i)) & 0xff);
    const std::string deep = forge("deep.safetensors", st + header);
    EXPECT_REFUSED_QUICKLY(within100MB([&] { checkpoint::readCheckpoint(deep); }), "nests deeper than 3 levels");
}

// --- 3. Non-finite values ------------------------------------------------------------

TEST(HostileNonFinite, NaNWeightsAreRefusedNamingTheTensor) {
    auto contents = checkpoint::readCheckpoint(kGolden + "state_dict.pt");
    auto& t = contents.tensors.begin()->second;
    std::vector<float> v = t.toFloat32();
    v[v.size() / 2] = std::nanf("");
    std::vector<unsigned char> bytes(v.size() * 4);
    std::memcpy(bytes.data(), v.data(), bytes.size());
    t = checkpoint::makeContiguous(checkpoint::DType::F32, t.shape, bytes);
    const std::string path = scratch("nan.safetensors");
    checkpoint::writeSafetensors(path, contents.tensors, {}, true);
    try {
        Model::load(path);
        ADD_FAILURE() << "NaN weights loaded";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Checkpoint);
        EXPECT_NE(std::string(e.what()).find("tensor '" + contents.tensors.begin()->first + "' holds 1 NaN"),
                  std::string::npos)
            << e.what();
    }
}

TEST(HostileNonFinite, ANonFinitePredictionStopsTheRunNamingTheStep) {
    auto impl = std::make_unique<Model::Impl>();
    impl->info.format = "stand-in";
    int calls = 0;
    impl->network = [&](const torch::Tensor& x, const torch::Tensor&, int64_t) {
        return ++calls == 3 ? torch::full_like(x, std::nan("")) : x;
    };
    const Model model(std::move(impl));
    SamplerOptions so;
    so.steps = 5;
    try {
        restore(model, cv::Mat(16, 16, CV_32FC3, cv::Scalar(0.5, 0.5, 0.5)), so);
        ADD_FAILURE() << "NaN prediction passed";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Runtime);
        EXPECT_NE(std::string(e.what()).find("step 3 of 5"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("NaN or infinite"), std::string::npos) << e.what();
    }
}

TEST(HostileNonFinite, OptionsGetTheMetadataRanges) {
    LoadOptions o;
    o.lambda = 1e308;
    try {
        Model::load(kGolden + "state_dict.pt", o);
        ADD_FAILURE() << "lambda 1e308 accepted";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Usage);
        EXPECT_NE(std::string(e.what()).find("is not in (0, 100]"), std::string::npos) << e.what();
    }
}

// --- 4. Special files ----------------------------------------------------------------

TEST(HostileSpecialFiles, ANamedPipeIsNeverOpened) {
    const std::string fifo = scratch("pipe.pt");
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    Outcome o = within100MB([&] { checkpoint::readCheckpoint(fifo); });
    EXPECT_REFUSED_QUICKLY(o, "is not a regular file");
    o = within100MB([&] { readImage(fifo); });
    EXPECT_REFUSED_QUICKLY(o, "not a regular file");
    EXPECT_FALSE(isTorchScriptFile(fifo));
}

TEST(HostileSpecialFiles, OutputsNeverReplaceWhatIsNotARegularFile) {
    const std::string fifo = scratch("out-pipe.png");
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    const std::string link = scratch("out-null.png");
    fs::create_symlink("/dev/null", link);
    for (const std::string& target : {fifo, link}) {
        try {
            writeFileAtomic(target, {1, 2, 3}, /*overwrite=*/true);
            ADD_FAILURE() << target << " replaced";
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::Usage);
            EXPECT_NE(std::string(e.what()).find("is not a regular file"), std::string::npos) << e.what();
        }
    }
    EXPECT_TRUE(fs::is_fifo(fifo));
    EXPECT_TRUE(fs::is_symlink(link));
    EXPECT_TRUE(fs::is_character_file("/dev/null"));
}
