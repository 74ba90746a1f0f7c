#pragma once
// What travels between the GUI thread and the worker threads: requests, results and
// errors. Plain values (implicitly shared QImage, ref-counted cv::Mat, shared_ptr), so
// a queued signal copies nothing large.
#include <QImage>
#include <QMetaType>
#include <QString>
#include <QVector>

#include <memory>

#include <opencv2/core/mat.hpp>

#include "rdbm/Error.h"
#include "rdbm/ImageIO.h"
#include "rdbm/Model.h"
#include "rdbm/Sampler.h"

namespace rdbm::app {

using ModelPtr = std::shared_ptr<rdbm::Model>;
using ImagePtr = std::shared_ptr<const rdbm::Image>;

struct ErrorInfo {
    rdbm::ErrorKind kind = rdbm::ErrorKind::Runtime;
    QString message; // the core's message: names the file and the problem
    static ErrorInfo from(const std::exception& e);
};

// A decoded photo plus what the views show of it.
struct LoadedImage {
    QString path;
    ImagePtr image;
    QImage display; // full size, 8-bit RGB
};

struct Metrics {
    bool valid = false;
    double psnr = 0.0, ssim = 0.0;
};

struct RestoreJob {
    int id = 0;
    QString inputPath;
    ImagePtr input;
    ImagePtr reference; // may be null
    ModelPtr model;
    rdbm::SamplerOptions options;
    long long previewPixels = 0; // trajectory preview budget (0: no trajectory frames)
    // 2..64: the mean of this many runs with the seeds options.seed, +1, ... and their
    // spread (rdbm/Uncertainty.h; no trajectory); otherwise one restoration.
    int seeds = 0;
};

struct RestoreOutcome {
    int id = 0;
    QString inputPath;
    cv::Mat image;    // float32 RGB [0,1], full size
    QImage display;   // the same as 8-bit RGB
    double seconds = 0.0;
    int networkCalls = 0, tiles = 1, tileSize = 0;
    QVector<QRect> tileRects; // where the tiles lay, in image pixels (empty: one whole-image call)
    Metrics before, after; // input and result against the reference, when one was given
    ModelPtr model;                // what made it, so a comparison can reuse it
    rdbm::SamplerOptions options;
    // Restore N Seeds: image is the mean of `seeds` runs (seed options.seed onwards) and
    // stdDev their per-pixel standard deviation (float32 HxW, [0,1] units); 1 and empty
    // for a single restoration.
    int seeds = 1;
    cv::Mat stdDev;
    double maxStd = 0.0, meanStd = 0.0;
};

// True when two runs of one model give the same result (steps, eta, noise, seed, tiling).
bool sameRun(const rdbm::SamplerOptions& a, const rdbm::SamplerOptions& b);

// One setting of a comparison grid: a model with sampler options and a label.
struct ComparisonSetting {
    QString label;
    ModelPtr model;
    rdbm::SamplerOptions options;
    cv::Mat reuse;           // a restoration of this setting that exists already (skips the run)
    double reuseSeconds = 0.0;
    // A classical correction instead of a model (rdbm::ClassicalTool as int; -1: a model
    // runs): the column that shows what the diffusion model adds (issue 13 §5).
    int classicalTool = -1;
};

struct ComparisonJob {
    int id = 0;
    ImagePtr input;
    ImagePtr reference;
    QVector<ComparisonSetting> settings;
    // 2..64: each setting restored this many times with consecutive seeds; its row holds
    // the mean and their spread (issue 11 §5). A setting that draws no noise gets a zero
    // spread from one run.
    int seeds = 0;
};

struct ComparisonRow {
    int index = 0;
    QString label;
    QImage display;
    cv::Mat difference; // result - input, channel mean, float32 in [-1,1]
    Metrics metrics;    // against the reference when given
    double seconds = 0.0;
    int seeds = 1;      // > 1: the result is the mean of this many seeds and stdDev their spread
    cv::Mat stdDev;     // float32 HxW, [0,1] units; empty for a single run
    double maxStd = 0.0, meanStd = 0.0;
};

// Registers these types for queued signal-slot connections (call once, any thread).
void registerMetaTypes();

} // namespace rdbm::app

Q_DECLARE_METATYPE(rdbm::app::ModelPtr)
Q_DECLARE_METATYPE(rdbm::app::ErrorInfo)
Q_DECLARE_METATYPE(rdbm::app::LoadedImage)
Q_DECLARE_METATYPE(rdbm::app::Metrics)
Q_DECLARE_METATYPE(rdbm::app::RestoreJob)
Q_DECLARE_METATYPE(rdbm::app::RestoreOutcome)
Q_DECLARE_METATYPE(rdbm::app::ComparisonJob)
Q_DECLARE_METATYPE(rdbm::app::ComparisonRow)
Q_DECLARE_METATYPE(rdbm::LoadOptions)
