// The LibTorch U-Net against the Python reference (tests/fixtures/rdbm_reference.py via
// make_unet_fixtures.py): key names, outputs for every fixture configuration including
// padded odd sizes, the frozen inference path, training-mode gradients, weight loading
// errors and the layout table.
#include <cstring>
#include <fstream>
#include <iterator>

#include <gtest/gtest.h>
#include <torch/serialize.h>
#include <torch/torch.h>

#include "net/PhotoStatistics.h"
#include "net/UNet.h"
#include "net/UNetLayout.h"
#include "rdbm/Error.h"

using namespace rdbm;

namespace {

const char* const kConfigs[] = {"d8_m1248", "d16_m124", "d8_m12_h2", "d8_m124_stats"};
constexpr double kTolerance = 1e-4;

c10::IValue loadPickle(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("missing fixture " + path);
    std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return torch::pickle_load(bytes);
}

std::string fixture(const std::string& name) { return std::string(RDBM_FIXTURE_DIR) + "/unet/" + name; }

struct Weights {
    std::vector<std::string> keys; // file order (the reference's state-dict order)
    std::map<std::string, torch::Tensor> tensors;
};

Weights loadFixtureWeights(const std::string& name) {
    Weights w;
    for (const auto& entry : loadPickle(fixture(name + "_weights.pt")).toGenericDict()) {
        w.keys.push_back(entry.key().toStringRef());
        w.tensors[entry.key().toStringRef()] = entry.value().toTensor();
    }
    return w;
}

struct Case {
    std::string name, padMode;
    torch::Tensor x, mu, t, out;
    torch::Tensor stats; // given whole-photo statistics (d8_m124_stats' "given_stats")
    bool padded = false;
};

struct Cases {
    UNetConfig config;
    long long parameterCount = 0;
    std::vector<Case> cases;
};

Cases loadFixtureCases(const std::string& name) {
    const auto root = loadPickle(fixture(name + "_cases.pt")).toGenericDict();
    const auto cfg = root.at("config").toGenericDict();
    Cases c;
    c.config.dim = static_cast<int>(cfg.at("dim").toInt());
    c.config.dimMults.clear();
    for (const auto& m : cfg.at("dim_mults").toListRef()) c.config.dimMults.push_back(static_cast<int>(m.toInt()));
    c.config.heads = static_cast<int>(cfg.at("heads").toInt());
    c.config.dimHead = static_cast<int>(cfg.at("dim_head").toInt());
    c.config.groups = static_cast<int>(cfg.at("groups").toInt());
    c.config.channels = static_cast<int>(cfg.at("channels").toInt());
    c.config.inChannels = static_cast<int>(cfg.at("in_channels").toInt());
    c.parameterCount = cfg.at("parameter_count").toInt();
    if (cfg.contains("global_stats")) c.config.globalStats = static_cast<int>(cfg.at("global_stats").toInt());
    for (const auto& item : root.at("cases").toListRef()) {
        const auto d = item.toGenericDict();
        Case k;
        k.name = d.at("name").toStringRef();
        k.padMode = d.at("pad_mode").toStringRef();
        k.padded = d.at("padded").toBool();
        k.x = d.at("x").toTensor();
        k.mu = d.at("mu").toTensor();
        k.t = d.at("t").toTensor();
        k.out = d.at("out").toTensor();
        if (d.contains("stats")) k.stats = d.at("stats").toTensor();
        c.cases.push_back(k);
    }
    return c;
}

std::shared_ptr<UNet> loadedNet(const std::string& name, Cases& cases) {
    cases = loadFixtureCases(name);
    auto net = std::make_shared<UNet>(cases.config);
    net->loadWeights(loadFixtureWeights(name).tensors, name);
    return net;
}

torch::Tensor run(UNet& net, const Case& k) {
    return k.padded ? net.forwardPadded(k.x, k.mu, k.t, k.padMode, k.stats) : net.forward(k.x, k.mu, k.t, k.stats);
}

double maxAbsDiff(const torch::Tensor& a, const torch::Tensor& b) {
    EXPECT_EQ(a.sizes(), b.sizes());
    return (a.detach() - b.detach()).abs().max().item<double>();
}

ShapeMap shapesOf(const std::map<std::string, torch::Tensor>& tensors) {
    ShapeMap s;
    for (const auto& [k, v] : tensors) s[k] = v.sizes().vec();
    return s;
}

} // namespace

