// PSNR and Gaussian-window SSIM. SSIM follows Wang et al. 2004 as scikit-image computes
// it with gaussian_weights=True, sigma=1.5, use_sample_covariance=False: an 11x11
// Gaussian window, population (biased) statistics, the mean over the region not touched
// by the image border (5 pixels cropped on each side), then the mean over channels.
#include "rdbm/Metrics.h"

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "rdbm/Error.h"

namespace rdbm {
namespace {

std::string sizeText(const cv::Mat& m) {
    return std::to_string(m.cols) + "x" + std::to_string(m.rows) + "x" + std::to_string(m.channels());
}

void requireComparable(const cv::Mat& a, const cv::Mat& b, const char* metric) {
    if (a.empty() || b.empty()) throw Error(ErrorKind::Image, std::string(metric) + ": empty image");
    if (a.size() != b.size() || a.channels() != b.channels())
        throw Error(ErrorKind::Image, std::string(metric) + ": images differ in size: " + sizeText(a) +
                                          " vs " + sizeText(b));
}

cv::Mat toDouble(const cv::Mat& m) {
    cv::Mat d;
    m.convertTo(d, CV_MAKETYPE(CV_64F, m.channels()));
    return d;
}

} // namespace

double psnr(const cv::Mat& a, const cv::Mat& b, double peak) {
    requireComparable(a, b, "PSNR");
    // One channel view so any channel count sums correctly.
    const cv::Mat diff = cv::Mat(toDouble(a) - toDouble(b)).reshape(1);
    const double total = cv::sum(diff.mul(diff))[0];
    const double mse = total / (static_cast<double>(a.total()) * a.channels());
    if (mse == 0.0) return std::numeric_limits<double>::infinity();
    return 10.0 * std::log10(peak * peak / mse);
}

double ssim(const cv::Mat& a, const cv::Mat& b, double peak) {
    requireComparable(a, b, "SSIM");
    constexpr int kWin = 11;
    constexpr double kSigma = 1.5;
    constexpr int kPad = (kWin - 1) / 2;
    if (a.rows < kWin || a.cols < kWin)
        throw Error(ErrorKind::Image, "SSIM: image " + sizeText(a) + " is smaller than the 11x11 window");

    const double c1 = (0.01 * peak) * (0.01 * peak);
    const double c2 = (0.03 * peak) * (0.03 * peak);
    const cv::Mat kernel = cv::getGaussianKernel(kWin, kSigma, CV_64F); // normalized to sum 1
    const auto blur = [&](const cv::Mat& m) {
        cv::Mat out;
        cv::sepFilter2D(m, out, CV_64F, kernel, kernel, cv::Point(-1, -1), 0.0, cv::BORDER_REFLECT);
        return out;
    };

    std::vector<cv::Mat> ca, cb;
    cv::split(toDouble(a), ca);
    cv::split(toDouble(b), cb);
    const cv::Rect interior(kPad, kPad, a.cols - 2 * kPad, a.rows - 2 * kPad);
    double total = 0.0;
    for (size_t c = 0; c < ca.size(); ++c) {
        const cv::Mat& x = ca[c];
        const cv::Mat& y = cb[c];
        const cv::Mat mx = blur(x), my = blur(y);
        const cv::Mat sxx = blur(x.mul(x)) - mx.mul(mx);
        const cv::Mat syy = blur(y.mul(y)) - my.mul(my);
        const cv::Mat sxy = blur(x.mul(y)) - mx.mul(my);
        const cv::Mat num = (2.0 * mx.mul(my) + c1).mul(2.0 * sxy + c2);
        const cv::Mat den = (mx.mul(mx) + my.mul(my) + c1).mul(sxx + syy + c2);
        cv::Mat map;
        cv::divide(num, den, map);
        total += cv::mean(map(interior))[0];
    }
    return total / static_cast<double>(ca.size());
}

} // namespace rdbm
