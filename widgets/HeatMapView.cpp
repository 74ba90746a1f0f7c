#include "HeatMapView.h"

#include <QHBoxLayout>

#include <cmath>
#include <limits>

#include "ColorBar.h"
#include "HeatMapImage.h"
#include "ImageView.h"
#include "rdbm/Colormap.h"

namespace rdbm::widgets {

HeatMapView::HeatMapView(QWidget* parent) : QWidget(parent) {
    view_ = new ImageView(this);
    view_->setPlaceholderText(tr("No map"));
    bar_ = new ColorBar(this);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(view_, 1);
    layout->addWidget(bar_);
    connect(view_, &ImageView::pixelHovered, this, [this](const QPoint& px) {
        hovered_ = px;
        updateOverlay();
        if (px.x() >= 0) emit valueHovered(px, valueAt(px.x(), px.y()));
    });
}

bool HeatMapView::setMap(int w, int h, const QVector<float>& values) {
    if (w <= 0 || h <= 0 || values.size() != static_cast<qsizetype>(w) * h) {
        clear();
        return false;
    }
    values_ = values;
    w_ = w;
    h_ = h;
    render();
    return true;
}

bool HeatMapView::setMap(int w, int h, const float* values) {
    if (w <= 0 || h <= 0 || !values) {
        clear();
        return false;
    }
    return setMap(w, h, QVector<float>(values, values + static_cast<qsizetype>(w) * h));
}

void HeatMapView::clear() {
    values_.clear();
    w_ = h_ = 0;
    view_->setImage(QImage());
    updateOverlay();
}

float HeatMapView::valueAt(int x, int y) const {
    if (x < 0 || y < 0 || x >= w_ || y >= h_) return std::numeric_limits<float>::quiet_NaN();
    return values_[static_cast<qsizetype>(y) * w_ + x];
}

void HeatMapView::setAutoLimit(double percentile) {
    autoLimit_ = true;
    percentile_ = percentile;
    render();
}

void HeatMapView::setFixedLimit(float limit) {
    if (!(limit > 0.0f) || !std::isfinite(limit)) return;
    autoLimit_ = false;
    limit_ = limit;
    render();
}

void HeatMapView::setNonNegative(bool nonNegative) {
    nonNegative_ = nonNegative;
    bar_->setNonNegative(nonNegative);
    updateOverlay();
}

void HeatMapView::setScaleShown(bool shown) {
    scaleShown_ = shown;
    updateOverlay();
}

void HeatMapView::setTitle(const QString& title) {
    title_ = title;
    updateOverlay();
}

QImage HeatMapView::image() const { return view_->image(); }

ZoomPanState* HeatMapView::zoomState() const { return view_->zoomState(); }

void HeatMapView::render() {
    const float old = limit_;
    if (autoLimit_ && !values_.isEmpty())
        limit_ = symmetricLimit(values_.constData(), static_cast<int>(values_.size()), percentile_);
    bar_->setLimit(limit_);
    if (!values_.isEmpty()) view_->setImage(heatMapImage(w_, h_, values_.constData(), limit_));
    updateOverlay();
    if (limit_ != old) emit limitChanged(limit_);
}

void HeatMapView::updateOverlay() {
    QStringList lines;
    if (!title_.isEmpty()) lines << title_;
    if (!values_.isEmpty()) {
        if (scaleShown_ && nonNegative_)
            lines << (autoLimit_ ? tr("scale 0 to %1 (%2th percentile)").arg(limit_, 0, 'g', 3).arg(percentile_ * 100.0, 0, 'g', 3)
                                 : tr("scale 0 to %1").arg(limit_, 0, 'g', 3));
        else if (scaleShown_)
            lines << (autoLimit_ ? tr("scale \u00b1%1 (%2th percentile)").arg(limit_, 0, 'g', 3).arg(percentile_ * 100.0, 0, 'g', 3)
                             : tr("scale \u00b1%1").arg(limit_, 0, 'g', 3));
        if (hovered_.x() >= 0)
            lines << tr("(%1, %2): %3").arg(hovered_.x()).arg(hovered_.y()).arg(valueAt(hovered_.x(), hovered_.y()), 0, 'g', 4);
    }
    view_->setOverlayText(lines.join(QLatin1Char('\n')));
}

} // namespace rdbm::widgets
