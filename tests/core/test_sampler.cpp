// The bridge sampler (docs/method.md §5) with stand-in networks: an oracle that knows the
// true x0 must lead every objective and pi to x0; single steps follow the reference's
// rules exactly; the visited step pairs, frames, cancellation and the stochastic
// variant behave as documented. The restore() entry point is exercised the same way.
#include <cmath>
#include <vector>

#include <gtest/gtest.h>
#include <opencv2/core.hpp>
#include <torch/torch.h>

#include "model/ModelImpl.h"
#include "rdbm/Error.h"
#include "rdbm/Sampler.h"
#include "sampler/RdbmSampler.h"

using namespace rdbm;

namespace {

torch::Tensor randomImage(int64_t seed, double lo = -0.9, double hi = 0.9) {
    auto g = at::detail::createCPUGenerator(static_cast<uint64_t>(seed));
    return torch::rand({1, 3, 12, 16}, g, torch::TensorOptions().dtype(torch::kFloat32)) * (hi - lo) + lo;
}

// The network that knows x0: it answers x0, or the pi*eps consistent with x and x0.
Denoiser oracle(const torch::Tensor& x0, const RdbmSchedule& s, Objective objective) {
    return [x0, &s, objective](const torch::Tensor& x, const torch::Tensor& mu, int64_t t) {
        if (objective == Objective::X0) return x0.clone();
        const int ti = static_cast<int>(t);
        if (s.Sigma(ti) == 0.0f) return torch::zeros_like(x);
        return (x - mu - s.Theta(ti) * (x0 - mu)) / s.Sigma(ti);
    };
}

double maxAbs(const torch::Tensor& a, const torch::Tensor& b) { return (a - b).abs().max().item<double>(); }

} // namespace

TEST(RdbmSampler, OracleReachesX0ForEveryObjectiveAndPi) {
    const RdbmSchedule schedule;
    const torch::Tensor x0 = randomImage(1), mu = randomImage(2);
    for (Objective objective : {Objective::X0, Objective::PiEps, Objective::Eps}) {
        for (PiMode pi : {PiMode::Residual, PiMode::One, PiMode::Zero}) {
            for (int steps : {2, 10, 37}) {
                SamplerSettings settings;
                settings.objective = objective;
                settings.modelPi = pi;
                settings.steps = steps;
                const torch::Tensor out = RdbmSampler(schedule, settings).sample(oracle(x0, schedule, objective), mu);
                EXPECT_LT(maxAbs(out, x0), 1e-4) << toString(objective) << " pi=" << toString(pi) << " S=" << steps;
            }
        }
    }
}

TEST(RdbmSampler, FirstTwoStepsFollowTheReferenceX0Rule) {
    const RdbmSchedule schedule;
    const torch::Tensor mu = randomImage(3);
    // Outputs beyond [-1,1] check the clamp.
    const torch::Tensor out1 = randomImage(4, -1.5, 1.5), out2 = randomImage(5, -1.5, 1.5);
    std::vector<torch::Tensor> xs, pes;
    int calls = 0;
    Denoiser net = [&](const torch::Tensor&, const torch::Tensor&, int64_t) { return ++calls == 1 ? out1 : out2; };
    SamplerSettings settings;
    settings.steps = 10;
    RdbmSampler(schedule, settings).sample(net, mu, [&](const StepTensors& s) {
        xs.push_back(s.xt.clone());
        pes.push_back(s.piEps.clone());
        return true;
    });
    ASSERT_EQ(xs.size(), 10u);
    const float T89 = schedule.Theta(89), T79 = schedule.Theta(79), S89 = schedule.Sigma(89), S79 = schedule.Sigma(79);
    const torch::Tensor c1 = out1.clamp(-1, 1), c2 = out2.clamp(-1, 1);
    const torch::Tensor x1 = mu + T89 * (c1 - mu);
    EXPECT_TRUE(torch::equal(xs[0], x1));
    EXPECT_EQ(pes[0].abs().max().item<float>(), 0.0f); // 0/0 at t = T-1 is reported as zero
    const torch::Tensor pe = (x1 - mu - T89 * (c2 - mu)) / S89;
    const torch::Tensor x2 = mu + (S79 / S89) * (x1 - mu) + (T79 - T89 * S79 / S89) * (c2 - mu);
    EXPECT_LT(maxAbs(xs[1], x2), 1e-6);
    EXPECT_LT(maxAbs(pes[1], pe), 1e-5);
    EXPECT_GT(pes[1].abs().max().item<float>(), 0.01f);
}

