// The fused CPU kernels (net/LinearAttentionKernel.h, net/FullAttentionKernel.h; opt-in) against
// the LibTorch formulas they replace: the same attention units, weights and inputs, with
// the kernels on and off, agree to float32 rounding; and the vectorized exp against std::exp.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <vector>

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "net/FullAttentionKernel.h"
#include "net/LinearAttentionKernel.h"
#include "net/UNetBlocks.h"

using namespace rdbm::unet;

namespace {

// Restores the process-wide switch whatever a test does.
struct FusedKernels {
    explicit FusedKernels(bool on) : before(fusedKernelsEnabled()) { setFusedKernelsEnabled(on); }
    ~FusedKernels() { setFusedKernelsEnabled(before); }
    bool before;
};

torch::Tensor run(const AttentionUnit& unit, const torch::Tensor& x, bool fused) {
    FusedKernels guard(fused);
    c10::InferenceMode inference;
    return unit.forward(x);
}

// Random weights at the scale a trained net has (the default init is small enough that
// every softmax is nearly flat, which would hide errors in the max tracking).
void randomize(AttentionUnit& unit, double scale) {
    torch::NoGradGuard noGrad;
    for (auto& p : unit.parameters()) p.normal_(0.0, scale);
}

double maxRelativeError(const torch::Tensor& a, const torch::Tensor& b) {
    return ((a - b).abs().max() / b.abs().max().clamp_min(1e-12)).item<double>();
}

} // namespace

TEST(FusedKernels, ExpMatchesStdExpToAFewUlp) {
    std::vector<float> v;
    for (float x = -87.0f; x <= 88.0f; x += 0.0137f) v.push_back(x);
    std::vector<float> e = v;
    expInPlace(e.data(), static_cast<int64_t>(e.size()));
    double worst = 0.0;
    for (size_t i = 0; i < v.size(); ++i) {
        const double want = std::exp(static_cast<double>(v[i]));
        worst = std::max(worst, std::abs(e[i] - want) / want);
    }
    EXPECT_LT(worst, 4e-7) << "relative error of the vectorized exp";
    float tiny = -200.0f;
    expInPlace(&tiny, 1);
    EXPECT_GE(tiny, 0.0f);
    EXPECT_LT(tiny, 1e-37f) << "far below the range the result stays (almost) zero, never garbage";
}

struct AttentionCase {
    int64_t batch, channels, heads, h, w;
    double scale; // of the random weights: larger gives sharper softmaxes
};

// The unit with random weights on a random channels-last input, fused against LibTorch.
static void expectFusedMatches(const AttentionCase& c, bool linear) {
    torch::manual_seed(static_cast<uint64_t>(c.channels * 7 + c.h));
    AttentionUnit unit(c.channels, c.heads, 32, linear);
    randomize(unit, c.scale);
    unit.eval();
    const torch::Tensor x =
        torch::randn({c.batch, c.channels, c.h, c.w}).contiguous(at::MemoryFormat::ChannelsLast) * 2;
    const torch::Tensor reference = run(unit, x, false), fused = run(unit, x, true);
    ASSERT_EQ(fused.sizes(), reference.sizes());
    EXPECT_LT(maxRelativeError(fused, reference), 2e-5)
        << (linear ? "linear" : "full") << " attention, channels " << c.channels << ", heads " << c.heads << ", " << c.h
        << "x" << c.w;
}

// Several shapes: the bundled net's levels that use the kernel (16 and 32 channels), pixel
// counts that are not a multiple of the kernel's blocks, two and eight heads, a batch of
// two, and large logits that move the running maximum between blocks.
TEST(FusedKernels, LinearAttentionMatchesTheLibTorchPath) {
    for (const AttentionCase c : {AttentionCase{1, 16, 4, 32, 32, 0.3}, AttentionCase{1, 32, 4, 17, 23, 0.5},
                                  AttentionCase{2, 32, 8, 8, 8, 0.2}, AttentionCase{1, 16, 2, 9, 70, 1.5},
                                  AttentionCase{1, 16, 4, 31, 5, 3.0}}) {
        ASSERT_TRUE(linearAttentionKernelFits({c.h * c.w, c.channels, c.heads, 32})) << "the case must use the kernel";
        expectFusedMatches(c, /*linear=*/true);
    }
}

