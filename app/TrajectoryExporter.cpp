#include "TrajectoryExporter.h"

#include <QDir>
#include <QFileInfo>
#include <QPainter>

#include <algorithm>
#include <vector>

#include "AtomicFile.h"
#include "ImageConvert.h"
#include "rdbm/Colormap.h"
#include "rdbm/Error.h"
#include "rdbm/TrajectoryLayout.h"

namespace rdbm::app {
namespace {

void ensureDirectory(const QString& directory) {
    if (!QDir().mkpath(directory))
        throw Error(ErrorKind::Runtime, "cannot create the folder " + directory.toStdString());
}

} // namespace

QString TrajectoryExporter::folderFor(const QString& directory, const QString& baseName) {
    return QDir(directory).filePath(baseName + QStringLiteral("_trajectory"));
}

float TrajectoryExporter::commonPiEpsLimit(const TrajectoryRecord& record) {
    std::vector<float> all;
    for (const TrajectoryFrame& f : record.frames()) {
        if (f.piEps.empty()) continue;
        const cv::Mat m = f.piEps.isContinuous() ? f.piEps : f.piEps.clone();
        all.insert(all.end(), m.ptr<float>(), m.ptr<float>() + m.total());
    }
    return symmetricLimit(all.data(), static_cast<int>(all.size()), trajectory::kPiEpsLimitPercentile);
}

QStringList TrajectoryExporter::writeFrames(const TrajectoryRecord& record, const QString& directory,
                                            const QString& baseName) {
    using trajectory::Frame;
    const QString folder = folderFor(directory, baseName);
    ensureDirectory(folder);
    const QDir dir(folder);
    const float limit = commonPiEpsLimit(record);
    const auto name = [](Frame kind, int index) { return QString::fromStdString(trajectory::fileName(kind, index)); };
    QStringList files;
    trajectory::Manifest manifest;
    manifest.writer = "rdbm-studio";
    manifest.piEpsLimit = limit;
    for (const TrajectoryFrame& f : record.frames()) {
        const QString xtPath = dir.filePath(name(Frame::Xt, f.step));
        writeImageFile(f.xt, xtPath);
        files << xtPath;
        if (f.step > 0) {
            manifest.t.push_back(f.t);
            manifest.tNext.push_back(f.tNext);
        }
        if (!f.x0.isNull()) {
            const QString p = dir.filePath(name(Frame::X0, f.step));
            writeImageFile(f.x0, p);
            files << p;
        }
        if (!f.piEps.empty()) {
            const QString p = dir.filePath(name(Frame::PiEps, f.step));
            writeImageFile(signedMapImage(f.piEps, limit), p);
            files << p;
        }
    }
    if (!record.isEmpty()) {
        manifest.width = record.frame(0).xt.width();
        manifest.height = record.frame(0).xt.height();
    }
    for (const QString& f : files) manifest.files.push_back(QFileInfo(f).fileName().toStdString());
    const std::string json = trajectory::manifestJson(manifest);
    const QString manifestPath = dir.filePath(QString::fromLatin1(trajectory::kManifestName));
    writeBytesFile(QByteArray::fromStdString(json), manifestPath);
    files << manifestPath;
    return files;
}

QImage TrajectoryExporter::contactSheet(const TrajectoryRecord& record, int thumbWidth) {
    if (record.isEmpty()) return {};
    const QSize src = record.frame(0).xt.size();
    const int tw = std::max(16, thumbWidth);
    const int th = std::max(1, src.height() * tw / std::max(1, src.width()));
    // A title row names the photo; the column titles follow; a colour bar for the pi*eps
    // column closes the sheet, so that a printed sheet says what its colours mean.
    const int margin = 8, title = 24, header = title + 22, rowLabel = 20, barBlock = 40;
    const int cols = 3, rows = record.frameCount();
    QImage sheet(margin + cols * (tw + margin), header + rows * (th + rowLabel + margin) + barBlock + margin,
                 QImage::Format_RGB888);
    sheet.fill(Qt::white);
    QPainter p(&sheet);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    QFont font = p.font();
    font.setPixelSize(13);
    p.setFont(font);
    p.setPen(Qt::black);
    const QString name = QFileInfo(record.sourcePath()).fileName();
    QFont bold = font;
    bold.setBold(true);
    p.setFont(bold);
    p.drawText(QRect(margin, 0, sheet.width() - 2 * margin, title), Qt::AlignLeft | Qt::AlignVCenter,
               tr("%1: trajectory, %n step(s)", nullptr, record.steps()).arg(name));
    p.setFont(font);
    const QString titles[cols] = {tr("x_t"), tr("predicted x0"), tr("predicted \u03c0\u00b7\u03b5")};
    for (int c = 0; c < cols; ++c)
        p.drawText(QRect(margin + c * (tw + margin), title, tw, header - title), Qt::AlignCenter, titles[c]);
    const float limit = commonPiEpsLimit(record);
    for (int r = 0; r < rows; ++r) {
        const TrajectoryFrame& f = record.frame(r);
        const int y = header + r * (th + rowLabel + margin);
        const QString label = f.step == 0 ? tr("input (mu)")
                                          : tr("step %1 of %2   t = %3 \u2192 %4")
                                                .arg(f.step)
                                                .arg(f.steps)
                                                .arg(f.t)
                                                .arg(f.tNext < 0 ? tr("final x0") : QString::number(f.tNext));
        p.drawText(QRect(margin, y, sheet.width() - 2 * margin, rowLabel), Qt::AlignLeft | Qt::AlignVCenter, label);
        const QImage cells[cols] = {f.xt, f.x0, f.piEps.empty() ? QImage() : signedMapImage(f.piEps, limit)};
        for (int c = 0; c < cols; ++c) {
            const QRect cell(margin + c * (tw + margin), y + rowLabel, tw, th);
            if (cells[c].isNull()) {
                p.fillRect(cell, QColor(235, 235, 235));
                continue;
            }
            p.drawImage(cell, cells[c]);
        }
    }
    // The colour bar under the pi*eps column: -limit (blue) .. 0 (white) .. +limit (red).
    const QRect bar(margin + 2 * (tw + margin), header + rows * (th + rowLabel + margin), tw, 14);
    for (int x = 0; x < bar.width(); ++x) {
        const float v =
            (2.0f * static_cast<float>(x) / static_cast<float>(std::max(1, bar.width() - 1)) - 1.0f) * limit;
        const Rgb8 c = divergingColor(v, limit);
        p.fillRect(QRect(bar.left() + x, bar.top(), 1, bar.height()), QColor(c.r, c.g, c.b));
    }
    p.drawRect(bar.adjusted(0, 0, -1, -1));
    const QRect ticks(bar.left(), bar.bottom() + 2, bar.width(), 18);
    p.drawText(ticks, Qt::AlignLeft | Qt::AlignTop, QString::number(-limit, 'g', 3));
    p.drawText(ticks, Qt::AlignHCenter | Qt::AlignTop, QStringLiteral("0"));
    p.drawText(ticks, Qt::AlignRight | Qt::AlignTop, QStringLiteral("+") + QString::number(limit, 'g', 3));
    p.end();
    return sheet;
}

QString TrajectoryExporter::writeContactSheet(const TrajectoryRecord& record, const QString& directory,
                                              const QString& baseName) {
    const QString folder = folderFor(directory, baseName);
    ensureDirectory(folder);
    const QString path = QDir(folder).filePath(QStringLiteral("contact_sheet.png"));
    writeImageFile(contactSheet(record), path);
    return path;
}

} // namespace rdbm::app
