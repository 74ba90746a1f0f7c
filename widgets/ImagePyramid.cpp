#include "ImagePyramid.h"

#include <algorithm>

namespace rdbm::widgets {

namespace {
constexpr int kSmallestSide = 32; // no level below this many pixels
}

void ImagePyramid::setImage(const QImage& image) {
    base_ = image;
    levels_.clear();
}

QImage ImagePyramid::levelFor(double deviceScale) const {
    if (base_.isNull() || deviceScale >= 0.5) return base_;
    const QImage* current = &base_;
    double s = 1.0;
    for (int k = 0;; ++k) {
        if (s * 0.5 < deviceScale) break; // the next level would be too coarse
        if (k >= levels_.size()) {
            const QSize next(std::max(1, current->width() / 2), std::max(1, current->height() / 2));
            if (std::min(current->width(), current->height()) / 2 < kSmallestSide) break;
            levels_.push_back(current->scaled(next, Qt::IgnoreAspectRatio, Qt::SmoothTransformation));
        }
        current = &levels_[k];
        s = static_cast<double>(current->width()) / base_.width();
    }
    return *current;
}

} // namespace rdbm::widgets
