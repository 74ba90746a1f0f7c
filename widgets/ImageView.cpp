#include "ImageView.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QKeyEvent>
#include <QMimeData>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QUrl>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

#include "Contrast.h"

namespace rdbm::widgets {

namespace {

QStringList localFiles(const QMimeData* mime) {
    QStringList files;
    if (!mime || !mime->hasUrls()) return files;
    for (const QUrl& url : mime->urls())
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile()) files << url.toLocalFile();
    return files;
}

// Checkerboard behind transparent images, in palette tones so it suits light and dark themes.
void fillCheckerboard(QPainter& p, const QRectF& rect, const QPalette& pal) {
    QPixmap tile(16, 16);
    tile.fill(pal.color(QPalette::Midlight));
    QPainter tp(&tile);
    tp.fillRect(0, 0, 8, 8, pal.color(QPalette::Mid));
    tp.fillRect(8, 8, 8, 8, pal.color(QPalette::Mid));
    tp.end();
    p.fillRect(rect, QBrush(tile));
}

} // namespace

ImageView::ImageView(QWidget* parent) : QWidget(parent), state_(new ZoomPanState(this)) {
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setBackgroundRole(QPalette::Dark);
    connect(state_, &ZoomPanState::changed, this, qOverload<>(&QWidget::update));
    updateIdleCursor();
}

void ImageView::setImage(const QImage& image) {
    pyramid_.setImage(image);
    syncDevicePixelRatio();
    state_->setImageSize(image.size());
    state_->setViewSize(size());
    updateIdleCursor();
    update();
}

void ImageView::setOverlayText(const QString& text) {
    if (text == overlayText_) return;
    overlayText_ = text;
    setToolTip(text);
    update();
}

void ImageView::setPlaceholderText(const QString& text) {
    placeholderText_ = text;
    if (image().isNull()) update();
}

void ImageView::setAcceptFileDrops(bool accept) {
    setAcceptDrops(accept);
    updateIdleCursor();
}

QPoint ImageView::pixelAt(const QPointF& viewPos) const {
    if (image().isNull()) return {-1, -1};
    const QPointF ip = state_->mapToImage(viewPos);
    const int x = static_cast<int>(std::floor(ip.x()));
    const int y = static_cast<int>(std::floor(ip.y()));
    if (x < 0 || y < 0 || x >= image().width() || y >= image().height()) return {-1, -1};
    return {x, y};
}

void ImageView::syncDevicePixelRatio() { state_->setDevicePixelRatio(devicePixelRatioF()); }

void ImageView::drawImageLayer(QPainter& p, const ImagePyramid& pyramid) const {
    if (pyramid.isNull() || image().isNull()) return;
    // The zoom state is in image() pixels; another layer (the "after" of a split view)
    // is stretched onto the same rectangle.
    const QSize full = pyramid.image().size();
    const QRectF imageRect = state_->imageRectInView();
    const double sx = imageRect.width() / full.width();
    const double sy = imageRect.height() / full.height();
    QRectF visible = imageRect.intersected(QRectF(rect()));
    if (p.hasClipping()) visible = visible.intersected(p.clipBoundingRect());
    if (visible.isEmpty()) return;

    const double deviceScale = sx * devicePixelRatioF();
    const QImage level = pyramid.levelFor(deviceScale);
    const double lx = static_cast<double>(level.width()) / full.width();
    const double ly = static_cast<double>(level.height()) / full.height();

    // The visible part in level pixels, widened to whole pixels so that the source and
    // target rectangles correspond exactly (no sub-pixel shimmer while panning).
    const double x0 = (visible.left() - imageRect.left()) / sx * lx;
    const double y0 = (visible.top() - imageRect.top()) / sy * ly;
    const double x1 = (visible.right() - imageRect.left()) / sx * lx;
    const double y1 = (visible.bottom() - imageRect.top()) / sy * ly;
    const QRect src = QRect(QPoint(static_cast<int>(std::floor(x0)), static_cast<int>(std::floor(y0))),
                            QPoint(static_cast<int>(std::ceil(x1)) - 1, static_cast<int>(std::ceil(y1)) - 1))
                          .intersected(level.rect());
    if (src.isEmpty()) return;
    const QRectF target(imageRect.left() + src.left() / lx * sx, imageRect.top() + src.top() / ly * sy,
                        src.width() / lx * sx, src.height() / ly * sy);

    if (level.hasAlphaChannel()) fillCheckerboard(p, target.intersected(visible), palette());
    // Smooth when shrinking, nearest when enlarging past 1:1 (pixel peeping).
    p.setRenderHint(QPainter::SmoothPixmapTransform, deviceScale / lx < 1.0);
    p.drawImage(target, level, src);
}

