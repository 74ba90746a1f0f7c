#include "BundledModels.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace rdbm::app {

QStringList BundledModels::searchDirectories() {
    QStringList dirs;
    const QString env = qEnvironmentVariable("RDBM_MODELS_DIR");
    if (!env.isEmpty()) dirs << env;
    const QString appDir = QCoreApplication::applicationDirPath();
    if (!appDir.isEmpty()) {
        dirs << QDir(appDir).filePath(QStringLiteral("../share/rdbm-studio/models"))
             << QDir(appDir).filePath(QStringLiteral("models"))
             << QDir(appDir).filePath(QStringLiteral("../models"))
             << QDir(appDir).filePath(QStringLiteral("../../models"));
    }
#ifdef RDBM_SOURCE_MODELS_DIR
    dirs << QStringLiteral(RDBM_SOURCE_MODELS_DIR);
#endif
    for (QString& d : dirs) d = QDir::cleanPath(d);
    dirs.removeDuplicates();
    return dirs;
}

QString BundledModels::fileName(rdbm::PiMode pi) {
    return QStringLiteral("rdbm-%1.safetensors").arg(QString::fromStdString(rdbm::toString(pi)));
}

namespace {

QString findFile(const QString& name) {
    for (const QString& dir : BundledModels::searchDirectories()) {
        const QFileInfo f(QDir(dir).filePath(name));
        if (f.isFile()) return f.absoluteFilePath();
    }
    return {};
}

} // namespace

QString BundledModels::find(rdbm::PiMode pi) { return findFile(fileName(pi)); }

QString BundledModels::findRddm() { return findFile(rddmFileName()); }

bool BundledModels::isBundled(const QString& path) {
    const QFileInfo f(path);
    for (const rdbm::PiMode pi : {rdbm::PiMode::Residual, rdbm::PiMode::One, rdbm::PiMode::Zero}) {
        const QString bundled = find(pi);
        if (!bundled.isEmpty() && QFileInfo(bundled) == f) return true;
    }
    return false;
}

} // namespace rdbm::app
