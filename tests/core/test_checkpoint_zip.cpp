// torch.save zip archives read without Python: values, views, shared storages, zip
// variants (deflate, zip64, other top folders) and TorchScript detection.
#include <gtest/gtest.h>

#include "checkpoint/CheckpointReader.h"
#include "checkpoint/ZipArchive.h"
#include "test_checkpoint_expect.h"

using namespace rdbm::checkpoint;
using checkpoint_test::fixture;

TEST(CheckpointZip, StateDictValuesMatchTorch) {
    const auto c = readCheckpoint(fixture("state_dict.pt"));
    EXPECT_EQ(c.format, "torch-zip");
    EXPECT_EQ(c.path, fixture("state_dict.pt"));
    checkpoint_test::expectContentsEqual(c, checkpoint_test::loadExpected("state_dict"));
}

TEST(CheckpointZip, ViewsKeepStridesOffsetsAndShareStorage) {
    const auto c = readCheckpoint(fixture("state_dict.pt"));
    const RawTensor& w = c.tensors.at("lin.weight");
    const RawTensor& wt = c.tensors.at("lin_t");
    const RawTensor& row = c.tensors.at("lin_row2");
    EXPECT_TRUE(w.isContiguous());
    EXPECT_FALSE(wt.isContiguous());
    EXPECT_EQ(wt.shape, (std::vector<int64_t>{4, 5}));
    EXPECT_EQ(wt.strides, (std::vector<int64_t>{1, 4}));
    EXPECT_EQ(row.offset, 8);
    EXPECT_EQ(w.storage.get(), wt.storage.get()); // one storage, read once
    EXPECT_EQ(w.storage.get(), row.storage.get());
    const auto wv = w.toFloat32(), tv = wt.toFloat32();
    for (int i = 0; i < 5; ++i)
        for (int j = 0; j < 4; ++j) EXPECT_EQ(tv[static_cast<size_t>(j * 5 + i)], wv[static_cast<size_t>(i * 4 + j)]);
    const RawTensor& s = c.tensors.at("strided");
    EXPECT_EQ(s.offset, 6);
    EXPECT_EQ(s.strides, (std::vector<int64_t>{6, 2}));
    EXPECT_EQ(s.toFloat32(), (std::vector<float>{6, 8, 10, 12, 14, 16, 18, 20, 22}));
}

TEST(CheckpointZip, DeflatedAndZip64ArchivesReadTheSame) {
    const auto expected = checkpoint_test::loadExpected("state_dict");
    for (const char* name : {"deflated.pt", "zip64.pt"}) {
        SCOPED_TRACE(name);
        const auto c = readCheckpoint(fixture(name));
        EXPECT_EQ(c.format, "torch-zip");
        checkpoint_test::expectContentsEqual(c, expected);
    }
}

TEST(CheckpointZip, Zip64RecordsAreParsed) {
    ZipArchive zip(fixture("zip64.pt"));
    const auto* pkl = zip.find("archive/data.pkl");
    ASSERT_NE(pkl, nullptr);
    EXPECT_GT(pkl->size, 100u);
    EXPECT_LT(pkl->localHeaderOffset, 0xffffffffu); // came from the zip64 extra field, not the 32-bit marker
    EXPECT_EQ(zip.read(*pkl).size(), pkl->size);
}

TEST(CheckpointZip, DeflatedEntriesAreInflated) {
    ZipArchive zip(fixture("deflated.pt"));
    const auto* pkl = zip.find("deflated/data.pkl");
    ASSERT_NE(pkl, nullptr);
    EXPECT_EQ(pkl->method, 8);
    EXPECT_LT(pkl->compressedSize, pkl->size);
    const auto bytes = zip.read(*pkl);
    ASSERT_EQ(bytes.size(), pkl->size);
    EXPECT_EQ(bytes[0], 0x80); // pickle PROTO
    EXPECT_EQ(bytes.back(), '.'); // STOP
}

TEST(CheckpointZip, TrainerCheckpointValuesMatchTorch) {
    const auto expected = checkpoint_test::loadExpected("trainer");
    // Protocol 2 (torch.save's default) and 4 (STACK_GLOBAL, MEMOIZE, FRAME) give the same.
    for (const char* name : {"trainer.pt", "trainer_proto4.pt"}) {
        SCOPED_TRACE(name);
        const auto c = readCheckpoint(fixture(name));
        checkpoint_test::expectContentsEqual(c, expected);
        EXPECT_EQ(c.scalars.at("step"), 2);
        EXPECT_EQ(c.strings.at("version"), "0.1.0");
        EXPECT_DOUBLE_EQ(c.scalars.at("opt.param_groups.0.lr"), 1e-3);
        EXPECT_EQ(c.tensors.at("ema.initted").dtype, DType::Bool);
        EXPECT_TRUE(c.tensors.count("opt.state.0.exp_avg_sq"));
    }
}

TEST(CheckpointZip, FilterSkipsUnwantedTensors) {
    const auto c = readCheckpoint(fixture("trainer.pt"),
                                  [](const std::string& k) { return k.rfind("ema.ema_model.", 0) == 0; });
    EXPECT_FALSE(c.tensors.empty());
    for (const auto& [k, t] : c.tensors) EXPECT_EQ(k.rfind("ema.ema_model.", 0), 0u) << k;
    EXPECT_EQ(c.tensors.count("opt.state.0.exp_avg"), 0u);
    EXPECT_EQ(c.scalars.at("step"), 2); // leaves are always there
}

TEST(CheckpointZip, TorchScriptIsRecognisedNotUnpickled) {
    const auto c = readCheckpoint(fixture("scripted.pt"));
    EXPECT_EQ(c.format, "torchscript");
    EXPECT_TRUE(c.tensors.empty());
}
