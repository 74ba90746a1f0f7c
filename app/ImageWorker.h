#pragma once
// File work off the GUI thread that is not restoration: decoding opened photos (and
// reading their run records), measuring PSNR/SSIM, saving results with their run record,
// the models' SHA-256, exporting trajectories and comparisons. It lives on its own
// thread so that opening a photo never waits behind a running restoration.
#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

#include "ComparisonExporter.h"
#include "RestoreTypes.h"
#include "RunRecord.h"
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
    // With a model in `record`, the file carries the run record (rdbm::makeRestoreRecord).
    void save(int requestId, const QString& path, const rdbm::Image& image, bool overwrite,
              const rdbm::app::RecordSource& record = {});
    // The file's SHA-256 (cached per file while its size and time stay), answered by hashed().
    void hash(int requestId, const QString& path);
    void exportTrajectory(int requestId, const rdbm::app::TrajectoryRecord& record,
                          const rdbm::app::TrajectoryExportRequest& request);
    void exportComparison(int requestId, const rdbm::app::ComparisonExport& request);

signals:
    void loaded(int requestId, const rdbm::app::LoadedImage& image);
    // Before loaded(), when the photo carries a run record or one that cannot be read.
    void recordRead(int requestId, const rdbm::app::PhotoRecord& record);
    // sha256 empty and error set when the file could not be read.
    void hashed(int requestId, const QString& path, const QString& sha256, const QString& error);
    void measured(int requestId, const rdbm::app::Metrics& before, const rdbm::app::Metrics& after);
    void saved(int requestId, const QString& path);
    void exported(int requestId, const QStringList& files);
    // Decoding or measuring failed.
    void failed(int requestId, const QString& path, const rdbm::app::ErrorInfo& error);
    // Saving or exporting failed (path: the file or folder).
    void writeFailed(int requestId, const QString& path, const rdbm::app::ErrorInfo& error);

private:
    // Throws like rdbm::sha256File; a model is read once while it stays the same file.
    QString sha256(const QString& path);
    struct CachedHash {
        qint64 size = -1;
        QDateTime modified;
        QString sha256;
    };
    QHash<QString, CachedHash> hashes_; // absolute path -> digest (this thread only)
};

} // namespace rdbm::app

Q_DECLARE_METATYPE(rdbm::app::TrajectoryRecord)
Q_DECLARE_METATYPE(rdbm::app::TrajectoryExportRequest)
