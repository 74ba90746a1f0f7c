// Atomic writes (no temporaries left, existing files kept), same-file detection
// through links, and the .npy encoder (header parsed here, and loaded by numpy when
// Debian's python3 is present).
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <unistd.h>

#include "rdbm/Error.h"
#include "rdbm/FileOps.h"

using namespace rdbm;
namespace fs = std::filesystem;

namespace {

class TempDir {
public:
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "rdbm-fileops-XXXXXX").string();
        path_ = ::mkdtemp(pattern.data());
    }
    ~TempDir() { fs::remove_all(path_); }
    std::string operator/(const std::string& name) const { return (path_ / name).string(); }
    const fs::path& path() const { return path_; }
    std::vector<std::string> entries() const {
        std::vector<std::string> names;
        for (const auto& e : fs::directory_iterator(path_)) names.push_back(e.path().filename().string());
        return names;
    }

private:
    fs::path path_;
};

std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<unsigned char> bytesOf(const std::string& s) { return {s.begin(), s.end()}; }

} // namespace

TEST(WriteFileAtomic, WritesTheBytesAndLeavesNoTemporary) {
    TempDir dir;
    writeFileAtomic(dir / "out.bin", bytesOf("hello"), false);
    EXPECT_EQ(readText(dir / "out.bin"), "hello");
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"out.bin"});
}

TEST(WriteFileAtomic, RefusesAnExistingFileUnlessOverwriting) {
    TempDir dir;
    writeFileAtomic(dir / "out.bin", bytesOf("first"), false);
    try {
        writeFileAtomic(dir / "out.bin", bytesOf("second"), false);
        FAIL() << "expected a refusal";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Usage);
        EXPECT_NE(std::string(e.what()).find("out.bin"), std::string::npos);
    }
    EXPECT_EQ(readText(dir / "out.bin"), "first");
    writeFileAtomic(dir / "out.bin", bytesOf("second"), true);
    EXPECT_EQ(readText(dir / "out.bin"), "second");
    EXPECT_EQ(dir.entries().size(), 1u);
}

TEST(WriteFileAtomic, FailsCleanlyWhereItCannotWrite) {
    TempDir dir;
    try {
        writeFileAtomic(dir / "missing-dir/out.bin", bytesOf("x"), false);
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Runtime);
        EXPECT_NE(std::string(e.what()).find("missing-dir"), std::string::npos);
    }
    fs::create_directory(dir / "sub");
    EXPECT_THROW(writeFileAtomic(dir / "sub", bytesOf("x"), true), Error); // a directory
    if (::geteuid() != 0) { // root ignores permissions
        fs::permissions(dir / "sub", fs::perms::owner_read | fs::perms::owner_exec);
        EXPECT_THROW(writeFileAtomic(dir / "sub/out.bin", bytesOf("x"), false), Error);
        fs::permissions(dir / "sub", fs::perms::owner_all);
    }
    EXPECT_TRUE(fs::is_empty(dir / "sub"));
}

TEST(WriteFileAtomic, ResultHasOrdinaryPermissions) {
    TempDir dir;
    writeFileAtomic(dir / "out.bin", bytesOf("x"), false);
    const auto perms = fs::status(dir / "out.bin").permissions();
    EXPECT_NE(perms & fs::perms::owner_read, fs::perms::none);
    EXPECT_NE(perms & fs::perms::owner_write, fs::perms::none);
}

TEST(SameFile, ResolvesLinks) {
    TempDir dir;
    writeFileAtomic(dir / "a.png", bytesOf("a"), false);
    writeFileAtomic(dir / "b.png", bytesOf("a"), false);
    fs::create_symlink(dir / "a.png", dir / "sym.png");
    fs::create_hard_link(dir / "a.png", dir / "hard.png");
    EXPECT_TRUE(sameFile(dir / "a.png", dir / "a.png"));
    EXPECT_TRUE(sameFile(dir / "a.png", dir / "sym.png"));
    EXPECT_TRUE(sameFile(dir / "hard.png", dir / "sym.png"));
    EXPECT_TRUE(sameFile(dir / "a.png", (dir.path() / "." / "a.png").string()));
    EXPECT_FALSE(sameFile(dir / "a.png", dir / "b.png")); // same content, different file
    EXPECT_FALSE(sameFile(dir / "a.png", dir / "missing.png"));
    EXPECT_FALSE(sameFile(dir / "missing.png", dir / "missing.png"));
}

