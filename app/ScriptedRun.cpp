#include "ScriptedRun.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QDir>
#include <QFileInfo>
#include <QImage>

#include <cstdio>

#include "AboutDialog.h"
#include "CompareView.h"
#include "MainWindow.h"
#include "PiComparisonPanel.h"
#include "RestoreSession.h"
#include "UncertaintyPanel.h"
#include "SamplerControls.h"
#include "TrajectoryInspector.h"

namespace rdbm::app {
namespace {

constexpr qint64 kTimeoutMs = 15 * 60 * 1000;
const QStringList kAllTabs{QStringLiteral("before-after"), QStringLiteral("side-by-side"), QStringLiteral("difference"),
                           QStringLiteral("trajectory"), QStringLiteral("schedule"), QStringLiteral("comparison"),
                           QStringLiteral("about")};

void say(const QString& text) { std::fprintf(stderr, "rdbm-studio: %s\n", text.toLocal8Bit().constData()); }

} // namespace

ScriptedRun::ScriptedRun(MainWindow* window, const CommandLine& options, QObject* parent)
    : QObject(parent), window_(window), options_(options) {
    poller_.setInterval(50);
    connect(&poller_, &QTimer::timeout, this, &ScriptedRun::poll);
    connect(window_->session(), &RestoreSession::errorOccurred, this, [this] { exitCode_ = 1; });
}

void ScriptedRun::start() {
    startedMs_ = QDateTime::currentMSecsSinceEpoch();
    if (options_.compareMode == QLatin1String("noise"))
        window_->comparisonPanel()->setMode(PiComparisonPanel::Mode::NoiseModulations);
    else if (options_.compareMode == QLatin1String("methods"))
        window_->comparisonPanel()->setMode(PiComparisonPanel::Mode::Methods);
    poller_.start();
}

bool ScriptedRun::filesLoaded() const {
    RestoreSession* s = window_->session();
    if (s->state() == RestoreSession::State::LoadingModel) return false;
    for (int i = 0; i < s->itemCount(); ++i)
        if (s->item(i).status == RestoreSession::ItemStatus::Loading) return false;
    if (!options_.reference.isEmpty() && !s->reference() && exitCode_ == 0) return false;
    if (!options_.model.isEmpty() && !s->model() && exitCode_ == 0) return false;
    // Comparing the methods, the models go to the slots of their method: the session's
    // state says when they are in.
    if (options_.compareMode != QLatin1String("methods"))
        for (int i = 0; i < options_.compareModels.size(); ++i)
            if (!s->comparisonModel(i) && exitCode_ == 0) return false;
    return true;
}

void ScriptedRun::poll() {
    RestoreSession* s = window_->session();
    if (QDateTime::currentMSecsSinceEpoch() - startedMs_ > kTimeoutMs) {
        say(QStringLiteral("timed out"));
        exitCode_ = 2;
        finish();
        return;
    }
    switch (stage_) {
    case Stage::Loading:
        if (!filesLoaded()) return;
        if (options_.restore && s->model() && s->currentIndex() >= 0) {
            if (options_.measure) meter_.start();
            bool started = false;
            if (options_.seeds >= 2) {
                s->setSamplerOptions(window_->samplerControls()->options());
                started = window_->uncertaintyPanel()->run(options_.seeds);
            } else {
                started = window_->restoreCurrent();
            }
            if (started) {
                stage_ = Stage::Restoring;
                return;
            }
        } else if (options_.restore) {
            say(QStringLiteral("nothing to restore (need a model and a photo)"));
            exitCode_ = 1;
        }
        [[fallthrough]];
    case Stage::Restoring:
        if (s->isBusy()) return;
        if (meter_.isRunning()) {
            meter_.stop();
            std::printf("GUI thread during restoration: longest event-loop gap %.1f ms, mean %.2f ms "
                        "(%d ticks of a %d ms timer)\n",
                        meter_.maxGapMs(), meter_.meanGapMs(), meter_.ticks(), meter_.intervalMs());
            std::fflush(stdout);
        }
        if (options_.compare) {
            // Opening the page loads the bundled models its slots still lack: wait for them.
            window_->setCurrentTab(MainWindow::Tab::Comparison);
            stage_ = Stage::StartingComparison;
            return;
        }
        [[fallthrough]];
    case Stage::StartingComparison:
        if (s->isBusy()) return;
        if (options_.compare) {
            if (window_->comparisonPanel()->run()) {
                stage_ = Stage::Comparing;
                return;
            }
            say(QStringLiteral("the comparison could not start"));
            exitCode_ = 1;
        }
        [[fallthrough]];
    case Stage::Comparing:
        if (s->isBusy()) return;
        applyView();
        stage_ = Stage::Settling;
        settleTicks_ = 0;
        return;
    case Stage::Settling:
        // A few event-loop rounds for layouts, lazy thumbnails and plots to settle.
        if (++settleTicks_ < 10) return;
        finish();
        return;
    case Stage::Done: return;
    }
}

void ScriptedRun::applyView() { applyTab(options_.tab); }

void ScriptedRun::applyTab(const QString& tab) {
    if (tab == QLatin1String("trajectory")) window_->setCurrentTab(MainWindow::Tab::Trajectory);
    else if (tab == QLatin1String("schedule")) window_->setCurrentTab(MainWindow::Tab::Schedule);
    else if (tab == QLatin1String("comparison")) window_->setCurrentTab(MainWindow::Tab::Comparison);
    else if (tab == QLatin1String("side-by-side")) {
        window_->setCurrentTab(MainWindow::Tab::BeforeAfter);
        window_->compareView()->setMode(widgets::CompareView::Mode::SideBySide);
    } else if (tab == QLatin1String("difference")) {
        window_->setCurrentTab(MainWindow::Tab::BeforeAfter);
        window_->compareView()->setMode(widgets::CompareView::Mode::Difference);
    } else if (!tab.isEmpty()) {
        window_->setCurrentTab(MainWindow::Tab::BeforeAfter);
        window_->compareView()->setMode(widgets::CompareView::Mode::Split);
    }
    if (options_.step >= 0) window_->trajectoryInspector()->setCurrentFrame(options_.step);
}

void ScriptedRun::finish() {
    poller_.stop();
    stage_ = Stage::Done;
    if (!options_.screenshot.isEmpty()) QFileInfo(options_.screenshot).dir().mkpath(QStringLiteral("."));
    if (!options_.screenshot.isEmpty() && options_.tab == QLatin1String("all")) {
        // One screenshot per view: FILE-before-after.png, FILE-trajectory.png, ...
        const QFileInfo base(options_.screenshot);
        for (const QString& tab : kAllTabs) {
            applyTab(tab);
            QElapsedTimer settle;
            settle.start();
            while (settle.elapsed() < 400) QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
            const QString path = base.dir().filePath(QStringLiteral("%1-%2.%3").arg(base.completeBaseName(), tab, base.suffix()));
            QImage shot = window_->grab().toImage();
            if (tab == QLatin1String("about")) {
                // The About box on its own, with the device in use.
                const ModelPtr m = window_->session()->model();
                AboutDialog about(m ? QString::fromStdString(m->device()) : QString(), window_);
                about.show();
                QElapsedTimer shown;
                shown.start();
                while (shown.elapsed() < 300) QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
                shot = about.grab().toImage();
            }
            if (shot.save(path)) {
                say(QStringLiteral("screenshot written to %1").arg(QDir::toNativeSeparators(path)));
            } else {
                say(QStringLiteral("could not write the screenshot %1").arg(path));
                exitCode_ = 1;
            }
        }
    } else if (!options_.screenshot.isEmpty()) {
        QImage shot = window_->grab().toImage();
        if (options_.screenshotWidget == QLatin1String("view") && window_->centralWidget())
            shot = window_->centralWidget()->grab().toImage();
        if (shot.save(options_.screenshot)) {
            say(QStringLiteral("screenshot written to %1").arg(QDir::toNativeSeparators(options_.screenshot)));
        } else {
            say(QStringLiteral("could not write the screenshot %1").arg(options_.screenshot));
            exitCode_ = 1;
        }
    }
    if (!window_->lastError().isEmpty()) say(QStringLiteral("last error: %1").arg(window_->lastError()));
    emit finished(exitCode_);
}

} // namespace rdbm::app
