// The run record in the application (issue 11 §4): a saved result carries the same record
// as rdbm-restore writes (model file and SHA-256, method, sampler settings); opening it shows
// "Made with …" in the info line and the queue's tooltip; Restore Again with These Settings
// sets the controls and loads the recorded model, and says so when that file is missing or
// differs instead of loading it; a photo whose record is malformed still opens.
#include <QAction>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

#include "AppTestSupport.h"
#include "CompareView.h"
#include "InputQueueView.h"
#include "MainWindow.h"
#include "RestoreSession.h"
#include "SamplerControls.h"
#include "rdbm/ImageIO.h"
#include "rdbm/RestoreRecord.h"
#include "rdbm/Sha256.h"
#include "rdbm/Version.h"

using namespace rdbm::app;

class TestAppRecord : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::unique_ptr<AppSettings> settings_;
    std::unique_ptr<MainWindow> window_;
    QString photo_;  // the original
    QString model_;  // the model that makes the result: a copy of the fixture, under another name
    QString result_; // the saved result

    RestoreSession& session() { return *window_->session(); }

    static bool copy(const QString& from, const QString& to) {
        QFile::remove(to);
        return QFile::copy(from, to);
    }

    // Loads a model and waits for it.
    bool loadModel(const QString& path) {
        QSignalSpy changed(&session(), &RestoreSession::modelChanged);
        window_->loadModel(path);
        return apptest::waitIdle(session()) && changed.count() == 1 && session().modelPath() == path;
    }

    int openAndSelect(const QString& path) {
        window_->openFiles({path});
        if (!apptest::waitIdle(session())) return -1;
        const int index = session().indexOf(path);
        session().setCurrentIndex(index);
        return index;
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        settings_ = std::make_unique<AppSettings>(apptest::iniSettings(dir_));
        window_ = std::make_unique<MainWindow>(*settings_);
        window_->setInteractive(false);
        window_->resize(1200, 800);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        photo_ = apptest::writePhoto(QDir(dir_.path()), QStringLiteral("original.png"), 48, 40);
        model_ = dir_.filePath(QStringLiteral("made-with.pt"));
        QVERIFY(copy(apptest::smallModel(), model_));
        QVERIFY(copy(apptest::smallModel() + QStringLiteral(".json"), model_ + QStringLiteral(".json")));
        QVERIFY(loadModel(model_));
        QCOMPARE(openAndSelect(photo_), 0);
        QVERIFY(!window_->restoreAgainAction()->isEnabled()); // the original carries no record
    }

    void savedResultCarriesTheRunRecord() {
        rdbm::SamplerOptions o = window_->samplerControls()->options();
        o.steps = 4;
        o.eta = 0.5;
        o.noiseModulation = rdbm::PiMode::One;
        o.seed = 7;
        o.tileSize = 0;
        window_->samplerControls()->setOptions(o);
        QSignalSpy finished(&session(), &RestoreSession::restoreFinished);
        QVERIFY(window_->restoreCurrent());
        QVERIFY(apptest::waitIdle(session()));
        QCOMPARE(finished.count(), 1);

        result_ = dir_.filePath(QStringLiteral("original-restored.png"));
        QSignalSpy saved(&session(), &RestoreSession::saved);
        QVERIFY(session().saveResult(0, result_, false));
        QVERIFY(saved.wait(30000));
        const auto record = rdbm::readRestoreRecord(result_.toStdString());
        QVERIFY(record.has_value());
        QCOMPARE(QString::fromStdString(record->modelFile), model_);
        QCOMPARE(record->modelSha256, rdbm::sha256File(model_.toStdString()));
        QCOMPARE(record->modelSha256.size(), size_t{64});
        QCOMPARE(record->method, std::string("rdbm"));
        QCOMPARE(record->pi, std::string("residual"));
        QCOMPARE(record->steps, 4);
        QCOMPARE(record->eta, 0.5);
        QCOMPARE(record->piNoise, std::string("one"));
        QCOMPARE(record->seed, std::uint64_t{7});
        QCOMPARE(record->seeds, 1);
        QCOMPARE(record->tileSize, 0); // 48x40 runs whole
        QCOMPARE(record->tileOverlap, o.tileOverlap);
        QCOMPARE(record->device, std::string("cpu"));
        QCOMPARE(record->version, std::string(RDBM_VERSION));
        QVERIFY(!record->time.empty());

        // Other formats carry it too (JPEG: a COM segment).
        const QString jpeg = dir_.filePath(QStringLiteral("original-restored.jpg"));
        QVERIFY(session().saveResult(0, jpeg, false));
        QVERIFY(saved.wait(30000));
        const auto inJpeg = rdbm::readRestoreRecord(jpeg.toStdString());
        QVERIFY(inJpeg.has_value());
        QCOMPARE(inJpeg->modelSha256, record->modelSha256);
        QCOMPARE(inJpeg->seed, std::uint64_t{7});
    }

    void openingAResultShowsHowItWasMade() {
        const int index = openAndSelect(result_);
        QVERIFY(index > 0);
        const RestoreSession::Item& it = session().item(index);
        QVERIFY(it.record.present);
        QVERIFY(it.record.error.isEmpty());
        const QString info = window_->photoInfoText();
        QVERIFY2(info.contains(QStringLiteral("Made with made-with.pt, RDBM")), qPrintable(info));
        for (const char* part : {"\u03c0 residual", "4 step", "\u03b7 0.5 (noise one)", "seed 7", " UTC"})
            QVERIFY2(info.contains(QString::fromUtf8(part)), qPrintable(info + QStringLiteral(" lacks ") + part));
        const QString tip = window_->queueView()->itemToolTip(index);
        QVERIFY2(tip.contains(QStringLiteral("Made with made-with.pt")), qPrintable(tip));
        QVERIFY(window_->restoreAgainAction()->isEnabled());
        session().setCurrentIndex(0);
        QVERIFY(!window_->restoreAgainAction()->isEnabled());
        QVERIFY(!window_->photoInfoText().contains(QStringLiteral("Made with")));
        session().setCurrentIndex(index);
    }

    void restoreAgainSetsTheControlsAndLoadsTheModel() {
        // Other settings and another file (the fixture itself) in use.
        QVERIFY(loadModel(apptest::smallModel()));
        rdbm::SamplerOptions o = window_->samplerControls()->options();
        o.steps = 2;
        o.eta = 0.0;
        o.noiseModulation = rdbm::PiMode::Residual;
        o.seed = 1;
        o.tileSize = 128;
        window_->samplerControls()->setOptions(o);

        QSignalSpy changed(&session(), &RestoreSession::modelChanged);
        window_->restoreAgainAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 30000);
        QVERIFY(apptest::waitIdle(session()));
        QCOMPARE(session().modelPath(), model_);
        const rdbm::SamplerOptions set = window_->samplerControls()->options();
        QCOMPARE(set.steps, 4);
        QCOMPARE(set.eta, 0.5);
        QVERIFY(set.noiseModulation == rdbm::PiMode::One);
        QCOMPARE(set.seed, std::uint64_t{7});
        QCOMPARE(set.tileSize, 0);
        QCOMPARE(session().samplerOptions().steps, 4);
        QVERIFY2(window_->statusText().contains(QStringLiteral("open the original photo")),
                 qPrintable(window_->statusText()));

        // Restoring the original with them gives the same image as the saved result.
        session().setCurrentIndex(0);
        QVERIFY(window_->restoreCurrent());
        QVERIFY(apptest::waitIdle(session()));
        const rdbm::Image saved = rdbm::readImage(result_.toStdString());
        const cv::Mat again = session().item(0).result.image;
        QCOMPARE(again.size(), saved.rgb.size());
        QVERIFY(cv::norm(again, saved.rgb, cv::NORM_INF) <= 1.0 / 255.0 + 1e-6);
        session().setCurrentIndex(session().indexOf(result_));
    }

    void restoreAgainRefusesAMissingOrDifferentModel() {
        QVERIFY(loadModel(apptest::smallModel()));
        const QString moved = model_ + QStringLiteral(".moved");
        QVERIFY(QFile::rename(model_, moved));
        window_->restoreAgainAction()->trigger();
        QVERIFY(apptest::waitIdle(session()));
        QVERIFY2(window_->lastError().contains(QStringLiteral("is not here")), qPrintable(window_->lastError()));
        QCOMPARE(session().modelPath(), apptest::smallModel());

        // Another file under the recorded name: its checksum differs, so it is not loaded.
        QFile other(model_);
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.write("not the model that made the photo");
        other.close();
        window_->restoreAgainAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(window_->lastError().contains(QStringLiteral("is not the file that made this photo")),
                                 30000);
        QVERIFY(apptest::waitIdle(session()));
        QCOMPARE(session().modelPath(), apptest::smallModel());

        // The right file loaded by hand is recognised.
        QVERIFY(QFile::remove(model_));
        QVERIFY(QFile::rename(moved, model_));
        QVERIFY(loadModel(model_));
        QTRY_VERIFY_WITH_TIMEOUT(window_->statusText().contains(QStringLiteral("SHA-256 matches")), 30000);
    }

    void aCorruptRecordDoesNotStopThePhotoFromOpening() {
        rdbm::Image img;
        img.rgb = apptest::gradient(32, 24);
        img.bitDepth = 8;
        rdbm::WriteOptions wo;
        wo.record = "{\"steps\": \"many\""; // not JSON
        const QString broken = dir_.filePath(QStringLiteral("broken-record.png"));
        rdbm::writeImage(broken.toStdString(), img, wo);
        const int index = openAndSelect(broken);
        QVERIFY(index >= 0);
        const RestoreSession::Item& it = session().item(index);
        QVERIFY(it.status == RestoreSession::ItemStatus::Ready);
        QCOMPARE(it.input.display.size(), QSize(32, 24));
        QVERIFY(!it.record.present);
        QVERIFY(!it.record.error.isEmpty());
        const QString info = window_->photoInfoText();
        QVERIFY2(info.contains(QStringLiteral("the run record could not be read")), qPrintable(info));
        QVERIFY(!window_->restoreAgainAction()->isEnabled());
        QCOMPARE(window_->compareView()->beforeImage().size(), QSize(32, 24));
    }
};

QTEST_MAIN(TestAppRecord)
#include "test_app_record.moc"