// The full (middle) attention: 64 and 128 channels, pixel counts that are and are not a
// multiple of the kernel's 16-key vectors and 4-query blocks, a batch of two, sharp logits.
TEST(FusedKernels, FullAttentionMatchesTheLibTorchPath) {
    for (const AttentionCase c : {AttentionCase{1, 64, 4, 32, 32, 0.3}, AttentionCase{2, 64, 4, 7, 9, 0.5},
                                  AttentionCase{1, 128, 4, 13, 5, 2.0}, AttentionCase{1, 32, 2, 1, 3, 1.0}}) {
        ASSERT_TRUE(fullAttentionKernelFits({c.batch, c.h * c.w, c.heads, 32})) << "the case must use the kernel";
        expectFusedMatches(c, /*linear=*/false);
    }
}

// Shapes the kernel does not take (a head width other than 32, 24 channels, 64 channels
// against 128 features), and a NCHW input, take the LibTorch path with the same result.
TEST(FusedKernels, OtherLayoutsAndHeadWidthsFallBack) {
    EXPECT_FALSE(linearAttentionKernelFits({256, 16, 2, 16}));
    EXPECT_FALSE(linearAttentionKernelFits({256, 24, 4, 32}));
    EXPECT_FALSE(linearAttentionKernelFits({256, 64, 4, 32}));
    EXPECT_TRUE(linearAttentionKernelFits({256, 32, 4, 32}));
    EXPECT_FALSE(fullAttentionKernelFits({1, 256, 4, 16}));
    torch::manual_seed(3);
    AttentionUnit unit(16, 2, 16, /*linear=*/true);
    randomize(unit, 0.5);
    unit.eval();
    const torch::Tensor x = torch::randn({1, 16, 12, 12});
    EXPECT_LT(maxRelativeError(run(unit, x, true), run(unit, x, false)), 1e-6);
}

// Not a timing test (it asserts nothing about speed): prints both paths' CPU time on the
// bundled net's top level of a 128-px tile, for a quick look with --gtest_also_run_disabled_tests.
TEST(FusedKernels, DISABLED_PrintTimes) {
    struct Level {
        int64_t channels, side;
    };
    for (const Level level : {Level{16, 128}, Level{32, 64}, Level{64, 32}}) {
        torch::manual_seed(1);
        AttentionUnit lin(level.channels, 4, 32, true);
        randomize(lin, 0.3);
        lin.eval();
        const torch::Tensor x =
            torch::randn({1, level.channels, level.side, level.side}).contiguous(at::MemoryFormat::ChannelsLast);
        for (bool fused : {false, true, false, true}) {
            run(lin, x, fused);
            const auto t0 = std::chrono::steady_clock::now();
            for (int i = 0; i < 10; ++i) run(lin, x, fused);
            const double ms =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() / 10;
            std::printf("attention unit %lld ch %lldx%lld, fused %d: %.2f ms\n", static_cast<long long>(level.channels),
                        static_cast<long long>(level.side), static_cast<long long>(level.side), fused ? 1 : 0, ms);
        }
        // The kernel alone, without the unit's norms and residual.
        const int64_t N = level.side * level.side, C = level.channels;
        const torch::Tensor X = torch::randn({N, C}), y = torch::empty({N, C});
        const torch::Tensor wq = lin.toQkv->weight.contiguous(), wo = lin.toOut->weight.contiguous();
        const torch::Tensor bo = lin.toOut->bias.contiguous();
        const auto t0 = std::chrono::steady_clock::now();
        for (int i = 0; i < 10; ++i)
            linearAttentionForward(X.data_ptr<float>(), wq.data_ptr<float>(), wo.data_ptr<float>(),
                                   bo.data_ptr<float>(), y.data_ptr<float>(), {N, C, 4, 32});
        std::printf("  kernel alone: %.2f ms\n",
                    std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() / 10);
    }
}
