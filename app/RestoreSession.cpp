#include "RestoreSession.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <limits>
#include <utility>

#include "RestoreWorker.h"
#include "rdbm/FileOps.h"

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

    // --- models
    connect(restoreWorker_, &RestoreWorker::modelLoaded, this, [this](int id, const QString& path, ModelPtr model) {
        if (!modelRequests_.contains(id)) return;
        const int slot = modelRequests_.take(id);
        if (slot < 0) {
            model_ = std::move(model);
            modelPath_ = path;
            emit modelChanged();
        } else {
            comparisonModels_[static_cast<size_t>(slot)] = std::move(model);
            comparisonPaths_[static_cast<size_t>(slot)] = path;
            emit comparisonModelChanged(slot);
        }
        if (modelRequests_.isEmpty() && state_ == State::LoadingModel) setState(State::Idle);
    });
    connect(restoreWorker_, &RestoreWorker::modelLoadFailed, this,
            [this](int id, const QString& path, const ErrorInfo& error) {
                modelRequests_.remove(id);
                if (modelRequests_.isEmpty() && state_ == State::LoadingModel) setState(State::Idle);
                fail(tr("Loading the model %1").arg(QFileInfo(path).fileName()), error);
            });

    // --- restoration
    connect(restoreWorker_, &RestoreWorker::restoreStarted, this, [this](int job, int steps) {
        if (job != runningJob_) return;
        jobClock_.start();
        emit restoreStarted(runningItem_, steps);
    });
    connect(restoreWorker_, &RestoreWorker::stepCompleted, this, [this](int job, const TrajectoryFrame& frame) {
        if (job != runningJob_) return;
        if (!frame.xt.isNull() && trajectory_.append(frame)) emit trajectoryFrameAdded(trajectory_.frameCount() - 1);
        if (frame.step == 0) return;
        lastStep_ = frame.step;
        const double perStep = jobClock_.elapsed() / 1000.0 / frame.step;
        const double eta = perStep * ((frame.steps - frame.step) + static_cast<double>(queue_.size()) * frame.steps);
        emit progress(runningItem_, frame.step, frame.steps, eta);
    });
    connect(restoreWorker_, &RestoreWorker::restoreFinished, this, [this](int job, const RestoreOutcome& outcome) {
        if (job != runningJob_) return;
        Item& it = items_[runningItem_];
        it.result = outcome;
        it.hasResult = true;
        it.status = ItemStatus::Done;
        it.message.clear();
        const int index = runningItem_;
        // A reference opened while the run was going: measure now.
        if (reference_.image && !outcome.after.valid) requestMetrics(index);
        emit itemChanged(index);
        emit metricsChanged(index);
        emit restoreFinished(index);
        finishJob();
    });
    connect(restoreWorker_, &RestoreWorker::restoreCancelled, this, [this](int job, int completed) {
        if (job != runningJob_) return;
        const int index = runningItem_;
        items_[index].status = items_[index].hasResult ? ItemStatus::Done : ItemStatus::Cancelled;
        items_[index].message = tr("cancelled after %n step(s)", nullptr, completed);
        for (int q : std::as_const(queue_)) {
            if (items_[q].status == ItemStatus::Queued) items_[q].status = ItemStatus::Ready;
            emit itemChanged(q);
        }
        queue_.clear();
        emit itemChanged(index);
        emit restoreCancelled(index, completed);
        finishJob();
    });
    connect(restoreWorker_, &RestoreWorker::restoreFailed, this, [this](int job, const ErrorInfo& error) {
        if (job != runningJob_) return;
        const int index = runningItem_;
        items_[index].status = items_[index].hasResult ? ItemStatus::Done : ItemStatus::Failed;
        items_[index].message = error.message;
        emit itemChanged(index);
        fail(tr("Restoring %1").arg(QFileInfo(items_[index].path).fileName()), error);
        finishJob();
    });

    // --- comparison
    connect(restoreWorker_, &RestoreWorker::comparisonStep, this, [this](int job, int row, int step, int steps) {
        if (job == runningJob_) emit comparisonStep(row, step, steps);
    });
    connect(restoreWorker_, &RestoreWorker::comparisonRowFinished, this, [this](int job, const ComparisonRow& row) {
        if (job == runningJob_) emit comparisonRowFinished(row);
    });
    connect(restoreWorker_, &RestoreWorker::comparisonRowFailed, this, [this](int job, int row, const ErrorInfo& e) {
        if (job != runningJob_) return;
        emit comparisonRowFailed(row, e);
        fail(tr("Comparison setting %1").arg(row + 1), e);
    });
    const auto endComparison = [this](int job, bool cancelled) {
        if (job != runningJob_) return;
        runningJob_ = 0;
        setState(State::Idle);
        emit comparisonFinished(cancelled);
    };
    connect(restoreWorker_, &RestoreWorker::comparisonFinished, this, [endComparison](int job) { endComparison(job, false); });
    connect(restoreWorker_, &RestoreWorker::comparisonCancelled, this, [endComparison](int job) { endComparison(job, true); });

    // --- files
    connect(imageWorker_, &ImageWorker::loaded, this, &RestoreSession::onImageLoaded);
    connect(imageWorker_, &ImageWorker::failed, this, &RestoreSession::onImageFailed);
    connect(imageWorker_, &ImageWorker::measured, this, [this](int id, const Metrics& before, const Metrics& after) {
        const int index = metricsRequests_.value(id, -1);
        metricsRequests_.remove(id);
        if (index < 0 || index >= items_.size() || !items_[index].hasResult) return;
        items_[index].result.before = before;
        items_[index].result.after = after;
        emit metricsChanged(index);
    });
    connect(imageWorker_, &ImageWorker::saved, this, [this](int, const QString& path) { emit saved(path); });
    connect(imageWorker_, &ImageWorker::exported, this, [this](int, const QStringList& files) { emit exported(files); });

    restoreThread_.start();
    ioThread_.start();
}

