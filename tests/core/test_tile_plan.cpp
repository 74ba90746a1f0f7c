// The automatic tile plan (sampler/TilePlan.h): the counted work of a call against a real
// U-Net call, and a choice that follows the cost model.
#include <cmath>
#include <memory>

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "net/UNet.h"
#include "net/UNetBlocks.h"
#include "rdbm/Error.h"
#include "sampler/TilePlan.h"
#include "sampler/TiledDenoiser.h"

using namespace rdbm;

namespace {

UNetConfig config(int dim, std::vector<int> mults) {
    UNetConfig c;
    c.dim = dim;
    c.dimMults = std::move(mults);
    return c;
}

UNetConfig bundled() { return config(16, {1, 2, 4}); } // the bundled models' layout

} // namespace

TEST(TilePlan, CountedWorkMatchesARealCall) {
    torch::manual_seed(0);
    for (const UNetConfig& c : {bundled(), config(16, {1, 2, 4, 8}), config(8, {1, 2}), config(16, {1, 2, 2, 4})}) {
        auto net = std::make_shared<UNet>(c);
        net->freezeForInference();
        const int f = c.downsampleFactor();
        for (const auto& [h, w] : std::vector<std::pair<int, int>>{{8 * f, 8 * f}, {4 * f, 12 * f}}) {
            const torch::Tensor x = torch::rand({1, 3, h, w}), mu = torch::rand({1, 3, h, w});
            unet::threadFlopCount() = {};
            net->forward(x, mu, torch::tensor({5.0f}));
            const unet::FlopCount counted = unet::threadFlopCount();
            const CallWork predicted = countCallWork(c, h, w);
            SCOPED_TRACE("levels " + std::to_string(c.dimMults.size()) + ", " + std::to_string(h) + "x" +
                         std::to_string(w));
            EXPECT_NEAR(predicted.convolution, counted.convolution, 1e-9 * counted.convolution);
            EXPECT_NEAR(predicted.attention, counted.attention, 1e-9 * counted.attention);
            EXPECT_GT(counted.attention, 0.0);
        }
    }
}

TEST(TilePlan, MiddleAttentionWorkIsQuadraticInTheArea) {
    const UNetConfig c = bundled();
    // Everything but the middle attention's products is linear in the pixels.
    const CallWork a = countCallWork(c, 64, 64), b = countCallWork(c, 128, 128);
    EXPECT_NEAR(b.convolution, 4.0 * a.convolution, 1e-6 * b.convolution);
    const double hidden = c.heads * c.dimHead;
    const double midA = 4.0 * std::pow(16.0 * 16.0, 2) * hidden, midB = 4.0 * std::pow(32.0 * 32.0, 2) * hidden;
    EXPECT_NEAR(b.attention - midB, 4.0 * (a.attention - midA), 1e-6 * b.attention);
}

TEST(TilePlan, SmallPhotosRunWholeAndLargeOnesInTilesWithinTheBudget) {
    const UNetConfig c = bundled();
    SamplerOptions o;
    const TilingPlan small = planTiling(192, 256, o, &c, c.downsampleFactor(), true);
    EXPECT_EQ(small.tileSize, 0);
    EXPECT_EQ(small.tiles, 1);
    EXPECT_DOUBLE_EQ(small.processedAreaRatio, 1.0);
    EXPECT_GT(small.predictedSeconds, 0.0);

    // 1024x768 with the 16-px border.
    const TilingPlan large = planTiling(800, 1056, o, &c, c.downsampleFactor(), true);
    ASSERT_GT(large.tileSize, 0);
    EXPECT_EQ(large.tileSize % c.downsampleFactor(), 0);
    const long long positions = static_cast<long long>(large.tileSize / 4) * (large.tileSize / 4);
    EXPECT_LE(positions, kMaxMiddlePositions);
    const TileGrid grid = makeTileGrid(800, 1056, large.tileSize, o.tileOverlap);
    EXPECT_EQ(large.tiles, grid.count());
    EXPECT_GT(large.processedAreaRatio, 1.0);
    EXPECT_LT(large.processedAreaRatio, 2.0);
    std::printf("[tile plan] bundled net, 1056x800: %d tiles of %d px, processed area %.2fx, predicted %.2f s/step\n",
                large.tiles, large.tileSize, large.processedAreaRatio, large.predictedSeconds);
}

