// ImageView: events drive the zoom state; zoomed in it shows crisp pixels, zoomed out
// a smooth average. Drops of several files, the drop highlight, click-to-open and
// readable placeholders.
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QWheelEvent>
#include <QtTest>

#include "Contrast.h"
#include "ImageView.h"
#include "ZoomPanState.h"

using rdbm::widgets::contrastRatio;
using rdbm::widgets::ImageView;
using rdbm::widgets::kMinTextContrast;
using rdbm::widgets::readableOn;

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

    // Outlines (the tiles of a restoration) are drawn in image pixels, following the zoom.
    void outlinesFollowTheImage() {
        ImageView v;
        v.resize(200, 200);
        const QRgb grey = qRgb(128, 128, 128);
        QImage img(40, 40, QImage::Format_RGB32);
        img.fill(grey);
        v.setImage(img);
        v.show();
        QVERIFY(QTest::qWaitForWindowExposed(&v));
        QCOMPARE(v.zoomState()->scale(), 5.0);
        auto at = [&v](int x, int y) {
            const QImage shot = v.grab().toImage().convertToFormat(QImage::Format_RGB32);
            const double dpr = shot.devicePixelRatio();
            return shot.pixel(static_cast<int>(x * dpr), static_cast<int>(y * dpr));
        };
        QCOMPARE(at(100, 25), grey);
        v.setOutlines({QRect(20, 0, 20, 20)}); // its left edge is at view x = 100
        QCOMPARE(v.outlines().size(), 1);
        bool outlined = false;
        for (int y = 10; y < 90 && !outlined; ++y) outlined = at(100, y) != grey;
        QVERIFY(outlined);
        QCOMPARE(at(50, 150), grey); // away from the outline the image is untouched
        v.zoomState()->zoomAt(QPointF(0, 0), 2.0); // image pixel 20 now at view x = 200
        QCOMPARE(v.zoomState()->scale(), 10.0);
        bool moved = true;
        for (int y = 10; y < 90; ++y) moved = moved && at(100, y) == grey;
        QVERIFY(moved);
        v.setOutlines({});
        QCOMPARE(at(100, 25), grey);
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

    // A drop of several files announces every one of them; the view lights up while the
    // drag is over it.
    void dropOfSeveralFilesAnnouncesEach() {
        QTemporaryDir dir;
        QStringList paths;
        for (const char* name : {"a.png", "b.jpg", "c.safetensors"}) {
            QFile f(dir.filePath(QLatin1String(name)));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("x");
            paths << f.fileName();
        }
        ImageView v;
        v.setAcceptFileDrops(true);
        v.resize(200, 150);
        QSignalSpy dropped(&v, &ImageView::filesDropped);
        QMimeData mime;
        QList<QUrl> urls;
        for (const QString& p : paths) urls << QUrl::fromLocalFile(p);
        urls << QUrl(QStringLiteral("https://example.invalid/remote.png")); // not a local file
        mime.setUrls(urls);
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&v, &enter);
        QVERIFY(enter.isAccepted());
        QVERIFY(v.isDropHighlighted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&v, &drop);
        QVERIFY(!v.isDropHighlighted());
        QCOMPARE(dropped.count(), 1);
        QCOMPARE(dropped.at(0).at(0).toStringList(), paths);
    }

    void clickOnTheEmptyDropZoneAsksToOpen() {
        ImageView v;
        v.setAcceptFileDrops(true);
        v.resize(200, 150);
        QSignalSpy open(&v, &ImageView::openRequested);
        sendMouse(&v, QEvent::MouseButtonPress, {50, 50}, Qt::LeftButton, Qt::LeftButton);
        sendMouse(&v, QEvent::MouseButtonRelease, {50, 50}, Qt::LeftButton, Qt::NoButton);
        QCOMPARE(open.count(), 1);
        // With a photo shown, a click pans instead.
        v.setImage(QImage(40, 30, QImage::Format_RGB32));
        sendMouse(&v, QEvent::MouseButtonPress, {50, 50}, Qt::LeftButton, Qt::LeftButton);
        sendMouse(&v, QEvent::MouseButtonRelease, {50, 50}, Qt::LeftButton, Qt::NoButton);
        QCOMPARE(open.count(), 1);
        // A view that takes no drops is no drop zone.
        ImageView plain;
        plain.resize(200, 150);
        QSignalSpy none(&plain, &ImageView::openRequested);
        sendMouse(&plain, QEvent::MouseButtonPress, {50, 50}, Qt::LeftButton, Qt::LeftButton);
        sendMouse(&plain, QEvent::MouseButtonRelease, {50, 50}, Qt::LeftButton, Qt::NoButton);
        QCOMPARE(none.count(), 0);
    }

    // The light theme once drew #787878 hints on a #777777 view: the hint must stay
    // readable whatever the palette says.
    void placeholderStaysReadable() {
        for (const auto& [background, placeholder] : {std::pair<QColor, QColor>{QColor(0x77, 0x77, 0x77), QColor(0x78, 0x78, 0x78)},
                                                      {QColor(0x9f, 0x9f, 0x9f), QColor(0x80, 0x80, 0x80)},
                                                      {QColor(0x19, 0x1a, 0x1c), QColor(0x50, 0x50, 0x50)},
                                                      {QColor(0xff, 0xff, 0xff), QColor(0x6b, 0x6b, 0x6b)}}) {
            ImageView v;
            QPalette pal = v.palette();
            pal.setColor(QPalette::Dark, background);
            pal.setColor(QPalette::PlaceholderText, placeholder);
            v.setPalette(pal);
            const double ratio = contrastRatio(v.placeholderColor(), background);
            QVERIFY2(ratio >= kMinTextContrast, qPrintable(QStringLiteral("%1 on %2: %3").arg(v.placeholderColor().name(), background.name()).arg(ratio)));
        }
        // WCAG's reference points: black on white is 21:1, a colour on itself 1:1.
        QCOMPARE(qRound(contrastRatio(Qt::black, Qt::white) * 100), 2100);
        QCOMPARE(contrastRatio(QColor(0x77, 0x77, 0x77), QColor(0x77, 0x77, 0x77)), 1.0);
        // A colour that already contrasts enough is kept as it is.
        QCOMPARE(readableOn(Qt::white, QColor(0x6b, 0x6b, 0x6b)), QColor(0x6b, 0x6b, 0x6b));
    }
};

QTEST_MAIN(TestImageView)
#include "test_image_view.moc"