TEST(UNet, ParameterNamesAreTheReferenceKeysInOrder) {
    for (const char* name : kConfigs) {
        SCOPED_TRACE(name);
        const Cases cases = loadFixtureCases(name);
        const Weights w = loadFixtureWeights(name);
        UNet net(cases.config);
        std::vector<std::string> names;
        for (const auto& p : net.named_parameters()) {
            names.push_back(p.key());
            auto it = w.tensors.find(p.key());
            if (it != w.tensors.end()) {
                EXPECT_EQ(p.value().sizes(), it->second.sizes()) << p.key();
            }
        }
        EXPECT_EQ(names, w.keys);
    }
}

TEST(UNet, ForwardMatchesThePythonReference) {
    for (const char* name : kConfigs) {
        Cases cases;
        auto net = loadedNet(name, cases);
        net->eval(); // per-call weight standardization
        for (const Case& k : cases.cases) {
            SCOPED_TRACE(std::string(name) + " " + k.name);
            const torch::Tensor out = run(*net, k);
            EXPECT_FALSE(out.requires_grad());
            EXPECT_LT(maxAbsDiff(out, k.out), kTolerance);
        }
    }
}

TEST(UNet, FrozenInferenceGivesTheSameOutputs) {
    for (const char* name : kConfigs) {
        Cases cases;
        auto net = loadedNet(name, cases);
        net->eval();
        std::vector<torch::Tensor> perCall;
        for (const Case& k : cases.cases) perCall.push_back(run(*net, k));
        net->freezeForInference();
        ASSERT_TRUE(net->frozen());
        for (size_t i = 0; i < cases.cases.size(); ++i) {
            SCOPED_TRACE(std::string(name) + " " + cases.cases[i].name);
            const torch::Tensor out = run(*net, cases.cases[i]);
            EXPECT_LT(maxAbsDiff(out, perCall[i]), 1e-5);
            EXPECT_LT(maxAbsDiff(out, cases.cases[i].out), kTolerance);
        }
    }
}

TEST(UNet, FrozenWeightsAreComputedOnceAndDroppedForTraining) {
    Cases cases;
    auto net = loadedNet("d16_m124", cases);
    const Case& k = cases.cases.front();
    net->freezeForInference();
    const torch::Tensor before = run(*net, k);

    // Change a standardized conv's raw weight behind autograd's back (no version bump):
    // the frozen path must not see it, since it never standardizes again.
    torch::Tensor w;
    for (const auto& p : net->named_parameters())
        if (p.key() == "downs.0.0.block1.proj.weight") w = p.value();
    ASSERT_TRUE(w.defined());
    const float saved = w.data_ptr<float>()[0];
    w.data_ptr<float>()[0] = saved + 5.0f;
    EXPECT_EQ(maxAbsDiff(run(*net, k), before), 0.0);

    // Training mode standardizes per call and so sees the change.
    net->train();
    EXPECT_FALSE(net->frozen());
    torch::Tensor trained;
    {
        torch::NoGradGuard noGrad;
        trained = run(*net, k);
    }
    EXPECT_GT(maxAbsDiff(trained, before), 1e-4);

    // An in-place update (as an optimizer step does) invalidates a stale frozen copy.
    w.data_ptr<float>()[0] = saved;
    net->freezeForInference();
    EXPECT_LT(maxAbsDiff(run(*net, k), before), 1e-6);
    {
        torch::NoGradGuard noGrad;
        w.flatten()[0].add_(5.0); // a uniform shift would standardize away
    }
    EXPECT_GT(maxAbsDiff(run(*net, k), before), 1e-4);
}

