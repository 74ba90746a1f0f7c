#pragma once
// Writes a recorded trajectory to disk: a PNG sequence (x_t, predicted x0 and the
// signed pi*eps map per step) and a contact sheet with one row per step. Every file is
// written atomically (AtomicFile: temporary, then rename).
#include <QCoreApplication>
#include <QImage>
#include <QString>
#include <QStringList>

#include "TrajectoryRecord.h"

namespace rdbm::app {

class TrajectoryExporter {
    Q_DECLARE_TR_FUNCTIONS(TrajectoryExporter)

public:
    // Returns the files written. Throws rdbm::Error(Runtime) naming the file on failure.
    static QStringList writeFrames(const TrajectoryRecord& record, const QString& directory, const QString& baseName);
    static QString writeContactSheet(const TrajectoryRecord& record, const QString& directory, const QString& baseName);

    // Rows: mu, then each step; columns: x_t, predicted x0, pi*eps. Thumbnails fit thumbWidth.
    static QImage contactSheet(const TrajectoryRecord& record, int thumbWidth = 320);
    // One colour scale for all steps, so that maps of different steps compare.
    static float commonPiEpsLimit(const TrajectoryRecord& record);
};

} // namespace rdbm::app
