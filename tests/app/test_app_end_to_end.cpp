// The whole application on the offscreen platform: a window loads the golden fixture's
// model and a photo as a drop would, restores it, and every view shows the run: the
// result's size, a trajectory of steps + 1 frames, the RNR plot's series, saving in the
// input's bit depth (never over the input), trajectory export, the pi comparison. Also
// prints how long the GUI thread was ever blocked during the restoration (a figure, not
// an assertion).
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QLabel>
#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdio>

#include <qcustomplot.h>

#include "AppTestSupport.h"
#include "BundledModels.h"
#include "CompareView.h"
#include "EventLoopGapMeter.h"
#include "HeatMapView.h"
#include "ImageView.h"
#include "MainWindow.h"
#include "MetricsTable.h"
#include "ModelPanel.h"
#include "PiComparisonPanel.h"
#include "RestoreSession.h"
#include "RnrPlot.h"
#include "SamplerControls.h"
#include "SchedulePlotPanel.h"
#include "TrajectoryExporter.h"
#include "TrajectoryInspector.h"
#include "TrajectoryStrip.h"
#include "ImageConvert.h"
#include "rdbm/ClassicalTools.h"
#include "rdbm/ImageIO.h"

using namespace rdbm::app;

class TestAppEndToEnd : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::unique_ptr<AppSettings> settings_;
    std::unique_ptr<MainWindow> window_;
    QString photo_;

    RestoreSession& session() { return *window_->session(); }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        settings_ = std::make_unique<AppSettings>(apptest::iniSettings(dir_));
        settings_->setSteps(10);
        window_ = std::make_unique<MainWindow>(*settings_);
        window_->setInteractive(false);
        window_->resize(1400, 900);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        // 16-bit PNG: the result must come back in 16 bits.
        photo_ = apptest::writePhoto(QDir(dir_.path()), "street.png", 96, 72, 16);
    }

    void dropsLoadTheModelAndQueueThePhotos() {
        const QString second = apptest::writePhoto(QDir(dir_.path()), "second.jpg", 40, 32);
        auto* mime = new QMimeData;
        mime->setUrls({QUrl::fromLocalFile(photo_), QUrl::fromLocalFile(second), QUrl::fromLocalFile(apptest::smallModel())});
        QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(window_.get(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(50, 50), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(window_.get(), &drop);
        QVERIFY(apptest::waitIdle(session()));
        delete mime;

        QVERIFY(session().model());
        QCOMPARE(session().itemCount(), 2);
        QVERIFY(session().item(0).status == RestoreSession::ItemStatus::Ready);
        QCOMPARE(session().item(0).input.display.size(), QSize(96, 72));
        QCOMPARE(session().item(0).input.image->bitDepth, 16);
        // The model panel shows what was loaded.
        const QString summary = window_->modelPanel()->summaryLines().join('\n');
        QVERIFY2(summary.contains("residual.pt"), qPrintable(summary));
        QVERIFY(summary.contains("dim 8"));
        QVERIFY(summary.contains("T = 100"));
        // The photo shows on the before side.
        QCOMPARE(window_->compareView()->beforeImage().size(), QSize(96, 72));

        // Shift+drop: a clean photo becomes the reference.
        const QString clean = apptest::writePhoto(QDir(dir_.path()), "clean.png", 96, 72);
        window_->openFiles({clean}, true);
        QVERIFY(apptest::waitIdle(session()));
        QTRY_VERIFY(session().reference());
        QCOMPARE(session().itemCount(), 2);
    }

    void restoresWithTrajectoryAndPlots() {
        session().setCurrentIndex(0);
        QSignalSpy finished(&session(), &RestoreSession::restoreFinished);
        EventLoopGapMeter meter;
        meter.start();
        QVERIFY(window_->restoreCurrent());
        QVERIFY(finished.wait(120000));
        meter.stop();
        QVERIFY(apptest::waitIdle(session()));
        std::printf("GUI thread during restoration (96x72, 10 steps): longest event-loop gap %.1f ms, "
                    "mean %.2f ms over %d ticks\n", meter.maxGapMs(), meter.meanGapMs(), meter.ticks());

        const RestoreSession::Item& it = session().item(0);
        QVERIFY(it.hasResult);
        QCOMPARE(it.result.image.cols, 96);
        QCOMPARE(it.result.image.rows, 72);
        QCOMPARE(it.result.image.type(), CV_32FC3);
        // Trajectory: mu plus one frame per step.
        const TrajectoryRecord& rec = session().trajectory();
        QCOMPARE(rec.steps(), 10);
        QCOMPARE(rec.frameCount(), 10 + 1);
        QVERIFY(rec.isComplete());
        QCOMPARE(window_->trajectoryInspector()->strip()->count(), 11);
        // The last frame is the result.
        QCOMPARE(rec.frame(10).xt, it.result.display);
        // Metrics against the reference were measured.
        QVERIFY(it.result.after.valid);
        QVERIFY(it.result.before.valid);
        // The after side shows the result.
        QCOMPARE(window_->compareView()->afterImage(), it.result.display);

        // Choosing a step shows its x_t, x0 and pi*eps, and moves the plot's cursor.
        TrajectoryInspector* insp = window_->trajectoryInspector();
        insp->setCurrentFrame(4);
        QCOMPARE(insp->currentFrame(), 4);
        QCOMPARE(insp->x0View()->image().size(), QSize(96, 72));
        QCOMPARE(insp->piEpsView()->mapWidth(), 96);
        // The plot's cursor sits where the filmstrip says the frame is: the state reached, t_next.
        QCOMPARE(insp->currentTime(), rec.frame(4).tNext);
        QCOMPARE(window_->schedulePanel()->plot()->currentStep(), rec.frame(4).tNext);
        insp->stepForward();
        QCOMPARE(insp->currentFrame(), 5);
        // Play walks through the steps on a timer.
        insp->setCurrentFrame(0);
        insp->togglePlay();
        QVERIFY(insp->isPlaying());
        QTRY_VERIFY_WITH_TIMEOUT(insp->currentFrame() >= 2, 5000);
        insp->togglePlay();
        QVERIFY(!insp->isPlaying());

        // RNR series from the model's schedule, with the pi = 1 band from the reference.
        const RnrSeries& s = window_->schedulePanel()->series();
        QCOMPARE(s.t.size(), 100);
        QCOMPARE(s.sampled.size(), 10);
        QCOMPARE(s.median.size(), 100);
    }

    void savesInTheInputsBitDepthNeverOverTheInput() {
        QSignalSpy saved(&session(), &RestoreSession::saved);
        QSignalSpy errors(&session(), &RestoreSession::errorOccurred);
        // Refused: the input itself.
        QVERIFY(!session().saveResult(0, photo_, true));
        QCOMPARE(errors.count(), 1);
        QCOMPARE(errors.at(0).at(1).value<ErrorInfo>().kind, rdbm::ErrorKind::Usage);
        // Also through another name for the same file.
        const QString link = dir_.filePath("link.png");
        QVERIFY(QFile::link(photo_, link));
        QVERIFY(!session().saveResult(0, link, true));
        QCOMPARE(errors.count(), 2);

        const QString out = session().defaultOutputPath(0);
        QCOMPARE(QFileInfo(out).fileName(), QStringLiteral("street-restored.png"));
        QVERIFY(session().saveResult(0, out, false));
        QVERIFY(saved.wait(30000));
        const rdbm::Image back = rdbm::readImage(out.toStdString());
        QCOMPARE(back.bitDepth, 16);
        QCOMPARE(back.rgb.cols, 96);
        // An existing file is not replaced without asking.
        QVERIFY(session().saveResult(0, out, false));
        QVERIFY(errors.wait(30000));
        QCOMPARE(errors.last().at(1).value<ErrorInfo>().kind, rdbm::ErrorKind::Usage);
    }

    void exportsTheTrajectory() {
        QSignalSpy exported(&session(), &RestoreSession::exported);
        TrajectoryExportRequest req;
        req.directory = dir_.filePath("frames");
        req.baseName = "street";
        session().exportTrajectory(req);
        QVERIFY(exported.wait(30000));
        const QStringList files = exported.at(0).at(0).toStringList();
        // mu + 10 x (x_t, x0, pi*eps) + trajectory.json + the contact sheet
        QCOMPARE(files.size(), 1 + 10 * 3 + 1 + 1);
        for (const QString& f : files) QVERIFY2(QFileInfo(f).size() > 0, qPrintable(f));
        QVERIFY(files.last().endsWith("street_trajectory/contact_sheet.png"));
        const QImage sheet(files.last());
        QVERIFY(sheet.width() > 3 * 100);
        // No temporary files left behind.
        QCOMPARE(QDir(TrajectoryExporter::folderFor(req.directory, req.baseName)).entryList(QDir::Files).size(),
                 files.size());
    }

    void plotExports() {
        const QString png = dir_.filePath("rnr.png");
        const QString pdf = dir_.filePath("rnr.pdf");
        QVERIFY(window_->schedulePanel()->exportPng(png));
        QVERIFY(window_->schedulePanel()->exportPdf(pdf));
        QVERIFY(QFileInfo(png).size() > 1000);
        QVERIFY(QFileInfo(pdf).size() > 1000);
    }

    void comparesNoiseModulations() {
        window_->setCurrentTab(MainWindow::Tab::Comparison);
        // Opening the tab loads the bundled pi models (models/) in the background.
        QVERIFY(apptest::waitIdle(session()));
        PiComparisonPanel* panel = window_->comparisonPanel();
        panel->setMode(PiComparisonPanel::Mode::NoiseModulations);
        panel->setNoiseEta(0.5);
        // A fourth column: what auto levels does to the same photo (issue 13 §5).
        panel->setClassicalTool(static_cast<int>(rdbm::ClassicalTool::AutoLevels));
        QVERIFY(!panel->resultView(3)->isHidden());
        QSignalSpy done(&session(), &RestoreSession::comparisonFinished);
        QSignalSpy rows(&session(), &RestoreSession::comparisonRowFinished);
        QVERIFY(panel->run());
        QVERIFY(done.wait(120000));
        QCOMPARE(done.at(0).at(0).toBool(), false);
        QCOMPARE(rows.count(), 4);
        QCOMPARE(panel->finishedRows(), 4);
        const auto classical = rows.at(3).at(0).value<ComparisonRow>();
        QCOMPARE(classical.index, 3);
        QVERIFY2(classical.label.contains(QStringLiteral("auto levels")), qPrintable(classical.label));
        const cv::Mat expected =
            rdbm::applyClassical(rdbm::ClassicalTool::AutoLevels, session().item(session().currentIndex()).input.image->rgb);
        QCOMPARE(classical.display, toQImage(expected));
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(panel->resultView(i)->image().size(), QSize(96, 72));
            QCOMPARE(panel->differenceView(i)->mapWidth(), 96);
        }
        // Different noise modulations give different results.
        QVERIFY(rows.at(1).at(0).value<ComparisonRow>().display != rows.at(2).at(0).value<ComparisonRow>().display);
        // The export runs on the I/O thread: the window keeps its event loop meanwhile.
        QSignalSpy exported(&session(), &RestoreSession::exported);
        QVERIFY(panel->exportTo(dir_.filePath("comparison")));
        QVERIFY(exported.wait(30000));
        const QStringList files = exported.at(0).at(0).toStringList();
        QCOMPARE(files.size(), 4 * 2 + 2); // results, difference maps, grid, metrics
        QVERIFY(files.contains(dir_.filePath("comparison/noise-classical-autolevels-result.png")));
        // The grid carries the input and three results side by side with no letterboxing:
        // its width follows the columns, its height the photo's aspect ratio.
        const QImage grid(dir_.filePath("comparison/noise-comparison-grid.png"));
        QVERIFY(!grid.isNull());
        QVERIFY(grid.width() > grid.height());
        const QString csv = dir_.filePath("comparison/noise-comparison-metrics.csv");
        QVERIFY(files.contains(csv));
        panel->setClassicalTool(-1);
        QVERIFY(panel->resultView(3)->isHidden());
        window_->setCurrentTab(MainWindow::Tab::BeforeAfter);
    }

    // The methods comparison (issue 9): RDBM's three pi models beside an RDDM model on the
    // same photo, through the same slots, worker, grid and export. Without an RDDM model
    // it says how to load one; a checkpoint loaded by method lands in the RDDM slot, and
    // the schedule tab then draws both methods.
    void comparesMethods() {
        window_->setCurrentTab(MainWindow::Tab::Comparison);
        PiComparisonPanel* panel = window_->comparisonPanel();
        panel->setClassicalTool(-1);
        panel->setMode(PiComparisonPanel::Mode::Methods);
        QVERIFY(apptest::waitIdle(session())); // the bundled RDDM model, when there is one
        QVERIFY(panel->columnShown(RestoreSession::kRddmSlot));
        QVERIFY(!panel->resultView(RestoreSession::kRddmSlot)->isHidden());
        const auto noteShown = [panel] {
            for (QLabel* l : panel->findChildren<QLabel*>())
                if (l->text().startsWith(QStringLiteral("No RDDM model loaded")) && l->isVisible()) return true;
            return false;
        };
        if (BundledModels::findRddm().isEmpty()) {
            QVERIFY(!session().comparisonModel(RestoreSession::kRddmSlot));
            QVERIFY(noteShown());
            QVERIFY(!panel->settings().value(RestoreSession::kRddmSlot).model);
        }
        QSignalSpy slotLoaded(&session(), &RestoreSession::comparisonModelChanged);
        window_->loadComparisonModelByMethod(QStringLiteral(RDBM_FIXTURE_DIR "/rddm/trainer_s0.pt"));
        QVERIFY(apptest::waitIdle(session()));
        QCOMPARE(slotLoaded.count(), 1);
        QCOMPARE(slotLoaded.at(0).at(0).toInt(), RestoreSession::kRddmSlot);
        const ModelPtr rddm = session().comparisonModel(RestoreSession::kRddmSlot);
        QVERIFY(rddm && rddm->info().metadata.method == rdbm::Method::Rddm);
        QVERIFY(!noteShown());

        const QVector<ComparisonSetting> s = panel->settings();
        QCOMPARE(s.size(), 4);
        const QStringList labels{QStringLiteral("RDBM, \u03c0 = x\u2080 \u2212 \u03bc"), QStringLiteral("RDBM, \u03c0 = 1"),
                                 QStringLiteral("RDBM, \u03c0 = 0"), QStringLiteral("RDDM")};
        const rdbm::PiMode pis[] = {rdbm::PiMode::Residual, rdbm::PiMode::One, rdbm::PiMode::Zero};
        for (int i = 0; i < 4; ++i) QCOMPARE(s[i].label, labels[i]);
        for (int i = 0; i < 3; ++i) {
            QVERIFY(s[i].model);
            QVERIFY(s[i].model->info().metadata.method == rdbm::Method::Rdbm);
            QVERIFY(s[i].model->info().metadata.piMode == pis[i]);
        }
        QCOMPARE(s[3].model, rddm);

        QSignalSpy done(&session(), &RestoreSession::comparisonFinished);
        QSignalSpy rows(&session(), &RestoreSession::comparisonRowFinished);
        QVERIFY(panel->run());
        QVERIFY(done.wait(300000));
        QCOMPARE(done.at(0).at(0).toBool(), false);
        QCOMPARE(rows.count(), 4);
        QCOMPARE(panel->finishedRows(), 4);
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(rows.at(i).at(0).value<ComparisonRow>().label, labels[i]);
            QCOMPARE(panel->resultView(i)->image().size(), QSize(96, 72));
            QCOMPARE(panel->differenceView(i)->mapWidth(), 96);
            QVERIFY(panel->metricsTable()->rowOf(labels[i]) >= 0);
        }
        // One synchronized zoom over RDBM's and RDDM's columns.
        panel->resultView(0)->zoomState()->zoomIn();
        const auto shown = panel->resultView(0)->zoomState()->viewport();
        QVERIFY(!shown.fit);
        for (rdbm::widgets::ZoomPanState* z : {panel->resultView(RestoreSession::kRddmSlot)->zoomState(),
                                               panel->differenceView(RestoreSession::kRddmSlot)->zoomState()}) {
            QCOMPARE(z->viewport().displayedWidth, shown.displayedWidth);
            QCOMPARE(z->viewport().centre, shown.centre);
        }
        // The two methods differ on the same photo.
        QVERIFY(rows.at(0).at(0).value<ComparisonRow>().display != rows.at(3).at(0).value<ComparisonRow>().display);

        QSignalSpy exported(&session(), &RestoreSession::exported);
        QVERIFY(panel->exportTo(dir_.filePath("methods")));
        QVERIFY(exported.wait(30000));
        const QStringList files = exported.at(0).at(0).toStringList();
        QCOMPARE(files.size(), 4 * 2 + 2);
        QVERIFY(files.contains(dir_.filePath("methods/methods-rddm-result.png")));
        QVERIFY(files.contains(dir_.filePath("methods/methods-rdbm-pi-one-difference.png")));

        // The schedule tab sets the loaded RDBM model and the RDDM model on one axis.
        SchedulePlotPanel* schedule = window_->schedulePanel();
        QVERIFY(schedule->showsBothMethods());
        QVERIFY(schedule->plot()->secondRatioGraph()->name().startsWith(QStringLiteral("RDDM (trainer_s0)")));
        QVERIFY(schedule->plot()->residualGraph()->name().startsWith(QStringLiteral("RDBM (residual)")));

        panel->setMode(PiComparisonPanel::Mode::Models);
        QVERIFY(!panel->columnShown(RestoreSession::kRddmSlot));
        QCOMPARE(panel->settings().size(), 3);
        window_->setCurrentTab(MainWindow::Tab::BeforeAfter);
    }

    void settingsPersist() {
        window_->close();
        QCOMPARE(settings_->lastModel(), QFileInfo(apptest::smallModel()).absoluteFilePath());
        QCOMPARE(settings_->steps(), 10);
        QVERIFY(!settings_->windowGeometry().isEmpty());
        QVERIFY(settings_->recentFiles().contains(QDir::cleanPath(photo_)));
    }

    void cleanupTestCase() { window_.reset(); }
};

QTEST_MAIN(TestAppEndToEnd)
#include "test_app_end_to_end.moc"
