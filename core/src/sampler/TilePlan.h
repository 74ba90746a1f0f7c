#pragma once
// How rdbm::restore splits a photo into network calls (docs/method.md §5.4): the whole
// image at once, or square tiles of the size a cost model of one call predicts fastest.
// Torch-free, so the choice can be tested and printed without running the network.
#include "rdbm/ModelInfo.h"
#include "rdbm/Sampler.h"

namespace rdbm {

// Multiply-add work of one U-Net call (2 FLOPs per multiply-add), counted the way
// unet::threadFlopCount counts a real call: convolutions (1x1, qkv and output projections
// included) and the attentions' matrix products. Height and width are the call's size
// after padding to config.downsampleFactor(). A test checks it against a counted call.
struct CallWork {
    double convolution = 0.0;
    double attention = 0.0; // the middle attention's part grows with the square of the area
};
CallWork countCallWork(const UNetConfig& config, long long height, long long width);

// Seconds of one network call on one thread: a fixed cost per call plus each kind of work
// at its own effective rate. The rates are whole-call rates (norms, activations and copies
// included), fitted to measured calls of the bundled U-Nets on the build machine; see
// measured() and docs/method.md §5.4. Only their ratio decides a tile size.
struct CallCostModel {
    double convolutionFlopsPerSecond = 0.0;
    double attentionFlopsPerSecond = 0.0;
    double secondsPerCall = 0.0;

    static CallCostModel measured();
    double seconds(const CallWork& work) const;
};

struct TilingPlan {
    int tileSize = 0; // 0: the whole image in one call
    int tiles = 1;    // calls per step (tiles), without the global-context call
    int maxBatch = 1; // tiles per batched call
    // Pixels the network processes per step (every tile, overlaps and the global-context
    // call included) over the photo's pixels: the price of tiling, 1 for a whole call.
    double processedAreaRatio = 1.0;
    double predictedSeconds = 0.0; // one step on one thread by the cost model; 0 without one
};

// Middle (full) attention positions one call may hold: its work is quadratic in them, and
// the cost model was fitted on calls up to this size.
constexpr long long kMaxMiddlePositions = 64LL * 64LL;

// Plans the calls for a photo of height x width (border included). options.tileSize > 0
// forces that tile size (or one call when the photo fits in it); 0 chooses: among the
// whole image (when it fits options.maxWholePixels and kMaxMiddlePositions) and every
// square tile size that is a multiple of the network's factor, the one the cost model
// predicts fastest, counting overlaps and, when globalContext is set, the extra
// downscaled whole-image call that tiled runs make. Without a config (a TorchScript
// network, whose layers are unknown) automatic tiles hold 32x32 middle positions.
// Throws Error(Usage) for invalid options.
TilingPlan planTiling(int height, int width, const SamplerOptions& options, const UNetConfig* config, int multiple,
                      bool globalContext, const CallCostModel& cost = CallCostModel::measured());

// The downscale factor of the global-context call for a photo of height x width: the
// smallest f >= 2 whose f x f area average fits maxPixels (GlobalContextDenoiser).
int globalContextFactor(long long height, long long width, long long maxPixels);
// The pixel budget of that call for a network with downsampling factor `multiple`.
long long globalContextBudget(const SamplerOptions& options, int multiple);

} // namespace rdbm
