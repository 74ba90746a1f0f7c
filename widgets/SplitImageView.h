#pragma once
// Before and after in one view: "before" left of a vertical divider, "after" right of it,
// both under the same zoom. Drag the handle (or press Left/Right, Shift for bigger
// steps) to move the divider; elsewhere dragging pans as in ImageView.
#include "ImageView.h"
#include "SplitDivider.h"

namespace rdbm::widgets {

class SplitImageView : public ImageView {
    Q_OBJECT
public:
    explicit SplitImageView(QWidget* parent = nullptr);

    // The before image is ImageView::image(); the after image is drawn over the same rectangle.
    void setImages(const QImage& before, const QImage& after);
    void setAfterImage(const QImage& after);
    const QImage& afterImage() const { return after_.image(); }

    void setLabels(const QString& before, const QString& after);
    QString beforeLabel() const { return beforeLabel_; }
    QString afterLabel() const { return afterLabel_; }

    double dividerFraction() const { return divider_.fraction(); }
    void setDividerFraction(double f);
    double dividerX() const { return divider_.xIn(width()); }
    // Grab tolerance around the divider, in logical pixels.
    static constexpr double kGrabTolerance = 6.0;
    static constexpr double kKnobRadius = 11.0;
    static constexpr double kKeyStep = 0.01;
    static constexpr double kBigKeyStep = 0.1;

signals:
    void dividerMoved(double fraction);

protected:
    void paintContent(QPainter& painter) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void drawHandle(QPainter& p) const;
    void updateCursorAt(const QPointF& pos);
    bool grabsDivider(const QPointF& pos) const;

    ImagePyramid after_;
    SplitDivider divider_;
    QString beforeLabel_;
    QString afterLabel_;
    bool draggingDivider_ = false;
};

} // namespace rdbm::widgets
