#pragma once
// The application's state apart from any widget, in named parts: the InputList (opened
// photos, current one, reference and metrics), the loaded model(s), the restoration
// queue with the trajectory of the last run, and comparisons. It owns the worker
// threads (restoration; file I/O) and turns their reports, through named slots, into
// signals the window (or a test) reacts to. Lives on the GUI thread.
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QThread>
#include <QVector>

#include <array>

#include "AppSettings.h"
#include "ComparisonExporter.h"
#include "ImageWorker.h"
#include "InputList.h"
#include "RestoreTypes.h"
#include "TrajectoryRecord.h"

namespace rdbm::app {

class RestoreWorker;

class RestoreSession : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, LoadingModel, Restoring, Comparing };
    Q_ENUM(State)
    using ItemStatus = InputList::ItemStatus;
    using Item = InputList::Item;

    // The comparison's model slots: one per pi setting (pi = x0 - mu, 1, 0), then the
    // RDDM slot that the methods comparison sets beside them (issue 9).
    static constexpr int kPiSlots = 3;
    static constexpr int kRddmSlot = kPiSlots;
    static constexpr int kComparisonSlots = kPiSlots + 1;

    explicit RestoreSession(QObject* parent = nullptr);
    ~RestoreSession() override;

    State state() const { return state_; }
    bool isBusy() const { return state_ != State::Idle; }

    // --- models
    void loadModel(const QString& path, const rdbm::LoadOptions& options = {});
    ModelPtr model() const { return model_; }
    QString modelPath() const { return modelPath_; }
    void loadComparisonModel(int slot, const QString& path, const rdbm::LoadOptions& options = {});
    // Loads a checkpoint only to see that it loads (a second one dropped with the model):
    // a failure is reported like any load failure, a success changes nothing.
    void checkModel(const QString& path, const rdbm::LoadOptions& options = {});
    static constexpr int kCheckOnly = -2; // modelLoadFailed's slot for checkModel()
    // Loads a checkpoint into the slot its method and pi call for: an RDDM model into
    // kRddmSlot, an RDBM model into the slot of its pi (a drop or --compare-model in the
    // methods comparison). modelLoadFailed's slot is kByMethod.
    void loadComparisonModelByMethod(const QString& path, const rdbm::LoadOptions& options = {});
    static constexpr int kByMethod = -3;
    static int slotForModel(const ModelPtr& model);
    ModelPtr comparisonModel(int slot) const;
    QString comparisonModelPath(int slot) const;
    // A loaded model of the other method than the main one (the schedule tab draws both):
    // for an RDBM main model the RDDM slot's model, else an RDDM model in a pi slot; for an
    // RDDM main model the first RDBM model in the pi slots. Its file in *path.
    ModelPtr otherMethodModel(QString* path = nullptr) const;
    // The SHA-256 of a file (a model), computed on the I/O thread and cached there per
    // file; answered by fileHashed() with the returned request id. A loaded model's
    // checksum is computed at once, so saving its results does not wait for it.
    int hashFile(const QString& path);

    // --- inputs (see InputList)
    InputList* inputs() const { return inputs_; }
    // Adds photos not already open; returns the indices of the new items.
    QVector<int> addInputs(const QStringList& paths) { return inputs_->add(paths); }
    // A folder's photos, walked on the I/O thread; announced by folderAdded.
    void addFolder(const QString& dir, bool includeSubfolders) { inputs_->addFolder(dir, includeSubfolders); }
    // Refused (false) for the running item (and the one waiting for its decode to run);
    // a queued item leaves the queue.
    bool removeInput(int index);
    bool canRemoveInput(int index) const;
    // Move Up / Move Down: swaps an item with its neighbour (delta -1 or +1). Refused for
    // the running item. The queue runs in the list's order, so this reorders it too.
    bool moveInput(int index, int delta);
    bool canMoveInput(int index, int delta) const;
    int itemCount() const { return inputs_->count(); }
    const Item& item(int index) const { return inputs_->item(index); }
    int indexOf(const QString& path) const { return inputs_->indexOf(path); }
    int currentIndex() const { return inputs_->currentIndex(); }
    void setCurrentIndex(int index) { inputs_->setCurrentIndex(index); }
    bool hasInputs() const { return inputs_->count() > 0; }

    void setReference(const QString& path) { inputs_->setReference(path); }
    void clearReference() { inputs_->clearReference(); }
    ImagePtr reference() const { return inputs_->reference().image; }
    const LoadedImage& referenceImage() const { return inputs_->reference(); }
    // Metrics of an item's input and result against the reference (invalid without one).
    Metrics metricsBefore(int index) const;
    Metrics metricsAfter(int index) const;

    // --- restoration
    void setSamplerOptions(const rdbm::SamplerOptions& options) { options_ = options; }
    const rdbm::SamplerOptions& samplerOptions() const { return options_; }
    bool canRestore() const;
    bool restoreCurrent();
    bool restoreAll(); // every item without a result, in order
    // Restore N Seeds (issue 11 §5): the current photo `seeds` times (2..64) with the
    // seeds samplerOptions().seed, +1, ...; its result becomes their mean, with the
    // per-pixel standard deviation in RestoreOutcome::stdDev. Refused (false, with
    // errorOccurred saying why) when the sampler is deterministic (eta = 0).
    bool restoreSeeds(int seeds);
    // Stops the running job between two tiles (and the queue behind it).
    void cancel();
    // Pause: the running photo finishes, the next queued one does not start (the session
    // goes idle with the queue kept, announced by queuePaused). Resume (false when there
    // is nothing to resume, no model, or a job runs) starts the next queued photo.
    void pauseQueue();
    bool resumeQueue();
    bool isPaused() const { return paused_; }
    int queuedCount() const { return static_cast<int>(queue_.size()); }
    // Restore All's place in its batch: photo batchPosition() of batchSize() (both 0 when
    // nothing runs); the size counts the photos done, the running one and those queued.
    int batchPosition() const;
    int batchSize() const;

    // The ETA's arithmetic (issue 11 §2), one source for the running photo and the batch.
    // Work is counted in tile-steps (one tile of one step's network call): the seconds
    // left are the tile-steps left times the seconds per tile-step measured so far;
    // negative while nothing is measured.
    static double etaSeconds(double elapsedSeconds, long long tileStepsDone, long long tileStepsLeft);
    // Tiles per step of a photo not yet run, from the running one's: the same for the same
    // size, else in proportion to its pixels (tiles have one size), at least 1. The tiling
    // plan itself is the core's (rdbm::restore); the application sees it only as it runs.
    static int estimatedTiles(int width, int height, int measuredWidth, int measuredHeight, int measuredTiles);
    const TrajectoryRecord& trajectory() const { return trajectory_; }
    int trajectoryItem() const { return trajectoryItem_; }

    // --- persistence (issue 11 §2)
    // The photos with their states, for AppSettings::setQueue. A result persists only as
    // the file it was saved to (results live in memory); one never saved is not kept.
    QList<QueueEntry> queueEntries() const;
    // Opens the photos of a saved queue that still exist, reopens the saved results of
    // done ones (on the I/O thread), marks failed ones, and keeps the queued ones as a
    // paused queue (Resume Queue runs it). Returns how many entries' photos were missing.
    int restoreQueue(const QList<QueueEntry>& entries, int current);

    // --- comparison (on the current item)
    // seeds >= 2: every setting as the mean of that many seeds, with their spread.
    bool runComparison(const QVector<ComparisonSetting>& settings, int seeds = 0);

    // --- output
    QString defaultOutputPath(int index) const;
    // True when path names the item's input photo (itself or a link to it).
    bool isInputPath(int index, const QString& path) const;
    // Refuses (false, with errorOccurred) to write over the item's input. The file carries
    // the result's run record (model file and SHA-256, method, sampler settings; issue 11 §4).
    bool saveResult(int index, const QString& path, bool overwrite);
    void exportTrajectory(const TrajectoryExportRequest& request);
    // Writes a comparison on the I/O thread; announced by exported() or errorOccurred().
    void exportComparison(const ComparisonExport& request);

