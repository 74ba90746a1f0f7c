#include "AltDegradations.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace rdbm::bench {

namespace {

// cv::RNG with its own state: never OpenCV's global generator.
cv::RNG rngFor(std::uint64_t seed) { return cv::RNG(seed * 0x9E3779B97F4A7C15ULL + 0x632BE59BD9B4E019ULL); }

float srgbToLinear(float v) {
    return v <= 0.04045f ? v / 12.92f : std::pow((v + 0.055f) / 1.055f, 2.4f);
}

} // namespace

cv::Mat quantize8(const cv::Mat& rgb) {
    cv::Mat u8, out;
    rgb.convertTo(u8, CV_8U, 255.0); // saturates and rounds
    u8.convertTo(out, CV_32F, 1.0 / 255.0);
    return out;
}

cv::Mat altLowLight(const cv::Mat& clean, std::uint64_t seed) {
    cv::RNG rng = rngFor(seed);
    const double exposure = rng.uniform(0.04, 0.15); // 2.7 to 4.6 stops under
    const double shot = rng.uniform(0.002, 0.008);    // variance per unit of linear signal
    const double read = rng.uniform(0.001, 0.004);    // read-noise sigma, linear
    cv::Mat out(clean.size(), CV_32FC3);
    for (int y = 0; y < clean.rows; ++y) {
        const auto* in = clean.ptr<cv::Vec3f>(y);
        auto* o = out.ptr<cv::Vec3f>(y);
        for (int x = 0; x < clean.cols; ++x)
            for (int c = 0; c < 3; ++c) {
                const double lin = srgbToLinear(std::clamp(in[x][c], 0.0f, 1.0f)) * exposure;
                const double sd = std::sqrt(lin * shot * exposure + read * read);
                const double noisy = std::max(0.0, lin + sd * rng.gaussian(1.0));
                o[x][c] = static_cast<float>(std::pow(noisy, 1.0 / 2.2));
            }
    }
    return quantize8(out);
}

cv::Mat altHaze(const cv::Mat& clean, std::uint64_t seed) {
    cv::RNG rng = rngFor(seed);
    cv::Mat hsv;
    cv::cvtColor(clean, hsv, cv::COLOR_RGB2HSV); // float: V and S in [0,1]
    std::vector<cv::Mat> ch;
    cv::split(hsv, ch);
    // Zhu et al.'s linear depth model, then a minimum filter and a wide blur: depth is
    // smooth and objects are not "farther" because of their own bright pixels.
    cv::Mat depth = 0.121779 + 0.959710 * ch[2] - 0.780245 * ch[1];
    const int side = std::max(clean.rows, clean.cols);
    const int k = std::max(3, (side / 40) | 1);
    cv::erode(depth, depth, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(k, k)));
    cv::GaussianBlur(depth, depth, cv::Size(0, 0), side / 30.0);
    // Relative depth: the farthest point of every photo is at 1, the nearest at 0.2.
    double lo = 0.0, hi = 0.0;
    cv::minMaxLoc(depth, &lo, &hi);
    depth = 0.2 + 0.8 * (depth - lo) / std::max(hi - lo, 1e-3);
    const double beta = rng.uniform(1.2, 2.4);
    cv::Mat t;
    cv::exp(depth * -beta, t);
    t = cv::max(t, 0.08);
    const double base = rng.uniform(0.75, 0.92);
    const cv::Vec3f air(static_cast<float>(base - 0.03), static_cast<float>(base), static_cast<float>(base + 0.04));
    cv::Mat out(clean.size(), CV_32FC3);
    for (int y = 0; y < clean.rows; ++y) {
        const auto* in = clean.ptr<cv::Vec3f>(y);
        const float* tr = t.ptr<float>(y);
        auto* o = out.ptr<cv::Vec3f>(y);
        for (int x = 0; x < clean.cols; ++x)
            for (int c = 0; c < 3; ++c)
                o[x][c] = static_cast<float>(in[x][c] * tr[x] + air[c] * (1.0f - tr[x]) + rng.gaussian(1.0 / 255.0));
    }
    return quantize8(out);
}

cv::Mat jpegRoundTrip(const cv::Mat& clean, int quality) {
    cv::Mat u8, bgr;
    clean.convertTo(u8, CV_8U, 255.0);
    cv::cvtColor(u8, bgr, cv::COLOR_RGB2BGR);
    std::vector<uchar> bytes;
    cv::imencode(".jpg", bgr, bytes, {cv::IMWRITE_JPEG_QUALITY, quality});
    cv::Mat decoded = cv::imdecode(bytes, cv::IMREAD_COLOR), rgb, out;
    cv::cvtColor(decoded, rgb, cv::COLOR_BGR2RGB);
    rgb.convertTo(out, CV_32F, 1.0 / 255.0);
    return out;
}

cv::Mat gaussianNoise(const cv::Mat& clean, double sigma, std::uint64_t seed) {
    cv::RNG rng = rngFor(seed);
    cv::Mat noise(clean.size(), CV_32FC3);
    rng.fill(noise, cv::RNG::NORMAL, 0.0, sigma);
    return quantize8(clean + noise);
}

} // namespace rdbm::bench
