// RnrPlot: log-axis handling of R = 0, the band clipping, the cursor and export.
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <qcustomplot.h>

#include "RnrPlot.h"

using rdbm::widgets::RnrPlot;

namespace {
QVector<double> steps(int T) {
    QVector<double> t;
    for (int i = 0; i < T; ++i) t << i;
    return t;
}
} // namespace

class TestRnrPlot : public QObject {
    Q_OBJECT
private slots:
    void zerosAreLeftOutOrClippedOnTheLogAxis() {
        RnrPlot plot;
        const int T = 10;
        const QVector<double> t = steps(T);
        QVector<double> r, low, mid, high;
        for (int i = 0; i < T; ++i) {
            const double v = i == T - 1 ? 0.0 : std::pow(10.0, 3.0 - i * 0.5); // R = 0 at t = T-1
            r << v;
            low << 0.0; // clean pixels: R = 0
            mid << v * 0.1;
            high << v * 10.0;
        }
        plot.setResidualRnr(t, r);
        plot.setGlobalRnrBand(t, low, mid, high);
        QCOMPARE(plot.residualGraph()->dataCount(), T - 1);
        const QCPRange y = plot.rnrRect()->axis(QCPAxis::atLeft)->range();
        QVERIFY(y.lower > 0.0);
        QVERIFY(y.lower <= mid[T - 2]);
        QVERIFY(y.upper >= high[0]);
        for (auto it = plot.residualGraph()->data()->constBegin(); it != plot.residualGraph()->data()->constEnd(); ++it)
            QVERIFY(it->value > 0.0 && std::isfinite(it->value));
        // The lower band edge sits on the bottom of the axis where R = 0.
        QCOMPARE(plot.bandLowerGraph()->dataCount(), T - 1);
        for (auto it = plot.bandLowerGraph()->data()->constBegin(); it != plot.bandLowerGraph()->data()->constEnd(); ++it)
            QCOMPARE(it->value, y.lower);
        QCOMPARE(plot.medianGraph()->dataCount(), T - 1);
        QVERIFY(plot.bandUpperGraph()->visible());
        // Mismatched sizes are ignored.
        plot.setResidualRnr(t, QVector<double>{1.0});
        QCOMPARE(plot.residualGraph()->dataCount(), T - 1);
        plot.customPlot()->replot();
    }

    void cursorFollowsCurrentStep() {
        RnrPlot plot;
        plot.setSchedule(steps(100), QVector<double>(100, 0.5), QVector<double>(100, 0.1));
        QVERIFY(std::isnan(plot.cursorPosition()));
        plot.setCurrentStep(42);
        QCOMPARE(plot.currentStep(), 42);
        QCOMPARE(plot.cursorPosition(), 42.0);
        plot.setCurrentStep(99);
        QCOMPARE(plot.cursorPosition(), 99.0);
        plot.setCurrentStep(-1);
        QVERIFY(std::isnan(plot.cursorPosition()));
    }

    void sampledStepsAreMarked() {
        RnrPlot plot;
        const QVector<double> t = steps(100);
        QVector<double> r, theta;
        for (int i = 0; i < 100; ++i) {
            r << (i == 99 ? 0.0 : 1.0 / (i + 1));
            theta << 1.0 - i / 99.0;
        }
        plot.setResidualRnr(t, r);
        plot.setSchedule(t, theta, QVector<double>(100, 0.05));
        plot.setSampledSteps({99, 89, 79, 9});
        // t = 99 has R = 0: no marker on the log curve, but one on Theta.
        QCOMPARE(plot.sampledMarksGraph()->dataCount(), 3);
        QCOMPARE(plot.scheduleMarksGraph()->dataCount(), 4);
        double y = 0.0;
        auto it = plot.sampledMarksGraph()->data()->findBegin(89, false);
        QCOMPARE(it->key, 89.0);
        y = it->value;
        QCOMPARE(y, 1.0 / 90);
    }

    void clickAsksForTheStep() {
        RnrPlot plot;
        plot.resize(600, 400);
        plot.setSchedule(steps(100), QVector<double>(100, 0.5), QVector<double>(100, 0.1));
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.customPlot()->replot();
        QSignalSpy spy(&plot, &RnrPlot::stepClicked);
        QCPAxis* x = plot.scheduleRect()->axis(QCPAxis::atBottom);
        const QPoint pos(static_cast<int>(std::lround(x->coordToPixel(30.0))), plot.scheduleRect()->rect().center().y());
        QTest::mouseClick(plot.customPlot(), Qt::LeftButton, Qt::NoModifier, pos);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toInt(), 30);
    }

    void exportsPngAndPdf() {
        RnrPlot plot;
        plot.resize(600, 400);
        QVector<double> r;
        for (int i = 0; i < 100; ++i) r << (i == 99 ? 0.0 : std::exp(-0.1 * i));
        plot.setResidualRnr(steps(100), r);
        plot.setCurrentStep(50);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString png = dir.filePath(QStringLiteral("rnr.png"));
        const QString pdf = dir.filePath(QStringLiteral("rnr.pdf"));
        QVERIFY(plot.exportPng(png, 640, 480));
        QVERIFY(plot.exportPdf(pdf, 640, 480));
        const QImage img(png);
        QCOMPARE(img.size(), QSize(640, 480));
        QFile f(pdf);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.size() > 1000);
        QVERIFY(f.read(5) == "%PDF-");
    }
};

QTEST_MAIN(TestRnrPlot)
#include "test_rnr_plot.moc"
