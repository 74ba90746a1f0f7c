#include "DifferenceImage.h"

#include <algorithm>
#include <cmath>

#include "rdbm/Colormap.h"

namespace rdbm::gui {

QImage differenceImage(const QImage& before, const QImage& after, double gain, DifferenceStyle style) {
    if (before.isNull() || after.isNull()) return {};
    if (!(gain > 0.0)) gain = 1.0;
    const int w = std::min(before.width(), after.width());
    const int h = std::min(before.height(), after.height());
    const QImage a = before.convertToFormat(QImage::Format_RGB32);
    const QImage b = after.convertToFormat(QImage::Format_RGB32);
    QImage out(w, h, QImage::Format_RGB32);
    const float limit = static_cast<float>(255.0 / gain);
    for (int y = 0; y < h; ++y) {
        const QRgb* pa = reinterpret_cast<const QRgb*>(a.constScanLine(y));
        const QRgb* pb = reinterpret_cast<const QRgb*>(b.constScanLine(y));
        QRgb* po = reinterpret_cast<QRgb*>(out.scanLine(y));
        for (int x = 0; x < w; ++x) {
            const int dr = qRed(pb[x]) - qRed(pa[x]);
            const int dg = qGreen(pb[x]) - qGreen(pa[x]);
            const int db = qBlue(pb[x]) - qBlue(pa[x]);
            if (style == DifferenceStyle::Grayscale) {
                const double mag = (std::abs(dr) + std::abs(dg) + std::abs(db)) / 3.0 * gain;
                const int g = static_cast<int>(std::lround(std::min(mag, 255.0)));
                po[x] = qRgb(g, g, g);
            } else {
                const float signedMean = static_cast<float>(dr + dg + db) / 3.0f;
                const Rgb8 c = divergingColor(signedMean, limit);
                po[x] = qRgb(c.r, c.g, c.b);
            }
        }
    }
    return out;
}

} // namespace rdbm::gui
