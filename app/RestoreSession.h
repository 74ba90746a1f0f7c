#pragma once
// The application's state apart from any widget: the loaded model(s), the queue of
// opened photos with their results, the optional reference, the trajectory of the last
// restoration and which job is running. It owns the worker threads and turns the
// workers' reports into signals the window (or a test) reacts to. Lives on the GUI thread.
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QThread>
#include <QVector>

#include <array>

#include "ImageWorker.h"
#include "RestoreTypes.h"
#include "TrajectoryRecord.h"

namespace rdbm::app {

class RestoreWorker;

class RestoreSession : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, LoadingModel, Restoring, Comparing };
    Q_ENUM(State)
    enum class ItemStatus { Loading, Ready, Queued, Restoring, Done, Failed, Cancelled };
    Q_ENUM(ItemStatus)

    struct Item {
        QString path;
        ItemStatus status = ItemStatus::Loading;
        LoadedImage input;
        bool hasResult = false;
        RestoreOutcome result;
        QString message; // last error or note
    };

    static constexpr int kComparisonSlots = 3;

    explicit RestoreSession(QObject* parent = nullptr);
    ~RestoreSession() override;

    State state() const { return state_; }
    bool isBusy() const { return state_ != State::Idle; }

    // --- models
    void loadModel(const QString& path, const rdbm::LoadOptions& options = {});
    ModelPtr model() const { return model_; }
    QString modelPath() const { return modelPath_; }
    void loadComparisonModel(int slot, const QString& path, const rdbm::LoadOptions& options = {});
    ModelPtr comparisonModel(int slot) const;
    QString comparisonModelPath(int slot) const;

    // --- inputs
    // Adds photos not already open; returns the indices of the new items.
    QVector<int> addInputs(const QStringList& paths);
    void removeInput(int index);
    int itemCount() const { return static_cast<int>(items_.size()); }
    const Item& item(int index) const { return items_.at(index); }
    int indexOf(const QString& path) const;
    int currentIndex() const { return current_; }
    void setCurrentIndex(int index);
    bool hasInputs() const { return !items_.isEmpty(); }

    void setReference(const QString& path);
    void clearReference();
    ImagePtr reference() const { return reference_.image; }
    const LoadedImage& referenceImage() const { return reference_; }
    // Metrics of an item's input and result against the reference (invalid without one).
    Metrics metricsBefore(int index) const;
    Metrics metricsAfter(int index) const;

    // --- restoration
    void setSamplerOptions(const rdbm::SamplerOptions& options) { options_ = options; }
    const rdbm::SamplerOptions& samplerOptions() const { return options_; }
    bool canRestore() const;
    bool restoreCurrent();
    bool restoreAll(); // every item without a result, in order
    void cancel();
    int queuedCount() const { return static_cast<int>(queue_.size()); }
    const TrajectoryRecord& trajectory() const { return trajectory_; }
    int trajectoryItem() const { return trajectoryItem_; }

    // --- comparison (on the current item)
    bool runComparison(const QVector<ComparisonSetting>& settings);

    // --- output
    QString defaultOutputPath(int index) const;
    // Refuses (false, with errorOccurred) to write over the item's input.
    bool saveResult(int index, const QString& path, bool overwrite);
    void exportTrajectory(const TrajectoryExportRequest& request);

signals:
    void stateChanged(rdbm::app::RestoreSession::State state);
    void modelChanged();
    void comparisonModelChanged(int slot);
    void itemsChanged();
    void itemChanged(int index);
    void currentIndexChanged(int index);
    void referenceChanged();
    void metricsChanged(int index);

    void restoreStarted(int index, int steps);
    void progress(int index, int step, int steps, double etaSeconds);
    void trajectoryReset();
    void trajectoryFrameAdded(int frameIndex);
    void restoreFinished(int index);
    void restoreCancelled(int index, int completedSteps);
    void queueFinished();

    void comparisonStarted(int rows);
    void comparisonStep(int row, int step, int steps);
    void comparisonRowFinished(const rdbm::app::ComparisonRow& row);
    void comparisonRowFailed(int row, const rdbm::app::ErrorInfo& error);
    void comparisonFinished(bool cancelled);

    void saved(const QString& path);
    void exported(const QStringList& files);
    // context says what was being done, e.g. "Loading model net.pt".
    void errorOccurred(const QString& context, const rdbm::app::ErrorInfo& error);

private:
    void setState(State s);
    void startJob(int index);
    void startNextQueued();
    void finishJob();
    void onImageLoaded(int requestId, const LoadedImage& image);
    void onImageFailed(int requestId, const QString& path, const ErrorInfo& error);
    void requestMetrics(int index);
    void fail(const QString& context, const ErrorInfo& error);

    QThread restoreThread_, ioThread_;
    RestoreWorker* restoreWorker_ = nullptr;
    ImageWorker* imageWorker_ = nullptr;

    State state_ = State::Idle;
    ModelPtr model_;
    QString modelPath_;
    std::array<ModelPtr, kComparisonSlots> comparisonModels_{};
    std::array<QString, kComparisonSlots> comparisonPaths_{};
    QHash<int, int> modelRequests_; // request id -> slot (-1: the main model)

    QVector<Item> items_;
    int current_ = -1;
    LoadedImage reference_;
    QString pendingReference_;
    QHash<int, QString> imageRequests_;  // request id -> path of an input
    int referenceRequest_ = -1;
    QHash<int, int> metricsRequests_;    // request id -> item index

    rdbm::SamplerOptions options_;
    QVector<int> queue_;
    int pendingStart_ = -1; // item waiting for its decode before restoring
    int runningItem_ = -1;
    int runningJob_ = 0;
    int nextId_ = 1;
    int lastStep_ = 0;
    QElapsedTimer jobClock_;
    TrajectoryRecord trajectory_;
    int trajectoryItem_ = -1;
};

QString toString(RestoreSession::ItemStatus status); // translated, for the queue list

} // namespace rdbm::app
