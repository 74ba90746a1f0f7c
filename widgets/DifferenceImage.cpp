#include "DifferenceImage.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "rdbm/Colormap.h"

namespace rdbm::widgets {

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

double autoDifferenceGain(const QImage& before, const QImage& after, double maxGain, double percentile) {
    if (before.isNull() || after.isNull()) return 1.0;
    const int w = std::min(before.width(), after.width());
    const int h = std::min(before.height(), after.height());
    const QImage a = before.convertToFormat(QImage::Format_RGB32);
    const QImage b = after.convertToFormat(QImage::Format_RGB32);
    // |dr + dg + db| is an integer in [0, 765]: a histogram gives the percentile exactly.
    std::vector<long long> histogram(766, 0);
    for (int y = 0; y < h; ++y) {
        const QRgb* pa = reinterpret_cast<const QRgb*>(a.constScanLine(y));
        const QRgb* pb = reinterpret_cast<const QRgb*>(b.constScanLine(y));
        for (int x = 0; x < w; ++x) {
            const int d = (qRed(pb[x]) - qRed(pa[x])) + (qGreen(pb[x]) - qGreen(pa[x])) + (qBlue(pb[x]) - qBlue(pa[x]));
            ++histogram[static_cast<size_t>(std::abs(d))];
        }
    }
    const long long total = static_cast<long long>(w) * h;
    const long long wanted = static_cast<long long>(std::ceil(std::clamp(percentile, 0.0, 1.0) * static_cast<double>(total)));
    long long seen = 0;
    size_t level = 0;
    for (; level < histogram.size(); ++level) {
        seen += histogram[level];
        if (seen >= wanted) break;
    }
    const double meanDiff = static_cast<double>(level) / 3.0;
    if (meanDiff <= 0.0) return 1.0;
    return std::clamp(255.0 / meanDiff, 1.0, std::max(1.0, maxGain));
}

} // namespace rdbm::widgets
