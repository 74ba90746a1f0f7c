#include "Contrast.h"

#include <algorithm>
#include <cmath>

namespace rdbm::widgets {
namespace {

double linear(double channel) {
    return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
}

} // namespace

double relativeLuminance(const QColor& c) {
    const QColor rgb = c.toRgb();
    return 0.2126 * linear(rgb.redF()) + 0.7152 * linear(rgb.greenF()) + 0.0722 * linear(rgb.blueF());
}

double contrastRatio(const QColor& a, const QColor& b) {
    const double la = relativeLuminance(a), lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor readableOn(const QColor& background, const QColor& preferred, double minRatio) {
    if (contrastRatio(background, preferred) >= minRatio) return preferred;
    const QColor black(Qt::black), white(Qt::white);
    const QColor target = contrastRatio(background, black) >= contrastRatio(background, white) ? black : white;
    const QColor from = preferred.toRgb();
    // Keeps the hue's hint of the palette where one step toward the extreme suffices.
    for (int step = 1; step <= 20; ++step) {
        const double t = step / 20.0;
        const QColor mixed = QColor::fromRgbF(static_cast<float>(from.redF() + (target.redF() - from.redF()) * t),
                                              static_cast<float>(from.greenF() + (target.greenF() - from.greenF()) * t),
                                              static_cast<float>(from.blueF() + (target.blueF() - from.blueF()) * t),
                                              from.alphaF());
        if (contrastRatio(background, mixed) >= minRatio) return mixed;
    }
    return target;
}

} // namespace rdbm::widgets
