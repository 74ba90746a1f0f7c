#include "sampler/TilePlan.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "rdbm/Error.h"
#include "sampler/TiledDenoiser.h"

namespace rdbm {

namespace {

// 2 FLOPs per multiply-add of a k x k convolution from `in` to `out` channels over `pixels`
// output pixels.
double conv(double pixels, double in, double out, double k) { return 2.0 * pixels * in * out * k * k; }

// A ResnetBlock(in, out): two 3x3 convolutions and, when the width changes, a 1x1 one.
double resnetBlock(double pixels, double in, double out) {
    return conv(pixels, in, out, 3) + conv(pixels, out, out, 3) + (in != out ? conv(pixels, in, out, 1) : 0.0);
}

} // namespace

CallWork countCallWork(const UNetConfig& c, long long height, long long width) {
    const size_t levels = c.dimMults.size();
    std::vector<double> dims{static_cast<double>(c.dim)};
    for (int m : c.dimMults) dims.push_back(static_cast<double>(c.dim) * m);
    // Pixels at level i (the U-Net halves the size between levels; sizes are multiples of
    // the downsampling factor, so the halving is exact).
    auto pixels = [&](size_t i) { return static_cast<double>(height >> i) * static_cast<double>(width >> i); };
    const double hidden = static_cast<double>(c.heads) * c.dimHead, dimHead = c.dimHead;

    CallWork w;
    // An attention unit over `channels` at `p` pixels: qkv and output projections count as
    // convolutions; then k^T v and q context (linear) or q k^T and attn v (full).
    auto attention = [&](double p, double channels, bool linear) {
        w.convolution += 2.0 * p * channels * 4.0 * hidden;
        w.attention += linear ? 4.0 * p * hidden * dimHead : 4.0 * p * p * hidden;
    };

    w.convolution += conv(pixels(0), c.inChannels, dims[0], 7); // init_conv
    for (size_t i = 0; i < levels; ++i) {
        const double in = dims[i], out = dims[i + 1], p = pixels(i);
        w.convolution += 2.0 * resnetBlock(p, in, in);
        attention(p, in, true);
        const bool last = i + 1 == levels;
        w.convolution += last ? conv(p, in, out, 3) : conv(pixels(i + 1), in, out, 4); // 4x4, stride 2
    }
    const double mid = dims[levels], pm = pixels(levels - 1);
    w.convolution += 2.0 * resnetBlock(pm, mid, mid);
    attention(pm, mid, false);
    for (size_t i = 0; i < levels; ++i) {
        const size_t r = levels - 1 - i; // resolution level of this up stage
        const double in = dims[r], out = dims[r + 1], p = pixels(r);
        w.convolution += 2.0 * resnetBlock(p, out + in, out);
        attention(p, out, true);
        const bool last = i + 1 == levels;
        w.convolution += last ? conv(p, out, in, 3) : conv(pixels(r - 1), out, in, 3); // after upsampling
    }
    w.convolution += resnetBlock(pixels(0), 2.0 * dims[0], dims[0]) + conv(pixels(0), dims[0], c.channels, 1);
    return w;
}

CallCostModel CallCostModel::measured() {
    // Fitted (least squares on relative error) to one-thread calls of the bundled 3-level
    // U-Net (dim 16) at 64-320 px on the build machine (2-vCPU Xeon, AVX-512, Debian
    // LibTorch 1.13.1, OpenBLAS SkylakeX kernels, oneDNN); within 17 % of every call.
    // docs/method.md §5.4 lists the calls.
    CallCostModel m;
    m.convolutionFlopsPerSecond = 58e9;
    m.attentionFlopsPerSecond = 41e9;
    m.secondsPerCall = 0.006;
    return m;
}

double CallCostModel::seconds(const CallWork& work) const {
    return secondsPerCall + work.convolution / convolutionFlopsPerSecond + work.attention / attentionFlopsPerSecond;
}

int globalContextFactor(long long height, long long width, long long maxPixels) {
    int f = 2;
    while (((height + f - 1) / f) * ((width + f - 1) / f) > maxPixels) ++f;
    return f;
}

long long globalContextBudget(const SamplerOptions& options, int multiple) {
    const long long f = std::max(1, multiple);
    return std::min(options.maxWholePixels, kMaxMiddlePositions * f * f);
}

namespace {

long long roundUp(long long v, long long multiple) { return (v + multiple - 1) / multiple * multiple; }

// Predicted seconds of one call on a height x width input, which the network pads to its
// factor.
double callSeconds(const UNetConfig& config, const CallCostModel& cost, long long height, long long width) {
    const long long f = std::max(1, config.downsampleFactor());
    return cost.seconds(countCallWork(config, roundUp(height, f), roundUp(width, f)));
}

} // namespace

TilingPlan planTiling(int height, int width, const SamplerOptions& o, const UNetConfig* config, int multiple,
                      bool globalContext, const CallCostModel& cost) {
    if (o.tileSize < 0)
        throw Error(ErrorKind::Usage, "tile size must not be negative, got " + std::to_string(o.tileSize));
    if (o.maxWholePixels <= 0)
        throw Error(ErrorKind::Usage,
                    "the whole-image pixel limit must be positive, got " + std::to_string(o.maxWholePixels));
    if (height <= 0 || width <= 0)
        throw Error(ErrorKind::Usage, "cannot plan tiles for an empty image (" + std::to_string(width) + "x" +
                                          std::to_string(height) + ")");
    const long long f = std::max(1, multiple);
    const long long pixels = static_cast<long long>(height) * width;
    const long long callBudget = std::min(o.maxWholePixels, kMaxMiddlePositions * f * f);
    const long long batchBudget = std::min(o.maxWholePixels, 32LL * 32LL * f * f);

    // The extra global-context call a tiled run makes (GlobalContextDenoiser): the photo
    // area-downscaled to the budget, with its 8-pixel mirrored margin on each side.
    double contextSeconds = 0.0, contextPixels = 0.0;
    if (globalContext) {
        const int g = globalContextFactor(height, width, globalContextBudget(o, multiple));
        const long long h = (height + g - 1) / g + 16, w = (width + g - 1) / g + 16;
        contextPixels = static_cast<double>(h * w);
        if (config) contextSeconds = callSeconds(*config, cost, h, w);
    }

    // One tile size's plan, priced by the cost model when there is one.
    auto tiled = [&](int side) {
        TilingPlan plan;
        plan.tileSize = side;
        const TileGrid grid = makeTileGrid(height, width, side, o.tileOverlap);
        plan.tiles = static_cast<int>(grid.count());
        const long long tilePixels = grid.rows.length * grid.cols.length;
        // Batching tiles saves little on a CPU and multiplies the activations held at once
        // (four 128-px tiles in one call ran 2.7x slower than one by one): batches stay
        // within 32x32 middle positions.
        plan.maxBatch = static_cast<int>(std::clamp<long long>(batchBudget / std::max(1LL, tilePixels), 1, plan.tiles));
        plan.processedAreaRatio = (static_cast<double>(plan.tiles) * tilePixels + contextPixels) / pixels;
        if (config)
            plan.predictedSeconds =
                plan.tiles * callSeconds(*config, cost, grid.rows.length, grid.cols.length) + contextSeconds;
        return plan;
    };
    TilingPlan whole;
    if (config) whole.predictedSeconds = callSeconds(*config, cost, height, width);

    if (o.tileSize > 0) {
        validateTiling(o.tileSize, o.tileOverlap);
        if (height <= o.tileSize && width <= o.tileSize) return whole;
        return tiled(o.tileSize);
    }
    const bool wholeFits = pixels <= callBudget;
    if (!config) {
        // Unknown layers: the rule the cost model replaced, tiles of 32x32 middle positions.
        if (wholeFits) return whole;
        int side = static_cast<int>(std::sqrt(static_cast<double>(batchBudget)));
        side -= side % static_cast<int>(f);
        return tiled(std::max({side, 2 * o.tileOverlap, 8}));
    }
    TilingPlan best;
    bool have = false;
    if (wholeFits) {
        best = whole;
        have = true;
    }
    // Every square tile within the call budget, a multiple of the factor, large enough for
    // the overlap, and smaller than the photo (a tile as large as the photo is a whole call).
    const int largest = static_cast<int>(std::sqrt(static_cast<double>(callBudget)));
    const int smallest = static_cast<int>(std::max<long long>({roundUp(2 * o.tileOverlap + f, f), 8, f}));
    for (int side = smallest; side <= largest; side += static_cast<int>(f)) {
        if (side >= height && side >= width) break;
        const TilingPlan plan = tiled(side);
        if (!have || plan.predictedSeconds < best.predictedSeconds) {
            best = plan;
            have = true;
        }
    }
    // A pixel budget below the smallest tile the overlap allows: that tile, over budget.
    if (!have) best = tiled(smallest);
    return best;
}

} // namespace rdbm
