#pragma once
// A signed float map (e.g. pi*eps, or a residual) shown through the shared diverging
// colour map with a colour bar. The symmetric limit is either automatic (a percentile
// of |v|, robust to a few outliers) or fixed (to compare maps on one scale). Hovering
// shows the value under the cursor. The zoom can be synchronized with image views
// through zoomState() and a ViewSync.
#include <QPoint>
#include <QString>
#include <QVector>
#include <QWidget>

namespace rdbm::widgets {

class ColorBar;
class ImageView;
class ZoomPanState;

class HeatMapView : public QWidget {
    Q_OBJECT
public:
    explicit HeatMapView(QWidget* parent = nullptr);

    // w*h floats, row-major; copied. A size mismatch leaves the view empty and returns false.
    bool setMap(int w, int h, const QVector<float>& values);
    bool setMap(int w, int h, const float* values);
    void clear();
    int mapWidth() const { return w_; }
    int mapHeight() const { return h_; }
    float valueAt(int x, int y) const; // NaN outside the map

    void setAutoLimit(double percentile = 0.99);
    void setFixedLimit(float limit);
    bool isAutoLimit() const { return autoLimit_; }
    double percentile() const { return percentile_; }
    float limit() const { return limit_; }

    // A map that is never negative (e.g. a standard deviation): the colour bar runs from 0
    // (white) to the limit, and the overlay says "scale 0 to L". The colours are the same.
    void setNonNegative(bool nonNegative);
    bool isNonNegative() const { return nonNegative_; }

    // The overlay's "scale +-L" line; off where a shared colour bar shows the scale.
    void setScaleShown(bool shown);

    void setTitle(const QString& title);
    QString title() const { return title_; }

    // The colour-mapped image currently shown.
    QImage image() const;
    ImageView* imageView() const { return view_; }
    ColorBar* colorBar() const { return bar_; }
    ZoomPanState* zoomState() const;

signals:
    void valueHovered(const QPoint& pixel, float value);
    void limitChanged(float limit);

private:
    void render();
    void updateOverlay();

    ImageView* view_;
    ColorBar* bar_;
    QVector<float> values_;
    int w_ = 0, h_ = 0;
    bool autoLimit_ = true;
    double percentile_ = 0.99;
    float limit_ = 1.0f;
    QString title_;
    bool scaleShown_ = true;
    bool nonNegative_ = false;
    QPoint hovered_{-1, -1};
};

} // namespace rdbm::widgets
