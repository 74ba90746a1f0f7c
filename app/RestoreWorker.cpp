#include "RestoreWorker.h"

#include <QElapsedTimer>
#include <QThread>

#include <memory>

#include <opencv2/core.hpp>

#include "ImageConvert.h"
#include "rdbm/ClassicalTools.h"
#include "rdbm/Metrics.h"
#include "rdbm/Uncertainty.h"

namespace rdbm::app {

RestoreWorker::RestoreWorker(QObject* parent) : QObject(parent) { registerMetaTypes(); }

void RestoreWorker::requestCancel(int jobId) {
    int seen = cancelUpTo_.load();
    while (seen < jobId && !cancelUpTo_.compare_exchange_weak(seen, jobId)) {
    }
}

Metrics measure(const cv::Mat& image, const ImagePtr& reference) {
    Metrics m;
    if (image.empty() || !reference || reference->rgb.size() != image.size()) return m;
    m.psnr = rdbm::psnr(image, reference->rgb);
    m.ssim = rdbm::ssim(image, reference->rgb);
    m.valid = true;
    return m;
}

rdbm::TileCallback RestoreWorker::tileReporter(int jobId, int row) {
    auto clock = std::make_shared<QElapsedTimer>();
    return [this, jobId, row, clock](const rdbm::TileProgress& p) {
        // The first tile starts the window's ETA; later ones are throttled so a photo of
        // hundreds of small tiles does not flood the GUI thread.
        if (!clock->isValid() || clock->elapsed() >= kTileReportMs || p.tile == p.tiles) {
            clock->start();
            if (row < 0)
                emit tileProgress(jobId, p.step, p.steps, p.tile, p.tiles);
            else
                emit comparisonTile(jobId, row, p.step, p.steps, p.tile, p.tiles);
        }
        return !isCancelled(jobId);
    };
}

void RestoreWorker::loadModel(int requestId, const QString& path, const rdbm::LoadOptions& options) {
    try {
        ModelPtr model = rdbm::Model::load(path.toStdString(), options);
        emit modelLoaded(requestId, path, model);
    } catch (const std::exception& e) {
        emit modelLoadFailed(requestId, path, ErrorInfo::from(e));
    }
}

namespace {

// What both kinds of restoration report: the image, its run's figures and its metrics.
RestoreOutcome outcome(const RestoreJob& job, const cv::Mat& image, double seconds, int networkCalls, int tiles,
                       int tileSize, const std::vector<cv::Rect>& tileRects) {
    RestoreOutcome out;
    out.id = job.id;
    out.inputPath = job.inputPath;
    out.image = image;
    out.display = toQImage(image);
    out.seconds = seconds;
    out.networkCalls = networkCalls;
    out.tiles = tiles;
    out.tileSize = tileSize;
    for (const cv::Rect& t : tileRects) out.tileRects << QRect(t.x, t.y, t.width, t.height);
    out.model = job.model;
    out.options = job.options;
    if (job.reference) {
        out.before = measure(job.input->rgb, job.reference);
        out.after = measure(image, job.reference);
    }
    return out;
}

} // namespace

void RestoreWorker::reportFailure(int jobId, int completedSteps, const std::exception& e) {
    const ErrorInfo info = ErrorInfo::from(e);
    if (info.kind == rdbm::ErrorKind::Cancelled)
        emit restoreCancelled(jobId, completedSteps);
    else
        emit restoreFailed(jobId, info);
}

void RestoreWorker::restore(const RestoreJob& job) {
    if (!job.model || !job.input) {
        emit restoreFailed(job.id, {rdbm::ErrorKind::Usage, tr("Nothing to restore: load a model and an image first.")});
        return;
    }
    if (isCancelled(job.id)) {
        emit restoreCancelled(job.id, 0);
        return;
    }
    if (job.seeds >= 2) {
        restoreSeeds(job);
        return;
    }
    const int steps = job.options.steps;
    emit restoreStarted(job.id, steps);
    const bool previews = job.previewPixels > 0;
    if (previews) {
        TrajectoryFrame mu;
        mu.steps = steps;
        mu.xt = toPreview(job.input->rgb, job.previewPixels);
        emit stepCompleted(job.id, mu);
    }
    int completed = 0;
    rdbm::SamplerOptions options = job.options;
    options.emitFrames = previews;
    const rdbm::StepCallback onStep = [&](const rdbm::StepFrame& f) {
        TrajectoryFrame frame;
        frame.step = f.step;
        frame.steps = f.steps;
        frame.t = f.t;
        frame.tNext = f.tNext;
        frame.stepSeconds = f.stepSeconds;
        if (previews) {
            frame.xt = toPreview(f.xt, job.previewPixels);
            frame.x0 = toPreview(f.x0, job.previewPixels);
            frame.piEps = channelMean(f.piEps, job.previewPixels);
            frame.residual = channelMean(f.residual, job.previewPixels); // RDDM's second prediction
        }
        completed = f.step;
        emit stepCompleted(job.id, frame);
        return !isCancelled(job.id);
    };
    try {
        const rdbm::RestoreResult r = rdbm::restore(*job.model, job.input->rgb, options, onStep, tileReporter(job.id, -1));
        emit restoreFinished(job.id, outcome(job, r.image, r.seconds, r.networkCalls, r.tiles, r.tileSize, r.tileRects));
    } catch (const std::exception& e) {
        reportFailure(job.id, completed, e);
    }
}

void RestoreWorker::restoreSeeds(const RestoreJob& job) {
    // Progress counts the steps of all runs: step k of run r is step (r-1)*steps + k of
    // runs*steps, so the window's bar, ETA and cancel work as for one restoration.
    const int steps = job.options.steps;
    const int total = job.seeds * steps;
    emit restoreStarted(job.id, total);
    rdbm::SamplerOptions options = job.options;
    options.emitFrames = false;
    int run = 0, completed = 0;
    const rdbm::SeedCallback onSeed = [&](const rdbm::SeedProgress& p) {
        run = p.run;
        return !isCancelled(job.id);
    };
    const rdbm::StepCallback onStep = [&](const rdbm::StepFrame& f) {
        TrajectoryFrame frame;
        frame.step = (run - 1) * steps + f.step;
        frame.steps = total;
        frame.t = f.t;
        frame.tNext = f.tNext;
        frame.stepSeconds = f.stepSeconds;
        completed = frame.step;
        emit stepCompleted(job.id, frame);
        return !isCancelled(job.id);
    };
    const rdbm::TileCallback reportTiles = tileReporter(job.id, -1);
    const rdbm::TileCallback onTile = [&](const rdbm::TileProgress& p) {
        rdbm::TileProgress all = p;
        all.step = (run - 1) * steps + p.step;
        all.steps = total;
        return reportTiles(all);
    };
    try {
        const rdbm::UncertaintyResult r =
            rdbm::restoreSeeds(*job.model, job.input->rgb, options, job.seeds, onStep, onTile, onSeed);
        RestoreOutcome out =
            outcome(job, r.mean, r.seconds, r.networkCalls * r.runs, r.tiles, r.tileSize, r.tileRects);
        out.seeds = r.runs;
        out.stdDev = r.stdDev;
        out.maxStd = r.maxStd;
        out.meanStd = r.meanStd;
        emit restoreFinished(job.id, out);
    } catch (const std::exception& e) {
        reportFailure(job.id, completed, e);
    }
}

void RestoreWorker::compareClassical(const ComparisonJob& job, int index) {
    const ComparisonSetting& s = job.settings[index];
    try {
        QElapsedTimer clock;
        clock.start();
        const cv::Mat image = rdbm::applyClassical(static_cast<rdbm::ClassicalTool>(s.classicalTool), job.input->rgb);
        ComparisonRow row;
        row.index = index;
        row.label = s.label;
        row.seconds = static_cast<double>(clock.nsecsElapsed()) * 1e-9;
        row.display = toQImage(image);
        cv::Mat diff;
        cv::subtract(image, job.input->rgb, diff, cv::noArray(), CV_32F);
        row.difference = channelMean(diff);
        row.metrics = measure(image, job.reference);
        emit comparisonRowFinished(job.id, row);
    } catch (const std::exception& e) { // ErrorInfo::from keeps an rdbm::Error's kind
        emit comparisonRowFailed(job.id, index, ErrorInfo::from(e));
    }
}

void RestoreWorker::compare(const ComparisonJob& job) {
    if (!job.input) {
        emit comparisonFinished(job.id);
        return;
    }
    for (int i = 0; i < job.settings.size(); ++i) {
        if (isCancelled(job.id)) {
            emit comparisonCancelled(job.id);
            return;
        }
        const ComparisonSetting& s = job.settings[i];
        if (s.classicalTool >= 0) {
            compareClassical(job, i);
            continue;
        }
        if (!s.model) continue; // an empty slot: the panel already says "no model"
        rdbm::SamplerOptions options = s.options;
        options.emitFrames = false;
        // With seeds, progress counts the steps of all runs (step k of run r is
        // (r-1)*steps + k); a setting that draws no noise runs once, its spread is zero.
        const bool spread = job.seeds >= 2;
        const int runs = spread && rdbm::whyDeterministic(*s.model, options).empty() ? job.seeds : 1;
        int run = 1;
        const rdbm::StepCallback onStep = [&](const rdbm::StepFrame& f) {
            emit comparisonStep(job.id, i, (run - 1) * f.steps + f.step, runs * f.steps);
            return !isCancelled(job.id);
        };
        const rdbm::TileCallback reportTiles = tileReporter(job.id, i);
        const rdbm::TileCallback onTile = [&](const rdbm::TileProgress& p) {
            rdbm::TileProgress all = p;
            all.step = (run - 1) * p.steps + p.step;
            all.steps = runs * p.steps;
            return reportTiles(all);
        };
        try {
            ComparisonRow row;
            cv::Mat image = s.reuse;
            double seconds = s.reuseSeconds;
            if (runs > 1) {
                const rdbm::UncertaintyResult u =
                    rdbm::restoreSeeds(*s.model, job.input->rgb, options, runs, onStep, onTile,
                                       [&](const rdbm::SeedProgress& p) {
                                           run = p.run;
                                           return !isCancelled(job.id);
                                       });
                image = u.mean;
                seconds = u.seconds;
                row.stdDev = u.stdDev;
                row.maxStd = u.maxStd;
                row.meanStd = u.meanStd;
            } else if (spread || image.empty() || image.size() != job.input->rgb.size()) {
                const rdbm::RestoreResult r = rdbm::restore(*s.model, job.input->rgb, options, onStep, onTile);
                image = r.image;
                seconds = r.seconds;
            }
            if (spread) {
                row.seeds = job.seeds;
                if (row.stdDev.empty()) row.stdDev = cv::Mat::zeros(image.size(), CV_32FC1);
            }
            row.index = i;
            row.label = s.label;
            row.display = toQImage(image);
            cv::Mat diff;
            cv::subtract(image, job.input->rgb, diff, cv::noArray(), CV_32F);
            row.difference = channelMean(diff);
            row.metrics = measure(image, job.reference);
            row.seconds = seconds;
            emit comparisonRowFinished(job.id, row);
        } catch (const rdbm::Error& e) {
            if (e.kind() == rdbm::ErrorKind::Cancelled) {
                emit comparisonCancelled(job.id);
                return;
            }
            emit comparisonRowFailed(job.id, i, ErrorInfo::from(e));
        } catch (const std::exception& e) {
            emit comparisonRowFailed(job.id, i, ErrorInfo::from(e));
        }
    }
    emit comparisonFinished(job.id);
}

} // namespace rdbm::app
