#include "AppSettings.h"

#include <QDir>

#include <algorithm>

namespace rdbm::app {

AppSettings::AppSettings() : store_(std::make_unique<QSettings>()) {}

AppSettings::AppSettings(std::unique_ptr<QSettings> store) : store_(std::move(store)) {}

QString AppSettings::lastModel() const { return store_->value("model/last").toString(); }
void AppSettings::setLastModel(const QString& path) { store_->setValue("model/last", path); }

QStringList AppSettings::comparisonModels() const {
    QStringList paths = store_->value("comparison/models").toStringList();
    // The three pi slots and the RDDM slot (RestoreSession::kComparisonSlots).
    while (paths.size() < 4) paths << QString();
    return paths.mid(0, 4);
}
void AppSettings::setComparisonModels(const QStringList& paths) { store_->setValue("comparison/models", paths); }

QString AppSettings::device() const { return store_->value("sampler/device", "auto").toString(); }
void AppSettings::setDevice(const QString& device) { store_->setValue("sampler/device", device); }

int AppSettings::steps() const { return std::clamp(store_->value("sampler/steps", 10).toInt(), 1, 1000); }
void AppSettings::setSteps(int steps) { store_->setValue("sampler/steps", steps); }

double AppSettings::eta() const { return std::clamp(store_->value("sampler/eta", 0.0).toDouble(), 0.0, 1.0); }
void AppSettings::setEta(double eta) { store_->setValue("sampler/eta", eta); }

QString AppSettings::noiseModulation() const {
    const QString m = store_->value("sampler/noiseModulation", "residual").toString();
    return (m == "one" || m == "zero") ? m : QStringLiteral("residual");
}
void AppSettings::setNoiseModulation(const QString& mode) { store_->setValue("sampler/noiseModulation", mode); }

int AppSettings::tileSize() const { return std::max(0, store_->value("sampler/tileSize", 0).toInt()); }
void AppSettings::setTileSize(int size) { store_->setValue("sampler/tileSize", size); }
double AppSettings::differenceGain() const { return std::max(0.0, store_->value("view/differenceGain", 0.0).toDouble()); }
void AppSettings::setDifferenceGain(double gain) { store_->setValue("view/differenceGain", gain); }

qulonglong AppSettings::seed() const { return store_->value("sampler/seed", 0).toULongLong(); }
void AppSettings::setSeed(qulonglong seed) { store_->setValue("sampler/seed", seed); }

QStringList AppSettings::recentFiles() const { return store_->value("files/recent").toStringList(); }

namespace {

// A most-recent-first list under `key`: the path moves to the front, at most `max` kept.
void addToRecentList(QSettings& store, const char* key, const QString& path, int max) {
    const QString clean = QDir::cleanPath(path);
    QStringList list = store.value(key).toStringList();
    list.removeAll(clean);
    list.prepend(clean);
    while (list.size() > max) list.removeLast();
    store.setValue(key, list);
}

} // namespace

void AppSettings::addRecentFile(const QString& path) { addToRecentList(*store_, "files/recent", path, kMaxRecent); }

void AppSettings::clearRecentFiles() { store_->remove("files/recent"); }

QStringList AppSettings::recentModels() const { return store_->value("model/recent").toStringList(); }

void AppSettings::addRecentModel(const QString& path) {
    addToRecentList(*store_, "model/recent", path, kMaxRecentModels);
}

void AppSettings::removeRecentModel(const QString& path) {
    QStringList models = recentModels();
    if (models.removeAll(QDir::cleanPath(path)) > 0) store_->setValue("model/recent", models);
}

ThemeChoice AppSettings::theme() const { return themeFromString(store_->value("view/theme", "system").toString()); }
void AppSettings::setTheme(ThemeChoice theme) { store_->setValue("view/theme", toString(theme)); }

QString AppSettings::language() const { return store_->value("view/language").toString(); }
void AppSettings::setLanguage(const QString& language) { store_->setValue("view/language", language); }

QString AppSettings::lastDirectory() const { return store_->value("files/lastDirectory").toString(); }
void AppSettings::setLastDirectory(const QString& dir) { store_->setValue("files/lastDirectory", dir); }
bool AppSettings::includeSubfolders() const { return store_->value("files/includeSubfolders", false).toBool(); }
void AppSettings::setIncludeSubfolders(bool include) { store_->setValue("files/includeSubfolders", include); }
QString AppSettings::outputDirectory() const { return store_->value("files/outputDirectory").toString(); }
void AppSettings::setOutputDirectory(const QString& dir) { store_->setValue("files/outputDirectory", dir); }

QByteArray AppSettings::windowGeometry() const { return store_->value("window/geometry").toByteArray(); }
void AppSettings::setWindowGeometry(const QByteArray& geometry) { store_->setValue("window/geometry", geometry); }
QByteArray AppSettings::windowState() const { return store_->value("window/state").toByteArray(); }
void AppSettings::setWindowState(const QByteArray& state) { store_->setValue("window/state", state); }

QList<QueueEntry> AppSettings::queue() const {
    QList<QueueEntry> entries;
    const int n = store_->beginReadArray("queue/items");
    for (int i = 0; i < n; ++i) {
        store_->setArrayIndex(i);
        QueueEntry e;
        e.path = store_->value("path").toString();
        e.state = store_->value("state").toString();
        e.resultPath = store_->value("result").toString();
        e.message = store_->value("message").toString();
        if (!e.path.isEmpty()) entries << e;
    }
    store_->endArray();
    return entries;
}

void AppSettings::setQueue(const QList<QueueEntry>& entries, int current) {
    store_->remove("queue/items");
    store_->beginWriteArray("queue/items", static_cast<int>(entries.size()));
    for (int i = 0; i < entries.size(); ++i) {
        store_->setArrayIndex(i);
        store_->setValue("path", entries[i].path);
        store_->setValue("state", entries[i].state);
        if (!entries[i].resultPath.isEmpty()) store_->setValue("result", entries[i].resultPath);
        if (!entries[i].message.isEmpty()) store_->setValue("message", entries[i].message);
    }
    store_->endArray();
    store_->setValue("queue/current", current);
}

int AppSettings::queueCurrent() const { return store_->value("queue/current", -1).toInt(); }

void AppSettings::sync() { store_->sync(); }

QString toString(ThemeChoice theme) {
    switch (theme) {
    case ThemeChoice::Light: return QStringLiteral("light");
    case ThemeChoice::Dark: return QStringLiteral("dark");
    case ThemeChoice::System: break;
    }
    return QStringLiteral("system");
}

ThemeChoice themeFromString(const QString& s) {
    if (s == QLatin1String("light")) return ThemeChoice::Light;
    if (s == QLatin1String("dark")) return ThemeChoice::Dark;
    return ThemeChoice::System;
}

} // namespace rdbm::app
