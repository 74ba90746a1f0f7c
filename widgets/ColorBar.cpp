#include "ColorBar.h"

#include <QEvent>
#include <QLocale>
#include <QPainter>

#include <algorithm>
#include <cmath>

#include "rdbm/Colormap.h"

namespace rdbm::widgets {

namespace {
constexpr int kBarWidth = 12;
constexpr int kTickLength = 4;
constexpr int kGap = 2;
} // namespace

ColorBar::ColorBar(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
}

void ColorBar::setLimit(float limit) {
    if (!(limit > 0.0f) || !std::isfinite(limit) || limit == limit_) return;
    limit_ = limit;
    updateGeometry(); // label widths may change
    update();
}

void ColorBar::setNonNegative(bool nonNegative) {
    if (nonNegative == nonNegative_) return;
    nonNegative_ = nonNegative;
    updateGeometry();
    update();
}

void ColorBar::setTitle(const QString& title) {
    title_ = title;
    updateGeometry();
    update();
}

QVector<double> ColorBar::ticks(double limit, int maxTicks) {
    QVector<double> out;
    if (!(limit > 0.0) || !std::isfinite(limit)) return out;
    maxTicks = std::max(maxTicks, 3);
    // Smallest step from {1, 2, 5} x 10^k giving at most maxTicks ticks over [-limit, limit].
    const double rough = 2.0 * limit / (maxTicks - 1);
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    double step = 10.0 * magnitude;
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * magnitude >= rough) { step = m * magnitude; break; }
    const int n = static_cast<int>(std::floor(limit / step * (1.0 + 1e-9)));
    for (int k = -n; k <= n; ++k) out.push_back(k == 0 ? 0.0 : k * step);
    return out;
}

QString ColorBar::tickText(double v) const {
    if (v == 0.0) return QStringLiteral("0");
    return locale().toString(v, 'g', 3);
}

int ColorBar::labelWidth() const {
    const QFontMetrics fm(font());
    // Room for the widest label of the usual ranges ("-0.15") whatever the data: a bar
    // that widened with its values moved the page's layout after every run, and at
    // 1024x700 in German pushed the pi comparison past its width.
    int w = fm.horizontalAdvance(tickText(-0.15));
    for (double v : ticks(limit_, 11))
        if (v >= lowest()) w = std::max(w, fm.horizontalAdvance(tickText(v)));
    return w;
}

QRectF ColorBar::barRect() const {
    const QFontMetrics fm(font());
    // Room above/below so the end labels (centred on the ends) are not clipped.
    const double top = fm.height() / 2.0 + 2 + (title_.isEmpty() ? 0 : fm.height() + 4);
    const double bottom = fm.height() / 2.0 + 2;
    return {2.0, top, static_cast<double>(kBarWidth), std::max(1.0, height() - top - bottom)};
}

double ColorBar::yForValue(double v) const {
    const QRectF bar = barRect();
    const double f = (limit_ - std::clamp(v, lowest(), static_cast<double>(limit_))) / (limit_ - lowest());
    return bar.top() + f * bar.height();
}

QVector<double> ColorBar::currentTicks() const {
    const int maxTicks = static_cast<int>(barRect().height() / (fontMetrics().height() * 1.8));
    const int n = std::clamp(maxTicks, 3, 11);
    if (!nonNegative_) return ticks(limit_, n);
    // The upper half of a symmetric set twice as dense: about n ticks from 0 to limit.
    QVector<double> out;
    for (double v : ticks(limit_, 2 * n - 1))
        if (v >= 0.0) out.push_back(v);
    return out;
}

QSize ColorBar::sizeHint() const {
    const QFontMetrics fm(font());
    int w = 2 + kBarWidth + kTickLength + kGap + labelWidth() + 1;
    if (!title_.isEmpty()) w = std::max(w, fm.horizontalAdvance(title_) + 4);
    return {w, 240};
}

QSize ColorBar::minimumSizeHint() const { return {sizeHint().width(), 80}; }

void ColorBar::paintEvent(QPaintEvent*) {
    QPainter p(this);
    const QRectF bar = barRect();
    const int rows = std::max(1, static_cast<int>(std::lround(bar.height() * devicePixelRatioF())));
    if (gradient_.height() != rows || gradientLimit_ != limit_ || gradientNonNegative_ != nonNegative_) {
        gradient_ = QImage(1, rows, QImage::Format_RGB32);
        const float span = nonNegative_ ? 1.0f : 2.0f;
        for (int r = 0; r < rows; ++r) {
            const float v = limit_ * (1.0f - span * (r + 0.5f) / rows);
            const Rgb8 c = divergingColor(v, limit_);
            gradient_.setPixel(0, r, qRgb(c.r, c.g, c.b));
        }
        gradientLimit_ = limit_;
        gradientNonNegative_ = nonNegative_;
    }
    p.drawImage(bar, gradient_);
    const QColor text = palette().color(QPalette::WindowText);
    p.setPen(QPen(palette().color(QPalette::Mid), 1));
    p.setBrush(Qt::NoBrush);
    p.drawRect(bar.adjusted(-0.5, -0.5, 0.5, 0.5));

    const QFontMetrics fm(font());
    p.setPen(text);
    if (!title_.isEmpty())
        p.drawText(QRectF(0, 0, width(), fm.height() + 2), Qt::AlignLeft | Qt::AlignVCenter, title_);
    const double labelX = bar.right() + kTickLength + kGap;
    for (double v : currentTicks()) {
        const double y = yForValue(v);
        p.drawLine(QPointF(bar.right(), y), QPointF(bar.right() + kTickLength, y));
        p.drawText(QRectF(labelX, y - fm.height() / 2.0, width() - labelX, fm.height()),
                   Qt::AlignLeft | Qt::AlignVCenter, tickText(v));
    }
}

void ColorBar::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::LocaleChange) updateGeometry();
}

} // namespace rdbm::widgets