TEST(UNet, TrainingModeMatchesAndIsDifferentiable) {
    Cases cases;
    auto net = loadedNet("d8_m12_h2", cases);
    net->train();
    const Case& k = cases.cases.front(); // batch of two
    const torch::Tensor out = run(*net, k);
    ASSERT_TRUE(out.requires_grad());
    EXPECT_LT(maxAbsDiff(out, k.out), kTolerance);
    (out - k.out).abs().mean().backward();
    size_t withGrad = 0, total = 0;
    for (const auto& p : net->named_parameters()) {
        ++total;
        if (p.value().grad().defined() && p.value().grad().abs().sum().item<double>() > 0) {
            ++withGrad;
        } else {
            ADD_FAILURE() << "no gradient for " << p.key();
        }
    }
    EXPECT_EQ(withGrad, total);
}

TEST(UNet, GradientOfWeightStandardizationMatchesFiniteDifferences) {
    // The per-call standardization is part of the graph: check d(out)/d(raw weight).
    Cases cases;
    auto net = loadedNet("d8_m12_h2", cases);
    net->train();
    net->to(torch::kDouble);
    const Case& k = cases.cases.front();
    const torch::Tensor x = k.x.to(torch::kDouble), mu = k.mu.to(torch::kDouble);
    torch::Tensor w;
    for (const auto& p : net->named_parameters())
        if (p.key() == "ups.0.1.block2.proj.weight") w = p.value();
    ASSERT_TRUE(w.defined());
    net->forward(x, mu, k.t).sum().backward();
    const double analytic = w.grad().flatten()[7].item<double>();
    const double h = 1e-6;
    torch::NoGradGuard noGrad;
    w.flatten()[7].add_(h);
    const double up = net->forward(x, mu, k.t).sum().item<double>();
    w.flatten()[7].sub_(2 * h);
    const double down = net->forward(x, mu, k.t).sum().item<double>();
    EXPECT_NEAR(analytic, (up - down) / (2 * h), 1e-5 * std::max(1.0, std::abs(analytic)));
}

TEST(UNet, ChunkedInferenceAttentionEqualsTheWholeTensorFormulas) {
    // At 96x96 the inference path splits the linear attention (9216 pixels) and the
    // middle full attention (2304 queries) into chunks; training mode computes each
    // attention in one piece as the reference does.
    torch::manual_seed(7);
    UNetConfig c;
    c.dim = 8;
    c.dimMults = {1, 2};
    UNet net(c);
    const torch::Tensor x = torch::rand({2, 3, 96, 96}) * 2 - 1, mu = torch::rand({2, 3, 96, 96}) * 2 - 1;
    const torch::Tensor t = torch::tensor({5.0f, 60.0f});
    net.train();
    const torch::Tensor whole = net.forward(x, mu, t);
    ASSERT_TRUE(whole.requires_grad());
    net.freezeForInference();
    const torch::Tensor chunked = net.forward(x, mu, t);
    EXPECT_LT(maxAbsDiff(chunked, whole), 1e-5 * std::max(1.0, whole.abs().max().item<double>()));
}

TEST(UNet, ConfigurationIsRecoveredFromTheWeightShapes) {
    for (const char* name : kConfigs) {
        SCOPED_TRACE(name);
        const Cases cases = loadFixtureCases(name);
        const UNetConfig& want = cases.config;
        UNetLayoutHints hints;
        hints.groups = want.groups;
        if (want.dimHead != 32) hints.dimHead = want.dimHead;
        const UNetConfig got = inferUNetConfig(shapesOf(loadFixtureWeights(name).tensors), name, hints);
        EXPECT_EQ(got.dim, want.dim);
        EXPECT_EQ(got.dimMults, want.dimMults);
        EXPECT_EQ(got.heads, want.heads);
        EXPECT_EQ(got.dimHead, want.dimHead);
        EXPECT_EQ(got.groups, want.groups);
        EXPECT_EQ(got.channels, want.channels);
        EXPECT_EQ(got.inChannels, want.inChannels);
        EXPECT_EQ(got.globalStats, want.globalStats);
    }
}

