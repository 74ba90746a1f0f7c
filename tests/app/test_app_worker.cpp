// The worker threads: one progress report per sampling step, in order; cancellation stops
// after the current step and leaves the session consistent (idle, item cancelled, the
// trajectory holding exactly the steps done, a new run possible); errors arrive as
// rdbm::Error kinds and the application carries on.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include "AppTestSupport.h"
#include "RestoreSession.h"
#include "RestoreWorker.h"
#include "rdbm/Model.h"

using namespace rdbm::app;

class TestAppWorker : public QObject {
    Q_OBJECT

    ModelPtr model_;
    ImagePtr input_;

private slots:
    void initTestCase() {
        registerMetaTypes();
        model_ = rdbm::Model::load(apptest::smallModel().toStdString());
        QVERIFY(model_);
        auto img = std::make_shared<rdbm::Image>();
        img->rgb = apptest::gradient(48, 40);
        input_ = img;
    }

    void progressIsOneSignalPerStepInOrder() {
        QThread thread;
        auto* worker = new RestoreWorker;
        worker->moveToThread(&thread);
        connect(&thread, &QThread::finished, worker, &QObject::deleteLater);
        thread.start();
        QSignalSpy started(worker, &RestoreWorker::restoreStarted);
        QSignalSpy steps(worker, &RestoreWorker::stepCompleted);
        QSignalSpy finished(worker, &RestoreWorker::restoreFinished);
        QSignalSpy failed(worker, &RestoreWorker::restoreFailed);

        RestoreJob job;
        job.id = 1;
        job.input = input_;
        job.model = model_;
        job.options.steps = 7;
        job.previewPixels = 1 << 20;
        QMetaObject::invokeMethod(worker, [worker, job] { worker->restore(job); });
        QVERIFY(finished.wait(60000));
        QCOMPARE(failed.count(), 0);
        QCOMPARE(started.count(), 1);
        QCOMPARE(started.at(0).at(1).toInt(), 7);
        QCOMPARE(steps.count(), 7 + 1); // mu, then one per step
        const auto pairs = rdbm::samplingStepPairs(model_->schedule().T(), 7);
        for (int i = 0; i < steps.count(); ++i) {
            const auto f = steps.at(i).at(1).value<TrajectoryFrame>();
            QCOMPARE(f.step, i);
            QCOMPARE(f.steps, 7);
            QCOMPARE(f.xt.size(), QSize(48, 40));
            if (i > 0) {
                QCOMPARE(f.t, pairs[static_cast<size_t>(i - 1)].first);
                QCOMPARE(f.tNext, pairs[static_cast<size_t>(i - 1)].second);
                QCOMPARE(f.x0.size(), QSize(48, 40));
                QCOMPARE(f.piEps.cols, 48);
                QCOMPARE(f.piEps.type(), CV_32FC1);
            }
        }
        const auto out = finished.at(0).at(1).value<RestoreOutcome>();
        QCOMPARE(out.image.cols, 48);
        QCOMPARE(out.image.rows, 40);
        QCOMPARE(out.display.size(), QSize(48, 40));
        QVERIFY(out.tileRects.isEmpty()); // one whole-image call

        // Forced 16-px tiles: the outcome says where each lay, covering the photo.
        job.id = 2;
        job.options.steps = 2;
        job.options.tileSize = 16;
        job.options.tileOverlap = 4;
        QMetaObject::invokeMethod(worker, [worker, job] { worker->restore(job); });
        QVERIFY(finished.wait(60000));
        const auto tiled = finished.at(1).at(1).value<RestoreOutcome>();
        QCOMPARE(tiled.tileRects.size(), tiled.tiles);
        QVERIFY(tiled.tiles > 1);
        QRegion covered;
        for (const QRect& r : tiled.tileRects) {
            QCOMPARE(r.size(), QSize(16, 16));
            covered += r;
        }
        QCOMPARE(covered.boundingRect(), QRect(0, 0, 48, 40));
        QCOMPARE(QRegion(0, 0, 48, 40).subtracted(covered), QRegion());
        thread.quit();
        thread.wait();
    }

