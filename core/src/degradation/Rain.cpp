// Rain streaks: one to three layers of sparse drops, each smeared along a slanted,
// tapered line (a motion blur of the drop) and screen-blended over the image. Only
// pixels under a streak change, as in the Rain100/Rain1400 data sets.
#include <algorithm>
#include <cmath>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "degradation/Generators.h"

namespace rdbm::degradation {
namespace {

constexpr double kPi = 3.14159265358979323846;

// A line kernel of the given length and angle from vertical, brightest in the middle
// and fading to the ends, blurred across by widthSigma; peak value 1.
cv::Mat streakKernel(double length, double angleRad, double widthSigma) {
    const int k = (static_cast<int>(std::ceil(length)) + 4) | 1;
    const double c = (k - 1) / 2.0;
    const double dx = std::sin(angleRad), dy = std::cos(angleRad);
    const double half = length / 2.0;
    const double across = std::max(0.35, widthSigma);
    cv::Mat ker(k, k, CV_32FC1);
    for (int y = 0; y < k; ++y)
        for (int x = 0; x < k; ++x) {
            const double px = x - c, py = y - c;
            const double along = px * dx + py * dy;       // position along the streak
            const double perp = -px * dy + py * dx;        // distance across it
            const double s = along / half;
            const double taper = std::abs(s) >= 1.0 ? 0.0 : std::sqrt(1.0 - s * s);
            ker.at<float>(y, x) = static_cast<float>(taper * std::exp(-0.5 * perp * perp / (across * across)));
        }
    double hi = 0;
    cv::minMaxLoc(ker, nullptr, &hi);
    if (hi > 0) ker /= hi;
    return ker;
}

} // namespace

cv::Mat applyRain(const cv::Mat& img, DegradationRng& rng, double strength) {
    cv::Mat streaks(img.rows, img.cols, CV_32FC1, cv::Scalar(0));
    const int layers = rng.uniformInt(1, 3);
    const double baseAngle = rng.uniform(-25.0, 25.0) * kPi / 180.0;
    const double pixels = static_cast<double>(img.rows) * img.cols;
    for (int l = 0; l < layers; ++l) {
        const double angle = baseAngle + rng.uniform(-4.0, 4.0) * kPi / 180.0;
        const double length = rng.uniform(8.0, 32.0);
        const double density = rng.uniform(0.0004, 0.0022) * strength; // drops per pixel
        const double width = rng.uniform(0.35, 0.9);
        const double alpha = rng.uniform(0.3, 0.75);
        const int drops = static_cast<int>(std::lround(density * pixels));
        cv::Mat seeds(img.rows, img.cols, CV_32FC1, cv::Scalar(0));
        for (int i = 0; i < drops; ++i) {
            const int y = rng.uniformInt(0, img.rows - 1);
            const int x = rng.uniformInt(0, img.cols - 1);
            seeds.at<float>(y, x) += static_cast<float>(alpha * rng.uniform(0.5, 1.0));
        }
        if (drops == 0) continue;
        cv::Mat layer;
        cv::filter2D(seeds, layer, CV_32F, streakKernel(length, angle, width), cv::Point(-1, -1), 0,
                     cv::BORDER_CONSTANT);
        streaks += layer;
    }
    // Filtering by DFT leaves tiny round-off far from any streak: cut it to exact zero.
    cv::threshold(streaks, streaks, 1e-4, 0, cv::THRESH_TOZERO);
    cv::min(streaks, 1.0, streaks);

    // Slightly tinted white rain, screen-blended: out = 1 - (1 - img)(1 - tint * s).
    const double tint[3] = {rng.uniform(0.85, 1.0), rng.uniform(0.88, 1.0), rng.uniform(0.9, 1.0)};
    cv::Mat out = img.clone();
    for (int y = 0; y < img.rows; ++y) {
        const float* s = streaks.ptr<float>(y);
        auto* o = out.ptr<cv::Vec3f>(y);
        for (int x = 0; x < img.cols; ++x) {
            if (s[x] == 0.0f) continue;
            for (int ch = 0; ch < 3; ++ch) {
                const float a = static_cast<float>(tint[ch]) * s[x];
                o[x][ch] = 1.0f - (1.0f - o[x][ch]) * (1.0f - a);
            }
        }
    }
    return out;
}

} // namespace rdbm::degradation
