#pragma once
// A vertical colour bar for the shared diverging colour map: +limit at the top, -limit
// at the bottom, white at zero, with "nice" tick values labelled on the right. For maps
// that are never negative (a standard deviation) it shows only the upper half: 0 (white)
// at the bottom, +limit at the top.
#include <QImage>
#include <QString>
#include <QVector>
#include <QWidget>

namespace rdbm::widgets {

class ColorBar : public QWidget {
    Q_OBJECT
public:
    explicit ColorBar(QWidget* parent = nullptr);

    void setLimit(float limit); // > 0
    float limit() const { return limit_; }
    void setNonNegative(bool nonNegative);
    bool isNonNegative() const { return nonNegative_; }
    // Optional caption above the bar (e.g. the quantity shown).
    void setTitle(const QString& title);
    QString title() const { return title_; }

    // Round tick values in [-limit, limit] (always including 0), at most maxTicks of them.
    static QVector<double> ticks(double limit, int maxTicks);
    QVector<double> currentTicks() const;
    // The bar's rectangle and the colour shown at a value, for tests and hit tests.
    QRectF barRect() const;
    double yForValue(double v) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    QString tickText(double v) const;
    int labelWidth() const;

    double lowest() const { return nonNegative_ ? 0.0 : -static_cast<double>(limit_); }

    float limit_ = 1.0f;
    bool nonNegative_ = false;
    QString title_;
    mutable QImage gradient_; // one column, one row per device pixel of the bar
    mutable float gradientLimit_ = 0.0f;
    mutable bool gradientNonNegative_ = false;
};

} // namespace rdbm::widgets
