// Global-context tiling: tiles take their coarse band from one downscaled whole-image call,
// so a network that makes a global correction gives the same answer tiled as whole.
#include <gtest/gtest.h>

#include <torch/torch.h>

#include "sampler/GlobalContextDenoiser.h"
#include "sampler/TiledDenoiser.h"

namespace {

// A network that corrects exposure globally: it scales its input so that the mean is 0
// (in [-1,1] units, i.e. 0.5 in [0,1]), as a low-light model does for the photo it sees.
torch::Tensor normaliseExposure(const torch::Tensor& x, const torch::Tensor& mu, int64_t) {
    const auto m = mu.mean({1, 2, 3}, true);
    return (mu - m) * 0.8 + x * 0.0;
}

// A smooth photo whose exposure differs across it: dark on the left, brighter on the right.
torch::Tensor rampPhoto(int64_t h, int64_t w) {
    auto xs = torch::linspace(-0.9, 0.1, w).view({1, 1, 1, w}).expand({1, 3, h, w});
    auto ys = torch::linspace(-0.1, 0.1, h).view({1, 1, h, 1}).expand({1, 3, h, w});
    auto tex = 0.05 * torch::sin(torch::arange(w).to(torch::kFloat32) * 0.9).view({1, 1, 1, w});
    return (xs + ys + tex).contiguous();
}

TEST(GlobalContext, FactorFitsTheBudget) {
    EXPECT_EQ(rdbm::GlobalContextDenoiser::factorFor(256, 256, 256 * 256), 2);
    EXPECT_EQ(rdbm::GlobalContextDenoiser::factorFor(1024, 768, 256 * 256), 4);
    EXPECT_EQ(rdbm::GlobalContextDenoiser::factorFor(1000, 1000, 256 * 256), 4);
    EXPECT_EQ(rdbm::GlobalContextDenoiser::factorFor(1001, 1000, 256 * 256), 4);
    EXPECT_EQ(rdbm::GlobalContextDenoiser::factorFor(1030, 1030, 256 * 256), 5);
}

TEST(GlobalContext, IsExactForALocalNetwork) {
    // A network that returns its input does no global correction: the coarse bands of the
    // tiles and of the small call are the same, and the output is the input.
    const rdbm::Denoiser identity = [](const torch::Tensor&, const torch::Tensor& mu, int64_t) { return mu.clone(); };
    const auto mu = rampPhoto(96, 160);
    const rdbm::GlobalContextDenoiser net(rdbm::TiledDenoiser(identity, 48, 8), identity, 4);
    EXPECT_LT((net(mu, mu, 5) - mu).abs().max().item<float>(), 1e-5f);
}

TEST(GlobalContext, TilesAgreeOnAGlobalCorrection) {
    const auto mu = rampPhoto(128, 256);
    const rdbm::Denoiser global = normaliseExposure;
    const auto whole = global(mu, mu, 0);
    const auto tilesOnly = rdbm::TiledDenoiser(global, 64, 16)(mu, mu, 0);
    const auto guided = rdbm::GlobalContextDenoiser(rdbm::TiledDenoiser(global, 64, 16), global, 4)(mu, mu, 0);
    const float tileError = (tilesOnly - whole).abs().mean().item<float>();
    const float guidedError = (guided - whole).abs().mean().item<float>();
    // Each tile alone normalises its own exposure: the left tiles come out far too bright.
    EXPECT_GT(tileError, 0.1f);
    EXPECT_LT(guidedError, tileError / 10);
}

// A network with a border artefact (its outer two rows and columns come out black, as
// zero-padded convolutions tint a border) must not print that artefact, enlarged by the
// downscale factor, onto the photo's edges: the small call runs on a mirrored margin.
TEST(GlobalContext, TheSmallCallsBorderStaysOffThePhoto) {
    const rdbm::Denoiser identity = [](const torch::Tensor&, const torch::Tensor& mu, int64_t) { return mu.clone(); };
    const rdbm::Denoiser blackBorder = [](const torch::Tensor&, const torch::Tensor& mu, int64_t) {
        torch::Tensor out = mu.clone();
        const int64_t h = out.size(2), w = out.size(3);
        out.narrow(2, 0, 2).fill_(-1);
        out.narrow(2, h - 2, 2).fill_(-1);
        out.narrow(3, 0, 2).fill_(-1);
        out.narrow(3, w - 2, 2).fill_(-1);
        return out;
    };
    const auto mu = rampPhoto(96, 160);
    const auto out = rdbm::GlobalContextDenoiser(rdbm::TiledDenoiser(identity, 48, 8), blackBorder, 4)(mu, mu, 5);
    EXPECT_LT((out - mu).abs().max().item<float>(), 1e-5f);
}

} // namespace