    void cancelStopsAfterTheCurrentStep() {
        QThread thread;
        auto* worker = new RestoreWorker;
        worker->moveToThread(&thread);
        connect(&thread, &QThread::finished, worker, &QObject::deleteLater);
        thread.start();
        QSignalSpy finished(worker, &RestoreWorker::restoreFinished);
        QSignalSpy cancelled(worker, &RestoreWorker::restoreCancelled);
        int seen = 0;
        // Ask to cancel while step 3 is reported (from the worker thread, as a click could land).
        connect(worker, &RestoreWorker::stepCompleted, worker, [worker, &seen](int id, const TrajectoryFrame& f) {
            seen = f.step;
            if (f.step == 3) worker->requestCancel(id);
        }, Qt::DirectConnection);

        RestoreJob job;
        job.id = 5;
        job.input = input_;
        job.model = model_;
        job.options.steps = 10;
        job.previewPixels = 0; // progress only
        QMetaObject::invokeMethod(worker, [worker, job] { worker->restore(job); });
        QVERIFY(cancelled.wait(60000));
        QCOMPARE(finished.count(), 0);
        QCOMPARE(cancelled.at(0).at(0).toInt(), 5);
        QCOMPARE(cancelled.at(0).at(1).toInt(), 3);
        QCOMPARE(seen, 3); // no step ran after the cancelled one
        // An earlier job's cancellation does not touch a later job.
        QVERIFY(worker->isCancelled(5));
        QVERIFY(!worker->isCancelled(6));
        thread.quit();
        thread.wait();
    }

    void sessionCancelLeavesAConsistentState() {
        QTemporaryDir dir;
        const QString photo = apptest::writePhoto(QDir(dir.path()), "photo.png", 320, 240);
        RestoreSession session;
        session.loadModel(apptest::smallModel());
        session.addInputs({photo});
        QVERIFY(apptest::waitIdle(session));
        QVERIFY(session.model());
        rdbm::SamplerOptions o;
        o.steps = 10;
        session.setSamplerOptions(o);

        QSignalSpy cancelled(&session, &RestoreSession::restoreCancelled);
        QSignalSpy finished(&session, &RestoreSession::restoreFinished);
        QSignalSpy progress(&session, &RestoreSession::progress);
        connect(&session, &RestoreSession::progress, &session, [&session](int, int step) {
            if (step == 2) session.cancel();
        });
        QVERIFY(session.restoreCurrent());
        QVERIFY(session.state() == RestoreSession::State::Restoring);
        QVERIFY(session.isBusy());
        QVERIFY(cancelled.wait(60000));
        QVERIFY(apptest::waitIdle(session));
        QCOMPARE(finished.count(), 0);
        QVERIFY(session.state() == RestoreSession::State::Idle);
        const int done = cancelled.at(0).at(1).toInt();
        // The cancel was asked when step 2 reached the GUI thread; the worker may have gone
        // on meanwhile (the exact "after the current step" is checked above), but stops early.
        QVERIFY2(done >= 2 && done < 10, qPrintable(QString::number(done)));
        QCOMPARE(progress.count(), done);
        QVERIFY(session.item(0).status == RestoreSession::ItemStatus::Cancelled);
        QVERIFY(!session.item(0).hasResult);
        QCOMPARE(session.trajectory().frameCount(), done + 1);
        QVERIFY(!session.trajectory().isComplete());

        // The session takes the next run as if nothing happened.
        disconnect(&session, &RestoreSession::progress, &session, nullptr);
        QVERIFY(session.restoreCurrent());
        QVERIFY(finished.wait(60000));
        QVERIFY(apptest::waitIdle(session));
        QVERIFY(session.item(0).status == RestoreSession::ItemStatus::Done);
        QVERIFY(session.trajectory().isComplete());
        QCOMPARE(session.trajectory().frameCount(), 11);
    }

    void errorsArriveAsKindsAndTheSessionCarriesOn() {
        QTemporaryDir dir;
        RestoreSession session;
        QSignalSpy errors(&session, &RestoreSession::errorOccurred);
        session.loadModel(apptest::goldenFile("bad_shape.pt"));
        QVERIFY(apptest::waitIdle(session));
        QCOMPARE(errors.count(), 1);
        QCOMPARE(errors.at(0).at(1).value<ErrorInfo>().kind, rdbm::ErrorKind::Checkpoint);
        QVERIFY(!session.model());

        // A photo that cannot be decoded: the item fails, the session stays usable.
        QFile broken(dir.filePath("broken.png"));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("\x89PNG\r\n\x1a\nthis is not really a png");
        broken.close();
        session.addInputs({broken.fileName()});
        QVERIFY(apptest::waitIdle(session));
        QCOMPARE(errors.count(), 2);
        QCOMPARE(errors.at(1).at(1).value<ErrorInfo>().kind, rdbm::ErrorKind::Image);
        QVERIFY(session.item(0).status == RestoreSession::ItemStatus::Failed);

        session.loadModel(apptest::smallModel());
        QVERIFY(apptest::waitIdle(session));
        QVERIFY(session.model());
        QVERIFY(!session.restoreCurrent()); // nothing decoded to restore
        QVERIFY(session.state() == RestoreSession::State::Idle);
    }
};

QTEST_MAIN(TestAppWorker)
#include "test_app_worker.moc"
