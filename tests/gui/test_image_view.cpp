// ImageView: events drive the zoom state; zoomed in it shows crisp pixels, zoomed out
// a smooth average.
#include <QSignalSpy>
#include <QWheelEvent>
#include <QtTest>

#include "ImageView.h"
#include "ZoomPanState.h"

using rdbm::gui::ImageView;

namespace {

QImage checkerboard(int w, int h, QRgb a, QRgb b) {
    QImage img(w, h, QImage::Format_RGB32);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) img.setPixel(x, y, ((x + y) % 2) ? b : a);
    return img;
}

void sendWheel(QWidget* w, const QPointF& pos, int angleDeltaY) {
    QWheelEvent e(pos, w->mapToGlobal(pos), QPoint(), QPoint(0, angleDeltaY), Qt::NoButton, Qt::NoModifier,
                  Qt::NoScrollPhase, false);
    QApplication::sendEvent(w, &e);
}

void sendMouse(QWidget* w, QEvent::Type type, const QPointF& pos, Qt::MouseButton button, Qt::MouseButtons buttons) {
    QMouseEvent e(type, pos, w->mapToGlobal(pos), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(w, &e);
}

} // namespace

class TestImageView : public QObject {
    Q_OBJECT
private slots:
    void wheelZoomsAtTheCursor() {
        ImageView v;
        v.resize(400, 300);
        v.setImage(checkerboard(1000, 800, qRgb(0, 0, 0), qRgb(255, 255, 255)));
        v.show();
        QVERIFY(QTest::qWaitForWindowExposed(&v));
        auto* s = v.zoomState();
        QVERIFY(s->isFitMode());
        s->setScaleAt({200, 150}, 1.0);
        const QPointF cursor(90, 210);
        const QPointF under = s->mapToImage(cursor);
        sendWheel(&v, cursor, 120);
        QVERIFY(std::abs(s->scale() - 1.25) < 1e-9);
        const QPointF now = s->mapToImage(cursor);
        QVERIFY(std::abs(now.x() - under.x()) < 1e-9 && std::abs(now.y() - under.y()) < 1e-9);
        sendWheel(&v, cursor, -240);
        QVERIFY(std::abs(s->scale() - 1.0 / 1.25) < 1e-9);
    }

    void keysAndDoubleClick() {
        ImageView v;
        v.resize(400, 300);
        v.setImage(checkerboard(1000, 800, qRgb(0, 0, 0), qRgb(255, 255, 255)));
        v.show();
        QVERIFY(QTest::qWaitForWindowExposed(&v));
        auto* s = v.zoomState();
        QTest::keyClick(&v, Qt::Key_1);
        QCOMPARE(s->scale(), 1.0 / v.devicePixelRatioF());
        QTest::keyClick(&v, Qt::Key_Plus);
        QVERIFY(std::abs(s->scale() - 1.25 / v.devicePixelRatioF()) < 1e-9);
        QTest::keyClick(&v, Qt::Key_Minus);
        QVERIFY(std::abs(s->scale() - 1.0 / v.devicePixelRatioF()) < 1e-9);
        QTest::keyClick(&v, Qt::Key_0);
        QVERIFY(s->isFitMode());
        QCOMPARE(s->scale(), 0.375);
        s->zoomAt({200, 150}, 4.0);
        QTest::mouseDClick(&v, Qt::LeftButton, Qt::NoModifier, QPoint(50, 50));
        QVERIFY(s->isFitMode());
    }

    void dragPans() {
        ImageView v;
        v.resize(400, 300);
        v.setImage(checkerboard(1000, 800, qRgb(0, 0, 0), qRgb(255, 255, 255)));
        v.show();
        QVERIFY(QTest::qWaitForWindowExposed(&v));
        auto* s = v.zoomState();
        s->setScaleAt({200, 150}, 1.0);
        const QPointF before = s->offset();
        sendMouse(&v, QEvent::MouseButtonPress, {100, 100}, Qt::LeftButton, Qt::LeftButton);
        sendMouse(&v, QEvent::MouseMove, {130, 90}, Qt::NoButton, Qt::LeftButton);
        sendMouse(&v, QEvent::MouseButtonRelease, {130, 90}, Qt::LeftButton, Qt::NoButton);
        QCOMPARE(s->offset(), before + QPointF(30, -10));
    }

