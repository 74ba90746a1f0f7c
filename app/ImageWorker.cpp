#include "ImageWorker.h"

#include "ImageConvert.h"
#include "RestoreWorker.h"
#include "TrajectoryExporter.h"
#include "rdbm/ImageIO.h"

namespace rdbm::app {

ImageWorker::ImageWorker(QObject* parent) : QObject(parent) {
    registerMetaTypes();
    qRegisterMetaType<TrajectoryRecord>();
    qRegisterMetaType<TrajectoryExportRequest>();
    qRegisterMetaType<ComparisonExport>();
}

void ImageWorker::load(int requestId, const QString& path) {
    try {
        auto image = std::make_shared<rdbm::Image>(rdbm::readImage(path.toStdString()));
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

void ImageWorker::save(int requestId, const QString& path, const rdbm::Image& image, bool overwrite) {
    try {
        rdbm::WriteOptions options;
        options.overwrite = overwrite;
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
