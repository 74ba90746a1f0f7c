// ZoomPanState geometry and ViewSync propagation.
#include <QSignalSpy>
#include <QtTest>

#include "ViewSync.h"
#include "ZoomPanState.h"

using rdbm::widgets::ViewSync;
using rdbm::widgets::ZoomPanState;

namespace {
void expectNear(const QPointF& a, const QPointF& b, double tol = 1e-9) {
    QVERIFY2(std::abs(a.x() - b.x()) <= tol && std::abs(a.y() - b.y()) <= tol,
             qPrintable(QStringLiteral("(%1, %2) vs (%3, %4)").arg(a.x()).arg(a.y()).arg(b.x()).arg(b.y())));
}
} // namespace

class TestZoomPan : public QObject {
    Q_OBJECT
private slots:
    void fitScalesAndCentres() {
        ZoomPanState s;
        s.setViewSize({400, 300});
        s.setImageSize({1000, 800});
        QVERIFY(s.isFitMode());
        QCOMPARE(s.scale(), 0.375); // min(400/1000, 300/800)
        // 375 px wide in a 400 px view: centred horizontally, flush vertically.
        expectNear(s.offset(), QPointF(12.5, 0.0));
        QCOMPARE(s.imageRectInView(), QRectF(12.5, 0, 375, 300));
    }

    void zoomAtCursorKeepsImagePointFixed() {
        ZoomPanState s;
        s.setViewSize({400, 300});
        s.setImageSize({1000, 800});
        s.setScaleAt({200, 150}, 1.0); // image now larger than the view on both axes
        const QPointF cursor(123.0, 77.0);
        const QPointF under = s.mapToImage(cursor);
        s.zoomAt(cursor, 1.25);
        QVERIFY(!s.isFitMode());
        QCOMPARE(s.scale(), 1.25);
        expectNear(s.mapToImage(cursor), under);
        s.zoomAt(cursor, 3.0);
        expectNear(s.mapToImage(cursor), under);
        s.zoomAt(cursor, 1.0 / 3.0);
        expectNear(s.mapToImage(cursor), under);
        QVERIFY(std::abs(s.scale() - 1.25) < 1e-12);
    }

    void actualSizeIsOneDevicePixelPerImagePixel() {
        ZoomPanState s;
        s.setViewSize({400, 300});
        s.setImageSize({1000, 800});
        s.actualSize();
        QCOMPARE(s.scale(), 1.0);
        s.setDevicePixelRatio(2.0);
        s.actualSize();
        QCOMPARE(s.scale(), 0.5); // half a logical pixel = one device pixel
        QCOMPARE(s.actualSizeScale(), 0.5);
        // 1:1 keeps the image point at the view centre.
        s.setScaleAt({200, 150}, 2.0);
        s.panBy({-50, -30});
        const QPointF centre = s.mapToImage({200, 150});
        s.actualSize();
        expectNear(s.mapToImage({200, 150}), centre);
    }

    void scaleAndOffsetAreClamped() {
        ZoomPanState s;
        s.setViewSize({400, 300});
        s.setImageSize({1000, 800});
        s.zoomAt({10, 10}, 1e6);
        QCOMPARE(s.scale(), s.maxScale());
        QCOMPARE(s.maxScale(), 64.0);
        s.zoomAt({10, 10}, 1e-9);
        QCOMPARE(s.scale(), s.minScale());
        QCOMPARE(s.minScale(), 0.375 * 0.5);
        // Zoomed out: the small image stays centred whatever the pan.
        s.panBy({500, 500});
        expectNear(s.offset(), QPointF((400 - 1000 * s.scale()) / 2, (300 - 800 * s.scale()) / 2));
        // Zoomed in: no empty space past the image edges.
        s.setScaleAt({200, 150}, 2.0);
        s.panBy({1e5, 1e5});
        expectNear(s.offset(), QPointF(0, 0));
        s.panBy({-1e6, -1e6});
        expectNear(s.offset(), QPointF(400 - 2000, 300 - 1600));
        // Nonsense requests change nothing.
        const double before = s.scale();
        s.zoomAt({0, 0}, 0.0);
        s.zoomAt({0, 0}, -2.0);
        QCOMPARE(s.scale(), before);
    }

    void resizeKeepsFitOrCentre() {
        ZoomPanState s;
        s.setViewSize({400, 300});
        s.setImageSize({1000, 800});
        s.setViewSize({800, 600});
        QVERIFY(s.isFitMode());
        QCOMPARE(s.scale(), 0.75);
        s.setScaleAt({400, 300}, 2.0);
        s.panBy({-100, -40});
        const QPointF centre = s.mapToImage({400, 300});
        s.setViewSize({600, 500});
        QCOMPARE(s.scale(), 2.0);
        expectNear(s.mapToImage({300, 250}), centre);
    }

