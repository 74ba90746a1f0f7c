#pragma once
// Drives the window from the command line for screenshots and measurements: waits for
// the requested model and photos to load, restores, runs the comparison, picks a view
// and step, then saves a screenshot and/or prints the GUI-thread stall figure and quits.
#include <QObject>
#include <QTimer>

#include "CommandLine.h"
#include "EventLoopGapMeter.h"

namespace rdbm::app {

class MainWindow;

class ScriptedRun : public QObject {
    Q_OBJECT
public:
    ScriptedRun(MainWindow* window, const CommandLine& options, QObject* parent = nullptr);

    // Starts the loads the command line asks for and the polling that follows them.
    void start();
    int exitCode() const { return exitCode_; }

signals:
    void finished(int exitCode);

private:
    enum class Stage { Loading, Restoring, StartingComparison, Comparing, Settling, Done };
    void poll();
    bool filesLoaded() const;
    void applyView();
    void applyTab(const QString& tab);
    void finish();

    MainWindow* window_;
    CommandLine options_;
    Stage stage_ = Stage::Loading;
    QTimer poller_;
    EventLoopGapMeter meter_;
    int exitCode_ = 0;
    int settleTicks_ = 0;
    qint64 startedMs_ = 0;
};

} // namespace rdbm::app
