#pragma once
// Writes a recorded trajectory to disk in the layout rdbm-restore --trajectory uses
// (rdbm/TrajectoryLayout.h), into the folder <directory>/<baseName>_trajectory: the
// PNG sequence (xt_000.png = mu, then x_t, predicted x0 and the signed pi*eps map per
// step), trajectory.json, and contact_sheet.png with one row per step. The frames are
// the record's previews (trajectory.json gives their size). Every file is written
// atomically (temporary, then rename).
#include <QCoreApplication>
#include <QImage>
#include <QString>
#include <QStringList>

#include "TrajectoryRecord.h"

namespace rdbm::app {

class TrajectoryExporter {
    Q_DECLARE_TR_FUNCTIONS(TrajectoryExporter)

public:
    // The folder both writers below write into.
    static QString folderFor(const QString& directory, const QString& baseName);
    // Returns the files written. Throws rdbm::Error(Runtime) naming the file on failure.
    static QStringList writeFrames(const TrajectoryRecord& record, const QString& directory, const QString& baseName);
    static QString writeContactSheet(const TrajectoryRecord& record, const QString& directory, const QString& baseName);

    // Rows: mu, then each step; columns: x_t, predicted x0, pi*eps. Thumbnails fit thumbWidth.
    static QImage contactSheet(const TrajectoryRecord& record, int thumbWidth = 320);
    // One colour scale for all steps, so that maps of different steps compare: the
    // layout's percentile of |pi*eps| over every step's map together.
    static float commonPiEpsLimit(const TrajectoryRecord& record);
};

} // namespace rdbm::app
