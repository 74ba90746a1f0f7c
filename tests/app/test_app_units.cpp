// The application's testable pieces on their own: trajectory records and their memory
// budget, the RNR numbers against the schedule, settings, translations, error wording,
// command-line parsing, image conversion, the trajectory exporter and the model panel.
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

#include <qcustomplot.h>

#include "AboutDialog.h"
#include "AppSettings.h"
#include "AppTestSupport.h"
#include "CommandLine.h"
#include "ErrorText.h"
#include "ImageConvert.h"
#include "ModelPanel.h"
#include "ModelPicker.h"
#include "PiComparisonPanel.h"
#include "RnrData.h"
#include "SchedulePlotPanel.h"
#include "AtomicFile.h"
#include "TrajectoryExporter.h"
#include "TrajectoryInspector.h"
#include "TrajectoryRecord.h"
#include "HeatMapView.h"
#include "Translations.h"
#include "rdbm/Colormap.h"
#include "rdbm/Model.h"
#include "rdbm/RddmSchedule.h"
#include "RnrPlot.h"

using namespace rdbm::app;

namespace {

TrajectoryRecord syntheticRecord(int steps, int w, int h) {
    TrajectoryRecord rec;
    rec.reset(QStringLiteral("/tmp/x.png"), steps, {w, h});
    const auto pairs = rdbm::samplingStepPairs(100, steps);
    for (int k = 0; k <= steps; ++k) {
        TrajectoryFrame f;
        f.step = k;
        f.steps = steps;
        f.xt = toQImage(apptest::gradient(w, h));
        if (k > 0) {
            f.t = pairs[static_cast<size_t>(k - 1)].first;
            f.tNext = pairs[static_cast<size_t>(k - 1)].second;
            f.x0 = f.xt;
            f.piEps = cv::Mat(h, w, CV_32FC1, cv::Scalar(0.1f * k));
        }
        rec.append(f);
    }
    return rec;
}

} // namespace

class TestAppUnits : public QObject {
    Q_OBJECT
private slots:
    void trajectoryRecordOrderAndBudget() {
        TrajectoryRecord rec = syntheticRecord(10, 32, 24);
        QCOMPARE(rec.frameCount(), 11);
        QVERIFY(rec.isComplete());
        QCOMPARE(rec.sampledTimes(), (QVector<int>{99, 89, 79, 69, 59, 49, 39, 29, 19, 9}));
        TrajectoryFrame late;
        late.step = 5; // out of order
        QVERIFY(!rec.append(late));
        QCOMPARE(rec.frameCount(), 11);
        // A 1024x768 10-step run fits its previews unshrunk; a 50-step one is shrunk so the
        // whole record stays within the budget.
        QVERIFY(TrajectoryRecord::previewPixels(10) >= 1024LL * 768);
        const long long px50 = TrajectoryRecord::previewPixels(50);
        QVERIFY(px50 * 51 * 10 <= 512LL << 20);
        QVERIFY(TrajectoryRecord::previewPixels(1000) >= 64 * 64);
    }

    void rnrMatchesTheSchedule() {
        rdbm::ScheduleParams p;
        p.lambda = 10.0 / 255.0;
        const rdbm::RdbmSchedule schedule(p);
        // x0 - mu = 0.1 everywhere in [0,1] units: 0.2 in [-1,1] units, squared 0.04.
        const cv::Mat mu(20, 30, CV_32FC3, cv::Scalar(0.3f, 0.3f, 0.3f));
        const cv::Mat x0(20, 30, CV_32FC3, cv::Scalar(0.4f, 0.4f, 0.4f));
        const RnrSeries s = RnrData::compute(schedule, 10, x0, mu);
        QCOMPARE(s.t.size(), 100);
        QCOMPARE(s.sampled, (QVector<double>{99, 89, 79, 69, 59, 49, 39, 29, 19, 9}));
        for (int t : {0, 10, 50, 98}) {
            QCOMPARE(s.residualRnr[t], schedule.rnrResidual(t));
            QCOMPARE(s.Theta[t], double(schedule.Theta(t)));
            QCOMPARE(s.Sigma[t], double(schedule.Sigma(t)));
            QVERIFY(std::abs(s.median[t] - schedule.rnrGlobal(0.04, t)) <= 1e-6 * s.median[t]);
            QVERIFY(std::abs(s.lower[t] - s.upper[t]) <= 1e-6 * s.upper[t]);
        }
        QCOMPARE(s.residualRnr[99], 0.0);
        // Without an x0 estimate there is no band.
        QVERIFY(RnrData::compute(schedule, 10).median.isEmpty());
    }