    void hoverReportsThePixel() {
        ImageView v;
        v.resize(400, 300);
        v.setImage(checkerboard(100, 100, qRgb(0, 0, 0), qRgb(255, 255, 255)));
        v.show();
        QVERIFY(QTest::qWaitForWindowExposed(&v));
        // Fit: 300 px for 100 px, x offset 50.
        QCOMPARE(v.pixelAt({50 + 3 * 10 + 1, 3 * 20 + 1}), QPoint(10, 20));
        QCOMPARE(v.pixelAt({10, 10}), QPoint(-1, -1));
        QSignalSpy spy(&v, &ImageView::pixelHovered);
        sendMouse(&v, QEvent::MouseMove, {50 + 3 * 42 + 1.5, 3 * 7 + 1.5}, Qt::NoButton, Qt::NoButton);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toPoint(), QPoint(42, 7));
    }

    void zoomedInShowsCrispPixels() {
        ImageView v;
        v.resize(200, 200);
        const QRgb red = qRgb(255, 0, 0), blue = qRgb(0, 0, 255);
        v.setImage(checkerboard(4, 4, red, blue));
        v.show();
        QVERIFY(QTest::qWaitForWindowExposed(&v));
        QCOMPARE(v.zoomState()->scale(), 50.0); // fit
        qInfo("device pixel ratio %.2f", v.devicePixelRatioF());
        const QImage shot = v.grab().toImage().convertToFormat(QImage::Format_RGB32);
        const double dpr = shot.devicePixelRatio();
        // Either side of the boundary between image pixels 0 and 1 (x = 50): no blending.
        for (int x : {48, 49, 50, 51}) {
            const QRgb c = shot.pixel(static_cast<int>(x * dpr), static_cast<int>(25 * dpr));
            QVERIFY2(c == red || c == blue, qPrintable(QString::number(c, 16)));
        }
        QCOMPARE(shot.pixel(static_cast<int>(49 * dpr), static_cast<int>(25 * dpr)), red);
        QCOMPARE(shot.pixel(static_cast<int>(51 * dpr), static_cast<int>(25 * dpr)), blue);
    }

    void zoomedOutAveragesSmoothly() {
        ImageView v;
        v.resize(100, 100);
        // 1-pixel black/white stripes seen at 1/8 scale must come out grey, not aliased.
        QImage stripes(800, 800, QImage::Format_RGB32);
        for (int y = 0; y < 800; ++y)
            for (int x = 0; x < 800; ++x) stripes.setPixel(x, y, (x % 2) ? qRgb(255, 255, 255) : qRgb(0, 0, 0));
        v.setImage(stripes);
        v.show();
        QVERIFY(QTest::qWaitForWindowExposed(&v));
        QCOMPARE(v.zoomState()->scale(), 0.125);
        const QImage shot = v.grab().toImage().convertToFormat(QImage::Format_RGB32);
        for (int x = 10; x < shot.width() - 10; x += 7) {
            const int g = qGreen(shot.pixel(x, shot.height() / 2));
            QVERIFY2(g > 90 && g < 165, qPrintable(QStringLiteral("x=%1 grey=%2").arg(x).arg(g)));
        }
    }

    void placeholderWithoutImage() {
        ImageView v;
        v.setPlaceholderText(QStringLiteral("Drop a photo here"));
        v.resize(200, 100);
        QVERIFY(!v.grab().isNull());
        QCOMPARE(v.pixelAt({50, 50}), QPoint(-1, -1));
        v.setImage(QImage());
        QTest::keyClick(&v, Qt::Key_Plus); // no image: nothing to zoom, no crash
    }
};

QTEST_MAIN(TestImageView)
#include "test_image_view.moc"