TEST(RdbmSampler, FirstTwoStepsFollowTheReferencePiEpsRule) {
    const RdbmSchedule schedule;
    const torch::Tensor mu = randomImage(6);
    const torch::Tensor out1 = randomImage(7), out2 = randomImage(8);
    std::vector<torch::Tensor> xs, x0s, pes;
    int calls = 0;
    Denoiser net = [&](const torch::Tensor&, const torch::Tensor&, int64_t) { return ++calls == 1 ? out1 : out2; };
    SamplerSettings settings;
    settings.objective = Objective::PiEps;
    RdbmSampler(schedule, settings).sample(net, mu, [&](const StepTensors& s) {
        xs.push_back(s.xt.clone());
        x0s.push_back(s.x0.clone());
        pes.push_back(s.piEps.clone());
        return true;
    });
    const float T89 = schedule.Theta(89), T79 = schedule.Theta(79), S89 = schedule.Sigma(89), S79 = schedule.Sigma(79);
    EXPECT_TRUE(torch::equal(xs[0], mu)); // the reference wastes the call at t = T-1
    EXPECT_TRUE(torch::equal(x0s[0], mu));
    EXPECT_TRUE(torch::equal(pes[0], out1)); // reported as the network gave it
    const torch::Tensor x2 = mu + (T79 / T89) * (mu - mu) - ((T79 / T89) * S89 - S79) * out2;
    EXPECT_LT(maxAbs(xs[1], x2), 1e-6);
    const torch::Tensor x0h = ((mu - mu - S89 * out2) / T89 + mu).clamp(-1, 1);
    EXPECT_LT(maxAbs(x0s[1], x0h), 1e-6);
}

TEST(RdbmSampler, LastStepReturnsPredictedX0) {
    const RdbmSchedule schedule;
    const torch::Tensor mu = randomImage(9), out = randomImage(10, -2, 2);
    Denoiser net = [&](const torch::Tensor&, const torch::Tensor&, int64_t) { return out; };
    SamplerSettings settings;
    settings.steps = 1;
    EXPECT_TRUE(torch::equal(RdbmSampler(schedule, settings).sample(net, mu), out.clamp(-1, 1)));
    settings.objective = Objective::Eps; // 0/0 at t = T-1: the prediction falls back to mu
    const torch::Tensor eps = RdbmSampler(schedule, settings).sample(net, mu);
    EXPECT_FALSE(torch::isnan(eps).any().item<bool>());
    EXPECT_TRUE(torch::equal(eps, mu));
}

TEST(RdbmSampler, VisitsTheReferenceStepPairs) {
    const RdbmSchedule schedule;
    const torch::Tensor mu = randomImage(11);
    for (int steps : {1, 2, 3, 10, 100}) {
        std::vector<int64_t> called;
        std::vector<std::pair<int, int>> framed;
        Denoiser net = [&](const torch::Tensor& x, const torch::Tensor&, int64_t t) {
            called.push_back(t);
            return torch::zeros_like(x);
        };
        SamplerSettings settings;
        settings.steps = steps;
        RdbmSampler(schedule, settings).sample(net, mu, [&](const StepTensors& s) {
            EXPECT_EQ(s.steps, steps);
            EXPECT_EQ(s.step, static_cast<int>(framed.size()) + 1);
            framed.emplace_back(s.t, s.tNext);
            return true;
        });
        const auto expected = samplingStepPairs(100, steps);
        ASSERT_EQ(framed, expected) << "S=" << steps;
        ASSERT_EQ(called.size(), static_cast<size_t>(steps));
        for (size_t i = 0; i < called.size(); ++i) EXPECT_EQ(called[i], expected[i].first);
    }
    using P = std::vector<std::pair<int, int>>;
    EXPECT_EQ(samplingStepPairs(100, 1), (P{{99, -1}}));
    EXPECT_EQ(samplingStepPairs(100, 2), (P{{99, 49}, {49, -1}}));
    EXPECT_EQ(samplingStepPairs(100, 3), (P{{99, 65}, {65, 32}, {32, -1}}));
    EXPECT_EQ(samplingStepPairs(100, 10).front(), (std::pair<int, int>{99, 89}));
    EXPECT_EQ(samplingStepPairs(100, 10).back(), (std::pair<int, int>{9, -1}));
    EXPECT_EQ(samplingStepPairs(100, 100)[50], (std::pair<int, int>{49, 48}));
}