TEST(TilePlan, TheChoiceIsTheCheapestCandidate) {
    const UNetConfig c = bundled();
    SamplerOptions o;
    for (const auto& [h, w] : std::vector<std::pair<int, int>>{{432, 632}, {800, 1056}, {300, 2000}}) {
        const TilingPlan chosen = planTiling(h, w, o, &c, 4, true);
        for (int side = 48; side <= 256; side += 4) {
            if (side >= h && side >= w) break;
            SamplerOptions forced = o;
            forced.tileSize = side;
            const TilingPlan other = planTiling(h, w, forced, &c, 4, true);
            EXPECT_LE(chosen.predictedSeconds, other.predictedSeconds + 1e-12) << h << "x" << w << ", tile " << side;
        }
    }
}

TEST(TilePlan, TheChoiceFollowsTheCostOfAttention) {
    const UNetConfig c = bundled();
    SamplerOptions o;
    CallCostModel cheapAttention{1e9, 1e18, 0.0}, dearAttention{1e12, 1e8, 0.0};
    const TilingPlan big = planTiling(800, 1056, o, &c, 4, false, cheapAttention);
    const TilingPlan small = planTiling(800, 1056, o, &c, 4, false, dearAttention);
    ASSERT_GT(big.tileSize, 0);
    ASSERT_GT(small.tileSize, 0);
    EXPECT_GT(big.tileSize, small.tileSize);
    EXPECT_LT(big.processedAreaRatio, small.processedAreaRatio); // larger tiles overlap less
    // A fixed cost per call alone favours the fewest calls: as few as the largest tile in
    // the budget (256 px) needs.
    const TilingPlan fewest = planTiling(800, 1056, o, &c, 4, false, CallCostModel{1e18, 1e18, 1.0});
    SamplerOptions largest = o;
    largest.tileSize = 256;
    EXPECT_EQ(fewest.tiles, planTiling(800, 1056, largest, &c, 4, false).tiles);
}

TEST(TilePlan, ForcedSizesAndLimits) {
    const UNetConfig c = bundled();
    SamplerOptions o;
    o.tileSize = 96;
    const TilingPlan forced = planTiling(300, 400, o, &c, 4, true);
    EXPECT_EQ(forced.tileSize, 96);
    EXPECT_EQ(forced.tiles, makeTileGrid(300, 400, 96, o.tileOverlap).count());
    o.tileSize = 400; // as large as the photo: one call
    EXPECT_EQ(planTiling(300, 400, o, &c, 4, true).tileSize, 0);

    SamplerOptions limited;
    limited.maxWholePixels = 128 * 128; // the pixel limit applies to every call
    const TilingPlan p = planTiling(256, 256, limited, &c, 4, true);
    ASSERT_GT(p.tileSize, 0);
    EXPECT_LE(p.tileSize, 128);

    // A TorchScript network's layers are unknown: tiles of 32x32 middle positions.
    SamplerOptions plain;
    const TilingPlan unknown = planTiling(800, 1056, plain, nullptr, 4, true);
    EXPECT_EQ(unknown.tileSize, 128);
    EXPECT_EQ(unknown.predictedSeconds, 0.0);
    EXPECT_EQ(planTiling(256, 256, plain, nullptr, 4, true).tileSize, 0);

    SamplerOptions bad;
    bad.tileSize = -1;
    EXPECT_THROW(planTiling(100, 100, bad, &c, 4, true), Error);
    bad.tileSize = 0;
    bad.maxWholePixels = 0;
    EXPECT_THROW(planTiling(100, 100, bad, &c, 4, true), Error);
    EXPECT_THROW(planTiling(0, 100, plain, &c, 4, true), Error);
}

TEST(TilePlan, GlobalContextFactorFitsTheBudget) {
    EXPECT_EQ(globalContextFactor(256, 256, 256 * 256), 2);
    EXPECT_EQ(globalContextFactor(1030, 1030, 256 * 256), 5);
    for (int f : {globalContextFactor(800, 1056, 65536), globalContextFactor(5000, 3000, 65536)}) EXPECT_GE(f, 2);
    SamplerOptions o;
    EXPECT_EQ(globalContextBudget(o, 4), 256LL * 256LL); // 64x64 positions at factor 4
    EXPECT_EQ(globalContextBudget(o, 8), 512LL * 512LL); // capped by maxWholePixels
}
