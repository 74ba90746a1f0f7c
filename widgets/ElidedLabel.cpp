#include "ElidedLabel.h"

#include <QEvent>
#include <QFontMetrics>

#include <algorithm>

namespace rdbm::widgets {

ElidedLabel::ElidedLabel(QWidget* parent, Qt::TextElideMode mode) : QLabel(parent), mode_(mode) {
    setTextFormat(Qt::PlainText);
    setWordWrap(false);
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
}

void ElidedLabel::setFullText(const QString& text) {
    full_ = text;
    relayout();
}

QSize ElidedLabel::minimumSizeHint() const {
    const QSize s = QLabel::minimumSizeHint();
    return {fontMetrics().horizontalAdvance(QStringLiteral("\u2026")) * 4, s.height()};
}

QSize ElidedLabel::sizeHint() const {
    const int margins = contentsMargins().left() + contentsMargins().right() + 2 * margin();
    return {fontMetrics().horizontalAdvance(full_) + margins, QLabel::sizeHint().height()};
}

void ElidedLabel::resizeEvent(QResizeEvent* event) {
    QLabel::resizeEvent(event);
    relayout();
}

void ElidedLabel::changeEvent(QEvent* event) {
    QLabel::changeEvent(event);
    if (event->type() == QEvent::FontChange) relayout();
}

void ElidedLabel::relayout() {
    const int room = contentsRect().width() - 2 * margin();
    const QString shown = fontMetrics().elidedText(full_, mode_, std::max(0, room));
    QLabel::setText(shown);
    setToolTip(shown == full_ ? QString() : full_);
}

} // namespace rdbm::widgets
