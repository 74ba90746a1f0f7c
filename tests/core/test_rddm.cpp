// RDDM (docs/method.md §8): the schedule against the reference's float32 buffers, golden
// restorations of RDDM checkpoints written by PyTorch (tests/fixtures/make_rddm_fixtures.py:
// every objective, every UnetRes layout, the official trainer's file, safetensors, a plain
// U-Net made RDDM by its sidecar) frame by frame, tiling, and the files that must be refused.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>
#include <torch/torch.h>

#include "model/ModelImpl.h"
#include "rdbm/Error.h"
#include "rdbm/Model.h"
#include "rdbm/RddmSchedule.h"
#include "rdbm/Sampler.h"

using namespace rdbm;

namespace {

const std::string kDir = RDBM_FIXTURE_DIR "/rddm/";

nlohmann::json manifest() {
    std::ifstream in(kDir + "manifest.json");
    if (!in) throw std::runtime_error("missing " + kDir + "manifest.json (run the rddm fixture)");
    return nlohmann::json::parse(in);
}

std::vector<float> readFloats(const std::string& path, size_t count) {
    std::ifstream in(path, std::ios::binary);
    std::vector<float> v(count);
    in.read(reinterpret_cast<char*>(v.data()), static_cast<std::streamsize>(count * sizeof(float)));
    if (!in || in.gcount() != static_cast<std::streamsize>(count * sizeof(float)))
        throw std::runtime_error("cannot read " + std::to_string(count) + " floats from " + path);
    return v;
}

double maxAbsDiff(const cv::Mat& a, const float* expected, size_t count) {
    EXPECT_EQ(a.total() * a.channels(), count);
    const float* got = a.ptr<float>();
    double worst = 0.0;
    for (size_t i = 0; i < count; ++i) worst = std::max(worst, std::abs(double(got[i]) - expected[i]));
    return worst;
}

std::string loadError(const std::string& file, const LoadOptions& options = {}) {
    try {
        Model::load(kDir + file, options);
    } catch (const Error& e) {
        return e.what();
    }
    return "(loaded)";
}

} // namespace

TEST(RddmSchedule, MatchesTheReferenceBuffersBitForBit) {
    struct Case {
        const char* file;
        int T;
        double sumScale;
    };
    for (const Case& c : {Case{"buffers_T1000.f32", 1000, 1.0}, Case{"buffers_T200_s0.01.f32", 200, 0.01}}) {
        SCOPED_TRACE(c.file);
        const size_t n = static_cast<size_t>(c.T);
        const std::vector<float> b = readFloats(kDir + c.file, 4 * n);
        const RddmSchedule s(c.T, c.sumScale);
        for (size_t i = 0; i < n; ++i) {
            ASSERT_EQ(s.alphasCumsum()[i], b[i]) << "alphas_cumsum[" << i << "]";
            ASSERT_EQ(s.betas2Cumsum()[i], b[n + i]) << "betas2_cumsum[" << i << "]";
            ASSERT_EQ(s.betasCumsum()[i], b[2 * n + i]) << "betas_cumsum[" << i << "]";
            ASSERT_EQ(s.oneMinusAlphasCumsum()[i], b[3 * n + i]) << "one_minus_alphas_cumsum[" << i << "]";
        }
        // The degraded end is mu plus the whole noise: abar = 1, bbar^2 = min(sum_scale, 1).
        EXPECT_EQ(s.alphaBar(c.T - 1), 1.0f);
        EXPECT_FLOAT_EQ(s.betaBar2(c.T - 1), static_cast<float>(std::min(1.0, c.sumScale)));
        EXPECT_GT(s.residualToNoise(0), 0.0);

        RddmBuffers buffers;
        buffers.alphasCumsum.assign(b.begin(), b.begin() + static_cast<long>(n));
        buffers.betas2Cumsum.assign(b.begin() + static_cast<long>(n), b.begin() + static_cast<long>(2 * n));
        const RddmSchedule read = RddmSchedule::fromBuffers(buffers);
        EXPECT_EQ(read.T(), c.T);
        EXPECT_DOUBLE_EQ(read.sumScale(), c.sumScale); // read back from betas2_cumsum[0]
        // Derived from the float32 alphas_cumsum (files normally carry it): one rounding apart.
        for (size_t i = 0; i < n; ++i)
            ASSERT_NEAR(read.oneMinusAlphasCumsum()[i], s.oneMinusAlphasCumsum()[i], 1.2e-7) << i;
    }
    EXPECT_THROW(RddmSchedule(1, 1.0), Error);
    EXPECT_THROW(RddmSchedule(1000, 0.0), Error);
}

