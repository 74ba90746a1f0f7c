#include "RestoreSession.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <limits>
#include <utility>

#include "RestoreWorker.h"
#include "rdbm/FileOps.h"
#include "rdbm/Uncertainty.h"

namespace rdbm::app {

QString toString(RestoreSession::ItemStatus status) {
    switch (status) {
    case RestoreSession::ItemStatus::Loading: return RestoreSession::tr("opening");
    case RestoreSession::ItemStatus::Ready: return RestoreSession::tr("ready");
    case RestoreSession::ItemStatus::Queued: return RestoreSession::tr("queued");
    case RestoreSession::ItemStatus::Restoring: return RestoreSession::tr("restoring");
    case RestoreSession::ItemStatus::Done: return RestoreSession::tr("restored");
    case RestoreSession::ItemStatus::Failed: return RestoreSession::tr("failed");
    case RestoreSession::ItemStatus::Cancelled: return RestoreSession::tr("cancelled");
    }
    return {};
}

RestoreSession::RestoreSession(QObject* parent) : QObject(parent) {
    registerMetaTypes();
    restoreWorker_ = new RestoreWorker;
    imageWorker_ = new ImageWorker;
    restoreWorker_->moveToThread(&restoreThread_);
    imageWorker_->moveToThread(&ioThread_);
    connect(&restoreThread_, &QThread::finished, restoreWorker_, &QObject::deleteLater);
    connect(&ioThread_, &QThread::finished, imageWorker_, &QObject::deleteLater);
    restoreThread_.setObjectName(QStringLiteral("rdbm-restore"));
    ioThread_.setObjectName(QStringLiteral("rdbm-io"));

    inputs_ = new InputList(imageWorker_, this);
    connect(inputs_, &InputList::itemsChanged, this, &RestoreSession::itemsChanged);
    connect(inputs_, &InputList::itemChanged, this, &RestoreSession::itemChanged);
    connect(inputs_, &InputList::currentIndexChanged, this, &RestoreSession::currentIndexChanged);
    connect(inputs_, &InputList::referenceChanged, this, &RestoreSession::referenceChanged);
    connect(inputs_, &InputList::metricsChanged, this, &RestoreSession::metricsChanged);
    connect(inputs_, &InputList::failed, this, &RestoreSession::fail);
    connect(inputs_, &InputList::decoded, this, &RestoreSession::onInputDecoded);
    connect(inputs_, &InputList::folderAdded, this, &RestoreSession::folderAdded);
    connect(inputs_, &InputList::resultMissing, this, &RestoreSession::resultMissing);

    const RestoreWorker* rw = restoreWorker_;
    connect(rw, &RestoreWorker::modelLoaded, this, &RestoreSession::onModelLoaded);
    connect(rw, &RestoreWorker::modelLoadFailed, this, &RestoreSession::onModelLoadFailed);
    connect(rw, &RestoreWorker::restoreStarted, this, &RestoreSession::onRestoreStarted);
    connect(rw, &RestoreWorker::stepCompleted, this, &RestoreSession::onStepCompleted);
    connect(rw, &RestoreWorker::tileProgress, this, &RestoreSession::onTileProgress);
    connect(rw, &RestoreWorker::restoreFinished, this, &RestoreSession::onRestoreFinished);
    connect(rw, &RestoreWorker::restoreCancelled, this, &RestoreSession::onRestoreCancelled);
    connect(rw, &RestoreWorker::restoreFailed, this, &RestoreSession::onRestoreFailed);
    connect(rw, &RestoreWorker::comparisonStep, this, &RestoreSession::onComparisonStep);
    connect(rw, &RestoreWorker::comparisonTile, this, &RestoreSession::onComparisonTile);
    connect(rw, &RestoreWorker::comparisonRowFinished, this, &RestoreSession::onComparisonRowFinished);
    connect(rw, &RestoreWorker::comparisonRowFailed, this, &RestoreSession::onComparisonRowFailed);
    connect(rw, &RestoreWorker::comparisonFinished, this, &RestoreSession::onComparisonFinished);
    connect(rw, &RestoreWorker::comparisonCancelled, this, &RestoreSession::onComparisonCancelled);

    connect(imageWorker_, &ImageWorker::saved, this, &RestoreSession::onSaved);
    connect(imageWorker_, &ImageWorker::hashed, this, &RestoreSession::fileHashed);
    connect(imageWorker_, &ImageWorker::exported, this, &RestoreSession::onExported);
    connect(imageWorker_, &ImageWorker::writeFailed, this, &RestoreSession::onWriteFailed);

    restoreThread_.start();
    ioThread_.start();
}

RestoreSession::~RestoreSession() {
    // Stop between two tiles, then let both threads drain and end.
    restoreWorker_->requestCancel(std::numeric_limits<int>::max());
    restoreThread_.quit();
    ioThread_.quit();
    restoreThread_.wait();
    ioThread_.wait();
}

void RestoreSession::setState(State s) {
    if (state_ == s) return;
    state_ = s;
    emit stateChanged(s);
}

void RestoreSession::fail(const QString& context, const ErrorInfo& error) { emit errorOccurred(context, error); }

// ---------------------------------------------------------------- models

void RestoreSession::requestModel(int slot, const QString& path, const rdbm::LoadOptions& options) {
    if (state_ == State::Restoring || state_ == State::Comparing) {
        const ErrorInfo busy{ErrorKind::Usage, tr("wait for the running restoration to finish, or cancel it")};
        emit modelLoadFailed(slot, path, busy);
        fail(tr("Loading the model %1").arg(QFileInfo(path).fileName()), busy);
        return;
    }
    const int id = nextId_++;
    modelRequests_.insert(id, slot);
    setState(State::LoadingModel);
    QMetaObject::invokeMethod(restoreWorker_, [w = restoreWorker_, id, path, options] { w->loadModel(id, path, options); });
}

void RestoreSession::loadModel(const QString& path, const rdbm::LoadOptions& options) { requestModel(-1, path, options); }

void RestoreSession::loadComparisonModel(int slot, const QString& path, const rdbm::LoadOptions& options) {
    if (slot >= 0 && slot < kComparisonSlots) requestModel(slot, path, options);
}

void RestoreSession::loadComparisonModelByMethod(const QString& path, const rdbm::LoadOptions& options) {
    requestModel(kByMethod, path, options);
}

int RestoreSession::slotForModel(const ModelPtr& model) {
    if (!model) return -1;
    const rdbm::ModelMetadata& meta = model->info().metadata;
    if (meta.method == rdbm::Method::Rddm) return kRddmSlot;
    switch (meta.piMode) {
    case rdbm::PiMode::Residual: return 0;
    case rdbm::PiMode::One: return 1;
    case rdbm::PiMode::Zero: return 2;
    }
    return 0;
}

ModelPtr RestoreSession::otherMethodModel(QString* path) const {
    if (!model_) return nullptr;
    const bool mainIsRddm = model_->info().metadata.method == rdbm::Method::Rddm;
    // The RDDM slot first, then the pi slots in order.
    const int order[kComparisonSlots] = {kRddmSlot, 0, 1, 2};
    for (const int slot : order) {
        const ModelPtr& m = comparisonModels_[static_cast<size_t>(slot)];
        if (!m || m == model_) continue;
        if ((m->info().metadata.method == rdbm::Method::Rddm) != mainIsRddm) {
            if (path) *path = comparisonPaths_[static_cast<size_t>(slot)];
            return m;
        }
    }
    return nullptr;
}

void RestoreSession::checkModel(const QString& path, const rdbm::LoadOptions& options) {
    requestModel(kCheckOnly, path, options);
}

ModelPtr RestoreSession::comparisonModel(int slot) const {
    return (slot >= 0 && slot < kComparisonSlots) ? comparisonModels_[static_cast<size_t>(slot)] : nullptr;
}

QString RestoreSession::comparisonModelPath(int slot) const {
    return (slot >= 0 && slot < kComparisonSlots) ? comparisonPaths_[static_cast<size_t>(slot)] : QString();
}

void RestoreSession::onModelLoaded(int requestId, const QString& path, ModelPtr model) {
    if (!modelRequests_.contains(requestId)) return;
    int slot = modelRequests_.take(requestId);
    if (slot == kByMethod) slot = slotForModel(model);
    if (slot == kCheckOnly) {
        // Loaded fine; nothing else to do.
    } else if (slot < 0) {
        model_ = std::move(model);
        modelPath_ = path;
        hashFile(path); // the run record's checksum, ready before the first save
        emit modelChanged();
    } else {
        comparisonModels_[static_cast<size_t>(slot)] = std::move(model);
        comparisonPaths_[static_cast<size_t>(slot)] = path;
        emit comparisonModelChanged(slot);
    }
    if (modelRequests_.isEmpty() && state_ == State::LoadingModel) setState(State::Idle);
}

void RestoreSession::onModelLoadFailed(int requestId, const QString& path, const ErrorInfo& error) {
    const int slot = modelRequests_.value(requestId, -1);
    modelRequests_.remove(requestId);
    if (modelRequests_.isEmpty() && state_ == State::LoadingModel) setState(State::Idle);
    emit modelLoadFailed(slot, path, error);
    fail(tr("Loading the model %1").arg(QFileInfo(path).fileName()), error);
}

int RestoreSession::hashFile(const QString& path) {
    const int id = nextId_++;
    QMetaObject::invokeMethod(imageWorker_, [w = imageWorker_, id, path] { w->hash(id, path); });
    return id;
}

// ---------------------------------------------------------------- inputs

bool RestoreSession::canRemoveInput(int index) const {
    return index >= 0 && index < inputs_->count() && index != runningItem_ && index != pendingStart_ &&
           state_ != State::Comparing;
}

bool RestoreSession::removeInput(int index) {
    if (!canRemoveInput(index)) return false;
    const bool wasQueued = queue_.removeAll(index) > 0;
    inputs_->remove(index);
    if (trajectoryItem_ == index) {
        trajectory_.clear();
        trajectoryItem_ = -1;
        emit trajectoryReset();
    }
    remapIndices([index](int i) { return i > index ? i - 1 : i; });
    if (wasQueued && queue_.isEmpty() && paused_) setPaused(false);
    return true;
}

bool RestoreSession::canMoveInput(int index, int delta) const {
    const int to = index + delta;
    return (delta == -1 || delta == 1) && index >= 0 && index < inputs_->count() && to >= 0 && to < inputs_->count() &&
           index != runningItem_ && index != pendingStart_ && state_ != State::Comparing;
}

bool RestoreSession::moveInput(int index, int delta) {
    if (!canMoveInput(index, delta)) return false;
    const int to = index + delta;
    inputs_->move(index, to);
    // A swap with the neighbour: the two indices trade places.
    remapIndices([index, to](int i) { return i == index ? to : (i == to ? index : i); });
    return true;
}

template <typename Remap>
void RestoreSession::remapIndices(Remap remap) {
    for (int& q : queue_) q = remap(q);
    std::sort(queue_.begin(), queue_.end()); // the queue runs in the list's order
    if (runningItem_ >= 0) runningItem_ = remap(runningItem_);
    if (pendingStart_ >= 0) pendingStart_ = remap(pendingStart_);
    if (trajectoryItem_ >= 0) trajectoryItem_ = remap(trajectoryItem_);
}

void RestoreSession::setPaused(bool paused) {
    if (paused_ == paused) return;
    paused_ = paused;
    emit pausedChanged(paused);
}

void RestoreSession::pauseQueue() {
    if (state_ != State::Restoring || (queue_.isEmpty() && pendingStart_ < 0)) return;
    setPaused(true);
    if (pendingStart_ >= 0 && runningJob_ == 0) { // waiting for a decode: nothing runs yet
        queue_.prepend(pendingStart_);
        pendingStart_ = -1;
        setState(State::Idle);
        emit queuePaused();
    }
}

void RestoreSession::dropQueue() {
    for (int q : std::as_const(queue_))
        if (item(q).status == ItemStatus::Queued) inputs_->setStatus(q, ItemStatus::Ready);
    queue_.clear();
    setPaused(false);
}

bool RestoreSession::resumeQueue() {
    if (!paused_ || !model_ || state_ != State::Idle) return false;
    setPaused(false);
    if (queue_.isEmpty()) return false;
    batchRunning_ = true;
    startNextQueued();
    return true;
}

void RestoreSession::onInputDecoded(int index) {
    emit inputDecoded(index);
    if (pendingStart_ == index && state_ == State::Restoring && runningJob_ == 0) startJob(index, pendingSeeds_);
}

Metrics RestoreSession::metricsBefore(int index) const {
    return (index >= 0 && index < itemCount() && item(index).hasResult) ? item(index).result.before : Metrics{};
}

Metrics RestoreSession::metricsAfter(int index) const {
    return (index >= 0 && index < itemCount() && item(index).hasResult) ? item(index).result.after : Metrics{};
}

// ---------------------------------------------------------------- restoration

bool RestoreSession::canRestore() const {
    const int current = currentIndex();
    return model_ && state_ == State::Idle && current >= 0 && item(current).status != ItemStatus::Failed;
}

bool RestoreSession::restoreCurrent() {
    const int current = currentIndex();
    if (!model_ || state_ != State::Idle || current < 0) return false;
    if (item(current).status == ItemStatus::Failed && !item(current).input.image) return false;
    dropQueue(); // a paused one
    batchRunning_ = false;
    startJob(current);
    return true;
}

bool RestoreSession::restoreSeeds(int seeds) {
    const int current = currentIndex();
    if (!model_ || state_ != State::Idle || current < 0) return false;
    if (item(current).status == ItemStatus::Failed && !item(current).input.image) return false;
    const QString context = tr("Restoring %1 with %n seed(s)", nullptr, seeds).arg(QFileInfo(item(current).path).fileName());
    if (seeds < 2 || seeds > rdbm::kMaxSeedRuns) {
        fail(context, {ErrorKind::Usage, tr("the number of seeds must be between 2 and %1").arg(rdbm::kMaxSeedRuns)});
        return false;
    }
    if (!rdbm::whyDeterministic(*model_, options_).empty()) {
        fail(context, {ErrorKind::Usage, tr("every seed would give the same image: set \u03b7 above 0 (and a noise scale "
                                            "other than zero) in the Restoration panel")});
        return false;
    }
    dropQueue(); // a paused one
    batchRunning_ = false;
    startJob(current, seeds);
    return true;
}

bool RestoreSession::restoreAll() {
    if (!model_ || state_ != State::Idle) return false;
    queue_.clear();
    setPaused(false);
    for (int i = 0; i < itemCount(); ++i) {
        const Item& it = item(i);
        if (it.hasResult || (it.status == ItemStatus::Failed && !it.input.image)) continue;
        queue_ << i;
        inputs_->setStatus(i, ItemStatus::Queued);
    }
    if (queue_.isEmpty()) return false;
    batchDone_ = 0;
    batchRunning_ = true;
    startNextQueued();
    return true;
}

void RestoreSession::startNextQueued() {
    // A photo that could not be opened (a restored queue's) cannot run: skip it.
    while (!queue_.isEmpty() && item(queue_.first()).status == ItemStatus::Failed && !item(queue_.first()).input.image)
        queue_.removeFirst();
    if (queue_.isEmpty()) {
        emit queueFinished();
        return;
    }
    startJob(queue_.takeFirst());
}

void RestoreSession::startJob(int index, int seeds) {
    Item& it = inputs_->item(index);
    if (!it.input.image) { // still decoding: start once it arrives
        pendingStart_ = index;
        pendingSeeds_ = seeds;
        setState(State::Restoring);
        inputs_->setStatus(index, ItemStatus::Queued);
        return;
    }
    pendingStart_ = -1;
    RestoreJob job;
    job.id = nextId_++;
    job.inputPath = it.path;
    job.input = it.input.image;
    job.reference = reference();
    job.model = model_;
    job.options = options_;
    job.options.steps = std::clamp(options_.steps, 1, model_->schedule().T());
    job.seeds = seeds;
    // Several runs have no single trajectory.
    job.previewPixels = seeds >= 2 ? 0 : TrajectoryRecord::previewPixels(job.options.steps);
    runningJob_ = job.id;
    runningItem_ = index;
    lastStep_ = 0;
    trajectory_.reset(it.path, job.options.steps, it.input.display.size());
    trajectoryItem_ = index;
    emit trajectoryReset();
    setCurrentIndex(index);
    setState(State::Restoring);
    inputs_->setStatus(index, ItemStatus::Restoring);
    QMetaObject::invokeMethod(restoreWorker_, [w = restoreWorker_, job] { w->restore(job); });
}

void RestoreSession::finishJob() {
    runningJob_ = 0;
    runningItem_ = -1;
    if (batchRunning_) ++batchDone_;
    if (!queue_.isEmpty() && paused_) {
        setState(State::Idle);
        emit queuePaused();
        return;
    }
    if (!queue_.isEmpty()) {
        startNextQueued();
        return;
    }
    batchRunning_ = false;
    setState(State::Idle);
    emit queueFinished();
}

void RestoreSession::cancel() {
    if (pendingStart_ >= 0 && runningJob_ == 0) { // waiting for a decode: nothing runs yet
        const int waiting = pendingStart_;
        pendingStart_ = -1;
        inputs_->setStatus(waiting, ItemStatus::Ready);
        dropQueue();
        batchRunning_ = false;
        setState(State::Idle);
        emit queueFinished();
        return;
    }
    if (runningJob_ != 0) restoreWorker_->requestCancel(runningJob_);
}

double RestoreSession::etaSeconds(double elapsedSeconds, long long tileStepsDone, long long tileStepsLeft) {
    if (tileStepsDone <= 0 || !(elapsedSeconds >= 0.0)) return -1.0;
    return elapsedSeconds / static_cast<double>(tileStepsDone) * static_cast<double>(std::max(0LL, tileStepsLeft));
}

int RestoreSession::estimatedTiles(int width, int height, int measuredWidth, int measuredHeight, int measuredTiles) {
    if (measuredTiles <= 1 || width <= 0 || height <= 0 || measuredWidth <= 0 || measuredHeight <= 0)
        return std::max(1, measuredTiles);
    if (width == measuredWidth && height == measuredHeight) return measuredTiles;
    const double ratio = static_cast<double>(width) * height / (static_cast<double>(measuredWidth) * measuredHeight);
    return std::max(1, static_cast<int>(std::lround(measuredTiles * ratio)));
}

double RestoreSession::etaSeconds(long long tileStepsDone) const {
    if (!jobClock_.isValid() || runningItem_ < 0) return -1.0;
    long long left = static_cast<long long>(jobSteps_) * jobTiles_ - tileStepsDone;
    const ImagePtr& running = item(runningItem_).input.image;
    const int mw = running ? running->rgb.cols : 0, mh = running ? running->rgb.rows : 0;
    const int steps = std::clamp(options_.steps, 1, model_ ? model_->schedule().T() : options_.steps);
    for (int q : queue_) {
        const ImagePtr& img = item(q).input.image; // still decoding: taken to be the running one's size
        const int tiles = img ? estimatedTiles(img->rgb.cols, img->rgb.rows, mw, mh, jobTiles_) : jobTiles_;
        left += static_cast<long long>(steps) * tiles;
    }
    return etaSeconds(jobClock_.elapsed() / 1000.0, tileStepsDone, left);
}

int RestoreSession::batchPosition() const { return batchRunning_ && runningItem_ >= 0 ? batchDone_ + 1 : 0; }

int RestoreSession::batchSize() const {
    return batchRunning_ && runningItem_ >= 0 ? batchDone_ + 1 + static_cast<int>(queue_.size()) : 0;
}

void RestoreSession::onRestoreStarted(int jobId, int steps) {
    if (jobId != runningJob_) return;
    jobClock_.start();
    jobSteps_ = steps;
    jobTiles_ = 1;
    emit restoreStarted(runningItem_, steps);
}

void RestoreSession::onStepCompleted(int jobId, const TrajectoryFrame& frame) {
    if (jobId != runningJob_) return;
    if (!frame.xt.isNull() && trajectory_.append(frame)) emit trajectoryFrameAdded(trajectory_.frameCount() - 1);
    if (frame.step == 0) return;
    lastStep_ = frame.step;
    jobSteps_ = frame.steps;
    emit progress(runningItem_, frame.step, frame.steps, etaSeconds(static_cast<long long>(frame.step) * jobTiles_));
}

void RestoreSession::onTileProgress(int jobId, int step, int steps, int tile, int tiles) {
    if (jobId != runningJob_ || steps <= 0 || tiles <= 0) return;
    jobSteps_ = steps;
    jobTiles_ = tiles;
    emit tileProgress(runningItem_, step, steps, tile, tiles,
                      etaSeconds(static_cast<long long>(step - 1) * tiles + tile));
}

void RestoreSession::onRestoreFinished(int jobId, const RestoreOutcome& outcome) {
    if (jobId != runningJob_) return;
    const int index = runningItem_;
    Item& it = inputs_->item(index);
    it.result = outcome;
    it.hasResult = true;
    it.savedPath.clear(); // a new result, not saved yet
    // A reference opened while the run was going: measure now.
    if (reference() && !outcome.after.valid) inputs_->requestMetrics(index);
    inputs_->setStatus(index, ItemStatus::Done);
    emit metricsChanged(index);
    emit restoreFinished(index);
    finishJob();
}

void RestoreSession::onRestoreCancelled(int jobId, int completedSteps) {
    if (jobId != runningJob_) return;
    const int index = runningItem_;
    dropQueue();
    inputs_->setStatus(index, item(index).hasResult ? ItemStatus::Done : ItemStatus::Cancelled,
                       tr("cancelled after %n step(s)", nullptr, completedSteps));
    emit restoreCancelled(index, completedSteps);
    finishJob();
}

void RestoreSession::onRestoreFailed(int jobId, const ErrorInfo& error) {
    if (jobId != runningJob_) return;
    const int index = runningItem_;
    inputs_->setStatus(index, item(index).hasResult ? ItemStatus::Done : ItemStatus::Failed, error.message);
    fail(tr("Restoring %1").arg(QFileInfo(item(index).path).fileName()), error);
    finishJob();
}

// ---------------------------------------------------------------- comparison

bool RestoreSession::runComparison(const QVector<ComparisonSetting>& settings, int seeds) {
    const int current = currentIndex();
    if (state_ != State::Idle || current < 0 || !item(current).input.image || settings.isEmpty()) return false;
    ComparisonJob job;
    job.id = nextId_++;
    job.input = item(current).input.image;
    job.reference = reference();
    job.settings = settings;
    job.seeds = seeds;
    runningJob_ = job.id;
    setState(State::Comparing);
    emit comparisonStarted(static_cast<int>(settings.size()));
    QMetaObject::invokeMethod(restoreWorker_, [w = restoreWorker_, job] { w->compare(job); });
    return true;
}

void RestoreSession::onComparisonStep(int jobId, int row, int step, int steps) {
    if (jobId == runningJob_) emit comparisonStep(row, step, steps);
}

void RestoreSession::onComparisonTile(int jobId, int row, int step, int steps, int tile, int tiles) {
    if (jobId == runningJob_) emit comparisonTile(row, step, steps, tile, tiles);
}

void RestoreSession::onComparisonRowFinished(int jobId, const ComparisonRow& row) {
    if (jobId == runningJob_) emit comparisonRowFinished(row);
}

void RestoreSession::onComparisonRowFailed(int jobId, int row, const ErrorInfo& error) {
    if (jobId != runningJob_) return;
    emit comparisonRowFailed(row, error);
    fail(tr("Comparison setting %1").arg(row + 1), error);
}

void RestoreSession::onComparisonFinished(int jobId) { endComparison(jobId, false); }
void RestoreSession::onComparisonCancelled(int jobId) { endComparison(jobId, true); }

void RestoreSession::endComparison(int jobId, bool cancelled) {
    if (jobId != runningJob_) return;
    runningJob_ = 0;
    setState(State::Idle);
    emit comparisonFinished(cancelled);
}

// ---------------------------------------------------------------- output

QString RestoreSession::defaultOutputPath(int index) const {
    if (index < 0 || index >= itemCount()) return {};
    const QFileInfo in(item(index).path);
    const QString suffix = in.suffix().isEmpty() ? QStringLiteral("png") : in.suffix();
    QString candidate = in.dir().filePath(in.completeBaseName() + QStringLiteral("-restored.") + suffix);
    for (int n = 2; QFileInfo::exists(candidate); ++n)
        candidate = in.dir().filePath(QStringLiteral("%1-restored-%2.%3").arg(in.completeBaseName()).arg(n).arg(suffix));
    return candidate;
}

bool RestoreSession::isInputPath(int index, const QString& path) const {
    if (index < 0 || index >= itemCount() || path.isEmpty()) return false;
    const QString target = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    const QString input = item(index).path;
    return target == input || (QFileInfo::exists(target) && rdbm::sameFile(target.toStdString(), input.toStdString()));
}

bool RestoreSession::saveResult(int index, const QString& path, bool overwrite) {
    if (index < 0 || index >= itemCount() || !item(index).hasResult) return false;
    const Item& it = item(index);
    const QString context = tr("Saving %1").arg(QFileInfo(path).fileName());
    const QString target = QFileInfo(path).absoluteFilePath();
    if (isInputPath(index, target)) {
        fail(context, {ErrorKind::Usage, tr("%1 is the input photo; choose another name so the original is kept")
                                             .arg(QDir::toNativeSeparators(target))});
        return false;
    }
    rdbm::Image image;
    image.rgb = it.result.image;
    if (it.input.image) {
        image.alpha = it.input.image->alpha;
        image.bitDepth = it.input.image->bitDepth;
        image.grayscale = it.input.image->grayscale;
        image.metadata = it.input.image->metadata; // ICC profile and EXIF, as rdbm-restore keeps them
    }
    image.format = QFileInfo(target).suffix().toLower().toStdString();
    RecordSource record;
    record.model = it.result.model;
    record.options = it.result.options;
    record.seeds = it.result.seeds;
    record.tileSize = it.result.tileSize;
    const int id = nextId_++;
    saveRequests_.insert(id, it.path);
    QMetaObject::invokeMethod(imageWorker_, [w = imageWorker_, id, target, image, overwrite, record] {
        w->save(id, target, image, overwrite, record);
    });
    return true;
}

void RestoreSession::exportTrajectory(const TrajectoryExportRequest& request) {
    const int id = nextId_++;
    QMetaObject::invokeMethod(imageWorker_, [w = imageWorker_, id, record = trajectory_, request] {
        w->exportTrajectory(id, record, request);
    });
}

void RestoreSession::exportComparison(const ComparisonExport& request) {
    const int id = nextId_++;
    QMetaObject::invokeMethod(imageWorker_, [w = imageWorker_, id, request] { w->exportComparison(id, request); });
}

void RestoreSession::onSaved(int requestId, const QString& path) {
    // The result's file is what a restored queue reopens.
    if (saveRequests_.contains(requestId)) inputs_->setSavedPath(indexOf(saveRequests_.take(requestId)), path);
    emit saved(path);
}

QList<QueueEntry> RestoreSession::queueEntries() const {
    QList<QueueEntry> entries;
    for (int i = 0; i < itemCount(); ++i) {
        const Item& it = item(i);
        QueueEntry e;
        e.path = it.path;
        const bool queued = queue_.contains(i) || i == runningItem_ || i == pendingStart_;
        if (it.hasResult && !it.savedPath.isEmpty() && !queued) {
            e.state = QStringLiteral("done");
            e.resultPath = it.savedPath;
        } else if (queued) {
            e.state = QStringLiteral("queued");
        } else if (it.status == ItemStatus::Failed) {
            e.state = QStringLiteral("failed");
            e.message = it.message;
        } else {
            e.state = QStringLiteral("ready");
        }
        entries << e;
    }
    return entries;
}

int RestoreSession::restoreQueue(const QList<QueueEntry>& entries, int current) {
    int missing = 0;
    QVector<int> queued;
    QString currentPath;
    for (int n = 0; n < entries.size(); ++n) {
        const QueueEntry& e = entries[n];
        if (!QFileInfo::exists(e.path)) {
            ++missing;
            continue;
        }
        const QVector<int> added = inputs_->add({e.path});
        if (added.isEmpty()) continue; // open already
        const int index = added.first();
        if (n == current) currentPath = e.path;
        if (e.state == QLatin1String("done") && !e.resultPath.isEmpty()) {
            if (QFileInfo::exists(e.resultPath))
                inputs_->loadResult(index, e.resultPath);
            else
                emit resultMissing(index, e.resultPath);
        } else if (e.state == QLatin1String("failed")) {
            inputs_->setStatus(index, ItemStatus::Failed, e.message);
        } else if (e.state == QLatin1String("queued")) {
            queued << index;
        }
    }
    if (!currentPath.isEmpty()) setCurrentIndex(indexOf(currentPath));
    if (!queued.isEmpty() && state_ != State::Restoring && state_ != State::Comparing && queue_.isEmpty()) {
        queue_ = queued;
        for (int q : std::as_const(queued)) inputs_->setStatus(q, ItemStatus::Queued);
        batchDone_ = 0;
        setPaused(true);
    }
    return missing;
}
void RestoreSession::onExported(int, const QStringList& files) { emit exported(files); }

void RestoreSession::onWriteFailed(int, const QString& path, const ErrorInfo& error) {
    fail(tr("Writing %1").arg(QDir::toNativeSeparators(path)), error);
}

} // namespace rdbm::app
