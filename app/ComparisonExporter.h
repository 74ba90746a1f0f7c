#pragma once
// Writes a finished pi comparison to a folder: each result, each difference map, the
// metrics (CSV) and one grid image that carries the labels, the metrics and the colour
// scale. Runs on the I/O worker thread from plain values (no widget is touched), so a
// large export never stalls the window.
#include <QCoreApplication>
#include <QImage>
#include <QString>
#include <QStringList>
#include <QVector>

#include "RestoreTypes.h"

namespace rdbm::app {

struct ComparisonExport {
    QString directory;
    QString prefix;            // file-name prefix: "model" or "noise"
    QImage input;              // the photo the settings restored
    QVector<ComparisonRow> rows; // finished rows only
    QStringList stems;         // per row, e.g. "pi-residual"
    QVector<double> meanAbs;   // per row, mean |result - input|
    float limit = 0.0f;        // the common colour scale of the difference maps
};

class ComparisonExporter {
    Q_DECLARE_TR_FUNCTIONS(ComparisonExporter)

public:
    // Returns the files written; throws rdbm::Error naming the file on failure.
    static QStringList write(const ComparisonExport& request);
    // Input and results in one row at their own aspect ratio (no letterboxing), the
    // difference maps under them with a colour bar, a caption with metrics per column.
    static QImage grid(const ComparisonExport& request, int cellWidth = 360);
    static QByteArray metricsCsv(const ComparisonExport& request);
};

} // namespace rdbm::app

Q_DECLARE_METATYPE(rdbm::app::ComparisonExport)