TEST(RddmGolden, ReferenceFramesAreReproduced) {
    const nlohmann::json m = manifest();
    ASSERT_GE(m["cases"].size(), 10u);
    double overall = 0.0;
    for (const auto& c : m["cases"]) {
        const std::string name = c["name"];
        SCOPED_TRACE(name);
        const int h = c["height"], w = c["width"], steps = c["steps"];
        const size_t frameSize = static_cast<size_t>(h) * w * 3;

        LoadOptions lo;
        if (c.contains("objective_option")) lo.rddmObjective = rddmObjectiveFromString(c["objective_option"]);
        const auto model = Model::load(kDir + c["checkpoint"].get<std::string>(), lo);
        const ModelInfo& info = model->info();
        EXPECT_EQ(info.metadata.method, Method::Rddm);
        EXPECT_EQ(toString(info.metadata.rddm.objective), c["objective"].get<std::string>());
        EXPECT_EQ(info.metadata.rddm.shareEncoder, c["share_encoder"].get<int>());
        EXPECT_EQ(info.metadata.rddm.T, c["T"].get<int>());
        EXPECT_DOUBLE_EQ(info.metadata.rddm.sumScale, c["sum_scale"].get<double>());
        EXPECT_EQ(model->rddmSchedule().T(), c["T"].get<int>());
        if (c.contains("layout")) {
            EXPECT_EQ(info.layout, c["layout"].get<std::string>());
        }

        const std::vector<float> input = readFloats(kDir + name + "_input.f32", frameSize);
        const cv::Mat image = cv::Mat(h, w, CV_32FC3, const_cast<float*>(input.data())).clone();
        const std::vector<float> xt = readFloats(kDir + name + "_xt.f32", frameSize * steps);
        const std::vector<float> x0 = readFloats(kDir + name + "_x0.f32", frameSize * steps);
        const std::vector<float> res = readFloats(kDir + name + "_res.f32", frameSize * steps);
        const std::vector<float> eps = readFloats(kDir + name + "_eps.f32", frameSize * steps);

        SamplerOptions so;
        so.steps = steps;
        so.eta = c["eta"];
        if (c["noise_file"].get<bool>()) {
            so.initialNoise = readFloats(kDir + name + "_noise.f32", frameSize);
        } else {
            so.seed = c["seed"].get<uint64_t>();
        }
        double worstXt = 0.0, worstX0 = 0.0, worstRes = 0.0, worstEps = 0.0;
        int k = 0;
        const RestoreResult r = restore(*model, image, so, [&](const StepFrame& f) {
            EXPECT_EQ(f.t, c["pairs"][static_cast<size_t>(k)][0].get<int>());
            EXPECT_EQ(f.tNext, c["pairs"][static_cast<size_t>(k)][1].get<int>());
            const size_t at = frameSize * static_cast<size_t>(k);
            worstXt = std::max(worstXt, maxAbsDiff(f.xt, xt.data() + at, frameSize));
            // pred_noise divides by 1 - abar_t (0.01 at t = 899 of 1000), which magnifies the
            // network's float32 rounding; compare what that division's input carries.
            const double gain = model->info().metadata.rddm.objective == RddmObjective::Noise
                                    ? model->rddmSchedule().oneMinusAlphaBar(f.t)
                                    : 1.0;
            worstX0 = std::max(worstX0, gain * maxAbsDiff(f.x0, x0.data() + at, frameSize));
            worstRes = std::max(worstRes, gain * maxAbsDiff(f.residual, res.data() + at, frameSize));
            // The noise is in standard-normal units; bbar_t is what reaches the image.
            worstEps = std::max(worstEps,
                                model->rddmSchedule().betaBar(f.t) * maxAbsDiff(f.piEps, eps.data() + at, frameSize));
            ++k;
            return true;
        });
        EXPECT_EQ(k, steps);
        const double final = maxAbsDiff(r.image, xt.data() + frameSize * (steps - 1), frameSize);
        EXPECT_LT(worstXt, 1e-4);
        EXPECT_LT(worstX0, 1e-4);
        EXPECT_LT(worstRes, 1e-4);
        EXPECT_LT(worstEps, 1e-4);
        EXPECT_LT(final, 1e-4);
        overall = std::max({overall, worstXt, worstX0, worstRes, final});
        std::printf("[rddm golden] %-26s max |diff|: x_t %.2e, x0 %.2e, res %.2e, bbar*eps %.2e, result %.2e\n",
                    name.c_str(), worstXt, worstX0, worstRes, worstEps, final);
    }
    std::printf("[rddm golden] worst over all cases: %.2e (1/255 = %.2e)\n", overall, 1.0 / 255.0);
}