signals:
    void stateChanged(rdbm::app::RestoreSession::State state);
    void modelChanged();
    // slot -1: the main model. The previous model (if any) stays in use.
    void modelLoadFailed(int slot, const QString& path, const rdbm::app::ErrorInfo& error);
    void comparisonModelChanged(int slot);
    void itemsChanged();
    void itemChanged(int index);
    void currentIndexChanged(int index);
    void referenceChanged();
    void metricsChanged(int index);
    void inputDecoded(int index);
    void folderAdded(const QString& dir, int added, int skipped, int alreadyOpen);

    void restoreStarted(int index, int steps);
    // After each step; etaSeconds covers the queue behind it too.
    void progress(int index, int step, int steps, double etaSeconds);
    // Inside a step: tile of tiles finished (step counts from 1); eta < 0 while unknown.
    void tileProgress(int index, int step, int steps, int tile, int tiles, double etaSeconds);
    void trajectoryReset();
    void trajectoryFrameAdded(int frameIndex);
    void restoreFinished(int index);
    void restoreCancelled(int index, int completedSteps);
    void queueFinished();
    void queuePaused();
    void pausedChanged(bool paused);
    // A restored queue's saved result could not be read: the photo stays without result.
    void resultMissing(int index, const QString& resultPath);

    void comparisonStarted(int rows);
    void comparisonStep(int row, int step, int steps);
    void comparisonTile(int row, int step, int steps, int tile, int tiles);
    void comparisonRowFinished(const rdbm::app::ComparisonRow& row);
    void comparisonRowFailed(int row, const rdbm::app::ErrorInfo& error);
    void comparisonFinished(bool cancelled);

    void saved(const QString& path);
    // hashFile's answer: sha256 empty and error set when the file could not be read.
    void fileHashed(int requestId, const QString& path, const QString& sha256, const QString& error);
    void exported(const QStringList& files);
    // context says what was being done, e.g. "Loading model net.pt".
    void errorOccurred(const QString& context, const rdbm::app::ErrorInfo& error);

