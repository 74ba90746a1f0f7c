// Global tone corrections: percentile stretch ("auto levels") and gamma to mean.
#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "classical/Corrections.h"

namespace rdbm::classical {

namespace {

// Percentile of the values by a 4096-bin histogram: exact enough for 8- and 16-bit
// photos and linear in the pixel count.
double percentile(const std::vector<const cv::Mat*>& planes, double p) {
    constexpr int bins = 4096;
    std::array<long long, bins> hist{};
    long long n = 0;
    for (const cv::Mat* m : planes)
        for (int y = 0; y < m->rows; ++y) {
            const float* r = m->ptr<float>(y);
            for (int x = 0; x < m->cols; ++x) {
                const int b = std::clamp(static_cast<int>(r[x] * (bins - 1) + 0.5f), 0, bins - 1);
                ++hist[static_cast<size_t>(b)];
                ++n;
            }
        }
    const auto target = static_cast<long long>(std::ceil(p * static_cast<double>(n)));
    long long seen = 0;
    for (int b = 0; b < bins; ++b) {
        seen += hist[static_cast<size_t>(b)];
        if (seen >= std::max(1LL, target)) return static_cast<double>(b) / (bins - 1);
    }
    return 1.0;
}

cv::Mat stretch(const cv::Mat& plane, double lo, double hi) {
    // A flat plane (hi - lo tiny) has no range to stretch: leave it as it is.
    if (hi - lo < 1.0 / 255.0) return plane.clone();
    cv::Mat out;
    plane.convertTo(out, CV_32F, 1.0 / (hi - lo), -lo / (hi - lo));
    return cv::min(cv::max(out, 0.0), 1.0);
}

} // namespace

cv::Mat percentileStretch(const cv::Mat& rgb, bool perChannel) {
    std::vector<cv::Mat> ch;
    cv::split(rgb, ch);
    if (perChannel) {
        for (cv::Mat& c : ch) c = stretch(c, percentile({&c}, 0.01), percentile({&c}, 0.99));
    } else {
        const std::vector<const cv::Mat*> all = {&ch[0], &ch[1], &ch[2]};
        const double lo = percentile(all, 0.01), hi = percentile(all, 0.99);
        for (cv::Mat& c : ch) c = stretch(c, lo, hi);
    }
    cv::Mat out;
    cv::merge(ch, out);
    return out;
}

cv::Mat gammaToMean(const cv::Mat& rgb) {
    cv::Mat luma;
    cv::cvtColor(rgb, luma, cv::COLOR_RGB2GRAY);
    const double mean = std::clamp(cv::mean(luma)[0], 1e-3, 1.0 - 1e-3);
    // Mean of x^g is not (mean x)^g, but close for the smooth tone curves photos have.
    const double g = std::clamp(std::log(0.5) / std::log(mean), 0.1, 10.0);
    cv::Mat out;
    cv::pow(cv::max(rgb, 0.0), g, out);
    return cv::min(out, 1.0);
}

cv::Mat claheLightness(const cv::Mat& rgb) {
    cv::Mat lab;
    cv::cvtColor(cv::min(cv::max(rgb, 0.0), 1.0), lab, cv::COLOR_RGB2Lab); // float: L in [0,100]
    std::vector<cv::Mat> ch;
    cv::split(lab, ch);
    cv::Mat l16;
    ch[0].convertTo(l16, CV_16U, 65535.0 / 100.0);
    cv::Ptr<cv::CLAHE> clahe = cv::createCLAHE(2.0, cv::Size(8, 8));
    clahe->apply(l16, l16);
    l16.convertTo(ch[0], CV_32F, 100.0 / 65535.0);
    cv::merge(ch, lab);
    cv::Mat out;
    cv::cvtColor(lab, out, cv::COLOR_Lab2RGB);
    return cv::min(cv::max(out, 0.0), 1.0);
}

} // namespace rdbm::classical
