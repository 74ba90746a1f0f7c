#include "SplitDivider.h"

#include <algorithm>
#include <cmath>

namespace rdbm::widgets {

void SplitDivider::setFraction(double f) {
    if (std::isnan(f)) return;
    fraction_ = std::clamp(f, 0.0, 1.0);
}

void SplitDivider::setFromX(double x, double width) {
    if (!(width > 0.0)) return;
    setFraction(x / width);
}

bool SplitDivider::hit(double x, double width, double tolerance) const {
    return width > 0.0 && std::abs(x - xIn(width)) <= tolerance;
}

} // namespace rdbm::widgets
