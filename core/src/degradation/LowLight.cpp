// Low light: under-exposure with a steeper tone curve, a colour cast, and the sensor
// noise a dark capture brings (shot noise plus read noise), as in LOL-style pairs.
#include <algorithm>
#include <cmath>

#include <opencv2/core.hpp>

#include "degradation/Generators.h"

namespace rdbm::degradation {

cv::Mat applyLowLight(const cv::Mat& img, DegradationRng& rng, double strength) {
    // strength 0 gives exposure 1 and gamma 1 (no change); 2 squares the darkening.
    const double exposure = std::pow(rng.uniform(0.12, 0.4), strength);
    const double gamma = 1.0 + rng.uniform(0.0, 0.7) * strength;
    double gain[3];
    for (double& g : gain) g = 1.0 + rng.uniform(-0.12, 0.12) * strength;
    const double meanGain = (gain[0] + gain[1] + gain[2]) / 3.0;
    for (double& g : gain) g /= meanGain;

    cv::Mat out(img.size(), CV_32FC3);
    for (int y = 0; y < img.rows; ++y) {
        const auto* i = img.ptr<cv::Vec3f>(y);
        auto* o = out.ptr<cv::Vec3f>(y);
        for (int x = 0; x < img.cols; ++x)
            for (int ch = 0; ch < 3; ++ch) {
                const double v = std::max(0.0f, i[x][ch]);
                o[x][ch] = static_cast<float>(exposure * gain[ch] * std::pow(v, gamma));
            }
    }
    const double shot = rng.uniform(1e-4, 8e-4) * strength;
    const double read = rng.uniform(0.5, 2.5) / 255.0 * strength;
    addSensorNoise(out, rng, shot, read);
    return out;
}

} // namespace rdbm::degradation
