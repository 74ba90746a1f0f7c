#pragma once
// Successive halvings of an image, built on first use, so that a zoomed-out view draws
// from a level at most 2x larger than needed: bilinear filtering from there is smooth
// and cheap, where drawing a 24-megapixel photo into 800 pixels directly would alias.
#include <QImage>
#include <QVector>

namespace rdbm::widgets {

class ImagePyramid {
public:
    ImagePyramid() = default;
    explicit ImagePyramid(const QImage& image) { setImage(image); }

    void setImage(const QImage& image);
    const QImage& image() const { return base_; }
    bool isNull() const { return base_.isNull(); }

    // The smallest level whose resolution is still >= the wanted one; deviceScale is device
    // pixels per base-image pixel. (QImage is implicitly shared: returning it is cheap.)
    QImage levelFor(double deviceScale) const;
    int builtLevels() const { return static_cast<int>(levels_.size()); }

private:
    QImage base_;
    mutable QVector<QImage> levels_; // levels_[k] = base halved k+1 times
};

} // namespace rdbm::widgets
