// Model::load on every layout a checkpoint comes in (bare state dict, plain dict, the
// reference trainer's EMA and online weights, TorchScript, safetensors with embedded
// metadata), metadata precedence, and the errors broken files must produce.
#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include <gtest/gtest.h>
#include <opencv2/core.hpp>

#include "checkpoint/Checkpoint.h"
#include "rdbm/Error.h"
#include "rdbm/Model.h"
#include "rdbm/Sampler.h"

using namespace rdbm;
namespace fs = std::filesystem;

namespace {

const std::string kDir = RDBM_FIXTURE_DIR "/golden/";

cv::Mat goldenInput() {
    std::ifstream in(kDir + "state_dict_x0_input.f32", std::ios::binary);
    cv::Mat m(40, 56, CV_32FC3);
    in.read(reinterpret_cast<char*>(m.data), static_cast<std::streamsize>(m.total() * m.elemSize()));
    if (!in) throw std::runtime_error("missing golden input (run the golden fixture)");
    return m;
}

cv::Mat restored(const Model& model, int steps = 3) {
    SamplerOptions so;
    so.steps = steps;
    return restore(model, goldenInput(), so).image;
}

double maxDiff(const cv::Mat& a, const cv::Mat& b) { return cv::norm(a, b, cv::NORM_INF); }

// The error a load throws, for checking its kind and message.
Error loadError(const std::string& path, const LoadOptions& options = {}) {
    try {
        Model::load(path, options);
    } catch (const Error& e) {
        return e;
    }
    return Error(ErrorKind::Runtime, "<no error>");
}

// A scratch directory for files this suite writes.
std::string scratch(const std::string& name) {
    const fs::path dir = fs::path(RDBM_FIXTURE_DIR) / "model-scratch";
    fs::create_directories(dir);
    const fs::path p = dir / name;
    fs::remove(p);
    fs::remove(p.string() + ".json"); // a sidecar left by an earlier run
    return p.string();
}

} // namespace

TEST(ModelLoad, EveryLayoutOfTheSameWeightsRestoresAlike) {
    const auto plain = Model::load(kDir + "state_dict.pt");
    const cv::Mat reference = restored(*plain);

    LoadOptions allowTorchScript; // TorchScript runs code: loaded only when asked (issue 15)
    allowTorchScript.allowTorchScript = true;
    const auto traced = Model::load(kDir + "traced.pt", allowTorchScript);
    EXPECT_EQ(traced->info().format, "torchscript");
    EXPECT_EQ(traced->info().parameterCount, plain->info().parameterCount);
    EXPECT_LT(maxDiff(restored(*traced), reference), 1e-4);

    // Safetensors with embedded metadata, written from the torch file's tensors.
    const auto contents = checkpoint::readCheckpoint(kDir + "state_dict.pt");
    ModelMetadata meta;
    meta.schedule.lambda = 5.0 / 255.0;
    meta.provenance["data"] = "golden fixture";
    const std::string st = scratch("embedded.safetensors");
    checkpoint::writeSafetensors(st, contents.tensors,
                           {{checkpoint::kSafetensorsMetadataKey, checkpoint::metadataToJson(meta, plain->info().config)}}, true);
    const auto embedded = Model::load(st);
    EXPECT_EQ(embedded->info().format, "safetensors");
    EXPECT_EQ(embedded->info().metadataSource, "embedded");
    EXPECT_DOUBLE_EQ(embedded->info().metadata.schedule.lambda, 5.0 / 255.0);
    EXPECT_DOUBLE_EQ(embedded->schedule().lambda(), 5.0 / 255.0);
    EXPECT_EQ(embedded->info().metadata.provenance.at("data"), "golden fixture");
    EXPECT_NEAR(embedded->schedule().Sigma(50) / plain->schedule().Sigma(50), std::sqrt(0.5), 1e-6);
    // Same weights: the x0 rule only uses Sigma_n / Sigma_t, so lambda cancels out and the
    // safetensors copy restores exactly like the torch file.
    EXPECT_EQ(maxDiff(restored(*embedded), reference), 0.0);

    // A sidecar overrides embedded metadata; options override both.
    std::ofstream(st + ".json") << R"({"objective": "eps", "provenance": {"hardware": "test"}})";
    const auto both = Model::load(st);
    EXPECT_EQ(both->info().metadataSource, "embedded+sidecar");
    EXPECT_EQ(both->info().metadata.objective, Objective::Eps);
    EXPECT_DOUBLE_EQ(both->info().metadata.schedule.lambda, 5.0 / 255.0);
    LoadOptions options;
    options.objective = Objective::X0;
    options.T = 50;
    const auto overridden = Model::load(st, options);
    EXPECT_EQ(overridden->info().metadataSource, "embedded+sidecar+options");
    EXPECT_EQ(overridden->info().metadata.objective, Objective::X0);
    EXPECT_EQ(overridden->schedule().T(), 50);
}

TEST(ModelLoad, EmaAndOnlineWeightsDiffer) {
    LoadOptions online;
    online.preferEma = false;
    const auto a = Model::load(kDir + "trainer.pt");
    const auto b = Model::load(kDir + "trainer.pt", online);
    EXPECT_EQ(a->info().layout, "trainer(ema)");
    EXPECT_EQ(b->info().layout, "trainer(online)");
    EXPECT_EQ(a->info().parameterCount, b->info().parameterCount);
    EXPECT_GT(maxDiff(restored(*a), restored(*b)), 1e-3);
    // Options naming the schedule win over the wrapper's buffers.
    LoadOptions lambda;
    lambda.lambda = 10.0 / 255.0;
    EXPECT_FALSE(Model::load(kDir + "trainer.pt", lambda)->info().scheduleFromCheckpoint);
}

