#include "RunRecord.h"

#include <QDateTime>
#include <QFileInfo>
#include <QLocale>
#include <QStringList>

namespace rdbm::app {

QString RunRecordText::time(const QString& iso) {
    const QDateTime t = QDateTime::fromString(iso, Qt::ISODate);
    if (!t.isValid()) return iso;
    return t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) + QStringLiteral(" UTC");
}

QString RunRecordText::madeWith(const rdbm::RestoreRecord& r) {
    const QString file = QFileInfo(QString::fromStdString(r.modelFile)).fileName();
    QStringList parts;
    parts << (file.isEmpty() ? tr("an unnamed model") : file);
    QString method = QString::fromStdString(r.method).toUpper();
    if (!r.objective.empty()) method += QStringLiteral(" (%1)").arg(QString::fromStdString(r.objective));
    if (!method.isEmpty()) parts << method;
    if (!r.pi.empty()) parts << tr("\u03c0 %1").arg(QString::fromStdString(r.pi));
    parts << tr("%n step(s)", nullptr, r.steps);
    QString eta = tr("\u03b7 %1").arg(QLocale().toString(r.eta, 'g', 4));
    if (r.eta > 0.0 && !r.piNoise.empty()) eta += tr(" (noise %1)").arg(QString::fromStdString(r.piNoise));
    parts << eta;
    if (r.seeds > 1)
        parts << tr("mean of %1 seeds from %2").arg(r.seeds).arg(r.seed);
    else
        parts << tr("seed %1").arg(r.seed);
    parts << (r.tileSize > 0 ? tr("tiles of %1 px").arg(r.tileSize) : tr("whole image"));
    if (!r.device.empty()) parts << QString::fromStdString(r.device);
    if (!r.time.empty()) parts << time(QString::fromStdString(r.time));
    return tr("Made with %1").arg(parts.join(QStringLiteral(", ")));
}

QString RunRecordText::describe(const PhotoRecord& record) {
    if (!record.error.isEmpty()) return tr("the run record could not be read: %1").arg(record.error);
    return record.present ? madeWith(record.record) : QString();
}

} // namespace rdbm::app
