// The split divider, the difference image and the CompareView modes.
#include <QSignalSpy>
#include <QtTest>

#include "CompareView.h"
#include "DifferenceImage.h"
#include "ImageView.h"
#include "SplitDivider.h"
#include "SplitImageView.h"
#include "ZoomPanState.h"
#include "rdbm/Colormap.h"

using namespace rdbm::widgets;

namespace {

QImage filled(int w, int h, QRgb c) {
    QImage img(w, h, QImage::Format_RGB32);
    img.fill(c);
    return img;
}

void sendMouse(QWidget* w, QEvent::Type type, const QPointF& pos, Qt::MouseButton button, Qt::MouseButtons buttons) {
    QMouseEvent e(type, pos, w->mapToGlobal(pos), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(w, &e);
}

} // namespace

class TestCompareView : public QObject {
    Q_OBJECT
private slots:
    void dividerMath() {
        SplitDivider d;
        QCOMPARE(d.fraction(), 0.5);
        QCOMPARE(d.xIn(400), 200.0);
        d.setFromX(300, 400);
        QCOMPARE(d.fraction(), 0.75);
        d.setFromX(-20, 400);
        QCOMPARE(d.fraction(), 0.0);
        d.setFromX(900, 400);
        QCOMPARE(d.fraction(), 1.0);
        d.setFromX(100, 0); // no width: unchanged
        QCOMPARE(d.fraction(), 1.0);
        d.setFraction(0.25);
        QVERIFY(d.hit(104, 400, 6));
        QVERIFY(d.hit(94, 400, 6));
        QVERIFY(!d.hit(107, 400, 6));
        d.stepBy(-1.0);
        QCOMPARE(d.fraction(), 0.0);
        d.setFraction(std::nan(""));
        QCOMPARE(d.fraction(), 0.0);
    }

    void splitShowsBeforeLeftAfterRight() {
        SplitImageView v;
        v.resize(400, 300);
        v.setImages(filled(400, 300, qRgb(200, 0, 0)), filled(400, 300, qRgb(0, 0, 200)));
        v.setLabels(QString(), QString()); // keep the corners free of labels
        v.show();
        QVERIFY(QTest::qWaitForWindowExposed(&v));
        v.setDividerFraction(0.25);
        const QImage shot = v.grab().toImage().convertToFormat(QImage::Format_RGB32);
        const double dpr = shot.devicePixelRatio();
        auto at = [&](int x, int y) { return shot.pixel(static_cast<int>(x * dpr), static_cast<int>(y * dpr)); };
        QCOMPARE(at(50, 30), qRgb(200, 0, 0));
        QCOMPARE(at(300, 30), qRgb(0, 0, 200));
        QCOMPARE(at(150, 30), qRgb(0, 0, 200)); // right of the moved divider
    }

    void dividerDragsAndKeys() {
        SplitImageView v;
        v.resize(400, 300);
        v.setImages(filled(800, 600, qRgb(200, 0, 0)), filled(800, 600, qRgb(0, 0, 200)));
        v.show();
        QVERIFY(QTest::qWaitForWindowExposed(&v));
        QSignalSpy moved(&v, &SplitImageView::dividerMoved);
        // Grab the divider (at 200) a few pixels off and drag it.
        sendMouse(&v, QEvent::MouseButtonPress, {203, 40}, Qt::LeftButton, Qt::LeftButton);
        sendMouse(&v, QEvent::MouseMove, {300, 40}, Qt::NoButton, Qt::LeftButton);
        sendMouse(&v, QEvent::MouseButtonRelease, {300, 40}, Qt::LeftButton, Qt::NoButton);
        QCOMPARE(v.dividerFraction(), 0.75);
        QCOMPARE(moved.count(), 1);
        // Far from the divider a drag pans (zoomed in) and leaves the divider alone.
        v.zoomState()->setScaleAt({200, 150}, 2.0);
        const QPointF offset = v.zoomState()->offset();
        sendMouse(&v, QEvent::MouseButtonPress, {100, 100}, Qt::LeftButton, Qt::LeftButton);
        sendMouse(&v, QEvent::MouseMove, {120, 100}, Qt::NoButton, Qt::LeftButton);
        sendMouse(&v, QEvent::MouseButtonRelease, {120, 100}, Qt::LeftButton, Qt::NoButton);
        QCOMPARE(v.dividerFraction(), 0.75);
        QCOMPARE(v.zoomState()->offset(), offset + QPointF(20, 0));
        // Keys.
        QTest::keyClick(&v, Qt::Key_Left);
        QVERIFY(std::abs(v.dividerFraction() - 0.74) < 1e-12);
        QTest::keyClick(&v, Qt::Key_Right, Qt::ShiftModifier);
        QVERIFY(std::abs(v.dividerFraction() - 0.84) < 1e-12);
        QTest::keyClick(&v, Qt::Key_End);
        QCOMPARE(v.dividerFraction(), 1.0);
        const int count = moved.count();
        QTest::keyClick(&v, Qt::Key_Right); // at the end: clamped, no signal
        QCOMPARE(v.dividerFraction(), 1.0);
        QCOMPARE(moved.count(), count);
        QTest::keyClick(&v, Qt::Key_Home);
        QCOMPARE(v.dividerFraction(), 0.0);
    }

