#include "HeatMapImage.h"

#include <vector>

#include "rdbm/Colormap.h"

namespace rdbm::widgets {

QImage heatMapImage(int w, int h, const float* values, float limit) {
    if (w <= 0 || h <= 0 || !values) return {};
    QImage out(w, h, QImage::Format_RGB32);
    std::vector<std::uint8_t> rgb(static_cast<size_t>(w) * 3);
    for (int y = 0; y < h; ++y) {
        divergingColormap(values + static_cast<size_t>(y) * w, w, limit, rgb.data());
        QRgb* line = reinterpret_cast<QRgb*>(out.scanLine(y));
        for (int x = 0; x < w; ++x)
            line[x] = qRgb(rgb[3 * x], rgb[3 * x + 1], rgb[3 * x + 2]);
    }
    return out;
}

} // namespace rdbm::widgets
