#include "InputList.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

#include <algorithm>

#include "DropClassifier.h"
#include "ImageWorker.h"

namespace rdbm::app {

InputList::InputList(ImageWorker* worker, QObject* parent) : QObject(parent), worker_(worker) {
    connect(worker_, &ImageWorker::loaded, this, &InputList::onLoaded);
    connect(worker_, &ImageWorker::recordRead, this, &InputList::onRecordRead);
    connect(worker_, &ImageWorker::failed, this, &InputList::onLoadFailed);
    connect(worker_, &ImageWorker::measured, this, &InputList::onMeasured);
}

int InputList::indexOf(const QString& path) const {
    const QString clean = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    for (int i = 0; i < items_.size(); ++i)
        if (items_[i].path == clean) return i;
    return -1;
}

bool InputList::isDecoding() const {
    return std::any_of(items_.begin(), items_.end(), [](const Item& it) { return it.status == ItemStatus::Loading; });
}

QVector<int> InputList::add(const QStringList& paths) {
    QVector<int> added;
    for (const QString& p : paths) {
        if (indexOf(p) >= 0) continue;
        Item item;
        item.path = QDir::cleanPath(QFileInfo(p).absoluteFilePath());
        items_.push_back(item);
        added << static_cast<int>(items_.size()) - 1;
        const int id = nextId_++;
        imageRequests_.insert(id, item.path);
        QMetaObject::invokeMethod(worker_, [w = worker_, id, path = item.path] { w->load(id, path); });
    }
    if (!added.isEmpty()) {
        emit itemsChanged();
        if (current_ < 0) setCurrentIndex(added.first());
    }
    return added;
}

InputList::FolderScan InputList::scanFolder(const QString& dir, bool includeSubfolders) {
    FolderScan scan;
    const QDir root(dir);
    QStringList files;
    // Links to folders are not followed, so a link loop cannot make the walk endless.
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System,
                    includeSubfolders ? QDirIterator::Subdirectories : QDirIterator::NoIteratorFlags);
    while (it.hasNext()) files << it.next();
    // Sorted by the path inside the folder, case-insensitively, then exactly: the same
    // order on every file system.
    std::sort(files.begin(), files.end(), [&root](const QString& a, const QString& b) {
        const QString ra = root.relativeFilePath(a), rb = root.relativeFilePath(b);
        const int c = ra.compare(rb, Qt::CaseInsensitive);
        return c != 0 ? c < 0 : ra < rb;
    });
    for (const QString& f : std::as_const(files)) {
        if (DropClassifier::classify(f).kind == DropKind::Image)
            scan.images << QDir::cleanPath(QFileInfo(f).absoluteFilePath());
        else
            ++scan.skipped;
    }
    return scan;
}

void InputList::addFolder(const QString& dir, bool includeSubfolders) {
    // The functor runs on the worker's thread; its answer is queued back to this object
    // (the session stops that thread before this list is deleted).
    QMetaObject::invokeMethod(worker_, [self = this, dir, includeSubfolders] {
        FolderScan scan = scanFolder(dir, includeSubfolders);
        QMetaObject::invokeMethod(
            self,
            [self, dir, scan] {
                const int added = static_cast<int>(self->add(scan.images).size());
                emit self->folderAdded(dir, added, scan.skipped, static_cast<int>(scan.images.size()) - added);
            },
            Qt::QueuedConnection);
    });
}

void InputList::remove(int index) {
    if (index < 0 || index >= items_.size()) return;
    items_.remove(index);
    // Pending measurements name items by index: shift or drop them.
    for (auto it = metricsRequests_.begin(); it != metricsRequests_.end();) {
        if (it.value() == index) {
            it = metricsRequests_.erase(it);
            continue;
        }
        if (it.value() > index) --it.value();
        ++it;
    }
    emit itemsChanged();
    const int next = items_.isEmpty() ? -1 : std::min(index, static_cast<int>(items_.size()) - 1);
    current_ = -2; // force the signal
    setCurrentIndex(next);
}

void InputList::move(int from, int to) {
    if (from < 0 || from >= items_.size() || to < 0 || to >= items_.size() || from == to) return;
    const auto remap = [from, to](int i) {
        if (i == from) return to;
        if (from < to && i > from && i <= to) return i - 1;
        if (to < from && i >= to && i < from) return i + 1;
        return i;
    };
    items_.move(from, to);
    for (int& i : metricsRequests_) i = remap(i);
    current_ = remap(current_);
    emit itemsChanged();
}