void ImageView::drawLabel(QPainter& p, const QString& text, const QPointF& anchor, Qt::Alignment corner) const {
    if (text.isEmpty()) return;
    const QFontMetricsF fm(font());
    const double pad = 4.0;
    // Lines wider than the view are elided, never cut mid-glyph; the tooltip has them whole.
    const double room = std::max(24.0, width() - 12.0 - 2 * pad);
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString& line : lines) line = fm.elidedText(line, Qt::ElideRight, room);
    const QString shown = lines.join(QLatin1Char('\n'));
    QRectF box = fm.boundingRect(QRectF(0, 0, 2000, 2000), Qt::AlignLeft | Qt::AlignTop, shown);
    box.setSize(box.size() + QSizeF(2 * pad, 2 * pad));
    QPointF topLeft = anchor;
    if (corner & Qt::AlignRight) topLeft.rx() -= box.width();
    if (corner & Qt::AlignBottom) topLeft.ry() -= box.height();
    box.moveTopLeft(topLeft);
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    QColor bg = palette().color(QPalette::Window);
    bg.setAlpha(200);
    p.setPen(Qt::NoPen);
    p.setBrush(bg);
    p.drawRoundedRect(box, 3, 3);
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(box.adjusted(pad, pad, -pad, -pad), Qt::AlignLeft | Qt::AlignTop, shown);
    p.restore();
}

void ImageView::paintContent(QPainter& painter) { drawImageLayer(painter, pyramid_); }

QColor ImageView::placeholderColor() const {
    return readableOn(palette().color(backgroundRole()), palette().color(QPalette::PlaceholderText));
}

void ImageView::setOutlines(const QVector<QRect>& rects) {
    if (rects == outlines_) return;
    outlines_ = rects;
    update();
}

void ImageView::paintOutlines(QPainter& p) const {
    if (outlines_.isEmpty()) return;
    // A dark line under a light dashed one reads on any photo; overlapping tiles show as
    // pairs of lines the overlap apart.
    p.save();
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setBrush(Qt::NoBrush);
    const QPen under(QColor(0, 0, 0, 160), 1);
    QPen over(QColor(255, 220, 0, 230), 1, Qt::DashLine);
    for (const QRect& r : outlines_) {
        const QRectF v(state_->mapToView(QPointF(r.left(), r.top())),
                       state_->mapToView(QPointF(r.left() + r.width(), r.top() + r.height())));
        p.setPen(under);
        p.drawRect(v.adjusted(1, 1, 1, 1));
        p.setPen(over);
        p.drawRect(v);
    }
    p.restore();
}

void ImageView::paintEvent(QPaintEvent*) {
    syncDevicePixelRatio();
    QPainter p(this);
    p.fillRect(rect(), palette().color(backgroundRole()));
    if (image().isNull()) {
        if (!placeholderText_.isEmpty()) {
            // The view's dark background differs from the Base colour placeholder text is
            // chosen for: keep the hint readable (4.5:1) on whatever the palette gives.
            p.setPen(placeholderColor());
            p.drawText(rect().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap, placeholderText_);
        }
        if (acceptDrops() && !dropHighlight_) {
            // The dashed frame says "drop here"; placeholder text has the contrast.
            QPen pen(placeholderColor(), 2, Qt::DashLine);
            p.setPen(pen);
            p.setBrush(Qt::NoBrush);
            p.drawRoundedRect(QRectF(rect()).adjusted(8, 8, -8, -8), 8, 8);
        }
    } else {
        paintContent(p);
        paintOutlines(p);
    }
    if (dropHighlight_) {
        QColor fill = palette().color(QPalette::Highlight);
        fill.setAlpha(40);
        p.setPen(QPen(palette().color(QPalette::Highlight), 3));
        p.setBrush(fill);
        p.drawRoundedRect(QRectF(rect()).adjusted(4, 4, -4, -4), 8, 8);
    }
    drawLabel(p, overlayText_, QPointF(6, 6), Qt::AlignLeft | Qt::AlignTop);
    if (hasFocus()) {
        p.setPen(QPen(palette().color(QPalette::Highlight), 1));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5));
    }
}

