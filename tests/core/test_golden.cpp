// Golden restorations: checkpoints written by PyTorch (tests/fixtures/make_golden_fixtures.py)
// loaded with Model::load and restored with rdbm::restore must reproduce every frame
// of the reference sampler (x after each step, predicted x0, predicted pi*eps).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>

#include "rdbm/Error.h"
#include "rdbm/Model.h"
#include "rdbm/Sampler.h"

using namespace rdbm;

namespace {

const std::string kDir = RDBM_FIXTURE_DIR "/golden/";

nlohmann::json manifest() {
    std::ifstream in(kDir + "manifest.json");
    if (!in) throw std::runtime_error("missing " + kDir + "manifest.json (run the golden fixture)");
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

// Largest |a - b| / max(1, |b|) over the finite entries of the expected frame b.
double relativeError(const cv::Mat& a, const float* expected, size_t count) {
    const float* got = a.ptr<float>();
    double worst = 0.0;
    for (size_t i = 0; i < count; ++i) {
        if (!std::isfinite(expected[i])) continue;
        const double scale = std::max(1.0, std::abs(double(expected[i])));
        worst = std::max(worst, std::abs(double(got[i]) - expected[i]) / scale);
    }
    return worst;
}

} // namespace

TEST(Golden, ReferenceFramesAreReproduced) {
    const nlohmann::json m = manifest();
    ASSERT_GE(m["cases"].size(), 5u);
    for (const auto& c : m["cases"]) {
        const std::string name = c["name"];
        SCOPED_TRACE(name);
        const int h = c["height"], w = c["width"], steps = c["steps"];
        const size_t frameSize = static_cast<size_t>(h) * w * 3;

        LoadOptions lo;
        lo.preferEma = c["prefer_ema"];
        if (c.contains("pi_override")) lo.piMode = piModeFromString(c["pi_override"]);
        const auto model = Model::load(kDir + c["checkpoint"].get<std::string>(), lo);
        EXPECT_EQ(toString(model->info().metadata.objective), c["objective"].get<std::string>());
        EXPECT_EQ(toString(model->info().metadata.piMode), c["pi_mode"].get<std::string>());

        const std::vector<float> input = readFloats(kDir + name + "_input.f32", frameSize);
        const cv::Mat image = cv::Mat(h, w, CV_32FC3, const_cast<float*>(input.data())).clone();
        const std::vector<float> xt = readFloats(kDir + name + "_xt.f32", frameSize * steps);
        const std::vector<float> x0 = readFloats(kDir + name + "_x0.f32", frameSize * steps);
        const std::vector<float> pe = readFloats(kDir + name + "_pe.f32", frameSize * steps);

        SamplerOptions so;
        so.steps = steps;
        double worstXt = 0.0, worstX0 = 0.0, worstPe = 0.0;
        int k = 0;
        const RestoreResult r = restore(*model, image, so, [&](const StepFrame& f) {
            EXPECT_EQ(f.t, c["pairs"][static_cast<size_t>(k)][0].get<int>());
            EXPECT_EQ(f.tNext, c["pairs"][static_cast<size_t>(k)][1].get<int>());
            const size_t at = frameSize * static_cast<size_t>(k);
            worstXt = std::max(worstXt, relativeError(f.xt, xt.data() + at, frameSize));
            worstX0 = std::max(worstX0, relativeError(f.x0, x0.data() + at, frameSize));
            if (model->info().metadata.piMode == PiMode::Zero) {
                // pi = 0 models have no noise: the sampler reports zero pi*eps.
                EXPECT_EQ(cv::norm(f.piEps, cv::NORM_INF), 0.0);
            } else if (model->info().metadata.objective == Objective::X0) {
                // Derived as (...) / Sigma_t, so compare the noise term Sigma_t * pi*eps,
                // in image units: the division magnifies float32 rounding by 1/Sigma_t.
                const double sigma = model->schedule().Sigma(f.t);
                worstPe = std::max(worstPe, sigma * relativeError(f.piEps, pe.data() + at, frameSize));
            } else {
                worstPe = std::max(worstPe, relativeError(f.piEps, pe.data() + at, frameSize));
            }
            ++k;
            return true;
        });
        EXPECT_EQ(k, steps);
        EXPECT_LT(relativeError(r.image, xt.data() + frameSize * (steps - 1), frameSize), 1e-4);
        EXPECT_LT(worstXt, 1e-4);
        EXPECT_LT(worstX0, 1e-4);
        EXPECT_LT(worstPe, 1e-4);
        std::printf("[golden] %-20s max relative error: x_t %.2e, x0 %.2e, pi*eps %.2e (Sigma_t pi*eps for x0 models)\n", name.c_str(), worstXt,
                    worstX0, worstPe);
    }
}

TEST(Golden, LoadedModelsDescribeThemselves) {
    const nlohmann::json m = manifest();
    const long long parameters = m["parameter_count"];

    const auto plain = Model::load(kDir + "state_dict.pt");
    EXPECT_EQ(plain->info().format, "torch-zip");
    EXPECT_EQ(plain->info().layout, "state_dict");
    EXPECT_EQ(plain->info().metadataSource, "defaults");
    EXPECT_EQ(plain->info().parameterCount, parameters);
    EXPECT_EQ(plain->info().config.dim, 8);
    EXPECT_EQ(plain->info().config.dimMults, (std::vector<int>{1, 2, 4, 8}));
    EXPECT_FALSE(plain->info().scheduleFromCheckpoint);
    EXPECT_EQ(plain->device(), "cpu");

    const auto trainer = Model::load(kDir + "trainer.pt");
    EXPECT_EQ(trainer->info().layout, "trainer(ema)");
    EXPECT_TRUE(trainer->info().scheduleFromCheckpoint);
    // lambda is read back from the Sigma buffer (no metadata states it).
    EXPECT_NEAR(trainer->info().metadata.schedule.lambda, m["trainer_lambda"].get<double>(), 1e-6);
    EXPECT_EQ(trainer->info().metadata.provenance.at("step"), "1234");

    LoadOptions online;
    online.preferEma = false;
    EXPECT_EQ(Model::load(kDir + "trainer.pt", online)->info().layout, "trainer(online)");

    const auto sidecar = Model::load(kDir + "pieps.pt");
    EXPECT_EQ(sidecar->info().metadataSource, "sidecar");
    EXPECT_EQ(sidecar->info().metadata.objective, Objective::PiEps);
}