private slots:
    void onModelLoaded(int requestId, const QString& path, rdbm::app::ModelPtr model);
    void onModelLoadFailed(int requestId, const QString& path, const rdbm::app::ErrorInfo& error);
    void onRestoreStarted(int jobId, int steps);
    void onStepCompleted(int jobId, const rdbm::app::TrajectoryFrame& frame);
    void onTileProgress(int jobId, int step, int steps, int tile, int tiles);
    void onRestoreFinished(int jobId, const rdbm::app::RestoreOutcome& outcome);
    void onRestoreCancelled(int jobId, int completedSteps);
    void onRestoreFailed(int jobId, const rdbm::app::ErrorInfo& error);
    void onComparisonStep(int jobId, int row, int step, int steps);
    void onComparisonTile(int jobId, int row, int step, int steps, int tile, int tiles);
    void onComparisonRowFinished(int jobId, const rdbm::app::ComparisonRow& row);
    void onComparisonRowFailed(int jobId, int row, const rdbm::app::ErrorInfo& error);
    void onComparisonFinished(int jobId);
    void onComparisonCancelled(int jobId);
    void onInputDecoded(int index);
    void onSaved(int requestId, const QString& path);
    void onExported(int requestId, const QStringList& files);
    void onWriteFailed(int requestId, const QString& path, const rdbm::app::ErrorInfo& error);

private:
    void setState(State s);
    void requestModel(int slot, const QString& path, const rdbm::LoadOptions& options);
    void startJob(int index, int seeds = 0);
    void startNextQueued();
    void finishJob();
    void endComparison(int jobId, bool cancelled);
    double etaSeconds(long long tileStepsDone) const; // of the running job and the queue
    void fail(const QString& context, const ErrorInfo& error);

    QThread restoreThread_, ioThread_;
    RestoreWorker* restoreWorker_ = nullptr;
    ImageWorker* imageWorker_ = nullptr;
    InputList* inputs_ = nullptr;

    State state_ = State::Idle;
    ModelPtr model_;
    QString modelPath_;
    std::array<ModelPtr, kComparisonSlots> comparisonModels_{};
    std::array<QString, kComparisonSlots> comparisonPaths_{};
    QHash<int, int> modelRequests_; // request id -> slot (-1: the main model)

    rdbm::SamplerOptions options_;
    QVector<int> queue_;
    int pendingStart_ = -1; // item waiting for its decode before restoring
    int pendingSeeds_ = 0;  // and its job's seeds (Restore N Seeds)
    int runningItem_ = -1;
    int runningJob_ = 0;
    int nextId_ = 1;
    int lastStep_ = 0;
    QHash<int, QString> saveRequests_; // request id -> input path of the saved result
    int jobSteps_ = 0;                 // the running job's steps (all seeds' runs)
    int jobTiles_ = 1;                 // and its tiles per step, as the worker reports them
    int batchDone_ = 0;                // photos of this Restore All finished (or failed) so far
    bool batchRunning_ = false;
    bool paused_ = false;
    void setPaused(bool paused);
    void dropQueue(); // queued items back to Ready, no queue, not paused
    // After the list's items moved (old index -> new): the queue and the running item follow.
    template <typename Remap>
    void remapIndices(Remap remap);
    QElapsedTimer jobClock_;
    TrajectoryRecord trajectory_;
    int trajectoryItem_ = -1;
};

QString toString(RestoreSession::ItemStatus status); // translated, for the queue list

} // namespace rdbm::app
