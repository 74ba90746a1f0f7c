#pragma once
// Model loading, restoration and comparisons, run on a worker thread (moveToThread).
// Slots are invoked queued from the GUI thread and report back by queued signals; the
// GUI thread never touches the network. Cancellation is a thread-safe flag that the
// core's tile callback reads between tiles, so a run stops within one tile's time.
#include <QObject>
#include <QString>

#include <atomic>

#include "RestoreTypes.h"
#include "TrajectoryRecord.h"

namespace rdbm::app {

class RestoreWorker : public QObject {
    Q_OBJECT
public:
    explicit RestoreWorker(QObject* parent = nullptr);
    static constexpr int kTileReportMs = 100; // tile progress reports at most this often

    // Thread-safe: cancels the job with this id and every earlier one.
    void requestCancel(int jobId);
    bool isCancelled(int jobId) const { return jobId <= cancelUpTo_.load(); }

public slots:
    void loadModel(int requestId, const QString& path, const rdbm::LoadOptions& options);
    void restore(const rdbm::app::RestoreJob& job);
    void compare(const rdbm::app::ComparisonJob& job);

signals:
    void modelLoaded(int requestId, const QString& path, rdbm::app::ModelPtr model);
    void modelLoadFailed(int requestId, const QString& path, const rdbm::app::ErrorInfo& error);

    void restoreStarted(int jobId, int steps);
    // One per sampling step, in order (frame 0, mu, comes first when previews are on).
    void stepCompleted(int jobId, const rdbm::app::TrajectoryFrame& frame);
    // Inside a step: tiles finished of this step (at most every kTileReportMs, and the first).
    void tileProgress(int jobId, int step, int steps, int tile, int tiles);
    void restoreFinished(int jobId, const rdbm::app::RestoreOutcome& outcome);
    void restoreCancelled(int jobId, int completedSteps);
    void restoreFailed(int jobId, const rdbm::app::ErrorInfo& error);

    void comparisonStep(int jobId, int row, int step, int steps);
    void comparisonTile(int jobId, int row, int step, int steps, int tile, int tiles);
    void comparisonRowFinished(int jobId, const rdbm::app::ComparisonRow& row);
    void comparisonRowFailed(int jobId, int row, const rdbm::app::ErrorInfo& error);
    void comparisonFinished(int jobId);
    void comparisonCancelled(int jobId);

private:
    // job.seeds >= 2: rdbm::restoreSeeds, reported as one job of seeds x steps steps.
    void restoreSeeds(const rdbm::app::RestoreJob& job);
    // A restoration that threw: cancelled (after completedSteps steps) or failed.
    void reportFailure(int jobId, int completedSteps, const std::exception& e);
    // A comparison column made by a classical correction (no model, one shot).
    void compareClassical(const rdbm::app::ComparisonJob& job, int index);
    // The core's tile callback: reports (throttled) and answers whether to go on.
    rdbm::TileCallback tileReporter(int jobId, int row);

    std::atomic<int> cancelUpTo_{0};
};

// PSNR and SSIM of image against reference; invalid when either is missing or sizes differ.
Metrics measure(const cv::Mat& image, const ImagePtr& reference);

} // namespace rdbm::app
