#include "SplitImageView.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace rdbm::widgets {

SplitImageView::SplitImageView(QWidget* parent)
    : ImageView(parent), beforeLabel_(tr("Before")), afterLabel_(tr("After")) {
    setAccessibleName(tr("Before and after split view"));
}

void SplitImageView::setImages(const QImage& before, const QImage& after) {
    after_.setImage(after);
    setImage(before);
}

void SplitImageView::setAfterImage(const QImage& after) {
    after_.setImage(after);
    update();
}

void SplitImageView::setLabels(const QString& before, const QString& after) {
    beforeLabel_ = before;
    afterLabel_ = after;
    update();
}

void SplitImageView::setDividerFraction(double f) {
    const double old = divider_.fraction();
    divider_.setFraction(f);
    if (divider_.fraction() == old) return;
    update();
    emit dividerMoved(divider_.fraction());
}

void SplitImageView::paintContent(QPainter& p) {
    if (after_.image().isNull()) {
        // Nothing to compare yet: the whole input, no divider, and the after label
        // ("Not restored yet", "Restoring…") as a note in the corner.
        ImageView::paintContent(p);
        drawLabel(p, beforeLabel_, QPointF(6, 6), Qt::AlignLeft | Qt::AlignTop);
        drawLabel(p, afterLabel_, QPointF(width() - 6, 6), Qt::AlignRight | Qt::AlignTop);
        return;
    }
    const double x = dividerX();
    const QRectF left(0, 0, x, height());
    const QRectF right(x, 0, width() - x, height());
    p.save();
    p.setClipRect(left);
    ImageView::paintContent(p);
    drawLabel(p, beforeLabel_, QPointF(6, 6), Qt::AlignLeft | Qt::AlignTop);
    p.setClipRect(right);
    drawImageLayer(p, after_);
    drawLabel(p, afterLabel_, QPointF(width() - 6, 6), Qt::AlignRight | Qt::AlignTop);
    p.restore();
    drawHandle(p);
}

void SplitImageView::drawHandle(QPainter& p) const {
    // Window/WindowText from the palette: a light line with dark edges in a light theme
    // and the reverse in a dark one, visible on any picture.
    const QColor fill = palette().color(QPalette::Window);
    const QColor edge = palette().color(QPalette::WindowText);
    const double x = dividerX();
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.fillRect(QRectF(x - 2, 0, 4, height()), edge);
    p.fillRect(QRectF(x - 1, 0, 2, height()), fill);

    const QPointF c(x, height() / 2.0);
    const double r = kKnobRadius;
    p.setPen(QPen(edge, 1.5));
    p.setBrush(fill);
    p.drawEllipse(c, r, r);
    // Two arrow heads: the handle moves sideways.
    QPainterPath arrows;
    arrows.moveTo(c + QPointF(-2.5, -4.5));
    arrows.lineTo(c + QPointF(-7.0, 0));
    arrows.lineTo(c + QPointF(-2.5, 4.5));
    arrows.closeSubpath();
    arrows.moveTo(c + QPointF(2.5, -4.5));
    arrows.lineTo(c + QPointF(7.0, 0));
    arrows.lineTo(c + QPointF(2.5, 4.5));
    arrows.closeSubpath();
    p.setPen(Qt::NoPen);
    p.setBrush(edge);
    p.drawPath(arrows);
    p.restore();
}

void SplitImageView::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton && grabsDivider(event->position())) {
        draggingDivider_ = true;
        setCursor(Qt::SplitHCursor);
        event->accept();
        return;
    }
    ImageView::mousePressEvent(event);
}

void SplitImageView::mouseMoveEvent(QMouseEvent* event) {
    if (draggingDivider_) {
        setDividerFraction(event->position().x() / std::max(1, width()));
        event->accept();
        return;
    }
    ImageView::mouseMoveEvent(event);
    if (!isPanning()) updateCursorAt(event->position());
}

void SplitImageView::mouseReleaseEvent(QMouseEvent* event) {
    if (draggingDivider_ && event->button() == Qt::LeftButton) {
        draggingDivider_ = false;
        updateCursorAt(event->position());
        event->accept();
        return;
    }
    ImageView::mouseReleaseEvent(event);
    updateCursorAt(event->position());
}

void SplitImageView::keyPressEvent(QKeyEvent* event) {
    const double step = (event->modifiers() & Qt::ShiftModifier) ? kBigKeyStep : kKeyStep;
    switch (event->key()) {
    case Qt::Key_Left: setDividerFraction(dividerFraction() - step); break;
    case Qt::Key_Right: setDividerFraction(dividerFraction() + step); break;
    case Qt::Key_Home: setDividerFraction(0.0); break;
    case Qt::Key_End: setDividerFraction(1.0); break;
    default: ImageView::keyPressEvent(event); return;
    }
    event->accept();
}

bool SplitImageView::grabsDivider(const QPointF& pos) const {
    if (divider_.hit(pos.x(), width(), kGrabTolerance)) return true;
    const QPointF knob(dividerX(), height() / 2.0);
    const QPointF d = pos - knob;
    return QPointF::dotProduct(d, d) <= kKnobRadius * kKnobRadius;
}

void SplitImageView::updateCursorAt(const QPointF& pos) {
    if (grabsDivider(pos)) setCursor(Qt::SplitHCursor);
    else if (!image().isNull()) setCursor(Qt::OpenHandCursor);
    else unsetCursor();
}

} // namespace rdbm::widgets