TEST(RdbmSampler, PiZeroModelsUseTheNoiseFreeLimit) {
    const RdbmSchedule schedule;
    const torch::Tensor mu = randomImage(12);
    std::vector<torch::Tensor> outs;
    for (int i = 0; i < 10; ++i) outs.push_back(randomImage(100 + i));
    int calls = 0;
    Denoiser net = [&](const torch::Tensor&, const torch::Tensor&, int64_t) { return outs[static_cast<size_t>(calls++)]; };
    SamplerSettings settings;
    settings.modelPi = PiMode::Zero;
    int step = 0;
    RdbmSampler(schedule, settings).sample(net, mu, [&](const StepTensors& s) {
        const torch::Tensor x0h = outs[static_cast<size_t>(step++)];
        const torch::Tensor expected = s.tNext < 0 ? x0h : mu + schedule.Theta(s.tNext) * (x0h - mu);
        EXPECT_TRUE(torch::equal(s.xt, expected)) << "step " << step;
        EXPECT_EQ(s.piEps.abs().max().item<float>(), 0.0f);
        return true;
    });
    EXPECT_EQ(step, 10);
}

TEST(RdbmSampler, CancellationStopsAfterTheCurrentStep) {
    const RdbmSchedule schedule;
    const torch::Tensor mu = randomImage(13);
    int calls = 0, frames = 0;
    Denoiser net = [&](const torch::Tensor& x, const torch::Tensor&, int64_t) {
        ++calls;
        return x;
    };
    SamplerSettings settings;
    try {
        RdbmSampler(schedule, settings).sample(net, mu, [&](const StepTensors&) { return ++frames < 3; });
        FAIL() << "expected Error(Cancelled)";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Cancelled);
    }
    EXPECT_EQ(calls, 3);
    EXPECT_EQ(frames, 3);
}

TEST(RdbmSampler, RejectsBadStepsAndEta) {
    const RdbmSchedule schedule;
    for (int steps : {0, -1, 101}) {
        SamplerSettings s;
        s.steps = steps;
        try {
            RdbmSampler(schedule, s);
            FAIL() << "steps " << steps;
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::Usage);
        }
    }
    for (double eta : {-0.1, 1.5, std::nan("")}) {
        SamplerSettings s;
        s.eta = eta;
        EXPECT_THROW(RdbmSampler(schedule, s), Error);
    }
}

TEST(RdbmSampler, StochasticVariantIsReproduciblePerSeed) {
    const RdbmSchedule schedule;
    const torch::Tensor x0 = randomImage(14), mu = randomImage(15);
    Denoiser net = [&](const torch::Tensor& x, const torch::Tensor&, int64_t) { return 0.5 * x + 0.5 * x0; };
    auto run = [&](double eta, uint64_t seed, PiMode modulation) {
        SamplerSettings s;
        s.eta = eta;
        s.seed = seed;
        s.noiseModulation = modulation;
        return RdbmSampler(schedule, s).sample(net, mu);
    };
    for (PiMode m : {PiMode::Residual, PiMode::One}) {
        EXPECT_TRUE(torch::equal(run(0.7, 42, m), run(0.7, 42, m)));
        EXPECT_GT(maxAbs(run(0.7, 42, m), run(0.7, 43, m)), 1e-4);
    }
    // eta = 0 takes the reference path whatever the seed; zero modulation draws nothing.
    EXPECT_TRUE(torch::equal(run(0.0, 1, PiMode::One), run(0.0, 2, PiMode::One)));
    EXPECT_TRUE(torch::equal(run(0.5, 1, PiMode::Zero), run(0.5, 2, PiMode::Zero)));
    EXPECT_GT(maxAbs(run(0.5, 1, PiMode::Zero), run(0.0, 1, PiMode::Zero)), 1e-5);
}

TEST(RdbmSampler, ResidualNoiseLeavesCleanPixelsUntouched) {
    const RdbmSchedule schedule;
    torch::Tensor x0 = randomImage(16);
    const torch::Tensor mu = randomImage(17);
    // Left half already clean: x0 == mu there.
    x0.narrow(3, 0, 8).copy_(mu.narrow(3, 0, 8));
    auto trajectory = [&](PiMode modulation) {
        SamplerSettings s;
        s.eta = 1.0;
        s.seed = 5;
        s.noiseModulation = modulation;
        double leftChange = 0.0;
        const torch::Tensor out = RdbmSampler(schedule, s).sample(
            oracle(x0, schedule, Objective::X0), mu, [&](const StepTensors& st) {
                leftChange = std::max(leftChange, maxAbs(st.xt.narrow(3, 0, 8), mu.narrow(3, 0, 8)));
                return true;
            });
        EXPECT_LT(maxAbs(out, x0), 1e-6);
        return leftChange;
    };
    EXPECT_EQ(trajectory(PiMode::Residual), 0.0);
    EXPECT_GT(trajectory(PiMode::One), 1e-3); // pi = 1 noise does disturb them on the way
}