TEST(RddmModel, DescribesTheFile) {
    const nlohmann::json m = manifest();
    const auto trainer = Model::load(kDir + "trainer_s0.pt");
    EXPECT_EQ(trainer->info().format, "torch-zip");
    EXPECT_EQ(trainer->info().layout, "trainer(ema)");
    EXPECT_TRUE(trainer->info().scheduleFromCheckpoint);
    EXPECT_EQ(trainer->info().metadata.provenance.at("step"), "800");
    EXPECT_EQ(trainer->info().parameterCount, m["parameter_count_s0"].get<long long>());
    EXPECT_EQ(trainer->info().config.dim, 8);
    EXPECT_EQ(trainer->info().config.dimMults, (std::vector<int>{1, 2, 4, 8}));

    LoadOptions online;
    online.preferEma = false;
    EXPECT_EQ(Model::load(kDir + "trainer_s0.pt", online)->info().layout, "trainer(online)");

    // Options override what the file says.
    LoadOptions scaled;
    scaled.sumScale = 0.25;
    const auto overridden = Model::load(kDir + "trainer_s0.pt", scaled);
    EXPECT_FALSE(overridden->info().scheduleFromCheckpoint);
    EXPECT_DOUBLE_EQ(overridden->rddmSchedule().sumScale(), 0.25);

    const auto bare = Model::load(kDir + "state_s1.pt");
    EXPECT_EQ(bare->info().metadata.method, Method::Rddm);
    EXPECT_FALSE(bare->info().scheduleFromCheckpoint);
    EXPECT_EQ(bare->info().metadata.rddm.shareEncoder, 1);

    const auto st = Model::load(kDir + "s1.safetensors");
    EXPECT_EQ(st->info().format, "safetensors");
    EXPECT_EQ(st->info().metadataSource, "embedded");

    // A one-output network whose objective no one named: pred_res, with a note.
    const auto sm1 = Model::load(kDir + "trainer_sm1.pt");
    EXPECT_EQ(sm1->info().metadata.rddm.objective, RddmObjective::Res);
    EXPECT_NE(sm1->info().metadata.provenance.at("loader note").find("pred_res"), std::string::npos);

    // The RDBM golden checkpoints are still RDBM's.
    const auto rdbmModel = Model::load(RDBM_FIXTURE_DIR "/golden/state_dict.pt");
    EXPECT_EQ(rdbmModel->info().metadata.method, Method::Rdbm);
}