void InputList::setCurrentIndex(int index) {
    if (index < -1 || index >= items_.size()) index = -1;
    if (index == current_) return;
    current_ = index;
    emit currentIndexChanged(index);
}

void InputList::setStatus(int index, ItemStatus status, const QString& message) {
    if (index < 0 || index >= items_.size()) return;
    items_[index].status = status;
    items_[index].message = message;
    emit itemChanged(index);
}

void InputList::setSavedPath(int index, const QString& path) {
    if (index < 0 || index >= items_.size()) return;
    items_[index].savedPath = path;
    emit itemChanged(index);
}

void InputList::loadResult(int index, const QString& path) {
    if (index < 0 || index >= items_.size()) return;
    const int id = nextId_++;
    resultRequests_.insert(id, {items_[index].path, path});
    QMetaObject::invokeMethod(worker_, [w = worker_, id, path] { w->load(id, path); });
}

void InputList::onLoaded(int requestId, const LoadedImage& image) {
    if (resultRequests_.contains(requestId)) {
        const auto [input, resultPath] = resultRequests_.take(requestId);
        const int index = indexOf(input);
        if (index < 0 || !image.image) return;
        Item& it = items_[index];
        it.result = RestoreOutcome{};
        it.result.inputPath = it.path;
        it.result.image = image.image->rgb;
        it.result.display = image.display;
        it.hasResult = true;
        it.savedPath = resultPath;
        setStatus(index, ItemStatus::Done);
        if (reference_.image) requestMetrics(index);
        return;
    }
    if (requestId == referenceRequest_) {
        referenceRequest_ = -1;
        reference_ = image;
        emit referenceChanged();
        for (int i = 0; i < items_.size(); ++i)
            if (items_[i].hasResult) requestMetrics(i);
        return;
    }
    if (!imageRequests_.contains(requestId)) return;
    const int index = indexOf(imageRequests_.take(requestId));
    if (index < 0) return; // removed meanwhile
    Item& it = items_[index];
    it.input = image;
    it.input.path = it.path;
    if (it.status == ItemStatus::Loading) it.status = ItemStatus::Ready;
    emit itemChanged(index);
    emit decoded(index);
}

void InputList::onRecordRead(int requestId, const PhotoRecord& record) {
    // Comes just before the photo's loaded(), which announces the change.
    const int index = indexOf(imageRequests_.value(requestId));
    if (imageRequests_.contains(requestId) && index >= 0) items_[index].record = record;
}

void InputList::onLoadFailed(int requestId, const QString& path, const ErrorInfo& error) {
    if (metricsRequests_.remove(requestId) > 0) return;
    if (resultRequests_.contains(requestId)) {
        const int index = indexOf(resultRequests_.take(requestId).first);
        if (index >= 0) emit resultMissing(index, path);
        return;
    }
    if (requestId == referenceRequest_) {
        referenceRequest_ = -1;
        emit failed(tr("Opening the reference %1").arg(QFileInfo(path).fileName()), error);
        return;
    }
    if (!imageRequests_.contains(requestId)) return; // a save or an export: the session reports it
    imageRequests_.remove(requestId);
    const int index = indexOf(path);
    if (index >= 0) setStatus(index, ItemStatus::Failed, error.message);
    emit failed(tr("Opening %1").arg(QFileInfo(path).fileName()), error);
}

void InputList::onMeasured(int requestId, const Metrics& before, const Metrics& after) {
    const int index = metricsRequests_.value(requestId, -1);
    metricsRequests_.remove(requestId);
    if (index < 0 || index >= items_.size() || !items_[index].hasResult) return;
    items_[index].result.before = before;
    items_[index].result.after = after;
    emit metricsChanged(index);
}

void InputList::setReference(const QString& path) {
    const int id = nextId_++;
    referenceRequest_ = id;
    QMetaObject::invokeMethod(worker_, [w = worker_, id, path] { w->load(id, path); });
}

void InputList::clearReference() {
    referenceRequest_ = -1;
    reference_ = {};
    for (Item& it : items_) it.result.before = it.result.after = {};
    emit referenceChanged();
    for (int i = 0; i < items_.size(); ++i)
        if (items_[i].hasResult) emit metricsChanged(i);
}

void InputList::requestMetrics(int index) {
    const Item& it = items_[index];
    if (!it.hasResult || !it.input.image) return;
    const int id = nextId_++;
    metricsRequests_.insert(id, index);
    QMetaObject::invokeMethod(worker_, [w = worker_, id, in = it.input.image->rgb, out = it.result.image,
                                        ref = reference_.image] { w->measure(id, in, out, ref); });
}

} // namespace rdbm::app