    void residualPercentiles() {
        // Half the pixels unchanged, half changed by 0.5 ([0,1]) = 1.0 in [-1,1] units.
        cv::Mat mu(10, 10, CV_32FC3, cv::Scalar(0.2f, 0.2f, 0.2f));
        cv::Mat x0 = mu.clone();
        x0.rowRange(5, 10).setTo(cv::Scalar(0.7f, 0.7f, 0.7f));
        const QVector<double> p = RnrData::residualSquaredPercentiles(x0, mu, {0.1, 0.9});
        QCOMPARE(p.size(), 2);
        QVERIFY(std::abs(p[0]) < 1e-9);
        QVERIFY(std::abs(p[1] - 1.0) < 1e-5);
        QVERIFY_THROWS_EXCEPTION(rdbm::Error,
                                 RnrData::residualSquaredPercentiles(x0, cv::Mat(3, 3, CV_32FC3), {0.5}));
    }

    void settingsRoundTrip() {
        QTemporaryDir dir;
        {
            AppSettings s(apptest::iniSettings(dir));
            QCOMPARE(s.steps(), 10);
            QCOMPARE(s.device(), QStringLiteral("auto"));
            s.setSteps(7);
            s.setEta(0.25);
            s.setNoiseModulation("one");
            s.setDevice("cpu");
            s.setTheme(ThemeChoice::Dark);
            s.setLastModel("/models/a.safetensors");
            for (int i = 0; i < 15; ++i) s.addRecentFile(QStringLiteral("/photos/p%1.png").arg(i));
            s.addRecentFile("/photos/p3.png"); // moves to the front, no duplicate
            s.sync();
        }
        AppSettings s(apptest::iniSettings(dir));
        QCOMPARE(s.steps(), 7);
        QCOMPARE(s.eta(), 0.25);
        QCOMPARE(s.noiseModulation(), QStringLiteral("one"));
        QCOMPARE(s.device(), QStringLiteral("cpu"));
        QVERIFY(s.theme() == ThemeChoice::Dark);
        QCOMPARE(s.lastModel(), QStringLiteral("/models/a.safetensors"));
        const QStringList recent = s.recentFiles();
        QCOMPARE(recent.size(), AppSettings::kMaxRecent);
        QCOMPARE(recent.first(), QStringLiteral("/photos/p3.png"));
        QCOMPARE(recent.count("/photos/p3.png"), 1);
        QCOMPARE(s.comparisonModels().size(), RestoreSession::kComparisonSlots);
    }

    void translationsLoadAndTranslate() {
        QCOMPARE(Translations::resolve("de_DE", {}), QStringLiteral("de"));
        QCOMPARE(Translations::resolve({}, "zh-CN"), QStringLiteral("zh_CN"));
        QCOMPARE(Translations::resolve("fr", "de"), QStringLiteral("de"));
        QCOMPARE(Translations::resolve({}, {}, QLocale(QLocale::Chinese, QLocale::China)), QStringLiteral("zh_CN"));
        QCOMPARE(Translations::resolve({}, {}, QLocale(QLocale::French, QLocale::France)), QStringLiteral("en"));

        QVERIFY(Translations::install("de"));
        QCOMPARE(Translations::installed(), QStringLiteral("de"));
        QCOMPARE(QCoreApplication::translate("rdbm::app::MainWindow", "&File"), QStringLiteral("&Datei"));
        QCOMPARE(ErrorText::title(rdbm::ErrorKind::Checkpoint), QStringLiteral("Problem mit der Modelldatei"));
        QVERIFY(Translations::install("zh_CN"));
        QCOMPARE(QCoreApplication::translate("rdbm::app::MainWindow", "&File"), QStringLiteral("文件(&F)"));
        QVERIFY(Translations::install("en"));
        QCOMPARE(QCoreApplication::translate("rdbm::app::MainWindow", "&File"), QStringLiteral("&File"));
        QVERIFY(!Translations::install("xx"));
    }

