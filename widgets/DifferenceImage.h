#pragma once
// The amplified difference between a "before" and an "after" image, for seeing what a
// restoration changed. Computed over the common area if the sizes differ.
#include <QImage>

namespace rdbm::gui {

enum class DifferenceStyle {
    Grayscale, // |after - before| (mean over R, G, B) * gain, black = unchanged
    Diverging, // signed mean difference through the shared diverging colour map:
               // white = unchanged, red = brighter after, blue = darker after;
               // the map saturates at a difference of 255 / gain
};

// gain >= 1 amplifies small differences; the result is RGB32.
QImage differenceImage(const QImage& before, const QImage& after, double gain, DifferenceStyle style);

} // namespace rdbm::gui
