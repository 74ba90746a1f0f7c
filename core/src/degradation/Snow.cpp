// Snow: flakes in three size classes (fine, medium, large out-of-focus), a faint glow
// around them and patches of drifting mist, alpha-blended towards a snow white. The
// mist covers only part of the frame, so most pixels stay untouched.
#include <algorithm>
#include <cmath>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "degradation/Generators.h"

namespace rdbm::degradation {
namespace {

// Paints soft discs into the alpha mask (maximum compositing).
void paintFlakes(cv::Mat& mask, DegradationRng& rng, int count, double rMin, double rMax, double opMin,
                 double opMax) {
    for (int i = 0; i < count; ++i) {
        const double cx = rng.uniform(0.0, mask.cols), cy = rng.uniform(0.0, mask.rows);
        const double r = rng.uniform(rMin, rMax);
        const double op = rng.uniform(opMin, opMax);
        const int x0 = std::max(0, static_cast<int>(std::floor(cx - r - 1)));
        const int x1 = std::min(mask.cols - 1, static_cast<int>(std::ceil(cx + r + 1)));
        const int y0 = std::max(0, static_cast<int>(std::floor(cy - r - 1)));
        const int y1 = std::min(mask.rows - 1, static_cast<int>(std::ceil(cy + r + 1)));
        for (int y = y0; y <= y1; ++y) {
            auto* m = mask.ptr<float>(y);
            for (int x = x0; x <= x1; ++x) {
                const double d = std::hypot(x + 0.5 - cx, y + 0.5 - cy);
                // Soft edge one pixel wide; a flake smaller than a pixel is just fainter.
                const double cover = std::clamp(r + 0.5 - d, 0.0, 1.0) * std::min(1.0, r + 0.25);
                m[x] = std::max(m[x], static_cast<float>(op * cover));
            }
        }
    }
}

} // namespace

cv::Mat applySnow(const cv::Mat& img, DegradationRng& rng, double strength) {
    const double pixels = static_cast<double>(img.rows) * img.cols;
    auto count = [&](double perPixel) { return static_cast<int>(std::lround(perPixel * strength * pixels)); };

    cv::Mat fine(img.rows, img.cols, CV_32FC1, cv::Scalar(0));
    paintFlakes(fine, rng, count(rng.uniform(0.002, 0.006)), 0.5, 1.3, 0.5, 0.95);
    cv::Mat medium(img.rows, img.cols, CV_32FC1, cv::Scalar(0));
    paintFlakes(medium, rng, count(rng.uniform(0.0003, 0.0012)), 1.5, 2.8, 0.6, 1.0);
    cv::Mat large(img.rows, img.cols, CV_32FC1, cv::Scalar(0));
    paintFlakes(large, rng, count(rng.uniform(0.00002, 0.00015)), 3.5, 6.0, 0.5, 0.9);
    cv::GaussianBlur(large, large, cv::Size(0, 0), rng.uniform(1.0, 2.0)); // out of focus

    // Falling flakes smear a little along the wind direction.
    const double fall = rng.uniform(0.0, 3.0);
    if (fall >= 1.0) {
        const double a = rng.uniform(-0.6, 0.6);
        const int k = (static_cast<int>(std::ceil(fall)) * 2 + 1);
        cv::Mat ker(k, k, CV_32FC1, cv::Scalar(0));
        const double c = (k - 1) / 2.0;
        for (int i = 0; i <= 8; ++i) {
            const double s = (i / 8.0 - 0.5) * fall;
            const int x = static_cast<int>(std::lround(c + s * std::sin(a)));
            const int y = static_cast<int>(std::lround(c + s * std::cos(a)));
            ker.at<float>(y, x) += 1.0f;
        }
        ker /= cv::sum(ker)[0];
        cv::filter2D(medium, medium, CV_32F, ker);
    }

    cv::Mat flakes = cv::max(fine, cv::max(medium, large));
    // Glow: light scattered around the flakes.
    cv::Mat glow;
    cv::GaussianBlur(flakes, glow, cv::Size(0, 0), rng.uniform(2.0, 4.0));
    glow *= rng.uniform(0.1, 0.35);
    glow = cv::max(glow - 0.006, 0.0); // the faint outskirts would tint the whole frame
    // Mist: a smooth field kept only above a high threshold, so it forms separate patches.
    cv::Mat mist = smoothRandomField(img.rows, img.cols, rng.uniform(24.0, 64.0), rng, false);
    const double threshold = rng.uniform(0.7, 0.9);
    const double veil = rng.uniform(0.04, 0.14) * strength;
    mist = cv::max(mist - threshold, 0.0) * (veil / (1.0 - threshold));
    cv::Mat alpha = cv::min(flakes + glow + mist, 1.0);
    cv::threshold(alpha, alpha, 1e-3, 0, cv::THRESH_TOZERO);

    const double white[3] = {rng.uniform(0.9, 1.0), rng.uniform(0.93, 1.0), rng.uniform(0.95, 1.0)};
    cv::Mat out = img.clone();
    for (int y = 0; y < img.rows; ++y) {
        const float* a = alpha.ptr<float>(y);
        auto* o = out.ptr<cv::Vec3f>(y);
        for (int x = 0; x < img.cols; ++x) {
            if (a[x] == 0.0f) continue;
            for (int ch = 0; ch < 3; ++ch) o[x][ch] += a[x] * (static_cast<float>(white[ch]) - o[x][ch]);
        }
    }
    return out;
}

} // namespace rdbm::degradation