    void errorWording() {
        const ErrorInfo e{rdbm::ErrorKind::Image, "photo.png: unsupported 32-bit float TIFF"};
        QVERIFY(ErrorText::statusLine("Opening photo.png", e).contains("unsupported 32-bit"));
        QVERIFY(ErrorText::details("Opening photo.png", e).contains("PNG, JPEG"));
        QVERIFY(ErrorText::hint(rdbm::ErrorKind::Checkpoint).contains(".json"));
        // ErrorInfo keeps the kind of an rdbm::Error and treats others as runtime failures.
        QCOMPARE(ErrorInfo::from(rdbm::Error(rdbm::ErrorKind::Cancelled, "stop")).kind, rdbm::ErrorKind::Cancelled);
        QCOMPARE(ErrorInfo::from(std::runtime_error("boom")).kind, rdbm::ErrorKind::Runtime);
    }

    void commandLine() {
        const CommandLine c = CommandLine::parse({"rdbm-studio", "--open", "a.png", "--model", "m.pt", "--restore",
                                                  "--screenshot", "/tmp/s.png", "--tab", "trajectory", "--step", "3",
                                                  "--lang", "de", "b.jpg"});
        QVERIFY(c.error.isEmpty());
        QCOMPARE(c.open, QStringList{"a.png"});
        QCOMPARE(c.files, QStringList{"b.jpg"});
        QCOMPARE(c.model, QStringLiteral("m.pt"));
        QVERIFY(c.restore);
        QVERIFY(c.quitWhenDone);
        QCOMPARE(c.step, 3);
        QCOMPARE(c.lang, QStringLiteral("de"));
        QVERIFY(!CommandLine::parse({"rdbm-studio", "--steps", "zero"}).error.isEmpty());
        const CommandLine seeds = CommandLine::parse({"rdbm-studio", "--eta", "0.5", "--seeds", "4", "--restore"});
        QVERIFY(seeds.error.isEmpty());
        QCOMPARE(seeds.eta, 0.5);
        QCOMPARE(seeds.seeds, 4);
        QCOMPARE(CommandLine::parse({"rdbm-studio"}).eta, -1.0); // the saved setting
        for (const char* bad : {"1", "65", "x"})
            QVERIFY(!CommandLine::parse({"rdbm-studio", "--seeds", bad}).error.isEmpty());
        for (const char* bad : {"-0.1", "1.5", "x"})
            QVERIFY(!CommandLine::parse({"rdbm-studio", "--eta", bad}).error.isEmpty());
        QVERIFY(!CommandLine::parse({"rdbm-studio", "--bogus"}).error.isEmpty());
        const CommandLine methods = CommandLine::parse({"rdbm-studio", "--compare", "--compare-mode", "methods",
                                                        "--compare-model", "rddm.safetensors"});
        QVERIFY(methods.error.isEmpty());
        QCOMPARE(methods.compareMode, QStringLiteral("methods"));
        QCOMPARE(methods.compareModels, QStringList{"rddm.safetensors"});
        QVERIFY(!CommandLine::parse({"rdbm-studio", "--compare-mode", "method"}).error.isEmpty());
        QVERIFY(CommandLine::parse({"rdbm-studio", "--help"}).helpOrVersion);
    }

