#pragma once
// A horizontal filmstrip of the sampling trajectory (mu, each x_t, the result) with a
// label under each frame (e.g. "t = 89"). One frame is current: click it or use the
// arrow keys (Home/End, Page Up/Down); the strip scrolls to keep it visible.
// Thumbnails are made lazily for the frames on screen and cached, so hundreds of
// full-size frames cost only what is visible.
#include <QAbstractScrollArea>
#include <QImage>
#include <QString>
#include <QVector>

namespace rdbm::widgets {

struct TrajectoryFrame {
    QImage image;
    QString label;
};

class TrajectoryStrip : public QAbstractScrollArea {
    Q_OBJECT
public:
    explicit TrajectoryStrip(QWidget* parent = nullptr);

    void setFrames(const QVector<TrajectoryFrame>& frames);
    // Appending while the last frame is current moves to the new one (follows a
    // running sampler); otherwise the selection stays.
    void appendFrame(const QImage& image, const QString& label);
    void setFrame(int index, const QImage& image, const QString& label);
    void clear();

    int count() const { return static_cast<int>(frames_.size()); }
    QString label(int index) const;
    QImage frameImage(int index) const;

    int currentStep() const { return current_; } // -1 when empty
    void setCurrentStep(int index);              // clamped to the frames

    // Geometry in viewport coordinates, for hit tests and tests.
    QRect frameRect(int index) const;
    int frameAt(const QPoint& viewportPos) const; // -1 if none
    int cachedThumbnailCount() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void currentStepChanged(int step);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void focusInEvent(QFocusEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    int labelHeight() const;
    int thumbHeight() const;
    int cellWidth() const;
    int visibleCount() const;
    void updateScrollRange();
    void ensureVisible(int index);
    QImage thumbnail(int index, const QSize& deviceSize) const;

    QVector<TrajectoryFrame> frames_;
    mutable QVector<QImage> thumbs_;
    int current_ = -1;
};

} // namespace rdbm::widgets
