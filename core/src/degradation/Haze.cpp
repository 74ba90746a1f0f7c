// Haze by the atmospheric scattering model I = J t + A (1 - t), t = exp(-beta d). The
// depth proxy d mixes a vertical gradient (the top of a photo is usually farther),
// a smooth random field and the blurred luminance (bright sky reads as far).
#include <algorithm>
#include <cmath>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "degradation/Generators.h"

namespace rdbm::degradation {

cv::Mat applyHaze(const cv::Mat& img, DegradationRng& rng, double strength) {
    const int rows = img.rows, cols = img.cols;
    // Vertical gradient with a random horizon: 1 above it, falling towards the bottom.
    const double horizon = rng.uniform(0.2, 0.6);
    cv::Mat vertical(rows, cols, CV_32FC1);
    for (int y = 0; y < rows; ++y) {
        const double v = rows > 1 ? double(y) / (rows - 1) : 0.0;
        const double d = v <= horizon ? 1.0 : 1.0 - (v - horizon) / (1.0 - horizon);
        vertical.row(y).setTo(d);
    }
    const cv::Mat field = smoothRandomField(rows, cols, rng.uniform(0.3, 0.8) * std::max(rows, cols), rng);
    cv::Mat luma;
    cv::cvtColor(img, luma, cv::COLOR_RGB2GRAY);
    cv::GaussianBlur(luma, luma, cv::Size(0, 0), std::max(2.0, 0.05 * std::max(rows, cols)));

    const double wv = rng.uniform(0.2, 0.6), wf = rng.uniform(0.2, 0.5), wl = rng.uniform(0.0, 0.3);
    cv::Mat depth = (vertical * wv + field * wf + luma * wl) / (wv + wf + wl);
    // Nothing is at distance zero: keep a floor so the nearest pixels are hazed a little too.
    depth = 0.25 + 0.75 * depth;

    const double beta = rng.uniform(0.8, 2.4) * strength;
    cv::Mat t;
    cv::exp(depth * -beta, t);
    const double airBase = rng.uniform(0.7, 0.95);
    double air[3];
    for (double& a : air) a = std::clamp(airBase + rng.uniform(-0.03, 0.03), 0.0, 1.0);

    cv::Mat out(img.size(), CV_32FC3);
    for (int y = 0; y < rows; ++y) {
        const auto* j = img.ptr<cv::Vec3f>(y);
        const float* tr = t.ptr<float>(y);
        auto* o = out.ptr<cv::Vec3f>(y);
        for (int x = 0; x < cols; ++x)
            for (int ch = 0; ch < 3; ++ch)
                o[x][ch] = j[x][ch] * tr[x] + static_cast<float>(air[ch]) * (1.0f - tr[x]);
    }
    addSensorNoise(out, rng, 0.0, rng.uniform(0.3, 1.2) / 255.0 * strength);
    return out;
}

} // namespace rdbm::degradation
