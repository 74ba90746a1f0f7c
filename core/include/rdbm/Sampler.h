#pragma once
// Restoration: the reference's deterministic bridge sampler (docs/method.md §5) or RDDM's
// sampler (§8.4) by the model's method, an
// optional stochastic variant, tiling for large images, and a per-step callback that
// sees every intermediate and may cancel.
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include <opencv2/core/mat.hpp>
#include <opencv2/core/types.hpp>

#include "rdbm/Model.h"

namespace rdbm {

struct SamplerOptions {
    int steps = 10; // NFE, 1..T
    // Stochastic variant: eta in [0,1]; 0 is the reference's deterministic sampler.
    double eta = 0.0;
    PiMode noiseModulation = PiMode::Residual; // per-pixel scale of the fresh noise when eta > 0
    uint64_t seed = 0;
    // Tiling: tileSize 0 picks automatically: the whole image or square tiles, whichever
    // a cost model of one network call predicts fastest (overlaps and the global-context
    // call counted), within maxWholePixels and 64x64 positions of the U-Net's middle
    // attention (docs/method.md §5.4). A tileSize at least the image's size forces one call.
    int tileSize = 0;
    // 16 px: the blend's dead zone (a quarter) still covers the tile edge's padding, and on
    // the samples it gave the same PSNR as 32 with 28% fewer tiles on a 1024x768 photo.
    int tileOverlap = 16;
    long long maxWholePixels = 512LL * 512LL;
    // Threads that run tiles side by side on a CPU, each on one intra-op thread; 0 uses
    // as many as LibTorch's intra-op thread count (every core unless OMP_NUM_THREADS or
    // --threads says otherwise). Results do not depend on it.
    int tileWorkers = 0;
    // Tiled runs of an x0-predicting model take the photo's coarse band (tone, haze) from
    // one extra whole-image call on a downscaled copy, so tiles agree on global
    // corrections (docs/method.md §5.4). Off: every tile corrects on its own.
    bool globalContext = true;
    // Reflected context around the photo, in pixels, added to every network call and cut
    // from its output, so that the photo's edges are not the network's zero-padded
    // borders. -1 picks: 16 for models trained by rdbm-train (on the coffee sample it
    // removed a false-colour line along the bottom rows and gained 0.3 dB), 0 for other
    // checkpoints, which their reference code runs unpadded (docs/method.md §5.5).
    int borderPad = -1;
    bool emitFrames = true; // convert intermediates to cv::Mat for the callback
    // RDDM only: the first state's standard-normal noise, float32 in NCHW order (1 x 3 x H x W
    // of the input), to reproduce a run made elsewhere; empty: drawn from `seed`.
    std::vector<float> initialNoise;
};

// One sampling step, as the callback sees it. Images are float32 RGB, HxWx3.
struct StepFrame {
    int step = 0;  // 1..steps
    int steps = 0;
    int t = 0, tNext = 0;
    cv::Mat xt;    // x after this step, in [0,1]
    cv::Mat x0;    // predicted x0 at t, in [0,1]
    cv::Mat piEps; // predicted pi*eps at t, in the model's [-1,1] units (signed); zeros at t = T-1.
                   // RDDM: the predicted noise eps (standard-normal units)
    cv::Mat residual; // RDDM only: the predicted residual mu - x0 in [-1,1] units (signed); empty for RDBM
    double stepSeconds = 0.0;
};

// Return false to cancel; restore() then throws Error(Cancelled) after the current step.
using StepCallback = std::function<bool(const StepFrame&)>;

// Progress inside a step, reported after each tile (or batch of tiles) of the network
// call; an image that runs whole is one tile. Large photos spend minutes in one step, so
// this is where a user's cancel is noticed and where an ETA can start.
struct TileProgress {
    int step = 0;  // the step being computed, 1..steps
    int steps = 0;
    int tile = 0;  // tiles of this step finished so far, 1..tiles
    int tiles = 1; // tiles per step
};

// Return false to cancel; restore() then throws Error(Cancelled) without finishing the step.
using TileCallback = std::function<bool(const TileProgress&)>;

struct RestoreResult {
    cv::Mat image;          // float32 RGB in [0,1], same size as the input
    double seconds = 0.0;
    int networkCalls = 0;   // per whole image (each may span several tiles)
    int tiles = 1;          // tiles per network call
    int tileSize = 0;       // 0 when the whole image ran at once
    // Pixels each network call processed (tiles with their overlaps, the global-context
    // call) over the photo's pixels with its border: 1 for a whole call.
    double processedAreaRatio = 1.0;
    // Where each tile of a network call lay, in input pixels (row-major, overlapping by
    // the tile overlap, clipped to the photo); empty when the whole image ran at once. For
    // a "show tiles" view.
    std::vector<cv::Rect> tileRects;
    int borderPad = 0; // the reflected border each call had (SamplerOptions::borderPad)
};

// input: float32 RGB HxWx3 in [0,1] (see ImageIO). Thread-safe for distinct calls on one Model.
RestoreResult restore(const Model& model, const cv::Mat& input, const SamplerOptions& options,
                      const StepCallback& onStep = {}, const TileCallback& onTile = {});

} // namespace rdbm
