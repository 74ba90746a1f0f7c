#include "ImageWorker.h"

#include <QFileInfo>

#include "ImageConvert.h"
#include "RestoreWorker.h"
#include "TrajectoryExporter.h"
#include "rdbm/ImageIO.h"
#include "rdbm/Sha256.h"

namespace rdbm::app {

ImageWorker::ImageWorker(QObject* parent) : QObject(parent) {
    registerMetaTypes();
    qRegisterMetaType<TrajectoryRecord>();
    qRegisterMetaType<TrajectoryExportRequest>();
    qRegisterMetaType<ComparisonExport>();
    qRegisterMetaType<PhotoRecord>();
}

void ImageWorker::load(int requestId, const QString& path) {
    try {
        auto image = std::make_shared<rdbm::Image>(rdbm::readImage(path.toStdString()));
        // How the photo was made, if it says (issue 11 §4). A record that cannot be read
        // never stops the photo from opening.
        PhotoRecord record;
        try {
            if (auto r = rdbm::readRestoreRecord(path.toStdString())) {
                record.present = true;
                record.record = *r;
            }
        } catch (const std::exception& e) {
            record.error = ErrorInfo::from(e).message;
        }
        if (record.present || !record.error.isEmpty()) emit recordRead(requestId, record);
        LoadedImage out;
        out.path = path;
        out.display = toQImage(image->rgb);
        out.image = std::move(image);
        emit loaded(requestId, out);
    } catch (const std::exception& e) {
        emit failed(requestId, path, ErrorInfo::from(e));
    }
}

void ImageWorker::measure(int requestId, const cv::Mat& input, const cv::Mat& result, const ImagePtr& reference) {
    try {
        emit measured(requestId, rdbm::app::measure(input, reference), rdbm::app::measure(result, reference));
    } catch (const std::exception& e) {
        emit failed(requestId, {}, ErrorInfo::from(e));
    }
}

QString ImageWorker::sha256(const QString& path) {
    const QFileInfo info(path);
    const QString key = info.absoluteFilePath();
    const auto cached = hashes_.constFind(key);
    if (cached != hashes_.cend() && cached->size == info.size() && cached->modified == info.lastModified())
        return cached->sha256;
    CachedHash h;
    h.size = info.size();
    h.modified = info.lastModified();
    h.sha256 = QString::fromStdString(rdbm::sha256File(path.toStdString()));
    hashes_.insert(key, h);
    return h.sha256;
}

void ImageWorker::hash(int requestId, const QString& path) {
    try {
        emit hashed(requestId, path, sha256(path), {});
    } catch (const std::exception& e) {
        emit hashed(requestId, path, {}, ErrorInfo::from(e).message);
    }
}

void ImageWorker::save(int requestId, const QString& path, const rdbm::Image& image, bool overwrite,
                       const RecordSource& record) {
    try {
        rdbm::WriteOptions options;
        options.overwrite = overwrite;
        if (record.model) {
            // The same record as rdbm-restore writes. A model file gone since it was loaded
            // leaves the checksum empty rather than stopping the save.
            QString sha;
            try {
                sha = sha256(QString::fromStdString(record.model->info().path));
            } catch (const std::exception&) {
            }
            options.record = rdbm::toJson(rdbm::makeRestoreRecord(*record.model, sha.toStdString(), record.options,
                                                                  record.seeds, record.tileSize));
        }
        rdbm::writeImage(path.toStdString(), image, options);
        emit saved(requestId, path);
    } catch (const std::exception& e) {
        emit writeFailed(requestId, path, ErrorInfo::from(e));
    }
}

void ImageWorker::exportTrajectory(int requestId, const TrajectoryRecord& record, const TrajectoryExportRequest& request) {
    try {
        QStringList files;
        if (request.frames) files << TrajectoryExporter::writeFrames(record, request.directory, request.baseName);
        if (request.contactSheet) files << TrajectoryExporter::writeContactSheet(record, request.directory, request.baseName);
        emit exported(requestId, files);
    } catch (const std::exception& e) {
        emit writeFailed(requestId, request.directory, ErrorInfo::from(e));
    }
}

void ImageWorker::exportComparison(int requestId, const ComparisonExport& request) {
    try {
        emit exported(requestId, ComparisonExporter::write(request));
    } catch (const std::exception& e) {
        emit writeFailed(requestId, request.directory, ErrorInfo::from(e));
    }
}

} // namespace rdbm::app
