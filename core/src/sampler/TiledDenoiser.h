#pragma once
// Runs a Denoiser over overlapping tiles and blends the tile predictions into one
// whole-image prediction. It is applied at every sampling step, before the sampler's
// update, so every frame is a whole image and the bridge never sees a seam.
//
// Grid: per axis, n = ceil((N - overlap) / (tile - overlap)) tiles spread evenly from
// 0 to N - tile, so neighbours overlap by at least `overlap` pixels; an axis no longer
// than the tile gets one tile spanning it. Blending: each tile's weight is a separable
// product of 1-D profiles that, on sides facing another tile, are 0 over the outer
// quarter of the overlap (the pixels a convolution sees past the tile edge), then a
// raised-cosine ramp to 1 over the middle half. Two tiles overlapping by exactly
// `overlap` therefore sum to 1; the result is divided by the weight sum anyway.
// Tiles are batched up to maxBatch per network call; memory beyond the whole-image
// tensors is bounded by that batch, whatever the image size.
//
// Workers: with workers > 1 (CPU), that many threads each run whole network calls on one
// intra-op thread. On a small CPU this scales where splitting every operator does not:
// a 128-px tile's operators are too small to share, and OpenMP's barriers spin while a
// loaded machine deschedules one of the threads. Predictions are still added in tile
// order, by the calling thread, so the result does not depend on the worker count, and
// progress and cancel still run on the calling thread after each batch.
#include <cstdint>
#include <functional>
#include <vector>

#include <torch/types.h>

#include "sampler/Denoiser.h"

namespace rdbm {

struct TileAxis {
    int64_t length = 0;            // tile length along the axis (<= image length)
    std::vector<int64_t> starts;   // tile origins
};

struct TileGrid {
    TileAxis rows, cols;
    int64_t count() const { return static_cast<int64_t>(rows.starts.size() * cols.starts.size()); }
};

// Throws Error(Usage) unless tileSize >= 8 and 0 <= overlap <= tileSize / 2.
void validateTiling(int tileSize, int overlap);
TileAxis makeTileAxis(int64_t imageLength, int tileSize, int overlap);
TileGrid makeTileGrid(int64_t height, int64_t width, int tileSize, int overlap);
// The 1-D blending profile of a tile of `length` at `start` in an axis of imageLength.
std::vector<float> tileProfile(int64_t start, int64_t length, int64_t imageLength, int overlap);

// Called after each batch with the tiles finished so far and the tile count; returning
// false stops the call with Error(Cancelled), so a cancel waits for one batch, not a step.
using TileProgressFn = std::function<bool(int64_t done, int64_t total)>;

class TiledDenoiser {
public:
    TiledDenoiser(Denoiser inner, int tileSize, int overlap, int maxBatch = 1, TileProgressFn onTiles = {},
                  int workers = 1);

    torch::Tensor operator()(const torch::Tensor& x, const torch::Tensor& mu, int64_t t) const;

    int tileSize() const { return tileSize_; }
    int overlap() const { return overlap_; }
    int workers() const { return workers_; }

private:
    Denoiser inner_;
    int tileSize_, overlap_, maxBatch_, workers_;
    TileProgressFn onTiles_;
};

} // namespace rdbm