    void imageConversion() {
        cv::Mat m(2, 2, CV_32FC3, cv::Scalar(0.0f, 0.5f, 1.0f));
        m.at<cv::Vec3f>(1, 1) = cv::Vec3f(-0.2f, 1.4f, 0.25f); // out of range: clamped
        const QImage q = toQImage(m);
        QCOMPARE(q.size(), QSize(2, 2));
        QCOMPARE(q.pixel(0, 0), qRgb(0, 128, 255));
        QCOMPARE(q.pixel(1, 1), qRgb(0, 255, 64));
        const cv::Mat back = toFloatRgb(q);
        QVERIFY(std::abs(back.at<cv::Vec3f>(0, 0)[1] - 128.0f / 255.0f) < 1e-6f);
        const QImage small = toPreview(apptest::gradient(400, 300), 100 * 75);
        QVERIFY(small.width() * small.height() <= 100 * 75);
        QVERIFY(std::abs(small.width() * 3 - small.height() * 4) <= 4);
        const cv::Mat mean = channelMean(cv::Mat(3, 4, CV_32FC3, cv::Scalar(0.3f, -0.3f, 0.6f)));
        QCOMPARE(mean.type(), CV_32FC1);
        QVERIFY(std::abs(mean.at<float>(2, 3) - 0.2f) < 1e-6f);
    }

    void exporterWritesAtomically() {
        QTemporaryDir dir;
        const TrajectoryRecord rec = syntheticRecord(3, 40, 30);
        const QStringList files = TrajectoryExporter::writeFrames(rec, dir.filePath("out"), "shot");
        // The command line's layout (rdbm/TrajectoryLayout.h) in <dir>/<base>_trajectory.
        QCOMPARE(files.size(), 1 + 3 * 3 + 1);
        QVERIFY(files.contains(dir.filePath("out/shot_trajectory/xt_000.png")));
        QVERIFY(files.contains(dir.filePath("out/shot_trajectory/xt_001.png")));
        QVERIFY(files.contains(dir.filePath("out/shot_trajectory/pieps_003.png")));
        QCOMPARE(files.last(), dir.filePath("out/shot_trajectory/trajectory.json"));
        QFile manifest(files.last());
        QVERIFY(manifest.open(QIODevice::ReadOnly));
        const QByteArray json = manifest.readAll();
        QVERIFY2(json.contains("\"t\": [99, 65, 32]"), json.constData());
        QVERIFY2(json.contains("\"writer\": \"rdbm-studio\""), json.constData());
        const QImage heat(dir.filePath("out/shot_trajectory/pieps_003.png"));
        QCOMPARE(heat.size(), QSize(40, 30));
        // One scale for all steps: the largest map (0.3) sits at the top of the scale, the
        // smallest (0.1) a third of the way up.
        const rdbm::Rgb8 top = rdbm::divergingColor(1.0f, 1.0f);
        QCOMPARE(heat.pixel(5, 5), qRgb(top.r, top.g, top.b));
        const QImage first(dir.filePath("out/shot_trajectory/pieps_001.png"));
        const rdbm::Rgb8 third = rdbm::divergingColor(1.0f, 3.0f);
        QCOMPARE(first.pixel(5, 5), qRgb(third.r, third.g, third.b));
        const QImage sheet = TrajectoryExporter::contactSheet(rec, 100);
        QVERIFY(sheet.width() >= 300);
        QVERIFY(sheet.height() >= 4 * 75);
        QVERIFY_THROWS_EXCEPTION(rdbm::Error, writeImageFile(sheet, "/proc/forbidden/x.png"));
    }

    void modelPanelSaysWhatTheModelWasTrainedFor() {
        ModelPanel panel;
        panel.setModel(rdbm::Model::load(RDBM_SOURCE_DIR "/models/rdbm-residual.safetensors"));
        const QStringList lines = panel.summaryLines();
        QVERIFY2(lines.size() > 2, qPrintable(lines.join('\n')));
        // Right after the file name, before the architecture: what a user needs first.
        QCOMPARE(lines.at(1), QStringLiteral("Trained for: low light, haze")); // the checkpoint's keys, in words
        panel.setModel(rdbm::Model::load(apptest::smallModel().toStdString())); // no provenance
        QVERIFY(!panel.summaryLines().join('\n').contains("Trained for"));
    }