// The statistics are per channel: mean, then the 1, 50 and 99 % quantiles.
TEST(UNet, PhotoStatisticsAreTheChannelsMeanAndQuantiles) {
    // Channel 0: the ramp 0..100/100; channel 1: constant -0.5; channel 2: the ramp reversed.
    const torch::Tensor ramp = torch::linspace(0.0, 1.0, 101).view({1, 1, 1, 101});
    const torch::Tensor mu = torch::cat({ramp, torch::full_like(ramp, -0.5), ramp.flip(-1)}, 1);
    const torch::Tensor s = photoStatistics(mu);
    ASSERT_EQ(s.sizes(), (std::vector<int64_t>{1, kPhotoStatisticsWidth}));
    const std::vector<float> want{0.5f, 0.01f, 0.5f, 0.99f, -0.5f, -0.5f, -0.5f, -0.5f, 0.5f, 0.01f, 0.5f, 0.99f};
    for (int i = 0; i < kPhotoStatisticsWidth; ++i) EXPECT_NEAR(s[0][i].item<float>(), want[i], 1e-6) << i;
    EXPECT_THROW(photoStatistics(torch::zeros({1, 1, 4, 4})), Error);
}

// Fine-tuning adds stats_mlp to a trained network: its zero last layer must leave the
// network's output exactly as it was, and trained weights must make the statistics count.
TEST(UNet, StatisticsStartSilentAndThenSteerTheNetwork) {
    Cases cases;
    auto reference = loadedNet("d16_m124", cases);
    UNetConfig withStats = cases.config;
    withStats.globalStats = kPhotoStatisticsWidth;
    auto net = std::make_shared<UNet>(withStats);
    std::map<std::string, torch::Tensor> weights = loadFixtureWeights("d16_m124").tensors;
    for (const auto& p : net->named_parameters())
        if (p.key().rfind("stats_mlp.", 0) == 0) weights.emplace(p.key(), p.value().detach().clone());
    net->loadWeights(weights, "d16_m124 + stats_mlp");
    reference->freezeForInference();
    net->freezeForInference();
    const Case& k = cases.cases.front();
    const torch::Tensor dark = photoStatistics(torch::full({1, 3, 8, 8}, -0.9));
    EXPECT_EQ(maxAbsDiff(net->forward(k.x, k.mu, k.t, dark), reference->forward(k.x, k.mu, k.t)), 0.0);

    {
        torch::NoGradGuard noGrad;
        for (const auto& p : net->named_parameters())
            if (p.key().rfind("stats_mlp.2.", 0) == 0) p.value().normal_(0.0, 0.2);
    }
    net->freezeForInference();
    const torch::Tensor bright = photoStatistics(torch::full({1, 3, 8, 8}, 0.9));
    EXPECT_GT(maxAbsDiff(net->forward(k.x, k.mu, k.t, dark), net->forward(k.x, k.mu, k.t, bright)), 1e-3);
    // Without given statistics each input uses its own: the same as giving mu's.
    EXPECT_LT(maxAbsDiff(net->forward(k.x, k.mu, k.t), net->forward(k.x, k.mu, k.t, photoStatistics(k.mu))), 1e-6);
    EXPECT_THROW(net->forward(k.x, k.mu, k.t, torch::zeros({1, 5})), Error);
}

TEST(UNet, ParameterCountsAgree) {
    for (const char* name : kConfigs) {
        SCOPED_TRACE(name);
        const Cases cases = loadFixtureCases(name);
        UNet net(cases.config);
        long long n = 0;
        for (const auto& p : net.parameters()) n += p.numel();
        EXPECT_EQ(n, cases.parameterCount);
        EXPECT_EQ(parameterCount(cases.config), cases.parameterCount);
    }
    UNetConfig big; // dim 32, mults 1,2,4,8: the module and the table agree
    long long n = 0;
    for (const auto& p : UNet(big).parameters()) n += p.numel();
    EXPECT_EQ(n, parameterCount(big));
}

