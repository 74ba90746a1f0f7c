// Restore N Seeds (issue 11 §5) through the session and the uncertainty panel: refused
// with eta = 0, run on the restore worker with progress over every run's steps, the
// result is the mean of the seeds' separate restorations and the panel shows their
// standard deviation; Esc (cancel) stops it and keeps the previous result. The π
// comparison shows each setting's spread side by side.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/core.hpp>

#include "AppTestSupport.h"
#include "HeatMapView.h"
#include "PiComparisonPanel.h"
#include "RestoreSession.h"
#include "UncertaintyPanel.h"
#include "rdbm/Sampler.h"

using namespace rdbm::app;

class TestAppUncertainty : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    RestoreSession* session_ = nullptr;
    UncertaintyPanel* panel_ = nullptr;

    rdbm::SamplerOptions stochastic(int steps) const {
        rdbm::SamplerOptions o;
        o.steps = steps;
        o.eta = 1.0;
        o.noiseModulation = rdbm::PiMode::One; // the fixture's network predicts almost no residual
        o.seed = 5;
        return o;
    }

private slots:
    void initTestCase() {
        registerMetaTypes();
        session_ = new RestoreSession(this);
        panel_ = new UncertaintyPanel(session_);
        session_->loadModel(apptest::smallModel());
        QVERIFY(apptest::waitIdle(*session_));
        QVERIFY(session_->model());
        session_->addInputs({apptest::writePhoto(QDir(dir_.path()), QStringLiteral("photo.png"), 48, 40)});
        QVERIFY(apptest::waitIdle(*session_));
        session_->setCurrentIndex(0);
        QVERIFY(panel_->runAction()->isEnabled());
        QVERIFY(panel_->isHidden()); // no map yet
    }

    void cleanupTestCase() { delete panel_; }

    void refusedWhenTheSamplerIsDeterministic() {
        rdbm::SamplerOptions o = stochastic(3);
        o.eta = 0.0;
        session_->setSamplerOptions(o);
        QSignalSpy errors(session_, &RestoreSession::errorOccurred);
        QVERIFY(!panel_->run(3));
        QCOMPARE(errors.count(), 1);
        QVERIFY(errors.at(0).at(1).value<ErrorInfo>().message.contains(QStringLiteral("same image")));
        QVERIFY(!session_->isBusy());
        QVERIFY(panel_->isHidden());
        QVERIFY(!session_->item(0).hasResult);
    }

    void resultIsTheMeanAndThePanelShowsTheSpread() {
        session_->setSamplerOptions(stochastic(3));
        QSignalSpy started(session_, &RestoreSession::restoreStarted);
        QSignalSpy progress(session_, &RestoreSession::progress);
        QSignalSpy finished(session_, &RestoreSession::restoreFinished);
        QVERIFY(panel_->run(3));
        QCOMPARE(session_->state(), RestoreSession::State::Restoring);
        QVERIFY(!panel_->runAction()->isEnabled());
        QVERIFY(apptest::waitIdle(*session_));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(started.at(0).at(1).toInt(), 9); // 3 runs x 3 steps
        QCOMPARE(progress.count(), 9);
        for (int i = 0; i < progress.count(); ++i) {
            QCOMPARE(progress.at(i).at(1).toInt(), i + 1);
            QCOMPARE(progress.at(i).at(2).toInt(), 9);
        }

        const RestoreOutcome& r = session_->item(0).result;
        QCOMPARE(r.seeds, 3);
        QCOMPARE(r.stdDev.size(), cv::Size(48, 40));
        QVERIFY(r.maxStd > 0.0);
        QVERIFY(r.meanStd > 0.0 && r.meanStd <= r.maxStd);
        // The mean of the seeds 5, 6, 7 restored one by one.
        const rdbm::Image& input = *session_->item(0).input.image;
        cv::Mat mean = cv::Mat::zeros(input.rgb.size(), CV_32FC3);
        for (std::uint64_t seed : {5u, 6u, 7u}) {
            rdbm::SamplerOptions o = stochastic(3);
            o.seed = seed;
            mean += rdbm::restore(*session_->model(), input.rgb, o).image / 3.0;
        }
        QVERIFY(cv::norm(mean, r.image, cv::NORM_INF) < 1e-5);

        QVERIFY(!panel_->isHidden());
        QCOMPARE(panel_->mapView()->mapWidth(), 48);
        QCOMPARE(panel_->mapView()->mapHeight(), 40);
        QCOMPARE(panel_->mapView()->valueAt(10, 20), r.stdDev.at<float>(20, 10));
        QVERIFY(panel_->mapView()->isNonNegative());
        QVERIFY(panel_->infoText().contains(QStringLiteral("seeds 5 to 7")));
        QVERIFY(panel_->runAction()->isEnabled());
    }

    void piComparisonShowsEachSettingsSpread() {
        PiComparisonPanel comparison(session_);
        rdbm::SamplerOptions base = stochastic(2);
        base.eta = 0.0;
        comparison.setBaseOptions(base);
        comparison.setSpreadSeeds(2);
        QCOMPARE(comparison.spreadSeeds(), 2);
        // Three models at eta = 0: every seed gives the same images.
        QVERIFY(!comparison.run());
        QVERIFY(!session_->isBusy());

        comparison.setMode(PiComparisonPanel::Mode::NoiseModulations);
        comparison.setNoiseEta(1.0);
        QSignalSpy steps(session_, &RestoreSession::comparisonStep);
        QVERIFY(comparison.run());
        QVERIFY(apptest::waitIdle(*session_));
        QCOMPARE(comparison.finishedRows(), 3);
        int maxStepsRow1 = 0, maxStepsRow2 = 0;
        for (const QList<QVariant>& s : std::as_const(steps)) {
            if (s.at(0).toInt() == 1) maxStepsRow1 = std::max(maxStepsRow1, s.at(2).toInt());
            if (s.at(0).toInt() == 2) maxStepsRow2 = std::max(maxStepsRow2, s.at(2).toInt());
        }
        QCOMPARE(maxStepsRow1, 4); // 2 seeds x 2 steps
        QCOMPARE(maxStepsRow2, 2); // noise x 0 draws nothing: one run
        double spread[3] = {0.0, 0.0, 0.0};
        for (int r = 0; r < 3; ++r) {
            rdbm::widgets::HeatMapView* v = comparison.spreadView(r);
            QCOMPARE(v->mapWidth(), 48);
            QCOMPARE(v->mapHeight(), 40);
            QVERIFY(!v->isHidden());
            for (int y = 0; y < 40; ++y)
                for (int x = 0; x < 48; ++x) spread[r] = std::max(spread[r], static_cast<double>(v->valueAt(x, y)));
        }
        QVERIFY(spread[1] > 1e-4);      // noise x 1
        QCOMPARE(spread[2], 0.0);       // noise x 0
        QVERIFY(spread[0] < spread[1]); // noise x (x0 - mu): the near-identity network predicts little residual
        QCOMPARE(comparison.spreadView(0)->limit(), comparison.spreadView(1)->limit()); // one scale
    }

    void cancelStopsAndKeepsThePreviousResult() {
        session_->setSamplerOptions(stochastic(6));
        QSignalSpy cancelled(session_, &RestoreSession::restoreCancelled);
        QSignalSpy progress(session_, &RestoreSession::progress);
        connect(session_, &RestoreSession::progress, session_, [this](int, int step) {
            if (step == 2) session_->cancel(); // what Esc does
        });
        QVERIFY(panel_->run(4));
        QVERIFY(apptest::waitIdle(*session_));
        QCOMPARE(cancelled.count(), 1);
        QVERIFY(progress.count() < 24);
        QCOMPARE(session_->item(0).result.seeds, 3); // the previous map stays
        QVERIFY(!panel_->isHidden());
        QCOMPARE(panel_->mapView()->mapWidth(), 48);
    }
};

QTEST_MAIN(TestAppUncertainty)
#include "test_app_uncertainty.moc"
