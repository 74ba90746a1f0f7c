// restoreSeeds (rdbm/Uncertainty.h, issue 11 §5) with a stand-in network whose result
// depends on the sampler's fresh noise: deterministic settings are refused, one run has
// no spread, several runs' mean and standard deviation equal those of separately
// restored seeds, progress reports every run and step, and a cancel stops it.
#include <algorithm>
#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <opencv2/core.hpp>
#include <torch/torch.h>

#include "model/ModelImpl.h"
#include "rdbm/Error.h"
#include "rdbm/Sampler.h"
#include "rdbm/Uncertainty.h"

using namespace rdbm;

namespace {

cv::Mat randomMat(int h, int w, int seed) {
    cv::Mat m(h, w, CV_32FC3);
    cv::RNG rng(static_cast<uint64_t>(seed));
    rng.fill(m, cv::RNG::UNIFORM, 0.05, 0.95);
    return m;
}

// A network halfway between its input and a fixed clean image: the last step's x0
// carries the state x, so the fresh noise of earlier steps reaches the result.
std::shared_ptr<Model> noisyModel(const cv::Mat& clean, int* calls = nullptr, Method method = Method::Rdbm) {
    const torch::Tensor x0 =
        torch::from_blob(clean.data, {clean.rows, clean.cols, 3}).permute({2, 0, 1}).unsqueeze(0).clone() * 2 - 1;
    auto impl = std::make_unique<Model::Impl>();
    impl->info.format = "stand-in";
    impl->info.metadata.method = method;
    impl->network = [x0, calls](const torch::Tensor& x, const torch::Tensor&, int64_t) {
        if (calls) ++*calls;
        return 0.5 * x + 0.5 * x0;
    };
    return std::make_shared<Model>(std::move(impl));
}

SamplerOptions stochastic(uint64_t seed = 7) {
    SamplerOptions o;
    o.steps = 4;
    o.eta = 1.0;
    o.seed = seed;
    o.emitFrames = false;
    return o;
}

ErrorKind errorOf(const std::function<void()>& f, std::string* message = nullptr) {
    try {
        f();
    } catch (const Error& e) {
        if (message) *message = e.what();
        return e.kind();
    }
    ADD_FAILURE() << "expected an Error";
    return ErrorKind::Runtime;
}

} // namespace

TEST(Uncertainty, RefusesDeterministicSettings) {
    const cv::Mat input = randomMat(12, 16, 1);
    auto model = noisyModel(randomMat(12, 16, 2));
    SamplerOptions o = stochastic();
    o.eta = 0.0;
    std::string message;
    EXPECT_EQ(errorOf([&] { restoreSeeds(*model, input, o, 4); }, &message), ErrorKind::Usage);
    EXPECT_NE(message.find("deterministic"), std::string::npos) << message;
    EXPECT_NE(message.find("same image"), std::string::npos) << message;
    o = stochastic();
    o.noiseModulation = PiMode::Zero;
    EXPECT_EQ(errorOf([&] { restoreSeeds(*model, input, o, 4); }), ErrorKind::Usage);
    EXPECT_FALSE(whyDeterministic(*model, o).empty());
    EXPECT_TRUE(whyDeterministic(*model, stochastic()).empty());
    // Counts outside 1..kMaxSeedRuns.
    EXPECT_EQ(errorOf([&] { restoreSeeds(*model, input, stochastic(), 0); }), ErrorKind::Usage);
    EXPECT_EQ(errorOf([&] { restoreSeeds(*model, input, stochastic(), kMaxSeedRuns + 1); }), ErrorKind::Usage);
}

TEST(Uncertainty, RddmVariesWithTheSeedEvenAtEtaZero) {
    // RDDM draws its first state from the seed; only a given initial noise with eta = 0 is fixed.
    auto model = noisyModel(randomMat(8, 8, 2), nullptr, Method::Rddm);
    SamplerOptions o = stochastic();
    o.eta = 0.0;
    EXPECT_TRUE(whyDeterministic(*model, o).empty());
    o.initialNoise.assign(3 * 8 * 8, 0.0f);
    EXPECT_FALSE(whyDeterministic(*model, o).empty());
    o.eta = 0.5;
    EXPECT_TRUE(whyDeterministic(*model, o).empty());
}

TEST(Uncertainty, OneRunHasNoSpreadAndIsThatSeedsRestoration) {
    const cv::Mat input = randomMat(12, 16, 3);
    auto model = noisyModel(randomMat(12, 16, 4));
    const UncertaintyResult u = restoreSeeds(*model, input, stochastic(11), 1);
    const RestoreResult r = restore(*model, input, stochastic(11));
    ASSERT_EQ(u.stdDev.size(), input.size());
    EXPECT_EQ(u.stdDev.type(), CV_32FC1);
    EXPECT_EQ(cv::countNonZero(u.stdDev), 0);
    EXPECT_EQ(u.maxStd, 0.0);
    EXPECT_EQ(u.meanStd, 0.0);
    EXPECT_EQ(u.mean.type(), CV_32FC3);
    EXPECT_LT(cv::norm(u.mean, r.image, cv::NORM_INF), 1e-6);
    EXPECT_EQ(u.runs, 1);
    EXPECT_EQ(u.firstSeed, 11u);
    EXPECT_EQ(u.networkCalls, 4);
}

