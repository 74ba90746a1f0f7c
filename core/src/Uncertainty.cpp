// restoreSeeds (rdbm/Uncertainty.h): N stochastic restorations of one photo and their
// per-pixel mean and standard deviation, accumulated run by run (Welford) so that only
// the running sums are held, never the N images. Torch-free: it only calls restore().
#include "rdbm/Uncertainty.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include <opencv2/core.hpp>

#include "rdbm/Error.h"

namespace rdbm {

namespace {

// Welford's running mean and sum of squared deviations, in float64: the runs differ by
// 1e-3 or less in most pixels, so the squared deviations (1e-6 .. 1e-8) would lose most of
// their digits beside values near 1 in float32 (2^-24 = 6e-8); the running mean agrees with
// the plain average of the runs to float64 rounding. Two HxWx3 float64
// buffers cost 48 bytes per pixel, a twelfth of what keeping 64 float32 runs would.
class RunningMoments {
public:
    void add(const cv::Mat& image) {
        cv::Mat x;
        image.convertTo(x, CV_64FC3);
        ++count_;
        if (count_ == 1) {
            mean_ = x;
            m2_ = cv::Mat::zeros(x.size(), CV_64FC3);
            return;
        }
        const cv::Mat delta = x - mean_;
        mean_ += delta / static_cast<double>(count_);
        m2_ += delta.mul(x - mean_);
    }

    cv::Mat mean() const {
        cv::Mat m;
        mean_.convertTo(m, CV_32FC3);
        return m;
    }

    // Per pixel: sqrt of the channels' mean sample variance (N-1); zeros for one run.
    cv::Mat stdDev() const {
        cv::Mat out(m2_.size(), CV_32FC1, cv::Scalar(0));
        if (count_ < 2) return out;
        const double scale = 1.0 / (3.0 * static_cast<double>(count_ - 1));
        for (int y = 0; y < m2_.rows; ++y) {
            const auto* m2 = m2_.ptr<cv::Vec3d>(y);
            auto* o = out.ptr<float>(y);
            for (int x = 0; x < m2_.cols; ++x) {
                // Rounding can leave a tiny negative sum where all runs agree.
                const double v = std::max(0.0, (m2[x][0] + m2[x][1] + m2[x][2]) * scale);
                o[x] = static_cast<float>(std::sqrt(v));
            }
        }
        return out;
    }

private:
    int count_ = 0;
    cv::Mat mean_, m2_;
};

} // namespace

std::string whyDeterministic(const Model& model, const SamplerOptions& options) {
    const bool rddm = model.info().metadata.method == Method::Rddm;
    if (rddm) {
        if (options.eta <= 0.0 && !options.initialNoise.empty())
            return "with eta = 0 and a given initial noise RDDM's sampler draws nothing, so every seed gives the same "
                   "image; set eta above 0";
        return {};
    }
    if (!(options.eta > 0.0))
        return "with eta = 0 the bridge sampler is deterministic, so every seed gives the same image; set eta above 0 "
               "(1 draws the most fresh noise)";
    if (options.noiseModulation == PiMode::Zero)
        return "fresh noise scaled by pi = zero is no noise, so every seed gives the same image; use the residual or "
               "one noise scale";
    return {};
}

UncertaintyResult restoreSeeds(const Model& model, const cv::Mat& input, const SamplerOptions& options, int runs,
                               const StepCallback& onStep, const TileCallback& onTile, const SeedCallback& onSeed) {
    if (runs < 1 || runs > kMaxSeedRuns)
        throw Error(ErrorKind::Usage, "the number of seeds must be between 1 and " + std::to_string(kMaxSeedRuns) +
                                          ", got " + std::to_string(runs));
    if (const std::string why = whyDeterministic(model, options); !why.empty())
        throw Error(ErrorKind::Usage, "an uncertainty map needs a stochastic sampler: " + why);

    const auto started = std::chrono::steady_clock::now();
    UncertaintyResult result;
    result.runs = runs;
    result.firstSeed = options.seed;
    RunningMoments moments;
    SamplerOptions run = options;
    for (int i = 0; i < runs; ++i) {
        run.seed = options.seed + static_cast<std::uint64_t>(i);
        if (onSeed && !onSeed(SeedProgress{i + 1, runs, run.seed}))
            throw Error(ErrorKind::Cancelled,
                        "uncertainty cancelled before run " + std::to_string(i + 1) + " of " + std::to_string(runs));
        const RestoreResult r = restore(model, input, run, onStep, onTile);
        moments.add(r.image);
        result.networkCalls = r.networkCalls;
        result.tiles = r.tiles;
        result.tileSize = r.tileSize;
        result.processedAreaRatio = r.processedAreaRatio;
        result.borderPad = r.borderPad;
        result.tileRects = r.tileRects;
    }
    result.mean = moments.mean();
    result.stdDev = moments.stdDev();
    double minStd = 0.0;
    cv::minMaxLoc(result.stdDev, &minStd, &result.maxStd);
    result.meanStd = cv::mean(result.stdDev)[0];
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

} // namespace rdbm