    void differenceGrayscale() {
        const QImage before = filled(4, 3, qRgb(100, 100, 100));
        QImage after = filled(4, 3, qRgb(110, 100, 100)); // mean |d| = 10/3
        after.setPixel(1, 1, qRgb(90, 80, 70));            // mean |d| = 20
        after.setPixel(2, 2, qRgb(100, 100, 100));         // unchanged
        const QImage d = differenceImage(before, after, 3.0, DifferenceStyle::Grayscale);
        QCOMPARE(d.size(), QSize(4, 3));
        QCOMPARE(d.pixel(0, 0), qRgb(10, 10, 10));
        QCOMPARE(d.pixel(1, 1), qRgb(60, 60, 60));
        QCOMPARE(d.pixel(2, 2), qRgb(0, 0, 0));
        // High gain saturates.
        const QImage s = differenceImage(before, after, 64.0, DifferenceStyle::Grayscale);
        QCOMPARE(s.pixel(1, 1), qRgb(255, 255, 255));
    }

    void differenceDivergingUsesTheSharedColourMap() {
        const QImage before = filled(3, 1, qRgb(100, 100, 100));
        QImage after = before;
        after.setPixel(0, 0, qRgb(130, 130, 130)); // +30
        after.setPixel(1, 0, qRgb(70, 70, 70));    // -30
        const double gain = 4.0;
        const QImage d = differenceImage(before, after, gain, DifferenceStyle::Diverging);
        const auto expect = [&](float v) {
            const rdbm::Rgb8 c = rdbm::divergingColor(v, static_cast<float>(255.0 / gain));
            return qRgb(c.r, c.g, c.b);
        };
        QCOMPARE(d.pixel(0, 0), expect(30.0f));
        QCOMPARE(d.pixel(1, 0), expect(-30.0f));
        QCOMPARE(d.pixel(2, 0), qRgb(255, 255, 255)); // unchanged is white
        QVERIFY(qRed(d.pixel(0, 0)) > qBlue(d.pixel(0, 0)));  // brighter after: red
        QVERIFY(qBlue(d.pixel(1, 0)) > qRed(d.pixel(1, 0)));  // darker after: blue
    }

    void differenceOfDifferentSizesUsesCommonArea() {
        const QImage d = differenceImage(filled(5, 4, qRgb(0, 0, 0)), filled(3, 6, qRgb(9, 9, 9)), 1.0,
                                         DifferenceStyle::Grayscale);
        QCOMPARE(d.size(), QSize(3, 4));
        QVERIFY(differenceImage(QImage(), filled(3, 3, 0), 1.0, DifferenceStyle::Grayscale).isNull());
    }

