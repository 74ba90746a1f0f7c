#pragma once
// The zoom and pan of one image view as plain numbers, apart from any widget, so that
// the geometry (zoom at the cursor, fit, 1:1, clamping) is testable and several views
// can share it through ViewSync.
//
// Coordinates: "view" positions are logical widget pixels; "image" positions are image
// pixels. view = offset + scale * image.
#include <QObject>
#include <QPointF>
#include <QRectF>
#include <QSize>
#include <QSizeF>

#include <optional>

namespace rdbm::widgets {

class ZoomPanState : public QObject {
    Q_OBJECT
public:
    // What one view shows, independent of its own widget and image size: used to
    // align views of the same picture (possibly at different resolutions).
    struct Viewport {
        QPointF centre;          // image point at the view centre, in [0,1]^2 of the image
        double displayedWidth;   // image width on screen, in logical pixels
        bool fit;                // follow the view size (fit to view)
    };

    explicit ZoomPanState(QObject* parent = nullptr);

    // A new image size re-fits the view; the same size keeps the zoom (e.g. when the
    // next trajectory frame replaces the current one). A viewport set before the state
    // had any geometry (a hidden view) is applied once it has.
    void setImageSize(const QSize& size);
    QSize imageSize() const { return imageSize_; }
    // A resized view stays fitted in fit mode, otherwise keeps the image point at its centre.
    void setViewSize(const QSizeF& size);
    QSizeF viewSize() const { return viewSize_; }
    // Device pixels per logical pixel: 1:1 means one image pixel per device pixel.
    void setDevicePixelRatio(double dpr);
    double devicePixelRatio() const { return dpr_; }

    double scale() const { return scale_; }   // logical view pixels per image pixel
    QPointF offset() const { return offset_; } // view position of image point (0, 0)
    bool isFitMode() const { return fit_; }

    double fitScale() const;
    double actualSizeScale() const { return 1.0 / dpr_; }
    double minScale() const;
    double maxScale() const;

    QPointF mapToImage(const QPointF& viewPos) const;
    QPointF mapToView(const QPointF& imagePos) const;
    QRectF imageRectInView() const;

    // Multiplies the scale by factor, keeping the image point under viewPos fixed
    // (exactly, unless clamping has to move the image back into the view).
    void zoomAt(const QPointF& viewPos, double factor);
    void setScaleAt(const QPointF& viewPos, double scale);
    void zoomIn();  // at the view centre
    void zoomOut();
    void panBy(const QPointF& viewDelta);
    void fitToView();
    void actualSize(); // 1:1 in device pixels, keeping the image point at the view centre

    Viewport viewport() const;
    void setViewport(const Viewport& vp);

    static constexpr double kZoomStep = 1.25;

signals:
    void changed();

private:
    // Clamps, stores and emits changed() only if something actually changed, which is
    // what stops synchronized views from echoing each other forever.
    void apply(double scale, const QPointF& offset, bool fit);
    QPointF clampOffset(double scale, const QPointF& offset) const;
    QPointF viewCentre() const { return {viewSize_.width() / 2.0, viewSize_.height() / 2.0}; }
    bool hasGeometry() const;

    QSize imageSize_;
    QSizeF viewSize_;
    double dpr_ = 1.0;
    double scale_ = 1.0;
    QPointF offset_;
    bool fit_ = true;
    std::optional<Viewport> pending_;
};

} // namespace rdbm::widgets
