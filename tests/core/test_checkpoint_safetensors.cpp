// safetensors: hand-written files read exactly; writeSafetensors round trip.
#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>

#include "checkpoint/CheckpointReader.h"
#include "checkpoint/Safetensors.h"
#include "rdbm/Error.h"
#include "test_checkpoint_expect.h"

using namespace rdbm::checkpoint;
using checkpoint_test::fixture;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() / ("rdbm_ckpt_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                                            "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

template <class T>
std::vector<unsigned char> bytesOf(const std::vector<T>& v) {
    std::vector<unsigned char> b(v.size() * sizeof(T));
    std::memcpy(b.data(), v.data(), b.size());
    return b;
}

} // namespace

TEST(CheckpointSafetensors, AllDtypesMatchExpected) {
    const auto c = readCheckpoint(fixture("all_dtypes.safetensors"));
    EXPECT_EQ(c.format, "safetensors");
    const auto e = checkpoint_test::loadExpected("all_dtypes");
    checkpoint_test::expectContentsEqual(c, e);
    EXPECT_EQ(c.metadata, e["metadata"].get<decltype(c.metadata)>());
    EXPECT_EQ(c.metadata.at("format"), "pt");
    EXPECT_EQ(c.tensors.at("i64").toInt64().at(0), (int64_t(1) << 53) + 1); // not representable as a float
}

TEST(CheckpointSafetensors, RoundTripThroughWriter) {
    TempDir dir;
    TensorMap in;
    in["w"] = makeContiguous(DType::F32, {2, 3}, bytesOf(std::vector<float>{1, 2, 3, 4, 5, 6}));
    RawTensor t = in["w"]; // a transposed view: written contiguous
    t.shape = {3, 2};
    t.strides = {1, 3};
    in["w_t"] = t;
    in["h"] = makeContiguous(DType::F16, {2}, bytesOf(std::vector<uint16_t>{0x3c00, 0xc000})); // 1, -2
    in["n"] = makeContiguous(DType::I64, {}, bytesOf(std::vector<int64_t>{-(int64_t(1) << 60)}));
    in["b"] = makeContiguous(DType::Bool, {3}, {1, 0, 1});
    in["e"] = makeContiguous(DType::BF16, {0, 4}, {});
    const std::map<std::string, std::string> meta{{"rdbm_studio", "{\"objective\": \"x0\"}"}, {"note", "ü ✓"}};
    const std::string path = (dir.path / "out.safetensors").string();
    writeSafetensors(path, in, meta, false);

    const auto c = readCheckpoint(path);
    EXPECT_EQ(c.metadata, meta);
    ASSERT_EQ(c.tensors.size(), in.size());
    for (const auto& [k, t0] : in) {
        SCOPED_TRACE(k);
        const RawTensor& r = c.tensors.at(k);
        EXPECT_EQ(r.dtype, t0.dtype);
        EXPECT_EQ(r.shape, t0.shape);
        EXPECT_TRUE(r.isContiguous());
        EXPECT_EQ(r.contiguousBytes(), t0.contiguousBytes());
    }
    EXPECT_EQ(c.tensors.at("w_t").toFloat32(), (std::vector<float>{1, 4, 2, 5, 3, 6}));
    EXPECT_EQ(c.tensors.at("h").toFloat32(), (std::vector<float>{1, -2}));

    // The data section starts 8-byte aligned, as the reference writer keeps it.
    std::ifstream f(path, std::ios::binary);
    uint64_t headerLen = 0;
    f.read(reinterpret_cast<char*>(&headerLen), 8);
    EXPECT_EQ(headerLen % 8, 0u);
}

TEST(CheckpointSafetensors, WriterRefusesToOverwriteUnlessAsked) {
    TempDir dir;
    const std::string path = (dir.path / "x.safetensors").string();
    TensorMap a{{"a", makeContiguous(DType::U8, {1}, {7})}};
    TensorMap b{{"b", makeContiguous(DType::U8, {1}, {9})}};
    writeSafetensors(path, a, {}, false);
    try {
        writeSafetensors(path, b, {}, false);
        FAIL() << "overwrote";
    } catch (const rdbm::Error& e) {
        EXPECT_EQ(e.kind(), rdbm::ErrorKind::Usage);
        EXPECT_NE(std::string(e.what()).find(path), std::string::npos);
    }
    EXPECT_TRUE(readCheckpoint(path).tensors.count("a"));
    writeSafetensors(path, b, {}, true);
    const auto c = readCheckpoint(path);
    EXPECT_EQ(c.tensors.count("a"), 0u);
    EXPECT_EQ(c.tensors.at("b").toInt64(), (std::vector<int64_t>{9}));
    for (const auto& entry : fs::directory_iterator(dir.path)) // no temporary left behind
        EXPECT_EQ(entry.path().filename(), "x.safetensors");
}

TEST(CheckpointSafetensors, TorchCheckpointConvertsToSafetensors) {
    // What "convert a .pt to .safetensors" does: every tensor, views included, survives.
    TempDir dir;
    const auto src = readCheckpoint(fixture("state_dict.pt"));
    const std::string path = (dir.path / "converted.safetensors").string();
    writeSafetensors(path, src.tensors, {{"source", "state_dict.pt"}}, false);
    const auto back = readCheckpoint(path);
    checkpoint_test::expectContentsEqual(back, checkpoint_test::loadExpected("state_dict"));
}
