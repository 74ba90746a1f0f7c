#include "ComparisonExporter.h"

#include <QDir>
#include <QLocale>
#include <QPainter>

#include <algorithm>

#include "AtomicFile.h"
#include "ImageConvert.h"
#include "rdbm/Colormap.h"
#include "rdbm/Error.h"

namespace rdbm::app {
namespace {

QString metricsLine(const ComparisonRow& row, double meanAbs) {
    const QLocale c = QLocale::c(); // the grid is a document: the same digits everywhere
    QString text;
    if (row.metrics.valid)
        text = ComparisonExporter::tr("PSNR %1 dB, SSIM %2, ")
                   .arg(c.toString(row.metrics.psnr, 'f', 2), c.toString(row.metrics.ssim, 'f', 4));
    return text + ComparisonExporter::tr("mean |change| %1, %2 s")
                      .arg(c.toString(meanAbs, 'f', 4), c.toString(row.seconds, 'f', 1));
}

} // namespace

QImage ComparisonExporter::grid(const ComparisonExport& r, int cellWidth) {
    if (r.input.isNull()) return {};
    const int cw = std::max(64, cellWidth);
    const int ch = std::max(1, r.input.height() * cw / std::max(1, r.input.width()));
    const int margin = 10, caption = 40, barHeight = 14, barLabel = 18;
    const int cols = 1 + static_cast<int>(r.rows.size());
    const int width = margin + cols * (cw + margin);
    const int height = margin + caption + ch + margin + ch + margin + barHeight + barLabel + margin;
    QImage sheet(width, height, QImage::Format_RGB888);
    sheet.fill(Qt::white);
    QPainter p(&sheet);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    QFont font = p.font();
    font.setPixelSize(12);
    p.setFont(font);
    p.setPen(Qt::black);
    const auto cellX = [&](int c) { return margin + c * (cw + margin); };
    const int imageY = margin + caption, diffY = imageY + ch + margin;

    p.drawText(QRect(cellX(0), margin, cw, caption), Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, tr("input"));
    p.drawImage(QRect(cellX(0), imageY, cw, ch), r.input);
    p.drawText(QRect(cellX(0), diffY, cw, ch), Qt::AlignCenter | Qt::TextWordWrap,
               tr("difference maps:\nresult \u2212 input"));
    for (int i = 0; i < r.rows.size(); ++i) {
        const ComparisonRow& row = r.rows[i];
        const int x = cellX(i + 1);
        p.drawText(QRect(x, margin, cw, caption), Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap,
                   row.label + QLatin1Char('\n') + metricsLine(row, r.meanAbs.value(i)));
        p.drawImage(QRect(x, imageY, cw, ch), row.display);
        if (!row.difference.empty()) p.drawImage(QRect(x, diffY, cw, ch), signedMapImage(row.difference, r.limit));
    }

    // The colour bar of the difference maps, under the result columns.
    const float limit = r.limit > 0.0f ? r.limit : 1.0f;
    const QRect bar(cellX(1), diffY + ch + margin, width - cellX(1) - margin, barHeight);
    for (int x = 0; x < bar.width(); ++x) {
        const float v = (2.0f * static_cast<float>(x) / std::max(1, bar.width() - 1) - 1.0f) * limit;
        const Rgb8 c = divergingColor(v, limit);
        p.fillRect(QRect(bar.left() + x, bar.top(), 1, bar.height()), QColor(c.r, c.g, c.b));
    }
    p.drawRect(bar.adjusted(0, 0, -1, -1));
    const QLocale c = QLocale::c();
    const QRect labels(bar.left(), bar.bottom() + 2, bar.width(), barLabel);
    p.drawText(labels, Qt::AlignLeft | Qt::AlignTop, c.toString(-limit, 'g', 3));
    p.drawText(labels, Qt::AlignHCenter | Qt::AlignTop, QStringLiteral("0"));
    p.drawText(labels, Qt::AlignRight | Qt::AlignTop, QStringLiteral("+") + c.toString(limit, 'g', 3));
    p.end();
    return sheet;
}

QByteArray ComparisonExporter::metricsCsv(const ComparisonExport& r) {
    QByteArray out = "setting,psnr_db,ssim,mean_abs_change,seconds\n";
    for (int i = 0; i < r.rows.size(); ++i) {
        const ComparisonRow& row = r.rows[i];
        QString line = QStringLiteral("\"%1\",").arg(QString(row.label).replace(QLatin1Char('"'), QStringLiteral("\"\"")));
        line += (row.metrics.valid ? QString::number(row.metrics.psnr, 'f', 4) : QString()) + QLatin1Char(',');
        line += (row.metrics.valid ? QString::number(row.metrics.ssim, 'f', 6) : QString()) + QLatin1Char(',');
        line += QString::number(r.meanAbs.value(i), 'f', 6) + QLatin1Char(',') + QString::number(row.seconds, 'f', 3);
        out += line.toUtf8() + '\n';
    }
    return out;
}

QStringList ComparisonExporter::write(const ComparisonExport& r) {
    if (!QDir().mkpath(r.directory))
        throw Error(ErrorKind::Runtime, "cannot create the folder " + r.directory.toStdString());
    const QDir dir(r.directory);
    QStringList files;
    for (int i = 0; i < r.rows.size(); ++i) {
        const QString stem = r.stems.value(i, QStringLiteral("setting-%1").arg(i + 1));
        const QString result = dir.filePath(QStringLiteral("%1-%2-result.png").arg(r.prefix, stem));
        writeImageFile(r.rows[i].display, result);
        files << result;
        if (r.rows[i].difference.empty()) continue;
        const QString diff = dir.filePath(QStringLiteral("%1-%2-difference.png").arg(r.prefix, stem));
        writeImageFile(signedMapImage(r.rows[i].difference, r.limit), diff);
        files << diff;
    }
    const QString gridPath = dir.filePath(QStringLiteral("%1-comparison-grid.png").arg(r.prefix));
    writeImageFile(grid(r), gridPath);
    files << gridPath;
    const QString csv = dir.filePath(QStringLiteral("%1-comparison-metrics.csv").arg(r.prefix));
    writeBytesFile(metricsCsv(r), csv);
    files << csv;
    return files;
}

} // namespace rdbm::app
