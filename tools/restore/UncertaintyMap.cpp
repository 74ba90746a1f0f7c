#include "UncertaintyMap.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "rdbm/Colormap.h"
#include "rdbm/Error.h"

namespace rdbm::cli {
namespace {

constexpr int kMinHeight = 160;
constexpr int kMargin = 12; // around the bar
constexpr int kBarWidth = 18;
constexpr int kLabelWidth = 92;
constexpr double kFontScale = 0.45;

cv::Vec3b colorOf(float v, float scale) {
    // Non-negative values use the diverging map's upper half: white at 0, red above.
    const Rgb8 c = divergingColor(std::max(0.0f, v), scale);
    return {c.r, c.g, c.b};
}

std::string label(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.3g", v);
    return text;
}

} // namespace

float uncertaintyScale(const cv::Mat& stdMap) {
    if (stdMap.empty() || stdMap.type() != CV_32FC1)
        throw Error(ErrorKind::Usage, "the uncertainty map must be float32 HxW");
    const cv::Mat m = stdMap.isContinuous() ? stdMap : stdMap.clone();
    return symmetricLimit(m.ptr<float>(), static_cast<int>(m.total()), 0.99);
}

cv::Mat uncertaintyHeatMap(const cv::Mat& stdMap, float scale) {
    if (stdMap.empty() || stdMap.type() != CV_32FC1)
        throw Error(ErrorKind::Usage, "the uncertainty map must be float32 HxW");
    if (!(scale > 0.0f) || !std::isfinite(scale)) scale = 1e-6f;
    const int h = std::max(stdMap.rows, kMinHeight);
    const int w = stdMap.cols + 2 * kMargin + kBarWidth + kLabelWidth;
    cv::Mat canvas(h, w, CV_8UC3, cv::Scalar::all(255));
    for (int y = 0; y < stdMap.rows; ++y) {
        const float* in = stdMap.ptr<float>(y);
        auto* out = canvas.ptr<cv::Vec3b>(y);
        for (int x = 0; x < stdMap.cols; ++x) out[x] = colorOf(in[x], scale);
    }

    // The bar: `scale` at the top, 0 at the bottom; a caption above, ticks on the right.
    const int barX = stdMap.cols + kMargin;
    const int barTop = 28, barBottom = h - 12;
    const int barHeight = barBottom - barTop;
    for (int y = barTop; y < barBottom; ++y) {
        const float v = scale * static_cast<float>(barBottom - 1 - y) / static_cast<float>(std::max(1, barHeight - 1));
        const cv::Vec3b c = colorOf(v, scale);
        for (int x = barX; x < barX + kBarWidth; ++x) canvas.at<cv::Vec3b>(y, x) = c;
    }
    const cv::Scalar ink(0, 0, 0);
    cv::rectangle(canvas, cv::Rect(barX - 1, barTop - 1, kBarWidth + 2, barHeight + 2), cv::Scalar::all(128), 1);
    cv::putText(canvas, "std (0-1)", cv::Point(barX - 2, 16), cv::FONT_HERSHEY_SIMPLEX, kFontScale, ink, 1,
                cv::LINE_AA);
    for (int k = 0; k <= 4; ++k) {
        const double v = scale * k / 4.0;
        const int y = barBottom - 1 - static_cast<int>(std::lround((barHeight - 1) * k / 4.0));
        cv::line(canvas, cv::Point(barX + kBarWidth, y), cv::Point(barX + kBarWidth + 4, y), ink, 1);
        const std::string text = k == 4 ? ">= " + label(v) : label(v);
        cv::putText(canvas, text, cv::Point(barX + kBarWidth + 7, y + 5), cv::FONT_HERSHEY_SIMPLEX, kFontScale, ink, 1,
                    cv::LINE_AA);
    }
    cv::Mat rgb;
    canvas.convertTo(rgb, CV_32FC3, 1.0 / 255.0);
    return rgb;
}

} // namespace rdbm::cli
