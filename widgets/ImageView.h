#pragma once
// A zoomable, pannable view of one QImage: wheel zooms at the cursor, dragging pans,
// double-click fits, keys + - 0 1 zoom in, zoom out, fit and show 1:1 (device pixels).
// Zoomed out it filters smoothly (from an ImagePyramid); zoomed in past 1:1 it shows
// pixels as crisp squares, which is what one wants when judging a restoration.
#include <QImage>
#include <QString>
#include <QStringList>
#include <QVector>
#include <QWidget>

#include "ImagePyramid.h"
#include "ZoomPanState.h"

namespace rdbm::widgets {

class ImageView : public QWidget {
    Q_OBJECT
public:
    explicit ImageView(QWidget* parent = nullptr);

    void setImage(const QImage& image);
    const QImage& image() const { return pyramid_.image(); }

    // Short text drawn in the top-left corner (e.g. "Before", "t = 42"); empty hides it.
    void setOverlayText(const QString& text);
    QString overlayText() const { return overlayText_; }
    // Shown when there is no image (e.g. "Drop a photo here").
    void setPlaceholderText(const QString& text);
    QString placeholderText() const { return placeholderText_; }
    // The colour the placeholder is drawn in: readable on the view's background.
    QColor placeholderColor() const;

    // Local files dropped onto the view are announced, all of them, by filesDropped();
    // while a drag is over the view its frame is highlighted, and a click on the empty
    // drop zone asks for a file dialog (openRequested()).
    void setAcceptFileDrops(bool accept);
    bool isDropHighlighted() const { return dropHighlight_; }

    ZoomPanState* zoomState() const { return state_; }

    // Rectangles in image pixels outlined over the image (e.g. the tiles a restoration
    // ran in); empty draws none.
    void setOutlines(const QVector<QRect>& rects);
    const QVector<QRect>& outlines() const { return outlines_; }

    // Image pixel under a widget position, or (-1, -1) outside the image.
    QPoint pixelAt(const QPointF& viewPos) const;

    QSize sizeHint() const override { return {480, 360}; }
    QSize minimumSizeHint() const override { return {64, 64}; }

signals:
    // The image pixel under the mouse, or (-1, -1) when it leaves the image.
    void pixelHovered(const QPoint& pixel);
    void filesDropped(const QStringList& paths);
    void openRequested();

protected:
    // Subclasses paint their own layers (split view, etc.); the default draws image().
    virtual void paintContent(QPainter& painter);
    // Draws the visible part of an image through the zoom state, filtered for the scale.
    void drawImageLayer(QPainter& painter, const ImagePyramid& pyramid) const;
    // The rounded, palette-coloured label style used for the overlay text and subclasses.
    void drawLabel(QPainter& painter, const QString& text, const QPointF& anchor,
                   Qt::Alignment corner) const;
    void syncDevicePixelRatio();
    void paintOutlines(QPainter& painter) const;

    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;

    bool isPanning() const { return panning_; }

private:
    void updateHover(const QPointF& pos);
    void updateIdleCursor();

    ZoomPanState* state_;
    ImagePyramid pyramid_;
    QString overlayText_;
    QString placeholderText_;
    QVector<QRect> outlines_;
    bool panning_ = false;
    bool dropHighlight_ = false;
    bool pressedOnEmpty_ = false;
    QPointF lastPos_;
    QPoint hovered_{-1, -1};
};

} // namespace rdbm::widgets
