// selectNetworkWeights: bare state dict, wrapper, trainer (EMA preferred, online on
// request), with the prefixes stripped and the schedule buffers found.
#include <gtest/gtest.h>

#include "checkpoint/NetworkWeights.h"
#include "rdbm/Error.h"
#include "test_checkpoint_expect.h"

using namespace rdbm::checkpoint;
using checkpoint_test::fixture;

namespace {

const std::vector<std::string> kToyNetKeys{"final_conv.bias",  "final_conv.weight", "init_conv.bias",
                                           "init_conv.weight", "time_mlp.1.bias",   "time_mlp.1.weight",
                                           "time_mlp.3.bias",  "time_mlp.3.weight"};

std::vector<std::string> keysOf(const TensorMap& m) {
    std::vector<std::string> k;
    for (const auto& [key, v] : m) k.push_back(key);
    return k;
}

std::vector<float> expectedValues(const nlohmann::json& e, const std::string& key) {
    std::vector<float> v;
    for (const auto& x : e["tensors"].at(key)["values"]) v.push_back(x.get<float>());
    return v;
}

std::string errorOf(const CheckpointContents& c, bool preferEma) {
    try {
        selectNetworkWeights(c, preferEma);
    } catch (const rdbm::Error& e) {
        EXPECT_EQ(e.kind(), rdbm::ErrorKind::Checkpoint);
        return e.what();
    }
    return "(no error)";
}

} // namespace

TEST(CheckpointLayouts, TrainerPrefersEma) {
    const auto c = readCheckpoint(fixture("trainer.pt"));
    const auto e = checkpoint_test::loadExpected("trainer");
    const auto w = selectNetworkWeights(c, true);
    EXPECT_EQ(w.layout, "trainer(ema)");
    EXPECT_TRUE(w.note.empty());
    EXPECT_EQ(keysOf(w.weights), kToyNetKeys);
    ASSERT_TRUE(w.step.has_value());
    EXPECT_EQ(*w.step, 2);
    for (const auto& k : kToyNetKeys) {
        SCOPED_TRACE(k);
        EXPECT_EQ(w.weights.at(k).toFloat32(), expectedValues(e, "ema.ema_model.model." + k));
        EXPECT_NE(w.weights.at(k).toFloat32(), expectedValues(e, "model.model." + k)); // EMA differs from online
    }
    ASSERT_TRUE(w.Theta && w.Sigma);
    EXPECT_EQ(*w.Theta, expectedValues(e, "ema.ema_model.Theta"));
    EXPECT_EQ(*w.Sigma, expectedValues(e, "ema.ema_model.Sigma"));
    EXPECT_EQ(w.Theta->size(), 10u);
    EXPECT_EQ(w.Theta->back(), 0.0f);
}

TEST(CheckpointLayouts, TrainerOnlineOnRequest) {
    const auto c = readCheckpoint(fixture("trainer_proto4.pt"));
    const auto e = checkpoint_test::loadExpected("trainer");
    const auto w = selectNetworkWeights(c, false);
    EXPECT_EQ(w.layout, "trainer(online)");
    EXPECT_EQ(keysOf(w.weights), kToyNetKeys);
    for (const auto& k : kToyNetKeys) EXPECT_EQ(w.weights.at(k).toFloat32(), expectedValues(e, "model.model." + k)) << k;
    ASSERT_TRUE(w.Theta.has_value());
    EXPECT_EQ(*w.Theta, expectedValues(e, "model.Theta"));
}

TEST(CheckpointLayouts, UninitialisedEmaFallsBackToOnline) {
    const auto c = readCheckpoint(fixture("trainer_ema_uninit.pt"));
    const auto w = selectNetworkWeights(c, true);
    EXPECT_EQ(w.layout, "trainer(online)");
    EXPECT_NE(w.note.find("never initialised"), std::string::npos) << w.note;
}