    // An RDDM model is described by its own terms: method, UnetRes layout, RDDM objective
    // and its schedule (no pi, no lambda).
    void modelPanelDescribesAnRddmModel() {
        ModelPanel panel;
        panel.setModel(rdbm::Model::load(RDBM_FIXTURE_DIR "/rddm/trainer_s0.pt"));
        const QString text = panel.summaryLines().join('\n');
        QVERIFY2(text.contains("Method: RDDM"), qPrintable(text));
        QVERIFY2(text.contains("UnetRes (two U-Nets), dim 8"), qPrintable(text));
        QVERIFY2(text.contains("Objective: pred_res_noise"), qPrintable(text));
        QVERIFY2(text.contains("sum_scale 1, T = 1000 (from the checkpoint's buffers)"), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("\u03bb")), qPrintable(text));
        panel.setModel(rdbm::Model::load(apptest::smallModel().toStdString()));
        QVERIFY(panel.summaryLines().join('\n').contains("Method: RDBM"));
    }

    // The schedule tab draws RDBM's curves; for an RDDM model it says so instead of drawing
    // a schedule that model does not use.
    // An RDDM model's schedule tab plots RDDM's own coefficients (abar, bbar and their
    // ratio, from the model's RddmSchedule), named as such; an RDBM model gets RDBM's back.
    void scheduleTabPlotsAnRddmModelsOwnCurves() {
        SchedulePlotPanel panel;
        auto labelsSay = [&panel](const QString& words) {
            for (QLabel* label : panel.findChildren<QLabel*>())
                if (label->text().contains(words)) return true;
            return false;
        };
        const auto rddm = rdbm::Model::load(RDBM_FIXTURE_DIR "/rddm/trainer_s0.pt");
        panel.setSteps(5);
        panel.setModel(rddm);
        const rdbm::RddmSchedule& schedule = rddm->rddmSchedule();
        const RnrSeries& s = panel.series();
        QCOMPARE(s.t.size(), schedule.T());
        for (int t = 0; t < schedule.T(); ++t) {
            QCOMPARE(s.residualRnr[t], schedule.residualToNoise(t));
            QCOMPARE(s.Theta[t], double(schedule.alphaBar(t)));
            QCOMPARE(s.Sigma[t], double(schedule.betaBar(t)));
        }
        QCOMPARE(s.sampled.size(), 5);
        QCOMPARE(s.sampled.first(), double(schedule.T() - 1)); // sampling starts at mu
        QVERIFY(s.median.isEmpty());                            // no per-pixel band for RDDM
        QVERIFY(labelsSay(QStringLiteral("RDDM</b> schedule, T = %1").arg(schedule.T())));
        QVERIFY(panel.plot()->residualGraph()->name().startsWith(QStringLiteral("RDDM")));
        QCOMPARE(panel.plot()->thetaGraph()->name(), QStringLiteral("\u1fb1(t)"));
        QVERIFY(panel.exportPngAction()->isEnabled());
        QTemporaryDir dir;
        QVERIFY(panel.exportPng(dir.filePath("rddm.png")));
        QVERIFY(!QImage(dir.filePath("rddm.png")).isNull());

        panel.setModel(rdbm::Model::load(apptest::smallModel().toStdString()));
        QVERIFY(!labelsSay(QStringLiteral("RDDM</b>")));
        QVERIFY(labelsSay("schedule, T = "));
        QCOMPARE(panel.plot()->thetaGraph()->name(), QStringLiteral("\u0398(t)"));
        QVERIFY(panel.plot()->residualGraph()->name().contains(QStringLiteral("RDBM")));
    }

    // With a model of each method loaded, the schedule tab draws both on one axis over
    // t / T (RDBM's T = 100 and RDDM's T = 1000 line up), each named with its model in the
    // legend; the cursor and the CSV export follow. The same method twice draws one.
    void scheduleTabPlotsBothMethodsOnOneAxis() {
        const auto rddm = rdbm::Model::load(RDBM_FIXTURE_DIR "/rddm/trainer_s0.pt");
        const auto rdbmModel = rdbm::Model::load(RDBM_SOURCE_DIR "/models/rdbm-residual.safetensors");
        const int rdbmT = rdbmModel->schedule().T(), rddmT = rddm->rddmSchedule().T();
        QVERIFY(rdbmT != rddmT);
        SchedulePlotPanel panel;
        panel.resize(800, 600);
        panel.setSteps(4);
        panel.setModel(rdbmModel, QStringLiteral("rdbm-residual"));
        QVERIFY(!panel.showsBothMethods());
        QVERIFY(!panel.plot()->secondRatioGraph()->visible());
        panel.setOtherModel(rdbm::Model::load(RDBM_SOURCE_DIR "/models/rdbm-one.safetensors"), "rdbm-one");
        QVERIFY(!panel.showsBothMethods()); // the same method: nothing to set beside it

        panel.setOtherModel(rddm, QStringLiteral("rddm"));
        QVERIFY(panel.showsBothMethods());
        rdbm::widgets::RnrPlot* plot = panel.plot();
        QCOMPARE(plot->normalisedTime(), rdbmT);
        QVERIFY(plot->residualGraph()->name().startsWith(QStringLiteral("RDBM (rdbm-residual)")));
        QVERIFY(plot->secondRatioGraph()->name().startsWith(QStringLiteral("RDDM (rddm)")));
        QVERIFY(plot->customPlot()->legend->hasItemWithPlottable(plot->residualGraph()));
        QVERIFY(plot->customPlot()->legend->hasItemWithPlottable(plot->secondRatioGraph()));
        QVERIFY(plot->legendAbovePlots());
        // Both on t / T in [0, 1): RDBM's last step at 99/100, RDDM's at 999/1000.
        QCOMPARE(plot->residualGraph()->data()->size(), rdbmT - 1); // R = 0 at T-1 is left out
        QCOMPARE(plot->secondRatioGraph()->data()->size(), rddmT);
        QCOMPARE(plot->secondRatioGraph()->data()->at(rddmT - 1)->key, double(rddmT - 1) / rddmT);
        QCOMPARE(plot->secondRatioGraph()->data()->at(10)->value, rddm->rddmSchedule().residualToNoise(10));
        QCOMPARE(plot->thetaGraph()->data()->at(rdbmT - 1)->key, double(rdbmT - 1) / rdbmT);
        QCOMPARE(plot->secondFirstGraph()->data()->at(500)->value, double(rddm->rddmSchedule().alphaBar(500)));
        QCOMPARE(plot->secondSecondGraph()->data()->size(), rddmT);
        const QCPRange x = plot->rnrRect()->axis(QCPAxis::atBottom)->range();
        QCOMPARE(x.lower, 0.0);
        QCOMPARE(x.upper, 1.0);
        // The cursor stays on the main model's step: t = 50 of T = 100 sits at 0.5.
        panel.setCurrentTime(50);
        QCOMPARE(plot->cursorPosition(), 0.5);
        // The CSV holds both: a header, then one row per timestep of each method.
        const QList<QByteArray> lines = panel.curvesCsv().trimmed().split('\n');
        QCOMPARE(lines.size(), 1 + rdbmT + rddmT);
        QVERIFY(lines[1].startsWith("RDBM,rdbm-residual,100,0,0,"));
        QVERIFY(lines.last().startsWith("RDDM,rddm,1000,999,0.999,"));
        QTemporaryDir dir;
        QVERIFY(panel.exportCsv(dir.filePath("both.csv")));
        QCOMPARE(QFileInfo(dir.filePath("both.csv")).size(), panel.curvesCsv().size());
        QVERIFY(panel.exportPng(dir.filePath("both.png")));
        QVERIFY(!QImage(dir.filePath("both.png")).isNull());

        // An RDDM main model with an RDBM one beside it: RDDM's curves first, on RDDM's T.
        panel.setModel(rddm, QStringLiteral("rddm"));
        panel.setOtherModel(rdbmModel, QStringLiteral("rdbm-residual"));
        QVERIFY(panel.showsBothMethods());
        QCOMPARE(plot->normalisedTime(), rddmT);
        QVERIFY(plot->residualGraph()->name().startsWith(QStringLiteral("RDDM (rddm)")));
        QVERIFY(plot->secondRatioGraph()->name().startsWith(QStringLiteral("RDBM (rdbm-residual)")));
        panel.setCurrentTime(500);
        QCOMPARE(plot->cursorPosition(), 0.5);

        // Without the other model: one method over timesteps, the legend back in its inset.
        panel.setOtherModel(nullptr);
        QVERIFY(!panel.showsBothMethods());
        QCOMPARE(plot->normalisedTime(), 0);
        QVERIFY(!plot->secondRatioGraph()->visible());
        QVERIFY(!plot->customPlot()->legend->hasItemWithPlottable(plot->secondRatioGraph()));
        QVERIFY(!plot->legendAbovePlots());
        QCOMPARE(plot->rnrRect()->axis(QCPAxis::atBottom)->range().upper, double(rddmT - 1));
        QCOMPARE(panel.curvesCsv().trimmed().split('\n').size(), 1 + rddmT);
    }

    // RDDM predicts the residual and the noise separately; the trajectory shows both as
    // heat maps. An RDBM record has no residual pane.
    void trajectoryShowsRddmsResidualAndNoise() {
        TrajectoryRecord rddm = syntheticRecord(3, 40, 30);
        TrajectoryRecord withResidual;
        withResidual.reset(rddm.sourcePath(), rddm.steps(), rddm.fullSize());
        for (TrajectoryFrame f : rddm.frames()) {
            if (f.step > 0) f.residual = cv::Mat(30, 40, CV_32FC1, cv::Scalar(-0.2f * f.step));
            QVERIFY(withResidual.append(f));
        }
        QVERIFY(withResidual.frame(1).memoryBytes() > rddm.frame(1).memoryBytes());
        TrajectoryInspector inspector;
        inspector.resize(900, 500);
        inspector.setRecord(&withResidual);
        inspector.setCurrentFrame(2);
        QVERIFY(!inspector.residualView()->isHidden());
        QCOMPARE(inspector.residualView()->title(), QStringLiteral("predicted residual \u03bc \u2212 x\u2080 at t = %1")
                                                         .arg(withResidual.frame(2).t));
        QVERIFY(inspector.piEpsView()->title().startsWith(QStringLiteral("predicted noise")));
        TrajectoryRecord rdbm = syntheticRecord(3, 40, 30);
        inspector.setRecord(&rdbm);
        inspector.setCurrentFrame(2);
        QVERIFY(inspector.residualView()->isHidden());
        QVERIFY(inspector.piEpsView()->title().startsWith(QStringLiteral("predicted \u03c0")));
    }

    // The comparison names a column for the model in it: an RDDM model beside RDBM's pi
    // settings is "RDDM", a pi = 1 model in the first slot is "pi = 1".
    void comparisonColumnsAreNamedForTheirModels() {
        const auto rddm = rdbm::Model::load(RDBM_FIXTURE_DIR "/rddm/trainer_s0.pt");
        const auto one = rdbm::Model::load(RDBM_SOURCE_DIR "/models/rdbm-one.safetensors");
        QCOMPARE(PiComparisonPanel::settingLabel(2, rddm), QStringLiteral("RDDM"));
        QCOMPARE(PiComparisonPanel::settingLabel(0, one), PiComparisonPanel::slotLabel(1));
        QCOMPARE(PiComparisonPanel::settingLabel(2, nullptr), PiComparisonPanel::slotLabel(2));
    }

    void recentModelsAreKeptInOrderWithoutDuplicates() {
        QTemporaryDir dir;
        AppSettings s(apptest::iniSettings(dir));
        for (int i = 0; i < 12; ++i) s.addRecentModel(QStringLiteral("/m/%1.pt").arg(i));
        s.addRecentModel(QStringLiteral("/m/./5.pt")); // the same file: moves to the front
        QStringList models = s.recentModels();
        QCOMPARE(models.size(), AppSettings::kMaxRecentModels);
        QCOMPARE(models.first(), QStringLiteral("/m/5.pt"));
        QCOMPARE(models.count(QStringLiteral("/m/5.pt")), 1);
        s.removeRecentModel(QStringLiteral("/m/5.pt"));
        QVERIFY(!s.recentModels().contains(QStringLiteral("/m/5.pt")));
    }

    // The toolbar's model picker: bundled models named with what they were trained for,
    // recent checkpoints once each, "Load Model…" last; a click asks, the window decides.
    void modelPickerListsBundledAndRecentModels() {
        const QString residual = RDBM_SOURCE_DIR "/models/rdbm-residual.safetensors";
        const QString one = RDBM_SOURCE_DIR "/models/rdbm-one.safetensors";
        const ModelPicker::Entry bundled = ModelPicker::describeBundled(residual);
        QCOMPARE(bundled.label, QStringLiteral("rdbm-residual \u2014 low light, haze"));
        QVERIFY2(bundled.toolTip.contains(QStringLiteral("Trained for: low light, haze")), qPrintable(bundled.toolTip));
        // A file that is not a checkpoint still gets a row, with the reason in its tooltip.
        QTemporaryDir dir;
        const QString junk = dir.filePath("junk.safetensors");
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a checkpoint");
        f.close();
        const ModelPicker::Entry broken = ModelPicker::describeBundled(junk);
        QCOMPARE(broken.label, QStringLiteral("junk"));
        QVERIFY2(broken.toolTip.contains(QStringLiteral("junk.safetensors:")), qPrintable(broken.toolTip));

        ModelPicker picker;
        const QString small = apptest::smallModel();
        picker.setEntries({bundled, ModelPicker::describeBundled(one)},
                          {ModelPicker::describeRecent(small), ModelPicker::describeRecent(residual)});
        QStringList paths;
        for (int i = 0; i < picker.count(); ++i)
            if (!picker.pathAt(i).isEmpty()) paths << picker.pathAt(i);
        QCOMPARE(paths, (QStringList{residual, one, small})); // the bundled one is not repeated
        QCOMPARE(picker.itemText(picker.loadRow()), QStringLiteral("Load Model\u2026"));

        QSignalSpy chosen(&picker, &ModelPicker::modelChosen);
        QSignalSpy browse(&picker, &ModelPicker::browseRequested);
        picker.setCurrentPath(residual);
        QCOMPARE(picker.currentText(), bundled.label);
        const int smallRow = picker.findData(small);
        emit picker.activated(smallRow);
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.at(0).at(0).toString(), small);
        // Until the window reports the new model, the picker shows the one in use.
        QCOMPARE(picker.currentText(), bundled.label);
        emit picker.activated(picker.findData(residual)); // the model in use: nothing to do
        QCOMPARE(chosen.size(), 1);
        emit picker.activated(picker.loadRow());
        QCOMPARE(browse.size(), 1);
        QCOMPARE(picker.currentText(), bundled.label);
        picker.setCurrentPath(small);
        QCOMPARE(picker.currentIndex(), smallRow);
        // The same file named relatively (as `--model models/...` does) is the same entry.
        picker.setCurrentPath(QDir::current().relativeFilePath(one));
        QCOMPARE(picker.currentIndex(), picker.findData(one));
        // Headers and separators are not models.
        QVERIFY(picker.pathAt(0).isEmpty());
        picker.setCurrentPath(QStringLiteral("/elsewhere/dropped.pt"));
        QCOMPARE(picker.currentIndex(), -1);
        QCOMPARE(picker.placeholderText(), QStringLiteral("dropped.pt"));
    }

    void aboutNamesTheVersions() {
        const QString text = AboutDialog::versionsText({});
        QVERIFY(text.contains("Qt"));
        QVERIFY(text.contains("LibTorch"));
        QVERIFY(text.contains(CV_VERSION));
    }
};

QTEST_MAIN(TestAppUnits)
#include "test_app_units.moc"