TEST(ModelLoad, BrokenWeightsNameFileKeyAndShapes) {
    struct Expectation {
        std::string file;
        std::vector<std::string> mentions;
    };
    const std::vector<Expectation> cases = {
        {"bad_missing.pt", {"bad_missing.pt", "missing", "ups.2.1.block2.norm.bias"}},
        {"bad_unexpected.pt", {"bad_unexpected.pt", "unexpected", "ups.2.1.extra.weight"}},
        {"bad_shape.pt", {"bad_shape.pt", "mid_attn.fn.norm.g", "[1, 64, 1, 1]", "[1, 63, 1, 1]"}},
        {"bad_no_network.pt", {"bad_no_network.pt"}},
        {"bad_truncated.pt", {"bad_truncated.pt"}},
        {"does_not_exist.pt", {"does_not_exist.pt"}},
        {"manifest.json", {"manifest.json"}},
    };
    for (const auto& c : cases) {
        const Error e = loadError(kDir + c.file);
        EXPECT_EQ(e.kind(), ErrorKind::Checkpoint) << c.file << ": " << e.what();
        for (const auto& word : c.mentions)
            EXPECT_NE(std::string(e.what()).find(word), std::string::npos) << c.file << ": '" << e.what() << "' lacks " << word;
    }
}

TEST(ModelLoad, MetadataProblemsAreCheckpointErrors) {
    LoadOptions missingSidecar;
    missingSidecar.sidecarPath = kDir + "no_such_sidecar.json";
    Error e = loadError(kDir + "state_dict.pt", missingSidecar);
    EXPECT_EQ(e.kind(), ErrorKind::Checkpoint);
    EXPECT_NE(std::string(e.what()).find("no_such_sidecar.json"), std::string::npos) << e.what();

    const std::string badJson = scratch("bad.json");
    std::ofstream(badJson) << "{\"objective\": ";
    LoadOptions withBad;
    withBad.sidecarPath = badJson;
    e = loadError(kDir + "state_dict.pt", withBad);
    EXPECT_EQ(e.kind(), ErrorKind::Checkpoint);
    EXPECT_NE(std::string(e.what()).find("bad.json"), std::string::npos) << e.what();

    const std::string wrongDim = scratch("wrong_dim.json");
    std::ofstream(wrongDim) << R"({"architecture": {"dim": 16}})";
    LoadOptions withWrong;
    withWrong.sidecarPath = wrongDim;
    e = loadError(kDir + "state_dict.pt", withWrong);
    EXPECT_EQ(e.kind(), ErrorKind::Checkpoint);
    EXPECT_NE(std::string(e.what()).find("architecture.dim"), std::string::npos) << e.what();
}

TEST(ModelLoad, DeviceChoicesAreChecked) {
    LoadOptions half;
    half.half = true;
    half.device.kind = DeviceSpec::Kind::Cpu;
    EXPECT_EQ(loadError(kDir + "state_dict.pt", half).kind(), ErrorKind::Usage);
    if (!cudaAvailable()) {
        LoadOptions cuda;
        cuda.device = parseDevice("cuda:0");
        EXPECT_EQ(loadError(kDir + "state_dict.pt", cuda).kind(), ErrorKind::Runtime);
    }
}

TEST(Device, ParsesAndDescribes) {
    EXPECT_EQ(parseDevice("auto").kind, DeviceSpec::Kind::Auto);
    EXPECT_EQ(parseDevice("cpu").kind, DeviceSpec::Kind::Cpu);
    EXPECT_EQ(parseDevice("cuda").kind, DeviceSpec::Kind::Cuda);
    EXPECT_EQ(parseDevice("cuda:3").index, 3);
    EXPECT_EQ(toString(parseDevice("cuda:3")), "cuda:3");
    for (const char* bad : {"gpu", "cuda:", "cuda:x", "cuda:-1", "CPU", "cuda:1:2"}) {
        try {
            parseDevice(bad);
            ADD_FAILURE() << bad;
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::Usage) << bad;
        }
    }
    EXPECT_EQ(resolveDevice(parseDevice("cpu")), "cpu");
    EXPECT_EQ(describeDevice(parseDevice("cpu")).rfind("CPU (", 0), 0u);
    EXPECT_FALSE(libtorchVersion().empty());
    if (!cudaAvailable()) {
        EXPECT_EQ(resolveDevice(parseDevice("auto")), "cpu");
        EXPECT_THROW(resolveDevice(parseDevice("cuda:1")), Error);
    }
}

TEST(ModelLoad, RestoreRunsConcurrentlyOnOneModel) {
    const auto model = Model::load(kDir + "state_dict.pt");
    const cv::Mat expected = restored(*model);
    cv::Mat a, b;
    std::thread ta([&] { a = restored(*model); });
    std::thread tb([&] { b = restored(*model); });
    ta.join();
    tb.join();
    EXPECT_EQ(maxDiff(a, expected), 0.0);
    EXPECT_EQ(maxDiff(b, expected), 0.0);
}