    void sameImageSizeKeepsZoomNewSizeRefits() {
        ZoomPanState s;
        s.setViewSize({400, 300});
        s.setImageSize({1000, 800});
        s.setScaleAt({200, 150}, 2.0);
        s.setImageSize({1000, 800});
        QCOMPARE(s.scale(), 2.0);
        s.setImageSize({500, 400});
        QVERIFY(s.isFitMode());
        QCOMPARE(s.scale(), 0.75);
    }

    void changedOnlyWhenSomethingChanges() {
        ZoomPanState s;
        s.setViewSize({400, 300});
        s.setImageSize({1000, 800});
        QSignalSpy spy(&s, &ZoomPanState::changed);
        s.fitToView(); // already fitted
        QCOMPARE(spy.count(), 0);
        s.zoomAt({100, 100}, 2.0);
        QCOMPARE(spy.count(), 1);
        s.setViewport(s.viewport());
        QCOMPARE(spy.count(), 1);
    }

    void syncPropagatesBothWaysWithoutEcho() {
        ZoomPanState a, b, c;
        for (ZoomPanState* s : {&a, &b, &c}) s->setImageSize({1000, 800});
        a.setViewSize({400, 300});
        b.setViewSize({500, 320}); // views of different sizes stay aligned on the centre
        c.setViewSize({400, 300});
        ViewSync sync;
        sync.add(&a);
        sync.add(&b);
        sync.add(&c);
        QCOMPARE(sync.count(), 3);

        QSignalSpy sa(&a, &ZoomPanState::changed), sb(&b, &ZoomPanState::changed), sc(&c, &ZoomPanState::changed);
        a.setScaleAt({200, 150}, 2.0);
        QCOMPARE(sa.count(), 1);
        QCOMPARE(sb.count(), 1);
        QCOMPARE(sc.count(), 1);
        QCOMPARE(b.scale(), 2.0);
        QCOMPARE(c.scale(), 2.0);
        expectNear(b.mapToImage({250, 160}), a.mapToImage({200, 150}), 1e-6);
        QCOMPARE(c.offset(), a.offset());

        // And back from another member.
        c.panBy({-37, 12});
        QCOMPARE(sa.count(), 2);
        QCOMPARE(sb.count(), 2);
        QCOMPARE(sc.count(), 2);
        QCOMPARE(a.offset(), c.offset());
        expectNear(b.mapToImage({250, 160}), c.mapToImage({200, 150}), 1e-6);

        // Fit is shared as "fit", each view fitting its own size.
        b.fitToView();
        QVERIFY(a.isFitMode());
        QVERIFY(c.isFitMode());
        QCOMPARE(a.scale(), 0.375);
        QCOMPARE(b.scale(), 0.4);
    }

    void addedStateAdoptsViewportAndRemovedStops() {
        ZoomPanState a, b;
        for (ZoomPanState* s : {&a, &b}) {
            s->setImageSize({1000, 800});
            s->setViewSize({400, 300});
        }
        a.setScaleAt({100, 100}, 3.0);
        ViewSync sync;
        sync.add(&a);
        sync.add(&b);
        QCOMPARE(b.scale(), 3.0);
        QCOMPARE(b.offset(), a.offset());
        sync.remove(&b);
        a.zoomAt({100, 100}, 0.5);
        QCOMPARE(b.scale(), 3.0);
        {
            ZoomPanState temp;
            sync.add(&temp);
            QCOMPARE(sync.count(), 2);
        }
        QCOMPARE(sync.count(), 1); // destroyed members drop out
        a.zoomAt({100, 100}, 2.0);   // and do not crash the propagation
    }

    void hiddenViewAppliesViewportOnceSized() {
        ZoomPanState a, hidden;
        a.setImageSize({1000, 800});
        a.setViewSize({400, 300});
        hidden.setImageSize({1000, 800}); // no view size yet (never shown)
        ViewSync sync;
        sync.add(&a);
        sync.add(&hidden);
        a.setScaleAt({200, 150}, 2.0);
        hidden.setViewSize({400, 300});
        QCOMPARE(hidden.scale(), 2.0);
        QCOMPARE(hidden.offset(), a.offset());
    }
};

QTEST_GUILESS_MAIN(TestZoomPan)
#include "test_zoom_pan.moc"