TEST(CheckpointLayouts, TrainerWithoutEmaHoldingABareNetwork) {
    const auto c = readCheckpoint(fixture("trainer_noema.pt"));
    const auto e = checkpoint_test::loadExpected("trainer_noema");
    const auto w = selectNetworkWeights(c, true);
    EXPECT_EQ(w.layout, "trainer(online)");
    EXPECT_NE(w.note.find("no EMA"), std::string::npos);
    EXPECT_EQ(keysOf(w.weights), kToyNetKeys);
    EXPECT_EQ(w.weights.at("init_conv.weight").toFloat32(), expectedValues(e, "model.init_conv.weight"));
    EXPECT_FALSE(w.Theta.has_value());
    ASSERT_TRUE(w.step.has_value());
    EXPECT_EQ(*w.step, 7);
    EXPECT_EQ(c.scalars.at("version"), 3);
}

TEST(CheckpointLayouts, WrapperStateDict) {
    const auto c = readCheckpoint(fixture("wrapper.pt"));
    const auto e = checkpoint_test::loadExpected("wrapper");
    const auto w = selectNetworkWeights(c, true);
    EXPECT_EQ(w.layout, "wrapper");
    EXPECT_EQ(keysOf(w.weights), kToyNetKeys);
    EXPECT_FALSE(w.step.has_value());
    ASSERT_TRUE(w.Theta && w.Sigma);
    EXPECT_EQ(*w.Sigma, expectedValues(e, "Sigma"));
    EXPECT_EQ(w.weights.at("time_mlp.3.bias").toFloat32(), expectedValues(e, "model.time_mlp.3.bias"));
}

TEST(CheckpointLayouts, BareStateDictAndDataParallelPrefix) {
    const auto c = readCheckpoint(fixture("state_dict.pt"));
    const auto w = selectNetworkWeights(c, true);
    EXPECT_EQ(w.layout, "state_dict");
    EXPECT_EQ(w.weights.size(), c.tensors.size());
    EXPECT_TRUE(w.weights.count("init_conv.weight"));
    EXPECT_FALSE(w.Theta.has_value());

    const auto m = selectNetworkWeights(readCheckpoint(fixture("state_dict_module.pt")), true);
    EXPECT_EQ(m.layout, "state_dict");
    EXPECT_TRUE(m.weights.count("init_conv.weight"));
    EXPECT_EQ(m.weights.at("lin.weight").toFloat32(), c.tensors.at("lin.weight").toFloat32());
}

TEST(CheckpointLayouts, SafetensorsStateDict) {
    const auto w = selectNetworkWeights(readCheckpoint(fixture("all_dtypes.safetensors")), true);
    EXPECT_EQ(w.layout, "state_dict");
    EXPECT_TRUE(w.weights.count("init_conv.weight"));
}

TEST(CheckpointLayouts, ErrorsNameWhatWasFound) {
    const auto script = readCheckpoint(fixture("scripted.pt"));
    EXPECT_NE(errorOf(script, true).find("TorchScript"), std::string::npos);

    CheckpointContents onlyEma;
    onlyEma.path = "x.pt";
    onlyEma.scalars["step"] = 5;
    onlyEma.tensors["ema.ema_model.model.init_conv.weight"] = makeContiguous(DType::F32, {1}, {0, 0, 0, 0});
    onlyEma.tensors["opt.state.0.exp_avg"] = makeContiguous(DType::F32, {1}, {0, 0, 0, 0});
    EXPECT_EQ(selectNetworkWeights(onlyEma, true).layout, "trainer(ema)");
    const std::string online = errorOf(onlyEma, false);
    EXPECT_NE(online.find("x.pt: "), std::string::npos) << online;
    EXPECT_NE(online.find("only EMA"), std::string::npos) << online;
    EXPECT_NE(online.find("ema.* (1 tensor)"), std::string::npos) << online;

    CheckpointContents nothing;
    nothing.path = "y.pt";
    nothing.scalars["epoch"] = 3;
    const std::string none = errorOf(nothing, true);
    EXPECT_NE(none.find("y.pt: holds no tensors"), std::string::npos) << none;
    EXPECT_NE(none.find("epoch"), std::string::npos) << none;

    CheckpointContents optOnly;
    optOnly.path = "z.pt";
    optOnly.tensors["opt.state.0.exp_avg"] = makeContiguous(DType::F32, {1}, {0, 0, 0, 0});
    const std::string neither = errorOf(optOnly, true);
    EXPECT_NE(neither.find("neither model.* nor ema.ema_model.*"), std::string::npos) << neither;
    EXPECT_NE(neither.find("opt.*"), std::string::npos) << neither;
}
