#pragma once
// The uncertainty view (issue 11 §5): with a stochastic sampler (eta > 0) one photo is
// restored N times with the seeds seed, seed+1, ..., and the results' per-pixel mean and
// spread are returned. The spread shows where the model is unsure: large where the
// runs disagree, zero where every run gives the same pixel (docs/method.md §5.3).
#include <cstdint>
#include <functional>
#include <string>

#include <opencv2/core/mat.hpp>

#include "rdbm/Model.h"
#include "rdbm/Sampler.h"

namespace rdbm {

// At most this many runs per call (the command line's --seeds range is 2..kMaxSeedRuns).
constexpr int kMaxSeedRuns = 64;

// Before each run: which one starts and with which seed.
struct SeedProgress {
    int run = 0; // 1..runs
    int runs = 0;
    std::uint64_t seed = 0;
};

// Return false to cancel; restoreSeeds() then throws Error(Cancelled) before that run.
using SeedCallback = std::function<bool(const SeedProgress&)>;

struct UncertaintyResult {
    cv::Mat mean; // float32 RGB HxWx3 in [0,1]: the per-pixel mean of the runs
    // float32 HxW, >= 0, in the image's [0,1] units: per pixel the root mean square over
    // the three channels of the runs' sample standard deviation (denominator N-1);
    // zero everywhere for a single run.
    cv::Mat stdDev;
    double maxStd = 0.0;  // the largest value of stdDev
    double meanStd = 0.0; // its mean over the image
    int runs = 0;
    std::uint64_t firstSeed = 0; // the runs used firstSeed, firstSeed+1, ... (wrapping at 2^64)
    double seconds = 0.0;        // all runs together
    int networkCalls = 0;        // per run, as RestoreResult
    int tiles = 1;
    int tileSize = 0;
    double processedAreaRatio = 1.0; // RestoreResult::processedAreaRatio
    int borderPad = 0;
    std::vector<cv::Rect> tileRects; // as RestoreResult (the same grid for every run)
};

// Empty when runs of this model with these options differ from seed to seed; otherwise
// why they would all give the same image: RDBM's sampler with eta = 0 is deterministic,
// fresh noise scaled by pi = zero is none, and RDDM with eta = 0 and a given initial
// noise draws nothing (RDDM's first state is drawn from the seed, so eta = 0 alone
// still varies).
std::string whyDeterministic(const Model& model, const SamplerOptions& options);

// Restores `input` (as rdbm::restore) `runs` times, 1..kMaxSeedRuns, with the seeds
// options.seed, options.seed + 1, ...; onSeed is called before each run, onStep and
// onTile within each run exactly as restore() calls them (steps count 1..steps again in
// every run). Throws Error(Usage) for a deterministic setting (whyDeterministic) or a
// bad count, Error(Cancelled) when a callback returns false, and restore()'s errors.
UncertaintyResult restoreSeeds(const Model& model, const cv::Mat& input, const SamplerOptions& options, int runs,
                               const StepCallback& onStep = {}, const TileCallback& onTile = {},
                               const SeedCallback& onSeed = {});

} // namespace rdbm
