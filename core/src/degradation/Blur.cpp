// Blur: camera shake (a random, slightly curved motion trajectory) or defocus (an
// anti-aliased disc), followed by mild sensor noise.
#include <algorithm>
#include <cmath>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "degradation/Generators.h"

namespace rdbm::degradation {
namespace {

constexpr double kPi = 3.14159265358979323846;

// Splats a random-walk trajectory of the given length into a kernel, centred on its
// centre of mass so the blurred image does not shift.
cv::Mat motionKernel(double length, DegradationRng& rng) {
    const int samples = 64;
    double angle = rng.uniform(0.0, kPi);
    const double curvature = rng.uniform(0.0, 0.15);
    std::vector<cv::Point2d> pts;
    cv::Point2d p(0, 0);
    for (int i = 0; i < samples; ++i) {
        pts.push_back(p);
        angle += curvature * rng.normal();
        p += cv::Point2d(std::cos(angle), std::sin(angle)) * (length / samples);
    }
    cv::Point2d mean(0, 0);
    for (const auto& q : pts) mean += q;
    mean *= 1.0 / samples;
    double reach = 0;
    for (auto& q : pts) {
        q -= mean;
        reach = std::max({reach, std::abs(q.x), std::abs(q.y)});
    }
    const int k = 2 * static_cast<int>(std::ceil(reach)) + 3;
    const double c = (k - 1) / 2.0;
    cv::Mat ker(k, k, CV_32FC1, cv::Scalar(0));
    for (const auto& q : pts) { // bilinear splat
        const double x = c + q.x, y = c + q.y;
        const int x0 = static_cast<int>(std::floor(x)), y0 = static_cast<int>(std::floor(y));
        const double fx = x - x0, fy = y - y0;
        ker.at<float>(y0, x0) += static_cast<float>((1 - fx) * (1 - fy));
        ker.at<float>(y0, x0 + 1) += static_cast<float>(fx * (1 - fy));
        ker.at<float>(y0 + 1, x0) += static_cast<float>((1 - fx) * fy);
        ker.at<float>(y0 + 1, x0 + 1) += static_cast<float>(fx * fy);
    }
    ker /= cv::sum(ker)[0];
    return ker;
}

cv::Mat defocusKernel(double radius) {
    const int k = 2 * static_cast<int>(std::ceil(radius)) + 3;
    const double c = (k - 1) / 2.0;
    cv::Mat ker(k, k, CV_32FC1);
    for (int y = 0; y < k; ++y)
        for (int x = 0; x < k; ++x)
            ker.at<float>(y, x) = static_cast<float>(std::clamp(radius + 0.5 - std::hypot(x - c, y - c), 0.0, 1.0));
    ker /= cv::sum(ker)[0];
    return ker;
}

} // namespace

cv::Mat applyBlur(const cv::Mat& img, DegradationRng& rng, double strength) {
    const bool motion = rng.chance(0.6);
    const double size = motion ? rng.uniform(5.0, 21.0) * strength : rng.uniform(1.5, 5.0) * strength;
    cv::Mat out;
    const bool blurs = motion ? size >= 1.0 : size >= 0.5;
    if (blurs) {
        const cv::Mat ker = motion ? motionKernel(size, rng) : defocusKernel(size);
        cv::filter2D(img, out, CV_32F, ker, cv::Point(-1, -1), 0, cv::BORDER_REFLECT_101);
    } else {
        out = img.clone();
    }
    addSensorNoise(out, rng, rng.uniform(0.0, 2e-4) * strength, rng.uniform(0.5, 1.5) / 255.0 * strength);
    return out;
}

} // namespace rdbm::degradation
