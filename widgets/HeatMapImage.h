#pragma once
// A signed float map rendered through the shared diverging colour map (rdbm/Colormap.h):
// white at zero, red positive, blue negative, saturated beyond +-limit.
#include <QImage>

namespace rdbm::widgets {

// values holds w*h floats, row-major. Returns an RGB32 image (null for an empty map).
QImage heatMapImage(int w, int h, const float* values, float limit);

} // namespace rdbm::widgets