RestoreSession::~RestoreSession() {
    // Stop after the current step, then let both threads drain and end.
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

void RestoreSession::loadModel(const QString& path, const rdbm::LoadOptions& options) {
    if (state_ == State::Restoring || state_ == State::Comparing) {
        fail(tr("Loading the model %1").arg(QFileInfo(path).fileName()),
             {ErrorKind::Usage, tr("wait for the running restoration to finish, or cancel it")});
        return;
    }
    const int id = nextId_++;
    modelRequests_.insert(id, -1);
    setState(State::LoadingModel);
    QMetaObject::invokeMethod(restoreWorker_, [w = restoreWorker_, id, path, options] { w->loadModel(id, path, options); });
}

void RestoreSession::loadComparisonModel(int slot, const QString& path, const rdbm::LoadOptions& options) {
    if (slot < 0 || slot >= kComparisonSlots) return;
    if (state_ == State::Restoring || state_ == State::Comparing) {
        fail(tr("Loading the model %1").arg(QFileInfo(path).fileName()),
             {ErrorKind::Usage, tr("wait for the running restoration to finish, or cancel it")});
        return;
    }
    const int id = nextId_++;
    modelRequests_.insert(id, slot);
    setState(State::LoadingModel);
    QMetaObject::invokeMethod(restoreWorker_, [w = restoreWorker_, id, path, options] { w->loadModel(id, path, options); });
}

ModelPtr RestoreSession::comparisonModel(int slot) const {
    return (slot >= 0 && slot < kComparisonSlots) ? comparisonModels_[static_cast<size_t>(slot)] : nullptr;
}

QString RestoreSession::comparisonModelPath(int slot) const {
    return (slot >= 0 && slot < kComparisonSlots) ? comparisonPaths_[static_cast<size_t>(slot)] : QString();
}

// ---------------------------------------------------------------- inputs

int RestoreSession::indexOf(const QString& path) const {
    const QString clean = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    for (int i = 0; i < items_.size(); ++i)
        if (items_[i].path == clean) return i;
    return -1;
}

QVector<int> RestoreSession::addInputs(const QStringList& paths) {
    QVector<int> added;
    for (const QString& p : paths) {
        if (indexOf(p) >= 0) continue;
        Item item;
        item.path = QDir::cleanPath(QFileInfo(p).absoluteFilePath());
        items_.push_back(item);
        added << items_.size() - 1;
        const int id = nextId_++;
        imageRequests_.insert(id, item.path);
        QMetaObject::invokeMethod(imageWorker_, [w = imageWorker_, id, path = item.path] { w->load(id, path); });
    }
    if (!added.isEmpty()) {
        emit itemsChanged();
        if (current_ < 0) setCurrentIndex(added.first());
    }
    return added;
}

void RestoreSession::removeInput(int index) {
    if (index < 0 || index >= items_.size()) return;
    if (isBusy() && (index == runningItem_ || queue_.contains(index))) return;
    if (state_ == State::Restoring) return; // indices of the running queue must stay valid
    items_.remove(index);
    if (trajectoryItem_ == index) {
        trajectory_.clear();
        trajectoryItem_ = -1;
        emit trajectoryReset();
    } else if (trajectoryItem_ > index) {
        --trajectoryItem_;
    }
    if (pendingStart_ == index) pendingStart_ = -1;
    emit itemsChanged();
    const int next = items_.isEmpty() ? -1 : std::min(index, static_cast<int>(items_.size()) - 1);
    current_ = -2; // force the signal
    setCurrentIndex(next);
}

void RestoreSession::setCurrentIndex(int index) {
    if (index < -1 || index >= items_.size()) index = -1;
    if (index == current_) return;
    current_ = index;
    emit currentIndexChanged(index);
}

void RestoreSession::onImageLoaded(int requestId, const LoadedImage& image) {
    if (requestId == referenceRequest_) {
        referenceRequest_ = -1;
        reference_ = image;
        emit referenceChanged();
        for (int i = 0; i < items_.size(); ++i)
            if (items_[i].hasResult) requestMetrics(i);
        return;
    }
    const QString path = imageRequests_.take(requestId);
    const int index = indexOf(path);
    if (index < 0) return;
    Item& it = items_[index];
    it.input = image;
    it.input.path = it.path;
    if (it.status == ItemStatus::Loading) it.status = ItemStatus::Ready;
    emit itemChanged(index);
    if (pendingStart_ == index && state_ == State::Idle) startJob(index);
}

void RestoreSession::onImageFailed(int requestId, const QString& path, const ErrorInfo& error) {
    metricsRequests_.remove(requestId);
    if (requestId == referenceRequest_) {
        referenceRequest_ = -1;
        fail(tr("Opening the reference %1").arg(QFileInfo(path).fileName()), error);
        return;
    }
    if (imageRequests_.contains(requestId)) {
        imageRequests_.remove(requestId);
        const int index = indexOf(path);
        if (index >= 0) {
            items_[index].status = ItemStatus::Failed;
            items_[index].message = error.message;
            emit itemChanged(index);
            if (pendingStart_ == index) pendingStart_ = -1;
        }
        fail(tr("Opening %1").arg(QFileInfo(path).fileName()), error);
        return;
    }
    fail(tr("Writing %1").arg(QFileInfo(path).fileName()), error);
}

void RestoreSession::setReference(const QString& path) {
    const int id = nextId_++;
    referenceRequest_ = id;
    QMetaObject::invokeMethod(imageWorker_, [w = imageWorker_, id, path] { w->load(id, path); });
}

void RestoreSession::clearReference() {
    referenceRequest_ = -1;
    reference_ = {};
    for (Item& it : items_) it.result.before = it.result.after = {};
    emit referenceChanged();
    for (int i = 0; i < items_.size(); ++i)
        if (items_[i].hasResult) emit metricsChanged(i);
}

Metrics RestoreSession::metricsBefore(int index) const {
    return (index >= 0 && index < items_.size() && items_[index].hasResult) ? items_[index].result.before : Metrics{};
}

Metrics RestoreSession::metricsAfter(int index) const {
    return (index >= 0 && index < items_.size() && items_[index].hasResult) ? items_[index].result.after : Metrics{};
}

void RestoreSession::requestMetrics(int index) {
    const Item& it = items_[index];
    if (!it.hasResult || !it.input.image) return;
    const int id = nextId_++;
    metricsRequests_.insert(id, index);
    QMetaObject::invokeMethod(imageWorker_, [w = imageWorker_, id, in = it.input.image->rgb, out = it.result.image,
                                             ref = reference_.image] { w->measure(id, in, out, ref); });
}

// ---------------------------------------------------------------- restoration

bool RestoreSession::canRestore() const {
    return model_ && state_ == State::Idle && current_ >= 0 && items_[current_].status != ItemStatus::Failed;
}

bool RestoreSession::restoreCurrent() {
    if (!model_ || state_ != State::Idle || current_ < 0) return false;
    if (items_[current_].status == ItemStatus::Failed && !items_[current_].input.image) return false;
    queue_.clear();
    startJob(current_);
    return true;
}

bool RestoreSession::restoreAll() {
    if (!model_ || state_ != State::Idle) return false;
    queue_.clear();
    for (int i = 0; i < items_.size(); ++i) {
        const Item& it = items_[i];
        if (it.hasResult || (it.status == ItemStatus::Failed && !it.input.image)) continue;
        queue_ << i;
        items_[i].status = ItemStatus::Queued;
        emit itemChanged(i);
    }
    if (queue_.isEmpty()) return false;
    startNextQueued();
    return true;
}

void RestoreSession::startNextQueued() {
    if (queue_.isEmpty()) {
        emit queueFinished();
        return;
    }
    startJob(queue_.takeFirst());
}

void RestoreSession::startJob(int index) {
    Item& it = items_[index];
    if (!it.input.image) { // still decoding: start once it arrives
        pendingStart_ = index;
        it.status = ItemStatus::Queued;
        setState(State::Restoring);
        emit itemChanged(index);
        return;
    }
    pendingStart_ = -1;
    RestoreJob job;
    job.id = nextId_++;
    job.inputPath = it.path;
    job.input = it.input.image;
    job.reference = reference_.image;
    job.model = model_;
    job.options = options_;
    job.options.steps = std::clamp(options_.steps, 1, model_->schedule().T());
    job.previewPixels = TrajectoryRecord::previewPixels(job.options.steps);
    runningJob_ = job.id;
    runningItem_ = index;
    lastStep_ = 0;
    it.status = ItemStatus::Restoring;
    it.message.clear();
    trajectory_.reset(it.path, job.options.steps, it.input.display.size());
    trajectoryItem_ = index;
    emit trajectoryReset();
    setCurrentIndex(index);
    setState(State::Restoring);
    emit itemChanged(index);
    QMetaObject::invokeMethod(restoreWorker_, [w = restoreWorker_, job] { w->restore(job); });
}

void RestoreSession::finishJob() {
    runningJob_ = 0;
    runningItem_ = -1;
    if (!queue_.isEmpty()) {
        startNextQueued();
        return;
    }
    setState(State::Idle);
    emit queueFinished();
}

void RestoreSession::cancel() {
    if (pendingStart_ >= 0 && runningJob_ == 0) { // waiting for a decode: nothing runs yet
        items_[pendingStart_].status = ItemStatus::Ready;
        emit itemChanged(pendingStart_);
        pendingStart_ = -1;
        for (int q : std::as_const(queue_)) items_[q].status = ItemStatus::Ready;
        queue_.clear();
        setState(State::Idle);
        emit queueFinished();
        return;
    }
    if (runningJob_ != 0) restoreWorker_->requestCancel(runningJob_);
}

// ---------------------------------------------------------------- comparison

bool RestoreSession::runComparison(const QVector<ComparisonSetting>& settings) {
    if (state_ != State::Idle || current_ < 0 || !items_[current_].input.image || settings.isEmpty()) return false;
    ComparisonJob job;
    job.id = nextId_++;
    job.input = items_[current_].input.image;
    job.reference = reference_.image;
    job.settings = settings;
    runningJob_ = job.id;
    setState(State::Comparing);
    emit comparisonStarted(static_cast<int>(settings.size()));
    QMetaObject::invokeMethod(restoreWorker_, [w = restoreWorker_, job] { w->compare(job); });
    return true;
}

// ---------------------------------------------------------------- output

QString RestoreSession::defaultOutputPath(int index) const {
    if (index < 0 || index >= items_.size()) return {};
    const QFileInfo in(items_[index].path);
    const QString suffix = in.suffix().isEmpty() ? QStringLiteral("png") : in.suffix();
    QString candidate = in.dir().filePath(in.completeBaseName() + QStringLiteral("-restored.") + suffix);
    for (int n = 2; QFileInfo::exists(candidate); ++n)
        candidate = in.dir().filePath(QStringLiteral("%1-restored-%2.%3").arg(in.completeBaseName()).arg(n).arg(suffix));
    return candidate;
}

bool RestoreSession::saveResult(int index, const QString& path, bool overwrite) {
    if (index < 0 || index >= items_.size() || !items_[index].hasResult) return false;
    const Item& it = items_[index];
    const QString context = tr("Saving %1").arg(QFileInfo(path).fileName());
    const QString target = QFileInfo(path).absoluteFilePath();
    const bool overInput = QDir::cleanPath(target) == it.path ||
                           (QFileInfo::exists(target) && rdbm::sameFile(target.toStdString(), it.path.toStdString()));
    if (overInput) {
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
    }
    image.format = QFileInfo(target).suffix().toLower().toStdString();
    const int id = nextId_++;
    QMetaObject::invokeMethod(imageWorker_, [w = imageWorker_, id, target, image, overwrite] {
        w->save(id, target, image, overwrite);
    });
    return true;
}

void RestoreSession::exportTrajectory(const TrajectoryExportRequest& request) {
    const int id = nextId_++;
    QMetaObject::invokeMethod(imageWorker_, [w = imageWorker_, id, record = trajectory_, request] {
        w->exportTrajectory(id, record, request);
    });
}

} // namespace rdbm::app