TEST(RddmModel, RefusesWhatDoesNotFit) {
    const std::string decoder = loadError("bad_missing_decoder.pt");
    EXPECT_NE(decoder.find("missing keys"), std::string::npos) << decoder;
    EXPECT_NE(decoder.find("ups_no_skip.0.0"), std::string::npos) << decoder;

    const std::string length = loadError("bad_buffer_length.pt");
    EXPECT_NE(length.find("betas2_cumsum has 50 values, expected T = 49"), std::string::npos) << length;

    const std::string neither = loadError("bad_neither.pt");
    EXPECT_NE(neither.find("fits neither method"), std::string::npos) << neither;
    EXPECT_NE(neither.find("encoder.0.weight"), std::string::npos) << neither;

    LoadOptions wrongObjective;
    wrongObjective.objective = Objective::X0;
    EXPECT_NE(loadError("trainer_s0.pt", wrongObjective).find("is RDBM's"), std::string::npos);
    LoadOptions wrongMethod;
    wrongMethod.method = Method::Rdbm;
    EXPECT_NE(loadError("trainer_s0.pt", wrongMethod).find("--method rddm"), std::string::npos);
    LoadOptions tooFewOutputs;
    tooFewOutputs.rddmObjective = RddmObjective::ResNoise;
    EXPECT_NE(loadError("trainer_sm1.pt", tooFewOutputs).find("needs a residual and a noise output"),
              std::string::npos);
    // An RDDM-only objective for a plain U-Net makes it RDDM's one-U-Net layout; RDBM's
    // objectives are refused for RDDM files and RDDM's for a file stated to be RDBM's.
    LoadOptions rddmObjective;
    rddmObjective.rddmObjective = RddmObjective::Res;
    const auto asRddm = Model::load(RDBM_FIXTURE_DIR "/golden/state_dict.pt", rddmObjective);
    EXPECT_EQ(asRddm->info().metadata.method, Method::Rddm);
    EXPECT_EQ(asRddm->info().metadata.rddm.shareEncoder, -1);
    rddmObjective.method = Method::Rdbm;
    EXPECT_NE(loadError("../golden/state_dict.pt", rddmObjective).find("is RDDM's"), std::string::npos);
}

// Both outputs are blended across tiles before each update: with a network that is local
// per pixel, a tiled RDDM run equals the whole-image run.
TEST(RddmTiling, TiledEqualsWholeForALocalNetwork) {
    auto impl = std::make_unique<Model::Impl>();
    impl->info.metadata.method = Method::Rddm;
    impl->info.metadata.rddm.objective = RddmObjective::ResNoise;
    impl->rddmSchedule = RddmSchedule(1000, 1.0);
    int64_t largestCall = 0;
    impl->network = [&largestCall](const torch::Tensor& x, const torch::Tensor& mu, int64_t t) {
        largestCall = std::max(largestCall, x.size(2) * x.size(3));
        const double s = 1.0 + 0.001 * static_cast<double>(t);
        return torch::cat({(mu - 0.5 * x) * s, torch::tanh(x - mu)}, 1);
    };
    const auto model = std::make_shared<Model>(std::move(impl));
    cv::Mat input(72, 120, CV_32FC3);
    cv::RNG(5).fill(input, cv::RNG::UNIFORM, 0.0, 1.0);

    SamplerOptions whole;
    whole.maxWholePixels = 1 << 20;
    whole.seed = 11;
    const RestoreResult a = restore(*model, input, whole);
    EXPECT_EQ(a.tiles, 1);
    EXPECT_EQ(largestCall, 72 * 120);
    largestCall = 0;

    SamplerOptions tiled = whole;
    tiled.tileSize = 48;
    tiled.tileOverlap = 16;
    int frames = 0;
    const RestoreResult b = restore(*model, input, tiled, [&](const StepFrame& f) {
        ++frames;
        EXPECT_EQ(f.residual.size(), input.size());
        return true;
    });
    EXPECT_EQ(frames, 10);
    EXPECT_GT(b.tiles, 1);
    EXPECT_EQ(largestCall, 48 * 48); // the network saw tiles only
    EXPECT_LT(cv::norm(a.image, b.image, cv::NORM_INF), 1e-5);

    // The same seed gives the same first state; another seed another result.
    SamplerOptions other = whole;
    other.seed = 12;
    EXPECT_GT(cv::norm(a.image, restore(*model, input, other).image, cv::NORM_INF), 1e-3);

    SamplerOptions badNoise = whole;
    badNoise.initialNoise.assign(10, 0.0f);
    EXPECT_THROW(restore(*model, input, badNoise), Error);
}
