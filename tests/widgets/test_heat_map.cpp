// HeatMapView: colours through the shared map (white at 0, sign -> hue, clamped at the
// limit), automatic and fixed limits, colour bar ticks and the hover read-out.
#include <QSignalSpy>
#include <QtTest>

#include "ColorBar.h"
#include "HeatMapImage.h"
#include "HeatMapView.h"
#include "ImageView.h"
#include "ZoomPanState.h"
#include "rdbm/Colormap.h"

using namespace rdbm::widgets;

namespace {
QRgb mapped(float v, float limit) {
    const rdbm::Rgb8 c = rdbm::divergingColor(v, limit);
    return qRgb(c.r, c.g, c.b);
}
} // namespace

class TestHeatMap : public QObject {
    Q_OBJECT
private slots:
    void colourMappingThroughTheWidget() {
        HeatMapView view;
        const QVector<float> values{-2.0f, -1.0f, -0.5f, 0.0f, 0.5f, 1.0f, 2.0f, 0.25f};
        QVERIFY(view.setMap(4, 2, values));
        view.setFixedLimit(1.0f);
        QVERIFY(!view.isAutoLimit());
        const QImage img = view.image();
        QCOMPARE(img.size(), QSize(4, 2));
        QCOMPARE(img.pixel(3, 0), qRgb(255, 255, 255)); // 0 is white
        // Sign decides the hue.
        QVERIFY(qRed(img.pixel(0, 1)) > qBlue(img.pixel(0, 1)));   // +0.5
        QVERIFY(qBlue(img.pixel(2, 0)) > qRed(img.pixel(2, 0)));   // -0.5
        // Clamped at the limit: -2 looks like -1, 2 like 1.
        QCOMPARE(img.pixel(0, 0), img.pixel(1, 0));
        QCOMPARE(img.pixel(2, 1), img.pixel(1, 1));
        QCOMPARE(img.pixel(1, 1), mapped(1.0f, 1.0f));
        QCOMPARE(img.pixel(3, 1), mapped(0.25f, 1.0f));
        // The magnitude darkens/saturates monotonically away from zero.
        QVERIFY(qGreen(img.pixel(0, 1)) > qGreen(img.pixel(1, 1)));
        QCOMPARE(view.colorBar()->limit(), 1.0f);
    }

    void automaticLimitIsThePercentile() {
        HeatMapView view;
        QVector<float> values;
        for (int i = 0; i < 100; ++i) values << (i % 2 ? 1.0f : -1.0f) * static_cast<float>(i);
        QSignalSpy limitSpy(&view, &HeatMapView::limitChanged);
        view.setMap(10, 10, values);
        view.setAutoLimit(0.9);
        const float expected = rdbm::symmetricLimit(values.constData(), 100, 0.9);
        QCOMPARE(view.limit(), expected);
        QCOMPARE(view.colorBar()->limit(), expected);
        QVERIFY(limitSpy.count() >= 1);
        // Values beyond the percentile saturate.
        QCOMPARE(view.image().pixel(9, 9), mapped(expected, expected)); // value 99
        // Switching to a fixed limit re-renders the same map.
        view.setFixedLimit(200.0f);
        QCOMPARE(view.image().pixel(9, 9), mapped(99.0f, 200.0f));
    }

    void rejectsMismatchedSizes() {
        HeatMapView view;
        QVERIFY(!view.setMap(3, 3, QVector<float>(8, 0.0f)));
        QVERIFY(view.image().isNull());
        QVERIFY(std::isnan(view.valueAt(0, 0)));
        const float raw[6] = {1, 2, 3, 4, 5, 6};
        QVERIFY(view.setMap(3, 2, raw));
        QCOMPARE(view.valueAt(2, 1), 6.0f);
        QVERIFY(std::isnan(view.valueAt(3, 0)));
    }

    void heatMapImageMatchesColormap() {
        const float v[3] = {-0.1f, 0.0f, 0.3f};
        const QImage img = heatMapImage(3, 1, v, 0.2f);
        QCOMPARE(img.pixel(0, 0), mapped(-0.1f, 0.2f));
        QCOMPARE(img.pixel(1, 0), qRgb(255, 255, 255));
        QCOMPARE(img.pixel(2, 0), mapped(0.2f, 0.2f));
        QVERIFY(heatMapImage(0, 1, v, 1.0f).isNull());
    }

