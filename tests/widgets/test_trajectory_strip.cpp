// TrajectoryStrip: selection by click and keys, clamping at the ends, scrolling to the
// current frame, lazy thumbnails.
#include <QScrollBar>
#include <QSignalSpy>
#include <QtTest>

#include "TrajectoryStrip.h"

using rdbm::widgets::TrajectoryFrame;
using rdbm::widgets::TrajectoryStrip;

namespace {
QVector<TrajectoryFrame> frames(int n, QSize size = {320, 240}) {
    QVector<TrajectoryFrame> out;
    for (int i = 0; i < n; ++i) {
        QImage img(size, QImage::Format_RGB32);
        img.fill(qRgb(i * 2 % 256, 100, 255 - i % 256));
        out.push_back({img, QStringLiteral("t = %1").arg(n - 1 - i)});
    }
    return out;
}
} // namespace

class TestTrajectoryStrip : public QObject {
    Q_OBJECT
private slots:
    void emptyStrip() {
        TrajectoryStrip s;
        QCOMPARE(s.count(), 0);
        QCOMPARE(s.currentStep(), -1);
        QSignalSpy spy(&s, &TrajectoryStrip::currentStepChanged);
        s.setCurrentStep(3);
        QTest::keyClick(&s, Qt::Key_Right);
        QCOMPARE(spy.count(), 0);
        QCOMPARE(s.frameAt(QPoint(10, 10)), -1);
        QVERIFY(!s.grab().isNull());
    }

    void clickAndKeysSelectAndClamp() {
        TrajectoryStrip s;
        s.resize(900, 140);
        QSignalSpy spy(&s, &TrajectoryStrip::currentStepChanged);
        s.setFrames(frames(5));
        QCOMPARE(s.currentStep(), 0);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.takeFirst().at(0).toInt(), 0);
        s.show();
        QVERIFY(QTest::qWaitForWindowExposed(&s));

        QTest::mouseClick(s.viewport(), Qt::LeftButton, Qt::NoModifier, s.frameRect(3).center());
        QCOMPARE(s.currentStep(), 3);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.takeFirst().at(0).toInt(), 3);
        // Clicking the current frame again or empty space changes nothing.
        QTest::mouseClick(s.viewport(), Qt::LeftButton, Qt::NoModifier, s.frameRect(3).center());
        QTest::mouseClick(s.viewport(), Qt::LeftButton, Qt::NoModifier, QPoint(s.viewport()->width() - 3, 5));
        QCOMPARE(spy.count(), 0);

        QTest::keyClick(&s, Qt::Key_Right);
        QCOMPARE(s.currentStep(), 4);
        QTest::keyClick(&s, Qt::Key_Right); // clamped at the end: no signal
        QCOMPARE(s.currentStep(), 4);
        QCOMPARE(spy.count(), 1);
        QTest::keyClick(&s, Qt::Key_Home);
        QCOMPARE(s.currentStep(), 0);
        QTest::keyClick(&s, Qt::Key_Left); // clamped at the start
        QCOMPARE(s.currentStep(), 0);
        QCOMPARE(spy.count(), 2);
        QTest::keyClick(&s, Qt::Key_End);
        QCOMPARE(s.currentStep(), 4);
        s.setCurrentStep(-7);
        QCOMPARE(s.currentStep(), 0);
        s.setCurrentStep(99);
        QCOMPARE(s.currentStep(), 4);
        QCOMPARE(spy.count(), 5);
        QCOMPARE(s.label(2), QStringLiteral("t = 2"));
    }

    void manyFramesScrollAndCacheOnlyVisibleThumbnails() {
        TrajectoryStrip s;
        s.resize(600, 150);
        s.setFrames(frames(150, {640, 480}));
        s.show();
        QVERIFY(QTest::qWaitForWindowExposed(&s));
        QVERIFY(s.horizontalScrollBar()->maximum() > 0);
        QTest::keyClick(&s, Qt::Key_End);
        QCOMPARE(s.currentStep(), 149);
        const QRect last = s.frameRect(149);
        QVERIFY(last.left() >= 0 && last.right() < s.viewport()->width());
        (void)s.grab(); // paint
        const int cached = s.cachedThumbnailCount();
        QVERIFY2(cached > 0 && cached < 20, qPrintable(QString::number(cached)));
        QTest::keyClick(&s, Qt::Key_Home);
        QCOMPARE(s.frameRect(0).left() >= 0, true);
        QCOMPARE(s.frameAt(s.frameRect(0).center()), 0);
        QTest::keyClick(&s, Qt::Key_PageDown);
        QVERIFY(s.currentStep() > 1);
        const QRect cur = s.frameRect(s.currentStep());
        QVERIFY(cur.left() >= 0 && cur.right() < s.viewport()->width());
    }

    void appendFollowsTheLatestFrame() {
        TrajectoryStrip s;
        QSignalSpy spy(&s, &TrajectoryStrip::currentStepChanged);
        const auto f = frames(3);
        s.appendFrame(f[0].image, f[0].label);
        QCOMPARE(s.currentStep(), 0);
        s.appendFrame(f[1].image, f[1].label);
        QCOMPARE(s.currentStep(), 1); // was at the tip: follows
        s.setCurrentStep(0);
        s.appendFrame(f[2].image, f[2].label);
        QCOMPARE(s.currentStep(), 0); // looking at an earlier frame: stays
        QCOMPARE(s.count(), 3);
        QCOMPARE(spy.count(), 3);
        s.clear();
        QCOMPARE(s.count(), 0);
        QCOMPARE(s.currentStep(), -1);
        QCOMPARE(spy.count(), 4);
    }
};

QTEST_MAIN(TestTrajectoryStrip)
#include "test_trajectory_strip.moc"