// --- restore() with a stand-in model -------------------------------------------------

namespace {

std::shared_ptr<Model> standInModel(Denoiser network) {
    auto impl = std::make_unique<Model::Impl>();
    impl->info.format = "stand-in";
    impl->network = std::move(network);
    return std::make_shared<Model>(std::move(impl));
}

cv::Mat randomMat(int h, int w, int seed) {
    cv::Mat m(h, w, CV_32FC3);
    cv::RNG rng(static_cast<uint64_t>(seed));
    rng.fill(m, cv::RNG::UNIFORM, 0.05, 0.95);
    return m;
}

} // namespace

TEST(Restore, EmitsOneFramePerStepAndReturnsTheLastX0) {
    const cv::Mat clean = randomMat(20, 24, 1), degraded = randomMat(20, 24, 2);
    torch::Tensor x0 = torch::from_blob(clean.data, {20, 24, 3}).permute({2, 0, 1}).unsqueeze(0).clone() * 2 - 1;
    auto model = standInModel([x0](const torch::Tensor&, const torch::Tensor&, int64_t) { return x0; });
    SamplerOptions options;
    options.steps = 4;
    int frames = 0;
    const RestoreResult r = restore(*model, degraded, options, [&](const StepFrame& f) {
        ++frames;
        EXPECT_EQ(f.step, frames);
        EXPECT_EQ(f.steps, 4);
        EXPECT_EQ(f.xt.size(), clean.size());
        EXPECT_EQ(f.x0.type(), CV_32FC3);
        EXPECT_EQ(f.piEps.type(), CV_32FC3);
        EXPECT_LT(cv::norm(f.x0, clean, cv::NORM_INF), 1e-6);
        return true;
    });
    EXPECT_EQ(frames, 4);
    EXPECT_EQ(r.networkCalls, 4);
    EXPECT_EQ(r.tiles, 1);
    EXPECT_EQ(r.tileSize, 0);
    EXPECT_GE(r.seconds, 0.0);
    EXPECT_LT(cv::norm(r.image, clean, cv::NORM_INF), 1e-6);
}

TEST(Restore, CancelsAndSkipsFrameConversionWhenAsked) {
    const cv::Mat degraded = randomMat(16, 16, 3);
    int calls = 0;
    auto model = standInModel([&](const torch::Tensor& x, const torch::Tensor&, int64_t) {
        ++calls;
        return x;
    });
    SamplerOptions options;
    options.emitFrames = false;
    try {
        restore(*model, degraded, options, [&](const StepFrame& f) {
            EXPECT_TRUE(f.xt.empty());
            return f.step < 2;
        });
        FAIL() << "expected Error(Cancelled)";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Cancelled);
    }
    EXPECT_EQ(calls, 2);
}

TEST(Restore, RejectsWrongImagesAndOptions) {
    auto model = standInModel([](const torch::Tensor& x, const torch::Tensor&, int64_t) { return x; });
    auto kindOf = [&](const cv::Mat& m, const SamplerOptions& o) {
        try {
            restore(*model, m, o);
        } catch (const Error& e) {
            return e.kind();
        }
        return ErrorKind::Runtime; // sentinel: no error
    };
    const SamplerOptions defaults;
    EXPECT_EQ(kindOf(cv::Mat(), defaults), ErrorKind::Usage);
    EXPECT_EQ(kindOf(cv::Mat(8, 8, CV_8UC3, cv::Scalar::all(0)), defaults), ErrorKind::Usage);
    SamplerOptions badSteps;
    badSteps.steps = 0;
    EXPECT_EQ(kindOf(randomMat(8, 8, 1), badSteps), ErrorKind::Usage);
    SamplerOptions badTile;
    badTile.tileSize = 40;
    badTile.tileOverlap = 32;
    EXPECT_EQ(kindOf(randomMat(64, 64, 1), badTile), ErrorKind::Usage);
}

TEST(Restore, ReportsNetworkFailuresAsRuntimeErrors) {
    auto model = standInModel([](const torch::Tensor& x, const torch::Tensor&, int64_t) {
        return x.narrow(2, 0, 2); // wrong shape
    });
    try {
        restore(*model, randomMat(8, 8, 1), SamplerOptions{});
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Runtime);
    }
    auto throwing = standInModel([](const torch::Tensor& x, const torch::Tensor&, int64_t) {
        return torch::matmul(x, torch::ones({3, 3})); // torch raises c10::Error
    });
    try {
        restore(*throwing, randomMat(8, 8, 1), SamplerOptions{});
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Runtime);
    }
}