TEST(UNet, LoadWeightsRejectsIncompleteOrMisshapenWeights) {
    const Cases cases = loadFixtureCases("d8_m1248");
    Weights w = loadFixtureWeights("d8_m1248");
    UNet net(cases.config);
    auto expectCheckpointError = [&](const std::map<std::string, torch::Tensor>& tensors, const std::string& needle) {
        try {
            net.loadWeights(tensors, "broken.pt");
            ADD_FAILURE() << "no error for " << needle;
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::Checkpoint);
            EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
            EXPECT_NE(std::string(e.what()).find("broken.pt"), std::string::npos) << e.what();
        }
    };
    auto missing = w.tensors;
    missing.erase("ups.0.3.1.weight");
    expectCheckpointError(missing, "ups.0.3.1.weight");
    auto reshaped = w.tensors;
    reshaped["mid_attn.fn.norm.g"] = torch::ones({64});
    expectCheckpointError(reshaped, "mid_attn.fn.norm.g (expected [1, 64, 1, 1], found [64])");
    auto extra = w.tensors;
    extra["ups.0.3.0.weight"] = torch::ones({1});
    expectCheckpointError(extra, "ups.0.3.0.weight");
}

TEST(UNet, ForwardRejectsBadInputs) {
    UNetConfig c;
    c.dim = 8;
    UNet net(c);
    net.eval();
    const auto t = torch::zeros({1});
    auto kindOf = [&](const torch::Tensor& x, const torch::Tensor& mu, const torch::Tensor& tt) {
        try {
            net.forward(x, mu, tt);
        } catch (const Error& e) {
            return e.kind();
        }
        return ErrorKind::Cancelled; // stands for "no error"
    };
    EXPECT_EQ(kindOf(torch::zeros({1, 3, 12, 16}), torch::zeros({1, 3, 12, 16}), t), ErrorKind::Usage); // 12 % 8
    EXPECT_EQ(kindOf(torch::zeros({1, 3, 16, 16}), torch::zeros({1, 4, 16, 16}), t), ErrorKind::Usage);
    EXPECT_EQ(kindOf(torch::zeros({2, 3, 16, 16}), torch::zeros({2, 3, 16, 16}), torch::zeros({3})), ErrorKind::Usage);
    EXPECT_EQ(kindOf(torch::zeros({1, 3, 16, 16}, torch::kDouble), torch::zeros({1, 3, 16, 16}, torch::kDouble), t),
              ErrorKind::Runtime);
    EXPECT_EQ(kindOf(torch::zeros({1, 3, 16, 16}), torch::zeros({1, 3, 16, 16}), t), ErrorKind::Cancelled);
    EXPECT_NO_THROW(net.forwardPadded(torch::zeros({1, 3, 12, 9}), torch::zeros({1, 3, 12, 9}), t));
    EXPECT_THROW(padModeFromString("wrap"), Error);
}

TEST(UNet, PaddingReflectsAndFallsBackToReplicationForTinyInputs) {
    const torch::Tensor x = torch::arange(15, torch::kFloat).view({1, 1, 5, 3});
    // 5x3 to 8x8 needs a pad of 5 on a side of 3: reflection is impossible, so replicate.
    const torch::Tensor tiny = padToMultiple(x, 8, PadMode::Reflect);
    EXPECT_EQ(tiny.sizes(), (std::vector<int64_t>{1, 1, 8, 8}));
    EXPECT_TRUE(torch::equal(tiny, padToMultiple(x, 8, PadMode::Replicate)));
    EXPECT_EQ(tiny[0][0][7][7].item<float>(), 14.0f);
    // 5x3 to 6x4: reflection (bottom row mirrors row 3, right column mirrors column 1).
    const torch::Tensor small = padToMultiple(x, 2, PadMode::Reflect);
    EXPECT_EQ(small.sizes(), (std::vector<int64_t>{1, 1, 6, 4}));
    EXPECT_EQ(small[0][0][5][0].item<float>(), x[0][0][3][0].item<float>());
    EXPECT_EQ(small[0][0][0][3].item<float>(), x[0][0][0][1].item<float>());
    EXPECT_EQ(padToMultiple(x, 2, PadMode::Zero)[0][0][5][3].item<float>(), 0.0f);
    EXPECT_TRUE(torch::equal(padToMultiple(x, 1, PadMode::Reflect), x));
}
