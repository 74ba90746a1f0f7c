// Random fields drawn from the degradations' own RNG, and additive sensor noise.
#include <algorithm>
#include <cmath>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "degradation/DegradationRng.h"
#include "degradation/Generators.h"

namespace rdbm::degradation {

cv::Mat DegradationRng::normalField(int rows, int cols, int channels, double sigma) {
    cv::Mat m(rows, cols, CV_32FC(channels));
    const size_t n = m.total() * static_cast<size_t>(channels);
    auto* p = m.ptr<float>();
    for (size_t i = 0; i < n; ++i) p[i] = static_cast<float>(sigma * normal());
    return m;
}

cv::Mat DegradationRng::uniformField(int rows, int cols) {
    cv::Mat m(rows, cols, CV_32FC1);
    auto* p = m.ptr<float>();
    for (size_t i = 0; i < m.total(); ++i) p[i] = static_cast<float>(uniform());
    return m;
}

void addSensorNoise(cv::Mat& img, DegradationRng& rng, double shot, double read) {
    if (shot <= 0.0 && read <= 0.0) return;
    CV_Assert(img.type() == CV_32FC3 && img.isContinuous());
    const cv::Mat z = rng.normalField(img.rows, img.cols, 3, 1.0);
    auto* p = img.ptr<float>();
    const auto* q = z.ptr<float>();
    const size_t n = img.total() * 3;
    const double read2 = read * read;
    for (size_t i = 0; i < n; ++i) {
        const double x = std::max(0.0, static_cast<double>(p[i]));
        p[i] += static_cast<float>(std::sqrt(shot * x + read2) * q[i]);
    }
}

cv::Mat smoothRandomField(int rows, int cols, double featurePx, DegradationRng& rng, bool normalize) {
    featurePx = std::max(2.0, featurePx);
    const int gr = static_cast<int>(std::ceil(rows / featurePx)) + 3;
    const int gc = static_cast<int>(std::ceil(cols / featurePx)) + 3;
    const cv::Mat grid = rng.uniformField(gr, gc);
    cv::Mat up;
    cv::resize(grid, up, cv::Size(static_cast<int>(gc * featurePx), static_cast<int>(gr * featurePx)), 0, 0,
               cv::INTER_CUBIC);
    // Crop a window at a random offset inside the margin so the field has no grid anchor at 0.
    const int oy = rng.uniformInt(0, std::max(0, up.rows - rows));
    const int ox = rng.uniformInt(0, std::max(0, up.cols - cols));
    cv::Mat field = up(cv::Rect(ox, oy, cols, rows)).clone();
    if (!normalize) return field;
    double lo = 0, hi = 0;
    cv::minMaxLoc(field, &lo, &hi);
    if (hi - lo < 1e-9) return cv::Mat(rows, cols, CV_32FC1, cv::Scalar(0.5));
    field = (field - lo) / (hi - lo);
    return field;
}

} // namespace rdbm::degradation
