#include "TrajectoryStrip.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

#include "Contrast.h"

namespace rdbm::widgets {

namespace {
constexpr int kMargin = 6;  // around the strip
constexpr int kSpacing = 6; // between cells
constexpr int kBorder = 3;  // selection frame around a thumbnail
constexpr int kMinThumb = 24;
} // namespace

TrajectoryStrip::TrajectoryStrip(QWidget* parent) : QAbstractScrollArea(parent) {
    setFocusPolicy(Qt::StrongFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    viewport()->setBackgroundRole(QPalette::Base);
    setAccessibleName(tr("Trajectory"));
    horizontalScrollBar()->setSingleStep(24);
}

void TrajectoryStrip::setFrames(const QVector<TrajectoryFrame>& frames) {
    frames_ = frames;
    thumbs_ = QVector<QImage>(frames_.size());
    updateScrollRange();
    const int old = current_;
    current_ = frames_.isEmpty() ? -1 : std::clamp(current_, 0, count() - 1);
    if (current_ >= 0) ensureVisible(current_);
    viewport()->update();
    if (current_ != old) emit currentStepChanged(current_);
}

void TrajectoryStrip::appendFrame(const QImage& image, const QString& label) {
    const bool following = current_ == count() - 1; // also true when empty (-1)
    frames_.push_back({image, label});
    thumbs_.push_back(QImage());
    updateScrollRange();
    viewport()->update();
    if (following) setCurrentStep(count() - 1);
}

void TrajectoryStrip::setFrame(int index, const QImage& image, const QString& label) {
    if (index < 0 || index >= count()) return;
    frames_[index] = {image, label};
    thumbs_[index] = QImage();
    if (index == 0) updateScrollRange(); // the first frame sets the cell shape
    viewport()->update();
}

void TrajectoryStrip::clear() { setFrames({}); }

QString TrajectoryStrip::label(int index) const {
    return index >= 0 && index < count() ? frames_[index].label : QString();
}

QImage TrajectoryStrip::frameImage(int index) const {
    return index >= 0 && index < count() ? frames_[index].image : QImage();
}

void TrajectoryStrip::setCurrentStep(int index) {
    if (frames_.isEmpty()) return;
    index = std::clamp(index, 0, count() - 1);
    if (index == current_) return;
    current_ = index;
    ensureVisible(current_);
    viewport()->update();
    emit currentStepChanged(current_);
}

int TrajectoryStrip::labelHeight() const { return fontMetrics().height() + 4; }

int TrajectoryStrip::thumbHeight() const {
    return std::max(kMinThumb, viewport()->height() - 2 * kMargin - 2 * kBorder - labelHeight());
}

int TrajectoryStrip::cellWidth() const {
    // One shape for all cells (trajectory frames share a size), from the first frame.
    double aspect = 1.0;
    if (!frames_.isEmpty() && !frames_.front().image.isNull())
        aspect = static_cast<double>(frames_.front().image.width()) / frames_.front().image.height();
    aspect = std::clamp(aspect, 0.5, 2.5);
    return static_cast<int>(std::lround(thumbHeight() * aspect)) + 2 * kBorder;
}

QRect TrajectoryStrip::frameRect(int index) const {
    if (index < 0 || index >= count()) return {};
    const int x = kMargin + index * (cellWidth() + kSpacing) - horizontalScrollBar()->value();
    return {x, kMargin, cellWidth(), thumbHeight() + 2 * kBorder + labelHeight()};
}

int TrajectoryStrip::frameAt(const QPoint& pos) const {
    if (frames_.isEmpty()) return -1;
    const int pitch = cellWidth() + kSpacing;
    const int x = pos.x() + horizontalScrollBar()->value() - kMargin;
    if (x < 0) return -1;
    const int i = x / pitch;
    if (i >= count() || x - i * pitch >= cellWidth()) return -1;
    return frameRect(i).contains(pos) ? i : -1;
}

int TrajectoryStrip::cachedThumbnailCount() const {
    return static_cast<int>(std::count_if(thumbs_.begin(), thumbs_.end(), [](const QImage& t) { return !t.isNull(); }));
}

int TrajectoryStrip::visibleCount() const {
    return std::max(1, viewport()->width() / (cellWidth() + kSpacing));
}

QSize TrajectoryStrip::sizeHint() const {
    const int h = 2 * kMargin + 2 * kBorder + 96 + labelHeight() + horizontalScrollBar()->sizeHint().height() +
                  2 * frameWidth();
    return {640, h};
}

QSize TrajectoryStrip::minimumSizeHint() const {
    return {120, 2 * kMargin + 2 * kBorder + 48 + labelHeight() + horizontalScrollBar()->sizeHint().height()};
}

void TrajectoryStrip::updateScrollRange() {
    const int n = count();
    const int total = n == 0 ? 0 : 2 * kMargin + n * cellWidth() + (n - 1) * kSpacing;
    QScrollBar* bar = horizontalScrollBar();
    bar->setRange(0, std::max(0, total - viewport()->width()));
    bar->setPageStep(viewport()->width());
}

void TrajectoryStrip::ensureVisible(int index) {
    const QRect r = frameRect(index);
    if (r.isNull()) return;
    QScrollBar* bar = horizontalScrollBar();
    if (r.left() < kMargin) bar->setValue(bar->value() + r.left() - kMargin);
    else if (r.right() > viewport()->width() - kMargin) bar->setValue(bar->value() + r.right() - viewport()->width() + kMargin);
}

QImage TrajectoryStrip::thumbnail(int index, const QSize& deviceSize) const {
    QImage& cached = thumbs_[index];
    const QImage& src = frames_[index].image;
    if (src.isNull()) return {};
    // Reuse a cached thumbnail between 1x and 2x the wanted size (resizing the strip
    // then costs nothing); otherwise make one.
    const QSize target = src.size().scaled(deviceSize, Qt::KeepAspectRatio).expandedTo(QSize(1, 1));
    if (!cached.isNull() && cached.height() >= target.height() && cached.height() <= 2 * target.height())
        return cached;
    if (target.height() >= src.height()) return cached = src; // never enlarge
    QImage step = src;
    // A fast reduction to 4x the target first: smooth scaling a full photo is slow.
    if (src.width() > 4 * target.width() && src.height() > 4 * target.height())
        step = src.scaled(target * 4, Qt::KeepAspectRatio, Qt::FastTransformation);
    cached = step.scaled(target, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return cached;
}

void TrajectoryStrip::paintEvent(QPaintEvent*) {
    QPainter p(viewport());
    const QPalette& pal = palette();
    p.fillRect(viewport()->rect(), pal.color(viewport()->backgroundRole()));
    if (frames_.isEmpty()) {
        p.setPen(readableOn(pal.color(viewport()->backgroundRole()), pal.color(QPalette::PlaceholderText)));
        p.drawText(viewport()->rect(), Qt::AlignCenter, tr("No trajectory yet"));
        return;
    }
    const double dpr = viewport()->devicePixelRatioF();
    const int th = thumbHeight();
    const int pitch = cellWidth() + kSpacing;
    const int scroll = horizontalScrollBar()->value();
    const int first = std::max(0, (scroll - kMargin) / pitch);
    const int last = std::min(count() - 1, (scroll + viewport()->width() - kMargin) / pitch);
    for (int i = first; i <= last; ++i) {
        const QRect cell = frameRect(i);
        const bool selected = i == current_;
        if (selected) {
            p.setPen(Qt::NoPen);
            p.setBrush(pal.color(hasFocus() ? QPalette::Active : QPalette::Inactive, QPalette::Highlight));
            p.drawRoundedRect(cell, 4, 4);
        }
        const QRect thumbArea(cell.left() + kBorder, cell.top() + kBorder, cell.width() - 2 * kBorder, th);
        const QSize device(static_cast<int>(std::ceil(thumbArea.width() * dpr)),
                           static_cast<int>(std::ceil(thumbArea.height() * dpr)));
        const QImage thumb = thumbnail(i, device);
        if (!thumb.isNull()) {
            const QSizeF shown = QSizeF(thumb.size()).scaled(QSizeF(thumbArea.size()), Qt::KeepAspectRatio);
            const QRectF target(thumbArea.left() + (thumbArea.width() - shown.width()) / 2.0,
                                thumbArea.top() + (thumbArea.height() - shown.height()) / 2.0, shown.width(),
                                shown.height());
            p.setRenderHint(QPainter::SmoothPixmapTransform, true);
            p.drawImage(target, thumb);
        } else {
            p.fillRect(thumbArea, pal.color(QPalette::Midlight));
        }
        const QRect labelRect(cell.left() + 2, thumbArea.bottom() + 1, cell.width() - 4, labelHeight() + kBorder);
        p.setPen(pal.color(selected ? QPalette::HighlightedText : QPalette::Text));
        p.drawText(labelRect, Qt::AlignCenter,
                   fontMetrics().elidedText(frames_[i].label, Qt::ElideRight, labelRect.width()));
    }
    if (hasFocus() && current_ >= 0) {
        p.setPen(QPen(pal.color(QPalette::Highlight), 1, Qt::DotLine));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(QRectF(frameRect(current_)).adjusted(-2.5, -2.5, 2.5, 2.5), 5, 5);
    }
}

void TrajectoryStrip::resizeEvent(QResizeEvent* event) {
    QAbstractScrollArea::resizeEvent(event);
    updateScrollRange();
    if (current_ >= 0) ensureVisible(current_);
}

void TrajectoryStrip::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) {
        const int i = frameAt(event->position().toPoint());
        if (i >= 0) setCurrentStep(i);
        event->accept();
        return;
    }
    QAbstractScrollArea::mousePressEvent(event);
}

void TrajectoryStrip::keyPressEvent(QKeyEvent* event) {
    if (frames_.isEmpty()) {
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Up: setCurrentStep(current_ - 1); break;
    case Qt::Key_Right:
    case Qt::Key_Down: setCurrentStep(current_ + 1); break;
    case Qt::Key_Home: setCurrentStep(0); break;
    case Qt::Key_End: setCurrentStep(count() - 1); break;
    case Qt::Key_PageUp: setCurrentStep(current_ - visibleCount()); break;
    case Qt::Key_PageDown: setCurrentStep(current_ + visibleCount()); break;
    default: QAbstractScrollArea::keyPressEvent(event); return;
    }
    event->accept();
}

void TrajectoryStrip::wheelEvent(QWheelEvent* event) {
    // A vertical wheel scrolls the horizontal strip.
    const QPoint d = event->angleDelta();
    const int delta = std::abs(d.x()) > std::abs(d.y()) ? d.x() : d.y();
    QScrollBar* bar = horizontalScrollBar();
    bar->setValue(bar->value() - delta * bar->singleStep() / 40);
    event->accept();
}

void TrajectoryStrip::focusInEvent(QFocusEvent* event) {
    QAbstractScrollArea::focusInEvent(event);
    viewport()->update();
}

void TrajectoryStrip::focusOutEvent(QFocusEvent* event) {
    QAbstractScrollArea::focusOutEvent(event);
    viewport()->update();
}

void TrajectoryStrip::changeEvent(QEvent* event) {
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange) updateScrollRange();
}

} // namespace rdbm::widgets
