#pragma once
// The amplified difference between a "before" and an "after" image, for seeing what a
// restoration changed. Computed over the common area if the sizes differ.
#include <QImage>

namespace rdbm::widgets {

enum class DifferenceStyle {
    Grayscale, // |after - before| (mean over R, G, B) * gain, black = unchanged
    Diverging, // signed mean difference through the shared diverging colour map:
               // white = unchanged, red = brighter after, blue = darker after;
               // the map saturates at a difference of 255 / gain
};

// gain >= 1 amplifies small differences; the result is RGB32.
QImage differenceImage(const QImage& before, const QImage& after, double gain, DifferenceStyle style);

// The gain that brings the given percentile of |mean difference| to full scale, so that
// a few outliers saturate and the rest stays readable (as the heat maps scale), clamped
// to [1, maxGain]; 1 when the images are empty or identical.
double autoDifferenceGain(const QImage& before, const QImage& after, double maxGain, double percentile = 0.99);

} // namespace rdbm::widgets