TEST(Uncertainty, MeanAndSpreadEqualThoseOfSeparateSeeds) {
    const cv::Mat input = randomMat(12, 16, 5);
    auto model = noisyModel(randomMat(12, 16, 6));
    constexpr int kRuns = 5;
    const UncertaintyResult u = restoreSeeds(*model, input, stochastic(100), kRuns);

    std::vector<cv::Mat> runs;
    for (int i = 0; i < kRuns; ++i) runs.push_back(restore(*model, input, stochastic(100 + i)).image);
    // Seeds differ: otherwise the test below proves nothing.
    EXPECT_GT(cv::norm(runs[0], runs[1], cv::NORM_INF), 1e-3);

    cv::Mat mean = cv::Mat::zeros(input.size(), CV_64FC3);
    for (const cv::Mat& r : runs) {
        cv::Mat d;
        r.convertTo(d, CV_64FC3);
        mean += d / kRuns;
    }
    double maxStd = 0.0, sumStd = 0.0, maxDiff = 0.0;
    for (int y = 0; y < input.rows; ++y) {
        for (int x = 0; x < input.cols; ++x) {
            double var = 0.0;
            for (int c = 0; c < 3; ++c) {
                double ss = 0.0;
                for (const cv::Mat& r : runs) {
                    const double d = r.at<cv::Vec3f>(y, x)[c] - mean.at<cv::Vec3d>(y, x)[c];
                    ss += d * d;
                }
                var += ss / (kRuns - 1) / 3.0;
                EXPECT_NEAR(u.mean.at<cv::Vec3f>(y, x)[c], mean.at<cv::Vec3d>(y, x)[c], 1e-5);
            }
            const double expected = std::sqrt(var);
            maxDiff = std::max(maxDiff, std::fabs(u.stdDev.at<float>(y, x) - expected));
            maxStd = std::max(maxStd, expected);
            sumStd += expected;
        }
    }
    EXPECT_LT(maxDiff, 1e-5);
    EXPECT_GT(u.maxStd, 1e-3); // the runs disagree somewhere
    EXPECT_NEAR(u.maxStd, maxStd, 1e-5);
    EXPECT_NEAR(u.meanStd, sumStd / input.total(), 1e-5);
    EXPECT_EQ(u.runs, kRuns);
}

TEST(Uncertainty, ReportsEveryRunAndStepThroughTheCallbacks) {
    const cv::Mat input = randomMat(8, 8, 7);
    auto model = noisyModel(randomMat(8, 8, 8));
    std::vector<SeedProgress> seeds;
    int frames = 0, tileReports = 0, lastStep = 0;
    restoreSeeds(
        *model, input, stochastic(40), 3,
        [&](const StepFrame& f) {
            ++frames;
            EXPECT_EQ(f.step, lastStep % 4 + 1); // 1..4 in every run
            lastStep = f.step;
            return true;
        },
        [&](const TileProgress&) {
            ++tileReports;
            return true;
        },
        [&](const SeedProgress& p) {
            seeds.push_back(p);
            return true;
        });
    ASSERT_EQ(seeds.size(), 3u);
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(seeds[i].run, i + 1);
        EXPECT_EQ(seeds[i].runs, 3);
        EXPECT_EQ(seeds[i].seed, 40u + i);
    }
    EXPECT_EQ(frames, 12);
    EXPECT_EQ(tileReports, 12);
}

TEST(Uncertainty, CancelStopsBetweenStepsAndBetweenRuns) {
    const cv::Mat input = randomMat(8, 8, 9);
    int calls = 0;
    auto model = noisyModel(randomMat(8, 8, 10), &calls);
    int frames = 0;
    // Cancelled in the second run's second step.
    EXPECT_EQ(
        errorOf([&] { restoreSeeds(*model, input, stochastic(), 4, [&](const StepFrame&) { return ++frames < 6; }); }),
        ErrorKind::Cancelled);
    EXPECT_EQ(frames, 6);
    EXPECT_EQ(calls, 6);
    // Cancelled before the third run starts.
    calls = 0;
    EXPECT_EQ(errorOf([&] {
                  restoreSeeds(*model, input, stochastic(), 4, {}, {}, [](const SeedProgress& p) { return p.run < 3; });
              }),
              ErrorKind::Cancelled);
    EXPECT_EQ(calls, 8);
}