    void colorBarTicks() {
        QCOMPARE(ColorBar::ticks(1.0, 5), (QVector<double>{-1.0, -0.5, 0.0, 0.5, 1.0}));
        const QVector<double> t = ColorBar::ticks(0.37, 7);
        QVERIFY(t.contains(0.0));
        QVERIFY(t.size() <= 7 && t.size() >= 3);
        for (int i = 0; i < t.size(); ++i) {
            QVERIFY(std::abs(t[i]) <= 0.37 + 1e-12);
            QVERIFY(std::abs(t[i] + t[t.size() - 1 - i]) < 1e-12); // symmetric
        }
        QVERIFY(ColorBar::ticks(0.0, 5).isEmpty());

        ColorBar bar;
        bar.resize(bar.sizeHint().width(), 300);
        bar.setLimit(2.0f);
        // +limit at the top of the bar, -limit at the bottom, 0 in the middle.
        QCOMPARE(bar.yForValue(2.0), bar.barRect().top());
        QCOMPARE(bar.yForValue(-5.0), bar.barRect().bottom());
        QVERIFY(std::abs(bar.yForValue(0.0) - bar.barRect().center().y()) < 1e-9);
        const QImage shot = bar.grab().toImage();
        const double dpr = shot.devicePixelRatio();
        const QPointF mid(bar.barRect().center().x(), bar.yForValue(0.0));
        const QRgb c = shot.pixel(static_cast<int>(mid.x() * dpr), static_cast<int>(mid.y() * dpr));
        QVERIFY(qRed(c) > 240 && qGreen(c) > 240 && qBlue(c) > 240); // white at zero
        const QRgb top = shot.pixel(static_cast<int>(mid.x() * dpr), static_cast<int>((bar.barRect().top() + 2) * dpr));
        QVERIFY(qRed(top) > qBlue(top) + 50);
    }

    // Issue 11 §5: a standard deviation map uses the bar's upper half, 0 (white) to the limit.
    void nonNegativeMapsShowTheUpperHalf() {
        ColorBar bar;
        bar.resize(bar.sizeHint().width(), 300);
        bar.setLimit(0.04f);
        bar.setNonNegative(true);
        QCOMPARE(bar.yForValue(0.04), bar.barRect().top());
        QCOMPARE(bar.yForValue(0.0), bar.barRect().bottom());
        QCOMPARE(bar.yForValue(-1.0), bar.barRect().bottom());
        QVERIFY(std::abs(bar.yForValue(bar.limit() / 2.0) - bar.barRect().center().y()) < 1e-9);
        const QVector<double> t = bar.currentTicks();
        QVERIFY(t.size() >= 3);
        QCOMPARE(t.first(), 0.0);
        for (double v : t) QVERIFY(v >= 0.0 && v <= 0.04 + 1e-12);
        const QImage shot = bar.grab().toImage();
        const double dpr = shot.devicePixelRatio();
        const int x = static_cast<int>(bar.barRect().center().x() * dpr);
        const QRgb bottom = shot.pixel(x, static_cast<int>((bar.barRect().bottom() - 2) * dpr));
        const QRgb top = shot.pixel(x, static_cast<int>((bar.barRect().top() + 2) * dpr));
        QVERIFY(qRed(bottom) > 240 && qGreen(bottom) > 240 && qBlue(bottom) > 240); // white at 0
        QVERIFY(qRed(top) > qBlue(top) + 50);                                        // red at the limit

        HeatMapView view;
        view.setNonNegative(true);
        QVERIFY(view.colorBar()->isNonNegative());
        view.setMap(2, 1, QVector<float>{0.0f, 0.5f});
        view.setFixedLimit(1.0f);
        QCOMPARE(view.image().pixel(0, 0), qRgb(255, 255, 255));
        QCOMPARE(view.image().pixel(1, 0), mapped(0.5f, 1.0f));
        QVERIFY(view.imageView()->overlayText().contains(QStringLiteral("scale 0 to 1")));
    }

    void hoverReportsTheValue() {
        HeatMapView view;
        view.resize(440, 300);
        QVector<float> values(100 * 100);
        for (int i = 0; i < values.size(); ++i) values[i] = static_cast<float>(i) * 0.01f;
        view.setMap(100, 100, values);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy spy(&view, &HeatMapView::valueHovered);
        ImageView* iv = view.imageView();
        const QPointF pos = iv->zoomState()->mapToView(QPointF(12.5, 34.5));
        QMouseEvent move(QEvent::MouseMove, pos, iv->mapToGlobal(pos), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(iv, &move);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toPoint(), QPoint(12, 34));
        QCOMPARE(spy.at(0).at(1).toFloat(), values[34 * 100 + 12]);
        QVERIFY(iv->overlayText().contains(QStringLiteral("(12, 34)")));
    }
};

QTEST_MAIN(TestHeatMap)
#include "test_heat_map.moc"
