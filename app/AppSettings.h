#pragma once
// What the application remembers between runs (QSettings): the last model, device,
// sampler controls, recent files, theme, language and the window's geometry and state.
// Typed accessors keep key names and defaults in one place.
#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>

#include <memory>

#include "ThemePalette.h"

namespace rdbm::app {

using ThemeChoice = widgets::ThemeChoice;
// The palettes moved to widgets/ (the widget gallery uses them too); the application's
// code keeps its short name for them.
using ThemePalette = widgets::ThemePalette;

// One photo of the queue as it persists (issue 11 §2). state: "ready", "queued", "done"
// or "failed"; a done photo keeps its result only as the file it was saved to.
struct QueueEntry {
    QString path;
    QString state;
    QString resultPath; // done: the saved result (empty: the result was never saved)
    QString message;    // failed: why
};

class AppSettings {
public:
    // The application's own settings (organisation and application names set in main).
    AppSettings();
    // Settings in an explicit store (tests use an INI file in a temporary folder).
    explicit AppSettings(std::unique_ptr<QSettings> store);

    QString lastModel() const;
    void setLastModel(const QString& path);
    QStringList comparisonModels() const; // four slots (pi = x0 - mu, 1, 0, RDDM), empty strings allowed
    void setComparisonModels(const QStringList& paths);
    QString device() const; // "auto", "cpu", "cuda:0", ...
    void setDevice(const QString& device);
    int steps() const;
    void setSteps(int steps);
    double eta() const;
    void setEta(double eta);
    QString noiseModulation() const; // "residual", "one", "zero"
    void setNoiseModulation(const QString& mode);
    int tileSize() const; // 0: automatic
    void setTileSize(int size);
    double differenceGain() const; // 0: automatic
    void setDifferenceGain(double gain);
    qulonglong seed() const;
    void setSeed(qulonglong seed);

    QStringList recentFiles() const;
    void addRecentFile(const QString& path); // most recent first, no duplicates, at most kMaxRecent
    void clearRecentFiles();
    static constexpr int kMaxRecent = 10;
    // Checkpoints that loaded, most recent first (the toolbar's model picker lists them).
    QStringList recentModels() const;
    void addRecentModel(const QString& path);
    void removeRecentModel(const QString& path);
    static constexpr int kMaxRecentModels = 8;

    ThemeChoice theme() const;
    void setTheme(ThemeChoice theme);
    QString language() const; // empty: follow the system locale
    void setLanguage(const QString& language);
    QString lastDirectory() const;
    void setLastDirectory(const QString& dir);
    // File › Add Folder…'s "Include Subfolders" (default off).
    bool includeSubfolders() const;
    void setIncludeSubfolders(bool include);
    // Where Save All Results… saved last (empty: none yet).
    QString outputDirectory() const;
    void setOutputDirectory(const QString& dir);

    // The queue at the last change or quit, and which photo was current (-1: none).
    QList<QueueEntry> queue() const;
    void setQueue(const QList<QueueEntry>& entries, int current);
    int queueCurrent() const;

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray& geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray& state);

    void sync();
    QSettings& store() { return *store_; }

private:
    std::unique_ptr<QSettings> store_;
};

QString toString(ThemeChoice theme);
ThemeChoice themeFromString(const QString& s); // unknown: System

} // namespace rdbm::app
