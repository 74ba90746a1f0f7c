#pragma once
// File work off the GUI thread that is not restoration: decoding opened photos,
// measuring PSNR/SSIM, saving results, exporting trajectories and comparisons. It lives on its own
// thread so that opening a photo never waits behind a running restoration.
#include <QObject>
#include <QString>
#include <QStringList>

#include "ComparisonExporter.h"
#include "RestoreTypes.h"
#include "TrajectoryRecord.h"

namespace rdbm::app {

struct TrajectoryExportRequest {
    QString directory;
    QString baseName;     // file name stem, e.g. the input's
    bool frames = true;   // PNG sequence: x_t, x0 and pi*eps per step
    bool contactSheet = true;
};

class ImageWorker : public QObject {
    Q_OBJECT
public:
    explicit ImageWorker(QObject* parent = nullptr);

public slots:
    void load(int requestId, const QString& path);
    void measure(int requestId, const cv::Mat& input, const cv::Mat& result, const rdbm::app::ImagePtr& reference);
    void save(int requestId, const QString& path, const rdbm::Image& image, bool overwrite);
    void exportTrajectory(int requestId, const rdbm::app::TrajectoryRecord& record,
                          const rdbm::app::TrajectoryExportRequest& request);
    void exportComparison(int requestId, const rdbm::app::ComparisonExport& request);

signals:
    void loaded(int requestId, const rdbm::app::LoadedImage& image);
    void measured(int requestId, const rdbm::app::Metrics& before, const rdbm::app::Metrics& after);
    void saved(int requestId, const QString& path);
    void exported(int requestId, const QStringList& files);
    // Decoding or measuring failed.
    void failed(int requestId, const QString& path, const rdbm::app::ErrorInfo& error);
    // Saving or exporting failed (path: the file or folder).
    void writeFailed(int requestId, const QString& path, const rdbm::app::ErrorInfo& error);
};

} // namespace rdbm::app

Q_DECLARE_METATYPE(rdbm::app::TrajectoryRecord)
Q_DECLARE_METATYPE(rdbm::app::TrajectoryExportRequest)