    void modesShareOneZoom() {
        CompareView cv;
        cv.resize(800, 500);
        cv.setImages(filled(1200, 900, qRgb(100, 100, 100)), filled(1200, 900, qRgb(120, 100, 100)));
        cv.show();
        QVERIFY(QTest::qWaitForWindowExposed(&cv));
        QCOMPARE(cv.mode(), CompareView::Mode::Split);
        QSignalSpy modeSpy(&cv, &CompareView::modeChanged);

        cv.splitView()->zoomState()->setScaleAt({300, 200}, 1.5);
        cv.setMode(CompareView::Mode::SideBySide);
        QCOMPARE(modeSpy.count(), 1);
        QCOMPARE(cv.zoomState(), cv.beforeView()->zoomState());
        QCOMPARE(cv.beforeView()->zoomState()->scale(), 1.5);
        QCOMPARE(cv.afterView()->zoomState()->scale(), 1.5);
        // Side by side: zooming one side zooms the other.
        cv.afterView()->zoomState()->zoomAt({100, 100}, 2.0);
        QCOMPARE(cv.beforeView()->zoomState()->scale(), 3.0);
        const QPointF cb = cv.beforeView()->zoomState()->viewport().centre;
        const QPointF ca = cv.afterView()->zoomState()->viewport().centre;
        QVERIFY(std::abs(cb.x() - ca.x()) < 1e-9 && std::abs(cb.y() - ca.y()) < 1e-9);

        cv.setMode(CompareView::Mode::Difference);
        QCOMPARE(cv.differenceView()->zoomState()->scale(), 3.0);
        QCOMPARE(cv.differenceView()->image().size(), QSize(1200, 900));
        // (120 - 100) / 3 * gain 6 = 40
        cv.setDifferenceStyle(DifferenceStyle::Grayscale);
        cv.setGain(6);
        QCOMPARE(cv.differenceView()->image().pixel(10, 10), qRgb(40, 40, 40));
        QCOMPARE(cv.differenceView()->zoomState()->scale(), 3.0); // a new gain keeps the zoom
        cv.setGain(1000);
        QCOMPARE(cv.gain(), double(CompareView::kMaxGain));
        cv.setMode(CompareView::Mode::Split);
        QCOMPARE(cv.splitView()->zoomState()->scale(), 3.0);
        QCOMPARE(modeSpy.count(), 3);
    }

    // Automatic gain: the 99th percentile of the change fills the colour scale, the colour
    // bar shows the scale, and choosing a gain by hand turns it off.
    void autoGainFillsTheScale() {
        CompareView cv;
        cv.resize(600, 400);
        QSignalSpy chosen(&cv, &CompareView::gainChosen);
        QVERIFY(cv.isAutoGain());
        // Every pixel 12 levels brighter after: the mean change is 12, so gain 255 / 12.
        cv.setImages(filled(60, 40, qRgb(100, 100, 100)), filled(60, 40, qRgb(112, 112, 112)));
        cv.setMode(CompareView::Mode::Difference);
        QVERIFY(std::abs(cv.gain() - 255.0 / 12.0) < 1e-9);
        const rdbm::Rgb8 top = rdbm::divergingColor(1.0f, 1.0f);
        QCOMPARE(cv.differenceView()->image().pixel(5, 5), qRgb(top.r, top.g, top.b)); // full scale, not beyond
        cv.setGain(4);
        QVERIFY(!cv.isAutoGain());
        QCOMPARE(cv.gain(), 4.0);
        cv.setAutoGain(true);
        QVERIFY(std::abs(cv.gain() - 255.0 / 12.0) < 1e-9);
        QCOMPARE(chosen.count(), 0); // programmatic changes are not user choices
        // No change at all: gain 1, nothing to amplify.
        cv.setImages(filled(60, 40, qRgb(100, 100, 100)), filled(60, 40, qRgb(100, 100, 100)));
        QCOMPARE(cv.gain(), 1.0);
        QCOMPARE(autoDifferenceGain(filled(8, 8, qRgb(0, 0, 0)), filled(8, 8, qRgb(1, 1, 1)), 64), 64.0); // clamped
    }

    // Before the first result the split view shows the whole input, no divider.
    void splitShowsTheWholeInputWithoutAResult() {
        SplitImageView v;
        v.resize(400, 300);
        v.setImages(filled(400, 300, qRgb(200, 0, 0)), QImage());
        v.setLabels(QString(), QString());
        v.show();
        QVERIFY(QTest::qWaitForWindowExposed(&v));
        const QImage shot = v.grab().toImage().convertToFormat(QImage::Format_RGB32);
        const double dpr = shot.devicePixelRatio();
        for (int x : {20, 200, 380})
            QCOMPARE(shot.pixel(static_cast<int>(x * dpr), static_cast<int>(150 * dpr)), qRgb(200, 0, 0));
    }
};

QTEST_MAIN(TestCompareView)
#include "test_compare_view.moc"
