#include "ZoomPanState.h"

#include <algorithm>
#include <cmath>

namespace rdbm::widgets {

namespace {
// Largest on-screen magnification, in device pixels per image pixel: enough to count pixels.
constexpr double kMaxDeviceZoom = 64.0;
// How far below "fit" (or 1:1, whichever is smaller) one may zoom out.
constexpr double kMinZoomFraction = 0.5;
} // namespace

ZoomPanState::ZoomPanState(QObject* parent) : QObject(parent) {}

bool ZoomPanState::hasGeometry() const {
    return !imageSize_.isEmpty() && viewSize_.width() > 0 && viewSize_.height() > 0;
}

void ZoomPanState::setImageSize(const QSize& size) {
    if (size == imageSize_) return;
    imageSize_ = size;
    pending_.reset(); // a different picture starts fitted
    if (hasGeometry())
        fitToView();
}

void ZoomPanState::setViewSize(const QSizeF& size) {
    if (size == viewSize_) return;
    const QPointF oldCentre = viewCentre();
    const bool hadGeometry = hasGeometry();
    viewSize_ = size;
    if (!hasGeometry()) return;
    if (!hadGeometry && pending_) {
        const Viewport vp = *pending_;
        pending_.reset();
        setViewport(vp);
        return;
    }
    if (fit_ || !hadGeometry) {
        fitToView();
        return;
    }
    // Keep the image point that was at the centre at the (new) centre.
    apply(scale_, offset_ + (viewCentre() - oldCentre), false);
}

void ZoomPanState::setDevicePixelRatio(double dpr) {
    if (!(dpr > 0.0) || dpr == dpr_) return;
    dpr_ = dpr;
    if (hasGeometry()) {
        if (fit_) fitToView();
        else apply(scale_, offset_, false); // the limits depend on dpr
    }
}

double ZoomPanState::fitScale() const {
    if (!hasGeometry()) return 1.0;
    return std::min(viewSize_.width() / imageSize_.width(), viewSize_.height() / imageSize_.height());
}

double ZoomPanState::minScale() const {
    return std::min(fitScale(), actualSizeScale()) * kMinZoomFraction;
}

double ZoomPanState::maxScale() const {
    return std::max(fitScale(), kMaxDeviceZoom / dpr_);
}

QPointF ZoomPanState::mapToImage(const QPointF& viewPos) const {
    return (viewPos - offset_) / scale_;
}

QPointF ZoomPanState::mapToView(const QPointF& imagePos) const {
    return offset_ + imagePos * scale_;
}

QRectF ZoomPanState::imageRectInView() const {
    return {offset_, QSizeF(imageSize_.width() * scale_, imageSize_.height() * scale_)};
}

void ZoomPanState::zoomAt(const QPointF& viewPos, double factor) {
    if (!(factor > 0.0)) return;
    setScaleAt(viewPos, scale_ * factor);
}

void ZoomPanState::setScaleAt(const QPointF& viewPos, double scale) {
    if (!hasGeometry() || !(scale > 0.0)) return;
    const double s = std::clamp(scale, minScale(), maxScale());
    const QPointF imagePoint = mapToImage(viewPos);
    apply(s, viewPos - imagePoint * s, false);
}

void ZoomPanState::zoomIn() { zoomAt(viewCentre(), kZoomStep); }
void ZoomPanState::zoomOut() { zoomAt(viewCentre(), 1.0 / kZoomStep); }

void ZoomPanState::panBy(const QPointF& viewDelta) {
    if (!hasGeometry()) return;
    apply(scale_, offset_ + viewDelta, false);
}

void ZoomPanState::fitToView() {
    if (!hasGeometry()) {
        fit_ = true;
        return;
    }
    const double s = fitScale();
    // Centred; apply() centres any axis the image does not fill.
    apply(s, viewCentre() - QPointF(imageSize_.width(), imageSize_.height()) * (s / 2.0), true);
}

void ZoomPanState::actualSize() { setScaleAt(viewCentre(), actualSizeScale()); }

ZoomPanState::Viewport ZoomPanState::viewport() const {
    Viewport vp{QPointF(0.5, 0.5), 0.0, fit_};
    if (imageSize_.isEmpty()) return vp;
    const QPointF c = mapToImage(viewCentre());
    vp.centre = QPointF(c.x() / imageSize_.width(), c.y() / imageSize_.height());
    vp.displayedWidth = scale_ * imageSize_.width();
    return vp;
}

void ZoomPanState::setViewport(const Viewport& vp) {
    if (!hasGeometry()) {
        pending_ = vp;
        return;
    }
    if (vp.fit || !(vp.displayedWidth > 0.0)) {
        fitToView();
        return;
    }
    const double s = std::clamp(vp.displayedWidth / imageSize_.width(), minScale(), maxScale());
    const QPointF imagePoint(vp.centre.x() * imageSize_.width(), vp.centre.y() * imageSize_.height());
    apply(s, viewCentre() - imagePoint * s, false);
}

QPointF ZoomPanState::clampOffset(double s, const QPointF& offset) const {
    // Per axis: an image narrower than the view is centred; a wider one may not show
    // empty space at either edge.
    auto axis = [](double view, double extent, double o) {
        if (extent <= view) return (view - extent) / 2.0;
        return std::clamp(o, view - extent, 0.0);
    };
    return {axis(viewSize_.width(), imageSize_.width() * s, offset.x()),
            axis(viewSize_.height(), imageSize_.height() * s, offset.y())};
}

void ZoomPanState::apply(double s, const QPointF& offset, bool fit) {
    s = std::clamp(s, minScale(), maxScale());
    const QPointF o = clampOffset(s, offset);
    if (s == scale_ && o == offset_ && fit == fit_) return;
    scale_ = s;
    offset_ = o;
    fit_ = fit;
    emit changed();
}

} // namespace rdbm::widgets