void ImageView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    syncDevicePixelRatio();
    state_->setViewSize(size());
}

void ImageView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    syncDevicePixelRatio();
    state_->setViewSize(size());
}

void ImageView::wheelEvent(QWheelEvent* event) {
    if (image().isNull()) return;
    // 120 units = one wheel notch = one kZoomStep; trackpads send smaller deltas.
    const QPoint d = event->angleDelta();
    const double notches = (d.y() != 0 ? d.y() : d.x()) / 120.0;
    if (notches == 0.0) return;
    state_->zoomAt(event->position(), std::pow(ZoomPanState::kZoomStep, notches));
    updateHover(event->position());
    event->accept();
}

void ImageView::mousePressEvent(QMouseEvent* event) {
    pressedOnEmpty_ = event->button() == Qt::LeftButton && image().isNull() && acceptDrops();
    if (event->button() == Qt::LeftButton && !image().isNull()) {
        panning_ = true;
        lastPos_ = event->position();
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QWidget::mousePressEvent(event);
}

void ImageView::mouseMoveEvent(QMouseEvent* event) {
    if (panning_) {
        state_->panBy(event->position() - lastPos_);
        lastPos_ = event->position();
    }
    updateHover(event->position());
}

void ImageView::mouseReleaseEvent(QMouseEvent* event) {
    if (pressedOnEmpty_ && event->button() == Qt::LeftButton && image().isNull() && rect().contains(event->position().toPoint())) {
        pressedOnEmpty_ = false;
        event->accept();
        emit openRequested();
        return;
    }
    pressedOnEmpty_ = false;
    if (panning_ && event->button() == Qt::LeftButton) {
        panning_ = false;
        updateIdleCursor();
        event->accept();
        return;
    }
    QWidget::mouseReleaseEvent(event);
}

void ImageView::mouseDoubleClickEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) {
        state_->fitToView();
        event->accept();
        return;
    }
    QWidget::mouseDoubleClickEvent(event);
}

void ImageView::leaveEvent(QEvent* event) {
    QWidget::leaveEvent(event);
    if (hovered_ != QPoint(-1, -1)) {
        hovered_ = QPoint(-1, -1);
        emit pixelHovered(hovered_);
    }
}

void ImageView::keyPressEvent(QKeyEvent* event) {
    const double panStep = 0.1;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: state_->zoomIn(); break;
    case Qt::Key_Minus: state_->zoomOut(); break;
    case Qt::Key_0: state_->fitToView(); break;
    case Qt::Key_1: state_->actualSize(); break;
    case Qt::Key_Left: state_->panBy(QPointF(width() * panStep, 0)); break;
    case Qt::Key_Right: state_->panBy(QPointF(-width() * panStep, 0)); break;
    case Qt::Key_Up: state_->panBy(QPointF(0, height() * panStep)); break;
    case Qt::Key_Down: state_->panBy(QPointF(0, -height() * panStep)); break;
    default: QWidget::keyPressEvent(event); return;
    }
    event->accept();
}

void ImageView::dragEnterEvent(QDragEnterEvent* event) {
    if (localFiles(event->mimeData()).isEmpty()) return;
    event->acceptProposedAction();
    dropHighlight_ = true;
    update();
}

void ImageView::dragLeaveEvent(QDragLeaveEvent* event) {
    QWidget::dragLeaveEvent(event);
    dropHighlight_ = false;
    update();
}

void ImageView::dropEvent(QDropEvent* event) {
    dropHighlight_ = false;
    update();
    const QStringList paths = localFiles(event->mimeData());
    if (paths.isEmpty()) return;
    event->acceptProposedAction();
    emit filesDropped(paths);
}

void ImageView::updateHover(const QPointF& pos) {
    const QPoint px = pixelAt(pos);
    if (px == hovered_) return;
    hovered_ = px;
    emit pixelHovered(px);
}

void ImageView::updateIdleCursor() {
    if (image().isNull() && acceptDrops()) setCursor(Qt::PointingHandCursor); // click opens a file
    else if (image().isNull()) unsetCursor();
    else setCursor(Qt::OpenHandCursor);
}

} // namespace rdbm::widgets