TEST(Npy, HeaderAndDataFollowVersionOne) {
    const std::vector<float> data = {0.0f, 1.5f, -2.0f, 3.25f, 1e-8f, 7.0f};
    const std::vector<unsigned char> npy = encodeNpyFloat32(data.data(), {2, 3});
    ASSERT_GT(npy.size(), 10u);
    EXPECT_EQ(std::memcmp(npy.data(), "\x93NUMPY\x01\x00", 8), 0);
    const size_t headerLen = npy[8] | (npy[9] << 8);
    EXPECT_EQ((10 + headerLen) % 64, 0u); // numpy aligns the data to 64 bytes
    const std::string header(npy.begin() + 10, npy.begin() + 10 + static_cast<long>(headerLen));
    EXPECT_EQ(header.rfind("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", 0), 0u) << header;
    EXPECT_EQ(header.back(), '\n');
    ASSERT_EQ(npy.size(), 10 + headerLen + data.size() * 4);
    const unsigned char* payload = npy.data() + 10 + headerLen;
    EXPECT_EQ(payload[4 * 1 + 0], 0x00); // 1.5f = 0x3FC00000, little-endian
    EXPECT_EQ(payload[4 * 1 + 3], 0x3F);
    EXPECT_EQ(payload[4 * 1 + 2], 0xC0);
    EXPECT_EQ(std::memcmp(payload, data.data(), data.size() * 4), 0);
}

TEST(Npy, ShapesOfOneAndZeroDimensions) {
    const float v[3] = {1, 2, 3};
    auto headerOf = [](const std::vector<unsigned char>& npy) {
        const size_t len = npy[8] | (npy[9] << 8);
        return std::string(npy.begin() + 10, npy.begin() + 10 + static_cast<long>(len));
    };
    EXPECT_NE(headerOf(encodeNpyFloat32(v, {3})).find("'shape': (3,), }"), std::string::npos);
    EXPECT_NE(headerOf(encodeNpyFloat32(v, {})).find("'shape': (), }"), std::string::npos);
    EXPECT_NE(headerOf(encodeNpyFloat32(v, {0, 4})).find("'shape': (0, 4), }"), std::string::npos);
    EXPECT_THROW(encodeNpyFloat32(v, {-1}), Error);
}

TEST(Npy, NumpyLoadsIt) {
    const char* python = "/usr/bin/python3";
    if (::access(python, X_OK) != 0) GTEST_SKIP() << "no " << python;
    TempDir dir;
    std::vector<float> data(2 * 3 * 4);
    for (size_t i = 0; i < data.size(); ++i) data[i] = 0.5f * static_cast<float>(i) - 3.0f;
    writeFileAtomic(dir / "a.npy", encodeNpyFloat32(data.data(), {2, 3, 4}), false);
    const std::string cmd = std::string(python) +
                            " -c \"import numpy as np, sys; a = np.load(sys.argv[1]); "
                            "print(a.dtype, a.shape, repr(float(a[1, 2, 3])), repr(float(a.sum())))\" " +
                            (dir / "a.npy") + " > " + (dir / "out.txt");
    const int rc = std::system(cmd.c_str());
    if (rc != 0 && readText(dir / "out.txt").empty()) GTEST_SKIP() << "numpy unavailable";
    // a[1,2,3] is element 1*12 + 2*4 + 3 = 23 -> 8.5; sum = 0.5*276 - 72 = 66.
    EXPECT_EQ(readText(dir / "out.txt"), "float32 (2, 3, 4) 8.5 66.0\n");
}
